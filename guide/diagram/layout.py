"""Place the pathway's boxes on a grid of stage columns by lanes, and route the lines.

Pure Python, so it is tested without a window. The layout cannot overlap by
construction:

* each box sits in one lane and spans whole columns; inside a lane, boxes take
  the first *row* whose cells are all free, so two boxes in the same row never
  share a column;
* rows are stacked with a gutter between them, each row as tall as its
  tallest box;
* lines run only through the gaps between columns and the gutters between
  rows, where there are no boxes, and each line gets its own *track* in every
  gap and gutter it uses, so two lines never run along each other.

Sizes are in scene units (pixels at 100% zoom). Text height comes from a
``measure`` callback so the view can use real font metrics; the default is a
character-count estimate for tests and the text alternative.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from guide.diagram.data import Column, Edge, Lane, Node, Pathway

Point = tuple[float, float]
Measure = Callable[[Node, float], float]


@dataclass(frozen=True)
class Metrics:
    """The grid's fixed sizes; gaps and gutters grow to fit the lines routed through them."""

    margin: float = 16
    lane_header: float = 120
    column_header: float = 58
    column_width: float = 176
    gap: float = 40
    gutter: float = 14
    lane_gutter: float = 26
    track: float = 7
    min_node_height: float = 48

    def scaled(self, scale: float) -> Metrics:
        """Every size times ``scale``: at a bigger text size the grid grows with the labels,
        so they wrap where they do at 100% instead of breaking inside words."""
        return Metrics(**{name: value * scale for name, value in vars(self).items()})


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def intersects(self, other: Rect) -> bool:
        """True if the two rectangles share any area (touching edges do not count)."""
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )

    def contains_segment_part(self, a: Point, b: Point) -> bool:
        """True if any part of the axis-parallel segment a-b lies strictly inside."""
        (x1, y1), (x2, y2) = a, b
        if x1 == x2:
            return self.x < x1 < self.right and min(y1, y2) < self.bottom and self.y < max(y1, y2)
        return self.y < y1 < self.bottom and min(x1, x2) < self.right and self.x < max(x1, x2)


@dataclass(frozen=True)
class PlacedNode:
    node: Node
    rect: Rect
    lane: int
    row: int
    first_column: int
    last_column: int


@dataclass(frozen=True)
class Route:
    """A line as a list of points joined by horizontal and vertical segments."""

    edge: Edge
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Layout:
    nation: str
    width: float
    height: float
    nodes: tuple[PlacedNode, ...]
    routes: tuple[Route, ...]
    columns: tuple[tuple[Column, Rect], ...]
    lanes: tuple[tuple[Lane, Rect], ...]
    metrics: Metrics = field(default_factory=Metrics)

    def placed(self, node_id: str) -> PlacedNode:
        return next(p for p in self.nodes if p.node.id == node_id)

    def reading_order(self) -> list[PlacedNode]:
        """Stage by stage, then lane by lane, top to bottom: the keyboard's order."""
        return sorted(self.nodes, key=lambda p: (p.first_column, p.lane, p.row, p.rect.x))


def estimate_height(node: Node, width: float, metrics: Metrics | None = None) -> float:
    """A font-free estimate: about 7 units a character, 17 a line, 10 padding each side."""
    metrics = metrics or Metrics()
    per_line = max(1, int((width - 20) // 7))
    lines = _wrapped_lines(node.title, per_line) + (
        _wrapped_lines(node.detail, per_line) if node.detail else 0
    )
    return max(metrics.min_node_height, 20 + 17 * lines)


def _wrapped_lines(text: str, per_line: int) -> int:
    lines, current = 1, 0
    for word in text.split():
        need = len(word) if current == 0 else current + 1 + len(word)
        if need > per_line and current:
            lines, current = lines + 1, len(word)
        else:
            current = need
    return lines


def layout_pathway(
    pathway: Pathway,
    nation: str,
    measure: Measure | None = None,
    metrics: Metrics | None = None,
) -> Layout:
    """Place every box and route every line shown for ``nation``."""
    m = metrics or Metrics()
    measure = measure or (lambda node, width: estimate_height(node, width, m))
    col_index = {c.id: i for i, c in enumerate(pathway.columns)}
    lane_index = {lane.id: i for i, lane in enumerate(pathway.lanes)}
    nodes = pathway.nodes_for(nation)
    edges = pathway.edges_for(nation)

    # 1. Rows: the first row of the lane whose cells are all free.
    cells: dict[tuple[int, int], set[int]] = {}
    slots: dict[str, tuple[int, int, int, int]] = {}  # id -> lane, row, first, last
    for node in nodes:
        lane, first, last = lane_index[node.lane], col_index[node.column], col_index[node.until]
        row = 0
        while any(c in cells.get((lane, row), set()) for c in range(first, last + 1)):
            row += 1
        cells.setdefault((lane, row), set()).update(range(first, last + 1))
        slots[node.id] = (lane, row, first, last)
    rows_per_lane = [
        1 + max((r for (ln, r) in cells if ln == lane), default=0)
        for lane in range(len(pathway.lanes))
    ]
    bands = [(lane, row) for lane, count in enumerate(rows_per_lane) for row in range(count)]

    # 2. Row heights from the text, measured at the narrowest width the box can have.
    heights = {band: m.min_node_height for band in bands}
    for node in nodes:
        lane, row, first, last = slots[node.id]
        span = last - first + 1
        width = span * m.column_width + (span - 1) * m.gap
        heights[(lane, row)] = max(heights[(lane, row)], measure(node, width))

    # Gutter k lies above band k; gutter len(bands) lies below the last band.
    base_gutters = [
        m.lane_gutter if k == 0 or bands[k][1] == 0 else m.gutter for k in range(len(bands))
    ]
    base_gutters.append(m.lane_gutter)

    def band_tops(gutters: Sequence[float]) -> list[float]:
        tops, y = [], m.margin + m.column_header
        for k, band in enumerate(bands):
            y += gutters[k]
            tops.append(y)
            y += heights[band]
        return tops

    def gutter_centre(gutters: Sequence[float], tops: Sequence[float], k: int) -> float:
        end = tops[k] if k < len(bands) else tops[-1] + heights[bands[-1]] + gutters[k]
        return end - gutters[k] / 2

    band_of = {band: k for k, band in enumerate(bands)}

    def port_ys(tops: Sequence[float]) -> dict[tuple[int, str], float]:
        """Where each line leaves its source's right side and meets its target's left side."""
        centre = {
            n.id: tops[band_of[slots[n.id][:2]]] + heights[slots[n.id][:2]] / 2 for n in nodes
        }
        sides: dict[tuple[str, str], list[int]] = {}
        for i, edge in enumerate(edges):
            sides.setdefault((edge.source, "out"), []).append(i)
            sides.setdefault((edge.target, "in"), []).append(i)
        ports: dict[tuple[int, str], float] = {}
        for (node_id, side), members in sides.items():
            other = (lambda i: edges[i].target) if side == "out" else (lambda i: edges[i].source)
            members.sort(key=lambda i: (centre[other(i)], i))
            band = slots[node_id][:2]
            top, height = tops[band_of[band]], heights[band]
            for k, i in enumerate(members):
                ports[(i, side)] = top + height * (k + 1) / (len(members) + 1)
        return ports

    # 3. Find each line's way through the gaps and gutters (a gap is blocked in a row
    # where a box spans across it), then give every horizontal run its own track.
    tops = band_tops(base_gutters)
    ports = port_ys(tops)
    blocked = {
        (band_of[slots[n.id][:2]], g) for n in nodes for g in range(slots[n.id][2], slots[n.id][3])
    }
    n_cols = len(pathway.columns)
    paths: list[list[list]] = []
    for i, edge in enumerate(edges):
        paths.append(
            _find_path(
                start=(slots[edge.source][3], band_of[slots[edge.source][:2]], ports[(i, "out")]),
                goal=(slots[edge.target][2] - 1, band_of[slots[edge.target][:2]], ports[(i, "in")]),
                gutter_y=lambda k: gutter_centre(base_gutters, tops, k),
                n_gutters=len(bands) + 1,
                n_cols=n_cols,
                blocked=blocked,
                step=m.column_width + m.gap,
            )
        )
    gutter_tracks: dict[tuple[int, int], int] = {}
    gutter_counts = [0] * (len(bands) + 1)
    for k in range(len(bands) + 1):
        members = [
            (min(seg[2], seg[3]), max(seg[2], seg[3]), (i, j))
            for i, path in enumerate(paths)
            for j, seg in enumerate(path)
            if seg[0] == "h" and seg[1] == k
        ]
        assigned = _colour_intervals(members)
        gutter_tracks.update(assigned)
        gutter_counts[k] = 1 + max(assigned.values(), default=-1)
    gutters = [
        max(base, m.gutter + count * m.track)
        for base, count in zip(base_gutters, gutter_counts, strict=True)
    ]
    tops = band_tops(gutters)
    ports = port_ys(tops)

    def run_y(i: int, j: int) -> float:
        """The y of a horizontal run, or of the port at either end of the line."""
        if j < 0:
            return ports[(i, "out")]
        if j >= len(paths[i]):
            return ports[(i, "in")]
        k = paths[i][j][1]
        centre = gutter_centre(gutters, tops, k)
        return centre + (gutter_tracks[(i, j)] - (gutter_counts[k] - 1) / 2) * m.track

    # 4. Vertical runs in the gaps between columns, each on its own track.
    runs: dict[int, list[tuple[float, float, tuple[int, int]]]] = {}
    for i, path in enumerate(paths):
        for j, seg in enumerate(path):
            if seg[0] == "v":
                y1, y2 = run_y(i, j - 1), run_y(i, j + 1)
                runs.setdefault(seg[1], []).append((min(y1, y2), max(y1, y2), (i, j)))
    gap_tracks: dict[tuple[int, int], int] = {}
    gap_counts: dict[int, int] = {}
    for gap, members in runs.items():
        assigned = _colour_intervals(members)
        gap_tracks.update(assigned)
        gap_counts[gap] = 1 + max(assigned.values(), default=-1)
    gap_width = {
        g: max(m.gap, 2 * m.track + gap_counts.get(g, 0) * m.track) for g in range(-1, n_cols)
    }
    lefts, x = [], m.margin + m.lane_header + gap_width[-1]
    for c in range(n_cols):
        lefts.append(x)
        x += m.column_width + gap_width[c]
    width = x + m.margin

    def gap_track_x(gap: int, track: int) -> float:
        start = lefts[gap] + m.column_width if gap >= 0 else lefts[0] - gap_width[-1]
        count = gap_counts.get(gap, 1)
        return start + gap_width[gap] / 2 + (track - (count - 1) / 2) * m.track

    # 5. Coordinates.
    placed = []
    for node in nodes:
        lane, row, first, last = slots[node.id]
        k = band_of[(lane, row)]
        rect = Rect(
            lefts[first], tops[k], lefts[last] + m.column_width - lefts[first], heights[(lane, row)]
        )
        placed.append(PlacedNode(node, rect, lane, row, first, last))
    by_id = {p.node.id: p for p in placed}
    routes = []
    for i, edge in enumerate(edges):
        points: list[Point] = [(by_id[edge.source].rect.right, ports[(i, "out")])]
        for j, seg in enumerate(paths[i]):
            if seg[0] == "v":
                xv = gap_track_x(seg[1], gap_tracks[(i, j)])
                points += [(xv, run_y(i, j - 1)), (xv, run_y(i, j + 1))]
        points.append((by_id[edge.target].rect.x, ports[(i, "in")]))
        routes.append(Route(edge, _simplify(points)))
    bottom = tops[-1] + heights[bands[-1]] + gutters[-1]
    column_bands = tuple(
        (
            column,
            Rect(
                lefts[c] - gap_width[c - 1] / 2,
                m.margin,
                m.column_width + (gap_width[c - 1] + gap_width[c]) / 2,
                bottom - m.margin,
            ),
        )
        for c, column in enumerate(pathway.columns)
    )
    lane_bands = []
    for lane_no, lane_def in enumerate(pathway.lanes):
        first_k = band_of[(lane_no, 0)]
        last_k = band_of[(lane_no, rows_per_lane[lane_no] - 1)]
        top = tops[first_k] - gutters[first_k] / 2
        end = tops[last_k] + heights[bands[last_k]] + gutters[last_k + 1] / 2
        lane_bands.append((lane_def, Rect(m.margin, top, width - 2 * m.margin, end - top)))
    return Layout(
        nation=nation,
        width=width,
        height=bottom + m.margin,
        nodes=tuple(placed),
        routes=tuple(routes),
        columns=column_bands,
        lanes=tuple(lane_bands),
        metrics=m,
    )


def _find_path(
    *,
    start: tuple[int, int, float],
    goal: tuple[int, int, float],
    gutter_y: Callable[[int], float],
    n_gutters: int,
    n_cols: int,
    blocked: set[tuple[int, int]],
    step: float,
) -> list[list]:
    """The cheapest way from a source's gap to a target's gap, as alternating runs.

    ``start`` and ``goal`` are (gap, band, port y). Junctions are (gap, gutter):
    a line may run down a gap past band k (between gutters k and k+1) unless a
    box spans that gap in that band, and along any gutter. Cost is distance
    plus a penalty per bend, so lines stay short and simple. Returns runs
    ``["v", gap]`` and ``["h", gutter, from_gap, to_gap]``, starting and ending
    with a vertical run.
    """
    (gs, bs, ys), (gt, bt, yt) = start, goal
    lo, hi = min(bs, bt), max(bs, bt)
    if gs == gt and all((b, gs) not in blocked for b in range(lo + 1, hi)):
        return [["v", gs]]
    bend = 40.0
    queue: list[tuple[float, int, int, str, tuple]] = []
    for k in (bs, bs + 1):
        heapq.heappush(queue, (abs(ys - gutter_y(k)), gs, k, "v", ((gs, k),)))
    done: set[tuple[int, int, str]] = set()
    while queue:
        cost, g, k, heading, path = heapq.heappop(queue)
        if (g, k, heading) in done:
            continue
        done.add((g, k, heading))
        if g == gt and k in (bt, bt + 1) and heading == "end":
            return _runs(path, gs, gt)
        if g == gt and k in (bt, bt + 1):
            extra = abs(gutter_y(k) - yt) + (bend if heading == "h" else 0)
            heapq.heappush(queue, (cost + extra, g, k, "end", path))
        for dk in (-1, 1):
            k2 = k + dk
            band = min(k, k2)
            if 0 <= k2 < n_gutters and (band, g) not in blocked:
                extra = abs(gutter_y(k) - gutter_y(k2)) + (bend if heading == "h" else 0)
                heapq.heappush(queue, (cost + extra, g, k2, "v", (*path, (g, k2))))
        for dg in (-1, 1):
            g2 = g + dg
            if -1 <= g2 < n_cols:
                extra = step + (bend if heading == "v" else 0)
                heapq.heappush(queue, (cost + extra, g2, k, "h", (*path, (g2, k))))
    raise AssertionError("gap -1 and the last gap are never blocked, so a path always exists")


def _runs(path: Sequence[tuple[int, int]], gs: int, gt: int) -> list[list]:
    runs: list[list] = [["v", gs]]
    for (g1, k1), (g2, _k2) in itertools.pairwise(path):
        if g1 == g2:
            if runs[-1][0] != "v":
                runs.append(["v", g1])
        elif runs[-1][0] == "h":
            runs[-1][3] = g2
        else:
            runs.append(["h", k1, g1, g2])
    if runs[-1][0] != "v":
        runs.append(["v", gt])
    return runs


def _colour_intervals(members: Sequence[tuple[float, float, object]]) -> dict:
    """Give each interval the lowest track free of every interval it overlaps or touches."""
    ends: list[float] = []  # the end of the last interval on each track
    assigned = {}
    for lo, hi, key in sorted(members, key=lambda t: (t[0], t[1])):
        track = next((t for t, end in enumerate(ends) if end < lo), len(ends))
        if track == len(ends):
            ends.append(hi)
        else:
            ends[track] = hi
        assigned[key] = track
    return assigned


def _simplify(points: Sequence[Point]) -> tuple[Point, ...]:
    """Drop repeated points and middle points of straight runs."""
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < 1e-6 and abs(out[-1][1] - p[1]) < 1e-6:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (abs(ax - bx) < 1e-6 and abs(bx - p[0]) < 1e-6) or (
                abs(ay - by) < 1e-6 and abs(by - p[1]) < 1e-6
            ):
                out[-1] = p
                continue
        out.append(p)
    return tuple(out)

"""The layout: no two boxes overlap, no line runs through a box, for every nation."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.diagram.data import Column, Edge, Lane, Node, Pathway
from guide.diagram.layout import Layout, Rect, layout_pathway

NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")


def _assert_clean(layout: Layout) -> None:
    for a, b in itertools.combinations(layout.nodes, 2):
        assert not a.rect.intersects(b.rect), (a.node.id, b.node.id)
    for route in layout.routes:
        segments = list(itertools.pairwise(route.points))
        for (x1, y1), (x2, y2) in segments:
            assert x1 == pytest.approx(x2) or y1 == pytest.approx(y2), "lines run across or down"
        for placed in layout.nodes:
            for a, b in segments:
                assert not placed.rect.contains_segment_part(a, b), (
                    route.edge.source,
                    route.edge.target,
                    placed.node.id,
                )
        source, target = layout.placed(route.edge.source), layout.placed(route.edge.target)
        assert route.points[0][0] == pytest.approx(source.rect.right)
        assert route.points[-1][0] == pytest.approx(target.rect.x)
    for placed in layout.nodes:
        assert placed.rect.x >= 0 and placed.rect.right <= layout.width
        assert placed.rect.y >= 0 and placed.rect.bottom <= layout.height


def _parallel_overlap(layout: Layout) -> list[tuple[str, str]]:
    """Pairs of different lines that run along the same stretch of the same track."""
    runs = []
    for route in layout.routes:
        for (x1, y1), (x2, y2) in itertools.pairwise(route.points[1:-1]):
            runs.append((route.edge, x1, y1, x2, y2))
    clashes = []
    for (e1, ax1, ay1, ax2, ay2), (e2, bx1, by1, bx2, by2) in itertools.combinations(runs, 2):
        if e1 is e2:
            continue
        same_vertical = ax1 == ax2 == bx1 == bx2 and (
            min(ay1, ay2) < max(by1, by2) and min(by1, by2) < max(ay1, ay2)
        )
        same_horizontal = ay1 == ay2 == by1 == by2 and (
            min(ax1, ax2) < max(bx1, bx2) and min(bx1, bx2) < max(ax1, ax2)
        )
        if same_vertical or same_horizontal:
            clashes.append((e1.source + ">" + e1.target, e2.source + ">" + e2.target))
    return clashes


@pytest.mark.parametrize("nation", NATIONS)
def test_no_two_boxes_overlap_and_no_line_crosses_a_box(shipped_model, nation):
    layout = layout_pathway(shipped_model.extras["pathway"], nation)
    assert len(layout.nodes) >= 20
    _assert_clean(layout)
    assert _parallel_overlap(layout) == []


@pytest.mark.parametrize("nation", NATIONS)
def test_taller_text_grows_rows_without_overlap(shipped_model, nation):
    layout = layout_pathway(
        shipped_model.extras["pathway"], nation, measure=lambda n, w: 40 + 3 * len(n.title)
    )
    _assert_clean(layout)
    for placed in layout.nodes:
        assert placed.rect.h >= 40 + 3 * len(placed.node.title)


def test_boxes_sit_in_their_stage_column_and_lane(shipped_model):
    pathway = shipped_model.extras["pathway"]
    layout = layout_pathway(pathway, "Scotland")
    columns = dict((c.id, r) for c, r in layout.columns)
    lanes = dict((lane.id, r) for lane, r in layout.lanes)
    for placed in layout.nodes:
        first, last = columns[placed.node.column], columns[placed.node.until]
        assert first.x <= placed.rect.x and placed.rect.right <= last.right
        lane = lanes[placed.node.lane]
        assert lane.y <= placed.rect.y and placed.rect.bottom <= lane.bottom


def test_reading_order_goes_stage_by_stage(shipped_model):
    order = layout_pathway(shipped_model.extras["pathway"], "England").reading_order()
    ids = [p.node.id for p in order]
    assert ids[0] == "medical-degree"
    assert ids.index("foundation-programme") < ids.index("acf") < ids.index("phd-md")
    assert ids.index("clinical-lectureship") < ids.index("senior-lecturer")
    firsts = [p.first_column for p in order]
    assert firsts == sorted(firsts)


def test_rect_intersection_ignores_touching_edges():
    assert not Rect(0, 0, 10, 10).intersects(Rect(10, 0, 10, 10))
    assert Rect(0, 0, 10, 10).intersects(Rect(9, 9, 10, 10))


# -- any pathway an editor could write lays out cleanly ------------------------------------

_COLUMNS = tuple(Column(f"c{i}", f"C{i}", "pre-doctoral") for i in range(4))
_LANES = tuple(Lane(f"l{i}", f"L{i}") for i in range(3))


@st.composite
def pathways(draw: st.DrawFn) -> Pathway:
    count = draw(st.integers(1, 14))
    nodes = []
    for i in range(count):
        first = draw(st.integers(0, 3))
        last = draw(st.integers(first, min(3, first + 2)))
        nodes.append(
            Node(
                id=f"n{i}",
                title="word " * draw(st.integers(1, 12)),
                type="post",
                column=f"c{first}",
                until=f"c{last}",
                lane=f"l{draw(st.integers(0, 2))}",
                link="pre-doctoral",
                nations=("England",),
            )
        )
    pairs = draw(
        st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=20)
    )
    edges = tuple(
        Edge(f"n{a}", f"n{b}", nations=("England",)) for a, b in dict.fromkeys(pairs) if a != b
    )
    return Pathway("p.yaml", "T", _COLUMNS, _LANES, tuple(nodes), edges)


@settings(max_examples=150, deadline=None)
@given(pathways())
def test_property_any_pathway_lays_out_without_overlaps_or_crossings(pathway):
    layout = layout_pathway(pathway, "England")
    assert len(layout.nodes) == len(pathway.nodes)
    _assert_clean(layout)
    assert _parallel_overlap(layout) == []

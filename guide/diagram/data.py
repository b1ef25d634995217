"""Validate ``data/pathway.yaml`` into an immutable ``Pathway``.

The loader hands any catalogue file with ``kind: pathway`` to
``validate_pathway``. It runs before every item is loaded, so it checks only
the file's own shape; ``Pathway.check_references`` runs afterwards (from
``guide.content.checks``) to check that links name real pages, schemes,
checklist stages and milestones. Every problem is ``FILE:LINE: message``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from guide.content.model import ID_PATTERN, NATIONS, ContentModel, Problem
from guide.content.schema import FieldError, _nations, _text
from guide.content.yamlsafe import LineDict

# What a box on the diagram can be. Order is the legend's order.
NODE_TYPES: tuple[str, ...] = ("post", "programme", "scheme", "milestone")
EDGE_KINDS: tuple[str, ...] = ("usual", "non-linear")
# A hover summary is one line; longer text belongs on the linked page.
MAX_SUMMARY = 200
MAX_TITLE = 60

_TOP_KEYS = {"kind", "title", "columns", "lanes", "nodes", "edges", "notes"}
_COLUMN_KEYS = {"id", "title", "section", "checklist"}
_LANE_KEYS = {"id", "title"}
_NODE_KEYS = {
    "id",
    "title",
    "type",
    "column",
    "until",
    "lane",
    "link",
    "summary",
    "detail",
    "nations",
    "milestones",
}
_EDGE_KEYS = {"from", "to", "kind", "label", "nations"}


@dataclass(frozen=True)
class Column:
    """A stage of the pathway, drawn as a column; ``checklist`` maps checklist stages to it."""

    id: str
    title: str
    section: str
    checklist: tuple[str, ...] = ()
    line: int = 1


@dataclass(frozen=True)
class Lane:
    """A horizontal band: clinical training, academic posts or funding."""

    id: str
    title: str
    line: int = 1


@dataclass(frozen=True)
class Node:
    """One box: a post, programme, scheme or milestone, spanning ``column``..``until``."""

    id: str
    title: str
    type: str
    column: str
    until: str
    lane: str
    link: str
    summary: str = ""
    detail: str = ""
    nations: tuple[str, ...] = NATIONS
    milestones: tuple[str, ...] = ()
    line: int = 1


@dataclass(frozen=True)
class Edge:
    """A move from one box to another; ``non-linear`` for entry after CCT, returns and so on."""

    source: str
    target: str
    kind: str = "usual"
    label: str = ""
    nations: tuple[str, ...] = NATIONS
    line: int = 1


@dataclass(frozen=True)
class Pathway:
    """The whole diagram as the content describes it, for every nation."""

    path: str
    title: str
    columns: tuple[Column, ...]
    lanes: tuple[Lane, ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    notes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def column_index(self, column_id: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.id == column_id)

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def nodes_for(self, nation: str) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes if nation in n.nations)

    def edges_for(self, nation: str) -> tuple[Edge, ...]:
        shown = {n.id for n in self.nodes_for(nation)}
        return tuple(
            e for e in self.edges if nation in e.nations and e.source in shown and e.target in shown
        )

    def column_for_stage(self, checklist_stage: str) -> Column | None:
        """The column that a checklist stage (f1, pre-doctoral...) belongs to."""
        return next((c for c in self.columns if checklist_stage in c.checklist), None)

    def check_references(self, model: ContentModel, broken: Iterable[str] = ()) -> list[Problem]:
        """Problems with ids that point outside this file; needs the whole model."""
        broken = set(broken)
        problems: list[Problem] = []
        stage_ids = {s.id for s in model.checklist_stages}

        def report(line: int, message: str) -> None:
            problems.append(Problem(self.path, line, message))

        for column in self.columns:
            if column.section not in model and column.section not in broken:
                report(column.line, f"column {column.id!r}: unknown section id {column.section!r}")
            elif column.section in model and model.items[column.section].kind != "section":
                report(column.line, f"column {column.id!r}: {column.section!r} is not a section")
            for stage in column.checklist:
                if stage not in stage_ids:
                    report(column.line, f"column {column.id!r}: unknown checklist stage {stage!r}")
        for node in self.nodes:
            if node.link not in model and node.link not in broken:
                report(node.line, f"node {node.id!r}: link to unknown id {node.link!r}")
            for milestone in node.milestones:
                item = model.get(milestone)
                if milestone in broken:
                    continue
                if item is None or item.kind != "milestone":
                    report(node.line, f"node {node.id!r}: unknown milestone id {milestone!r}")
        return problems


class _Reporter:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def __call__(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))


def validate_pathway(data: LineDict, path: str) -> tuple[Pathway | None, list[Problem]]:
    """Check a ``kind: pathway`` file; return the Pathway (or None if unusable) and problems."""
    report = _Reporter(path)
    for key in sorted(set(data) - _TOP_KEYS, key=str):
        report(
            data.line_of(key), f"unknown top-level key {key!r}; use {', '.join(sorted(_TOP_KEYS))}"
        )
    title = _field(data, "title", _text, report) or "The clinical academic pathway"
    columns = _entries(data, "columns", report, _column)
    lanes = _entries(data, "lanes", report, _lane)
    if not columns or not lanes:
        return None, report.problems
    ids = {c.id: i for i, c in enumerate(columns)}
    lane_ids = {lane.id for lane in lanes}
    dropped: set[str] = set()
    nodes: list[Node] = []
    seen: dict[str, int] = {}
    for entry in _list(data, "nodes", report):
        node = _node(entry, ids, lane_ids, report)
        node_id = entry.get("id") if isinstance(entry, LineDict) else None
        if node is None:
            if isinstance(node_id, str):
                dropped.add(node_id)
            continue
        if node.id in seen:
            report(node.line, f"duplicate node id {node.id!r}: first used on line {seen[node.id]}")
            continue
        seen[node.id] = node.line
        nodes.append(node)
    by_id = {n.id: n for n in nodes}
    edges = [
        edge
        for entry in _list(data, "edges", report)
        if (edge := _edge(entry, by_id, dropped, report)) is not None
    ]
    notes = _notes(data, report)
    pathway = Pathway(
        path=path,
        title=title,
        columns=tuple(columns),
        lanes=tuple(lanes),
        nodes=tuple(nodes),
        edges=tuple(edges),
        notes=MappingProxyType(notes),
    )
    return pathway, report.problems


def _field(entry: LineDict, name: str, convert: Any, report: _Reporter) -> Any:
    if name not in entry:
        return None
    try:
        return convert(entry[name])
    except FieldError as exc:
        report(entry.line_of(name), f"{name}: {exc}")
        return None


def _list(data: LineDict, key: str, report: _Reporter) -> list[Any]:
    value = data.get(key)
    if value is None:
        if key != "edges":
            report(data.line, f"the pathway needs a list of {key!r}")
        return []
    if not isinstance(value, list):
        report(data.line_of(key), f"{key!r} must be a list")
        return []
    return value


def _entries(data: LineDict, key: str, report: _Reporter, build: Any) -> list[Any]:
    out: list[Any] = []
    seen: set[str] = set()
    for entry in _list(data, key, report):
        built = build(entry, data.line_of(key), report)
        if built is None:
            continue
        if built.id in seen:
            report(built.line, f"duplicate {key[:-1]} id {built.id!r}")
            continue
        seen.add(built.id)
        out.append(built)
    return out


def _mapping(entry: Any, line: int, what: str, allowed: set[str], report: _Reporter) -> bool:
    if not isinstance(entry, LineDict):
        report(line, f"each {what} must be a set of 'field: value' lines")
        return False
    for key in sorted(set(entry) - allowed, key=str):
        report(
            entry.line_of(key),
            f"unknown field {key!r} for a {what}; known: {', '.join(sorted(allowed))}",
        )
    return True


def _id(entry: LineDict, key: str, what: str, report: _Reporter) -> str | None:
    value = entry.get(key)
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        got = f" (got {value!r})" if value is not None else ""
        report(
            entry.line_of(key), f"{what} needs {key!r}: lower-case letters, digits and hyphens{got}"
        )
        return None
    return value


def _required_text(
    entry: LineDict, key: str, what: str, report: _Reporter, limit: int
) -> str | None:
    if key not in entry:
        report(entry.line, f"{what} needs a {key!r}")
        return None
    text = _field(entry, key, _text, report)
    if text is not None and (len(text) > limit or "\n" in text):
        report(entry.line_of(key), f"{key}: keep it to one line of at most {limit} characters")
        return None
    return text


def _column(entry: Any, line: int, report: _Reporter) -> Column | None:
    if not _mapping(entry, line, "column", _COLUMN_KEYS, report):
        return None
    column_id = _id(entry, "id", "a column", report)
    title = _required_text(entry, "title", "a column", report, MAX_TITLE)
    section = _id(entry, "section", "a column", report)
    checklist = _field(entry, "checklist", _id_list, report) or ()
    if column_id is None or title is None or section is None:
        return None
    return Column(column_id, title, section, tuple(checklist), entry.line)


def _lane(entry: Any, line: int, report: _Reporter) -> Lane | None:
    if not _mapping(entry, line, "lane", _LANE_KEYS, report):
        return None
    lane_id = _id(entry, "id", "a lane", report)
    title = _required_text(entry, "title", "a lane", report, MAX_TITLE)
    if lane_id is None or title is None:
        return None
    return Lane(lane_id, title, entry.line)


def _id_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FieldError("must be a list of ids")
    bad = [v for v in value if not ID_PATTERN.match(v)]
    if bad:
        raise FieldError(f"{bad[0]!r} is not an id (lower-case letters, digits and hyphens)")
    return tuple(value)


def _node(entry: Any, columns: dict[str, int], lanes: set[str], report: _Reporter) -> Node | None:
    if not _mapping(entry, getattr(entry, "line", 1), "node", _NODE_KEYS, report):
        return None
    ok = True
    node_id = _id(entry, "id", "a node", report)
    title = _required_text(entry, "title", "a node", report, MAX_TITLE)
    link = _id(entry, "link", "a node", report)
    node_type = entry.get("type")
    if node_type not in NODE_TYPES:
        report(
            entry.line_of("type"), f"type: use one of {', '.join(NODE_TYPES)} (got {node_type!r})"
        )
        ok = False
    column = entry.get("column")
    if column not in columns:
        report(
            entry.line_of("column"),
            f"column: unknown column {column!r}; use one of {', '.join(columns)}",
        )
        ok = False
    until = entry.get("until", column)
    if until not in columns:
        report(entry.line_of("until"), f"until: unknown column {until!r}")
        ok = False
    elif ok and columns[until] < columns[column]:
        report(entry.line_of("until"), f"until: column {until!r} comes before {column!r}")
        ok = False
    lane = entry.get("lane")
    if lane not in lanes:
        report(
            entry.line_of("lane"),
            f"lane: unknown lane {lane!r}; use one of {', '.join(sorted(lanes))}",
        )
        ok = False
    summary: str | None = ""
    if "summary" in entry:
        summary = _required_text(entry, "summary", "a node", report, MAX_SUMMARY)
        ok = ok and summary is not None
    detail: str | None = ""
    if "detail" in entry:
        detail = _required_text(entry, "detail", "a node", report, MAX_TITLE)
        ok = ok and detail is not None
    nations = _field(entry, "nations", _nations, report) if "nations" in entry else NATIONS
    milestones = _field(entry, "milestones", _id_list, report) if "milestones" in entry else ()
    if node_id is None or title is None or link is None or not ok:
        return None
    if nations is None or milestones is None:
        return None
    return Node(
        id=node_id,
        title=title,
        type=node_type,
        column=column,
        until=until,
        lane=lane,
        link=link,
        summary=summary or "",
        detail=detail or "",
        nations=nations,
        milestones=milestones,
        line=entry.line,
    )


def _edge(entry: Any, nodes: dict[str, Node], dropped: set[str], report: _Reporter) -> Edge | None:
    if not _mapping(entry, getattr(entry, "line", 1), "route", _EDGE_KEYS, report):
        return None
    ends = []
    for key in ("from", "to"):
        value = entry.get(key)
        if value in nodes:
            ends.append(value)
        elif value not in dropped:  # a broken node was reported where it is written
            report(entry.line_of(key), f"{key}: unknown node {value!r}")
    kind = entry.get("kind", "usual")
    if kind not in EDGE_KINDS:
        report(entry.line_of("kind"), f"kind: use one of {', '.join(EDGE_KINDS)} (got {kind!r})")
        return None
    label: str | None = ""
    if "label" in entry:
        label = _required_text(entry, "label", "a route", report, MAX_TITLE)
        if label is None:
            return None
    elif kind == "non-linear":
        report(entry.line, "a non-linear route needs a 'label' saying what it is")
        return None
    nations = _field(entry, "nations", _nations, report) if "nations" in entry else NATIONS
    if len(ends) != 2 or nations is None:
        return None
    source, target = nodes[ends[0]], nodes[ends[1]]
    if source.id == target.id:
        report(entry.line, f"a route cannot go from {source.id!r} to itself")
        return None
    shared = tuple(n for n in nations if n in source.nations and n in target.nations)
    if not shared:
        report(entry.line, f"route {source.id} -> {target.id}: the two boxes share no nation")
        return None
    return Edge(source.id, target.id, kind, label or "", shared, entry.line)


def _notes(data: LineDict, report: _Reporter) -> dict[str, str]:
    raw = data.get("notes")
    if raw is None:
        return {}
    if not isinstance(raw, LineDict):
        report(data.line_of("notes"), "notes: write one line per nation, e.g. 'Scotland: ...'")
        return {}
    notes = {}
    for nation in raw:
        if nation not in NATIONS:
            report(
                raw.line_of(nation), f"notes: unknown nation {nation!r}; use {', '.join(NATIONS)}"
            )
            continue
        text = _field(raw, nation, _text, report)
        if text is not None:
            notes[nation] = text
    return notes

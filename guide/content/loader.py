"""Load content roots into one immutable ContentModel, collecting every problem.

A content root is a folder of Markdown pages (YAML front matter, then the
body) and YAML catalogues (``kind:`` plus ``items:``). Roots are layered: the
bundled ``data/`` first, then each ``--content`` folder, a later root adding
items or replacing them by id. Nothing here stops at the first problem: the
editor gets every ``FILE:LINE: message`` at once.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from guide.content import checks
from guide.content.model import (
    RESERVED_IDS,
    ChecklistStage,
    ContentModel,
    Item,
    Problem,
)
from guide.content.schema import BODY_FIELD, ID_PATTERN, SCHEMA, FieldError
from guide.content.yamlsafe import ContentFileError, LineDict, parse_yaml, read_text

PAGE_KINDS = ("page", "section", "story")
CATALOGUE_KINDS = ("scheme", "milestone", "term")

# Whole-file documents that are not lists of items, validated by their own
# module (imported only when such a file exists, so the content layer does not
# depend on the features that use them). "module:function" -> fn(data, path)
# returning (value, problems).
DOCUMENT_KINDS: dict[str, str] = {
    "pathway": "guide.diagram.data:validate_pathway",
    "synonyms": "guide.search.synonyms:validate_synonyms",
}

SKIPPED_FILES = {"README.md", "readme.md"}
_ID_LINE = re.compile(r"^id:\s*(\S+)\s*$", re.MULTILINE)


@dataclass
class _Collector:
    """Mutable state while loading; frozen into a ContentModel at the end."""

    items: dict[str, Item] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    broken_ids: set[str] = field(default_factory=set)
    stages: dict[str, ChecklistStage] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)
    root_ids: dict[str, Item] = field(default_factory=dict)

    def report(self, path: Path | str, line: int, message: str) -> None:
        self.problems.append(Problem(str(path), line, message))


def load_content(roots: Iterable[Path | str]) -> ContentModel:
    """Load and validate every content root, later roots overriding earlier ones."""
    collector = _Collector()
    root_paths = tuple(Path(r) for r in roots)
    for root in root_paths:
        if not root.is_dir():
            collector.report(root, 1, "content folder not found")
            continue
        collector.root_ids = {}
        for path in sorted(root.rglob("*")):
            if path.name in SKIPPED_FILES or not path.is_file():
                continue
            if path.suffix == ".md":
                _load_page(path, collector)
            elif path.suffix in (".yaml", ".yml"):
                _load_catalogue(path, collector)
    model = ContentModel(
        items=MappingProxyType(dict(collector.items)),
        roots=root_paths,
        checklist_stages=tuple(sorted(collector.stages.values(), key=lambda s: s.order)),
        extras=MappingProxyType(dict(collector.extras)),
    )
    problems = collector.problems + checks.cross_references(model, collector.broken_ids)
    return ContentModel(
        items=model.items,
        problems=tuple(problems),
        roots=model.roots,
        checklist_stages=model.checklist_stages,
        extras=model.extras,
    )


def _load_page(path: Path, collector: _Collector) -> None:
    try:
        text = read_text(path)
    except ContentFileError as exc:
        collector.report(path, exc.line, str(exc))
        return
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        collector.report(path, 1, "a page must start with front matter: a line of ---")
        return
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        collector.report(path, 1, "front matter is not closed with a line of ---")
        return
    try:
        data = parse_yaml("\n".join(lines[1:end]), line_offset=1)
    except ContentFileError as exc:
        collector.report(path, exc.line, str(exc))
        # Remember the id the file meant to define, so links to it are not reported too.
        match = _ID_LINE.search("\n".join(lines[1:end]))
        if match:
            collector.broken_ids.add(match.group(1).strip("'\""))
        return
    if not isinstance(data, LineDict):
        collector.report(path, 2, "front matter must be a set of 'field: value' lines")
        return
    body_lines = lines[end + 1 :]
    leading = next((i for i, line in enumerate(body_lines) if line.strip()), len(body_lines))
    body = "\n".join(body_lines[leading:]).rstrip()
    # body_line is the file line of the body's first line, for link problems.
    _add_item(data, path, collector, body=body, body_line=end + 2 + leading)


def _load_catalogue(path: Path, collector: _Collector) -> None:
    try:
        data = parse_yaml(read_text(path))
    except ContentFileError as exc:
        collector.report(path, exc.line, str(exc))
        return
    if not isinstance(data, LineDict) or "kind" not in data:
        collector.report(path, 1, "a catalogue must be a mapping with 'kind' and 'items'")
        return
    kind = data["kind"]
    if kind in DOCUMENT_KINDS:
        _load_document(kind, data, path, collector)
        return
    if kind not in CATALOGUE_KINDS:
        collector.report(
            path,
            data.line_of("kind"),
            f"unknown catalogue kind {kind!r}; use one of "
            f"{', '.join(CATALOGUE_KINDS + tuple(DOCUMENT_KINDS))}",
        )
        return
    allowed = {"kind", "items"} | ({"stages"} if kind == "milestone" else set())
    for key in set(data) - allowed:
        collector.report(path, data.line_of(key), f"unknown top-level key {key!r}")
    if kind == "milestone" and "stages" in data:
        _load_checklist_stages(data["stages"], path, data.line_of("stages"), collector)
    items = data.get("items")
    if not isinstance(items, list):
        collector.report(path, data.line_of("items"), "'items' must be a list")
        return
    for entry in items:
        if not isinstance(entry, LineDict):
            collector.report(path, data.line_of("items"), "each item must be a mapping")
            continue
        if "kind" in entry and entry["kind"] != kind:
            collector.report(
                path, entry.line_of("kind"), f"an item in a {kind} catalogue must be a {kind}"
            )
            continue
        entry.setdefault("kind", kind)
        body = entry.pop(BODY_FIELD, "")
        _add_item(entry, path, collector, body=str(body or ""), body_line=entry.line)


def _load_document(kind: str, data: LineDict, path: Path, collector: _Collector) -> None:
    module_name, func_name = DOCUMENT_KINDS[kind].split(":")
    validate = getattr(importlib.import_module(module_name), func_name)
    value, problems = validate(data, str(path))
    collector.problems.extend(problems)
    if value is None:
        return
    previous = collector.extras.get(kind)
    # A kind whose value can merge (search synonyms) adds up across files and folders;
    # any other (the pathway diagram) is replaced by the later file.
    if previous is not None and hasattr(previous, "merge"):
        value = previous.merge(value)
    collector.extras[kind] = value


def _load_checklist_stages(raw: Any, path: Path, line: int, collector: _Collector) -> None:
    if not isinstance(raw, list):
        collector.report(path, line, "'stages' must be a list")
        return
    for order, entry in enumerate(raw):
        if not isinstance(entry, LineDict) or not {"id", "title"} <= set(entry):
            collector.report(path, line, "each stage needs an id and a title")
            continue
        stage_id = str(entry["id"])
        if not ID_PATTERN.match(stage_id):
            collector.report(path, entry.line_of("id"), f"bad stage id {stage_id!r}")
            continue
        section = entry.get("section")
        collector.stages[stage_id] = ChecklistStage(
            id=stage_id,
            title=str(entry["title"]),
            section=str(section) if section else None,
            order=order,
            path=str(path),
            line=entry.line,
        )


def _add_item(
    data: LineDict, path: Path, collector: _Collector, *, body: str, body_line: int
) -> None:
    item_id, kind, title = data.get("id"), data.get("kind"), data.get("title")
    ok = True
    if not isinstance(item_id, str) or not ID_PATTERN.match(item_id):
        collector.report(
            path,
            data.line_of("id"),
            "every item needs an id of lower-case letters, digits and hyphens"
            + (f" (got {item_id!r})" if item_id is not None else ""),
        )
        return
    if item_id in RESERVED_IDS:
        collector.report(path, data.line_of("id"), f"the id {item_id!r} is used by the app itself")
        return
    expected = PAGE_KINDS if path.suffix == ".md" else CATALOGUE_KINDS
    if kind not in expected:
        where = "a Markdown page" if path.suffix == ".md" else "a catalogue"
        collector.report(
            path,
            data.line_of("kind"),
            f"{where} item needs kind: one of {', '.join(expected)}"
            + (f" (got {kind!r})" if kind is not None else ""),
        )
        collector.broken_ids.add(item_id)
        return
    if not isinstance(title, str) or not title.strip():
        collector.report(path, data.line_of("title"), f"{item_id}: every item needs a title")
        ok = False

    schema = SCHEMA[kind]
    fields: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for name in data:
        if name in ("id", "kind", "title"):
            continue
        spec = schema.get(name)
        if spec is None:
            known = ", ".join(sorted(schema))
            collector.report(
                path, data.line_of(name), f"unknown field {name!r} for a {kind}; known: {known}"
            )
            continue
        try:
            fields[name] = spec.convert(data[name])
            lines[name] = data.line_of(name)
        except FieldError as exc:
            collector.report(path, data.line_of(name), f"{name}: {exc}")
            if spec.required:
                ok = False
    for name, spec in schema.items():
        if spec.required and name not in data:
            collector.report(path, data.line, f"{item_id}: missing required field {name!r}")
            ok = False
    reviewed, due = fields.get("last_reviewed"), fields.get("next_review")
    if reviewed and due and due < reviewed:
        collector.report(path, lines["next_review"], "next_review is earlier than last_reviewed")
    if not ok:
        collector.broken_ids.add(item_id)
        return

    item = Item(
        id=item_id,
        kind=kind,
        title=title.strip(),
        body=body,
        path=str(path),
        line=data.line,
        fields=MappingProxyType(fields),
        field_lines=MappingProxyType(lines),
        body_line=body_line,
    )
    first = collector.root_ids.get(item_id)
    if first is not None:
        collector.report(
            path,
            data.line_of("id"),
            f"duplicate id {item_id!r}: first used at {first.path}:{first.line}",
        )
        return
    previous = collector.items.get(item_id)
    if previous is not None and previous.kind != kind:
        collector.report(
            path,
            data.line_of("id"),
            f"{item_id!r} replaces a {previous.kind} from {previous.path} with a {kind}; "
            "an override must keep the kind",
        )
        return
    collector.root_ids[item_id] = item
    # A later root replaces by id, keeping the earlier position in the order.
    collector.items[item_id] = item

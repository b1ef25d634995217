"""Load content roots into one immutable ContentModel, collecting every problem.

A content root is a folder of Markdown pages (YAML front matter, then the
body) and YAML catalogues (``kind:`` plus ``items:``, or one item per file), with
an optional ``content.yaml`` describing the folder (``guide.content.manifest``).
Roots are layered: the bundled ``data/`` first, then each extra folder
(``guide.content.folders``), a later root adding items or replacing them by id.
Nothing here stops at the first problem: the editor gets every
``FILE:LINE: message`` at once, each with its line quoted. Damage is contained: a
YAML mistake in a catalogue loses only the entry it is in (``guide.content.recover``),
and a bad field loses only that field, the item staying readable.
"""

from __future__ import annotations

import difflib
import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from guide.content import checks
from guide.content.manifest import MANIFEST_NAME, read_manifest
from guide.content.model import (
    RESERVED_IDS,
    ChecklistStage,
    ContentModel,
    Edition,
    FailedItem,
    Item,
    Problem,
)
from guide.content.recover import entry_id, recover
from guide.content.schema import BODY_FIELD, COMMON_FIELDS, ID_PATTERN, SCHEMA, FieldError
from guide.content.yamlerrors import excerpt
from guide.content.yamlsafe import ContentFileError, LineDict, parse_yaml, read_text

PAGE_KINDS = ("page", "section", "story")
CATALOGUE_KINDS = ("scheme", "milestone", "term", "question")

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
    # Ids that failed to load, with the problems that stopped them.
    failed: dict[str, list[Problem]] = field(default_factory=dict)
    stages: dict[str, ChecklistStage] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)
    root_ids: dict[str, Item] = field(default_factory=dict)
    editions: list[Edition] = field(default_factory=list)

    def report(
        self,
        path: Path | str,
        line: int,
        message: str,
        *,
        detail: str = "",
        lost: str | None = None,
    ) -> None:
        """Record a problem; ``lost`` is the id of an item it stopped from loading."""
        problem = Problem(str(path), line, message, detail=detail)
        self.problems.append(problem)
        if lost:
            self.failed.setdefault(lost, []).append(problem)
            self._note_broken_override(lost, path)

    def _note_broken_override(self, item_id: str, path: Path | str) -> None:
        earlier = self.items.get(item_id)
        if earlier is None or earlier.path == str(path) or item_id in self.root_ids:
            return
        cause = self.failed[item_id][-1]
        self.problems.append(
            Problem(
                cause.path,
                cause.line,
                f"{item_id!r} here was meant to replace the one at {earlier.path}:{earlier.line}, "
                "but it could not be loaded (see the problem above): until it is fixed, "
                "readers see the earlier one",
            )
        )


def load_content(roots: Iterable[Path | str]) -> ContentModel:
    """Load and validate every content root, later roots overriding earlier ones."""
    collector = _Collector()
    root_paths = tuple(Path(r) for r in roots)
    for index, root in enumerate(root_paths):
        if not root.is_dir():
            collector.report(root, 1, "content folder not found")
            collector.editions.append(Edition(root=str(root), title=root.name or str(root)))
            continue
        edition, problems = read_manifest(root, bundled=index == 0)
        collector.editions.append(edition)
        collector.problems.extend(problems)
        collector.root_ids = {}
        for path in sorted(root.rglob("*")):
            if path.name in SKIPPED_FILES or not path.is_file():
                continue
            if path.suffix == ".md":
                _load_page(path, collector)
            elif path.suffix in (".yaml", ".yml") and path != root / MANIFEST_NAME:
                _load_catalogue(path, collector)
    model = ContentModel(
        items=MappingProxyType(dict(collector.items)),
        roots=root_paths,
        checklist_stages=tuple(sorted(collector.stages.values(), key=lambda s: s.order)),
        extras=MappingProxyType(dict(collector.extras)),
        editions=tuple(collector.editions),
    )
    broken = {i for i in collector.failed if i not in model.items}
    found, knock_on = checks.cross_references(model, broken)
    problems = _group_knock_on(collector, knock_on) + found
    failed = {
        item_id: FailedItem(item_id, tuple(_latest(collector.problems, p) for p in causes))
        for item_id, causes in collector.failed.items()
        if item_id in broken
    }
    return replace(model, problems=tuple(problems), failed=MappingProxyType(failed))


def item_from_file(path: Path, item_id: str) -> Item | None:
    """One item read again from its own file (for a body the cache could not give back)."""
    collector = _Collector()
    if path.suffix == ".md":
        _load_page(path, collector)
    else:
        _load_catalogue(path, collector)
    return collector.items.get(item_id)


def _latest(problems: list[Problem], original: Problem) -> Problem:
    return next((p for p in problems if p is original), original)


def _group_knock_on(collector: _Collector, knock_on: dict[str, list[str]]) -> list[Problem]:
    """The loader's problems, each cause carrying the places that broke because of it."""
    problems = list(collector.problems)
    for item_id, places in knock_on.items():
        causes = collector.failed.get(item_id)
        if not causes:
            continue
        cause = causes[0]
        index = next(i for i, p in enumerate(problems) if p is cause)
        grouped = cause._replace(knock_on=tuple(places))
        problems[index] = grouped
        causes[0] = grouped
    return problems


def _read(path: Path, collector: _Collector) -> str | None:
    """The file's text; a file saved in Windows-1252 is reported and read that way."""
    try:
        return read_text(path)
    except ContentFileError as exc:
        collector.report(path, exc.line, str(exc), detail=exc.detail)
        return exc.recovered


def _load_page(path: Path, collector: _Collector) -> None:
    text = _read(path, collector)
    if text is None:
        return
    lines = text.splitlines()
    meant = _ID_LINE.search(text[:4000])
    meant_id = meant.group(1).strip("'\"") if meant else None
    if not lines or lines[0].strip() != "---":
        collector.report(
            path,
            1,
            "a page must start with front matter: a line of ---",
            detail=excerpt(lines, 0),
            lost=meant_id,
        )
        return
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        collector.report(path, 1, "front matter is not closed with a line of ---", lost=meant_id)
        return
    try:
        data = parse_yaml("\n".join(lines[1:end]), line_offset=1)
    except ContentFileError as exc:
        # Remember the id the file meant to define: links to it are grouped under this.
        collector.report(path, exc.line, str(exc), detail=exc.detail, lost=meant_id)
        return
    if not isinstance(data, LineDict):
        collector.report(
            path, 2, "front matter must be a set of 'field: value' lines", lost=meant_id
        )
        return
    body_lines = lines[end + 1 :]
    leading = next((i for i, line in enumerate(body_lines) if line.strip()), len(body_lines))
    body = "\n".join(body_lines[leading:]).rstrip()
    # body_line is the file line of the body's first line, for link problems.
    _add_item(data, path, collector, body=body, body_line=end + 2 + leading, lines=lines)


def _load_catalogue(path: Path, collector: _Collector) -> None:
    text = _read(path, collector)
    if text is None:
        return
    lines = text.splitlines()
    entries: list[Any] | None = None
    try:
        data = parse_yaml(text)
    except ContentFileError as exc:
        rescued = recover(text)
        if rescued is None or not rescued.lost:
            collector.report(path, exc.line, str(exc), detail=exc.detail)
            return
        # Report each broken entry; load the rest.
        for error, lost_id in rescued.lost:
            collector.report(path, error.line, str(error), detail=error.detail, lost=lost_id)
        data, entries = rescued.head, rescued.entries
    if not isinstance(data, LineDict) or "kind" not in data:
        collector.report(
            path,
            1,
            "a catalogue must be a mapping with 'kind' and 'items' (or 'kind' and one item's "
            "fields)",
            detail=excerpt(lines, 0),
        )
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
    if "items" not in data and "id" in data:
        # One item in a file of its own (a folder of scheme files, say): the file is the item.
        body = data.pop(BODY_FIELD, "")
        _add_item(data, path, collector, body=str(body or ""), body_line=data.line, lines=lines)
        return
    allowed = {"kind", "items"} | ({"stages"} if kind == "milestone" else set())
    for key in sorted(set(data) - allowed, key=str):
        collector.report(
            path,
            data.line_of(key),
            f"unknown top-level key {key!r}; a catalogue has {', '.join(sorted(allowed))}",
            detail=excerpt(lines, data.line_of(key) - 1, None),
        )
    if kind == "milestone" and "stages" in data:
        _load_checklist_stages(data["stages"], path, data.line_of("stages"), collector)
    items = data.get("items") if entries is None else entries
    if not isinstance(items, list):
        collector.report(path, data.line_of("items"), "'items' must be a list")
        return
    for entry in items:
        if not isinstance(entry, LineDict):
            collector.report(path, data.line_of("items"), "each item must be a mapping")
            continue
        if "kind" in entry and entry["kind"] != kind:
            collector.report(
                path,
                entry.line_of("kind"),
                f"an item in a {kind} catalogue must be a {kind}",
                detail=excerpt(lines, entry.line_of("kind") - 1, None),
                lost=entry_id([f"id: {entry.get('id')}"]),
            )
            continue
        entry.setdefault("kind", kind)
        body = entry.pop(BODY_FIELD, "")
        _add_item(entry, path, collector, body=str(body or ""), body_line=entry.line, lines=lines)


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
    data: LineDict,
    path: Path,
    collector: _Collector,
    *,
    body: str,
    body_line: int,
    lines: list[str],
) -> None:
    """Check one item's fields and add it. Only a bad id or kind loses the item; a bad or
    missing field is reported and left out, so the page stays readable."""

    def report(line: int, message: str, *, lost: str | None = None) -> None:
        collector.report(path, line, message, detail=excerpt(lines, line - 1, None), lost=lost)

    item_id, kind, title = data.get("id"), data.get("kind"), data.get("title")
    if not isinstance(item_id, str) or not ID_PATTERN.match(item_id):
        report(
            data.line_of("id"),
            "every item needs an id of lower-case letters, digits and hyphens, for example "
            "id: st-elsewhere-research-office"
            + (f" (got {item_id!r})" if item_id is not None else " (there is no id: line)"),
        )
        return
    if item_id in RESERVED_IDS:
        report(data.line_of("id"), f"the id {item_id!r} is used by the app itself: choose another")
        return
    expected = PAGE_KINDS if path.suffix == ".md" else CATALOGUE_KINDS
    if not isinstance(kind, str) or kind not in expected:
        where = "a Markdown page" if path.suffix == ".md" else "a catalogue"
        near = difflib.get_close_matches(str(kind), expected, n=1) if kind else []
        report(
            data.line_of("kind"),
            f"{where} item needs kind: one of {', '.join(expected)}"
            + (f" (got {kind!r}" + (f"; did you mean {near[0]!r}?)" if near else ")"))
            if kind is not None
            else "",
            lost=item_id,
        )
        return
    if not isinstance(title, str) or not title.strip():
        report(
            data.line_of("title"),
            f"{item_id}: every item needs a title (readers see its id until it has one)",
        )
        title = item_id

    schema = SCHEMA[kind]
    fields: dict[str, Any] = {}
    field_lines: dict[str, int] = {}
    for name in data:
        if name in COMMON_FIELDS:
            continue
        spec = schema.get(name)
        if spec is None:
            near = difflib.get_close_matches(str(name), [*schema, *COMMON_FIELDS], n=1)
            hint = (
                f"; did you mean {near[0]!r}?"
                if near
                else f"; a {kind} takes {', '.join(sorted(schema))}"
            )
            report(data.line_of(name), f"unknown field {name!r} for a {kind}{hint}")
            continue
        try:
            fields[name] = spec.convert(data[name])
            field_lines[name] = data.line_of(name)
        except FieldError as exc:
            report(data.line_of(name), f"{name}: {exc}")
    for name, spec in schema.items():
        if spec.required and name not in data:
            report(
                data.line,
                f"{item_id}: missing required field {name!r}: add a line '{name}: ...'",
            )
    reviewed, due = fields.get("last_reviewed"), fields.get("next_review")
    if reviewed and due and due < reviewed:
        report(field_lines["next_review"], "next_review is earlier than last_reviewed")

    first = collector.root_ids.get(item_id)
    if first is not None:
        report(
            data.line_of("id"),
            f"duplicate id {item_id!r}: first used at {first.path}:{first.line}; "
            "give this one another id (only the first is shown)",
        )
        return
    previous = collector.items.get(item_id)
    if previous is not None and previous.kind != kind:
        report(
            data.line_of("id"),
            f"{item_id!r} replaces a {previous.kind} from {previous.path} with a {kind}; "
            "an override must keep the kind",
        )
        return
    item = Item(
        id=item_id,
        kind=kind,
        title=title.strip(),
        body=body,
        path=str(path),
        line=data.line,
        fields=MappingProxyType(fields),
        field_lines=MappingProxyType(field_lines),
        body_line=body_line,
        overrides=f"{previous.path}:{previous.line}" if previous is not None else "",
    )
    collector.root_ids[item_id] = item
    # A later root replaces by id, keeping the earlier position in the order.
    collector.items[item_id] = item

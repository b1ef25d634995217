"""The immutable content model: items, problems, and the model that holds them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

NATIONS: tuple[str, ...] = ("England", "Scotland", "Wales", "Northern Ireland")
KINDS: tuple[str, ...] = (
    "section", "page", "story", "scheme", "milestone", "term", "question",
)  # fmt: skip

# The ten pages the app itself links to; content cannot go without them.
SECTION_IDS: tuple[str, ...] = (
    "early-research-exposure",
    "pre-doctoral",
    "phd-or-md",
    "early-post-doctoral",
    "later-post-doctoral",
    "careers-across-fields",
    "flexible-entry",
    "national-pathway",
)
FIXED_IDS: tuple[str, ...] = ("overview", "glossary", *SECTION_IDS)
# The page that lists every question (kind ``question``) by topic, below its own text.
QUESTIONS_PAGE_ID = "questions"

# Ids of views the app draws itself; content may not take them.
RESERVED_IDS: frozenset[str] = frozenset(
    {"pathway-diagram", "checklist", "my-progress", "bookmarks", "search", "settings", "about"}
)
# Of those, the views a page may link to, e.g. [the pathway diagram](pathway-diagram).
LINKABLE_VIEWS: dict[str, str] = {
    "pathway-diagram": "Pathway diagram",
    "checklist": "My checklist",
}


class Problem(NamedTuple):
    """One thing wrong with the content, reported as ``FILE:LINE: message``.

    ``severity`` is ``error`` (``guide validate`` fails) or ``warning`` (reported, exit 0
    unless ``--strict``). ``detail`` holds extra lines for people: the offending line
    quoted with a caret under it. ``knock_on`` lists ``FILE:LINE`` places that only break
    because of this problem (links to an item it stopped from loading), so they are
    reported once, grouped under their cause, rather than as hundreds of lines.
    """

    path: str
    line: int
    message: str
    severity: str = "error"
    detail: str = ""
    knock_on: tuple[str, ...] = ()

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def explained(self, knock_on_shown: int = 3) -> str:
        """The problem with its quoted line and its knock-on effects, for a terminal."""
        text = str(self)
        if self.detail:
            text += "\n" + "\n".join("    " + line for line in self.detail.splitlines())
        if self.knock_on:
            shown = ", ".join(self.knock_on[:knock_on_shown])
            more = len(self.knock_on) - knock_on_shown
            text += (
                f"\n    and {len(self.knock_on)} more caused by the problem above "
                f"(links to it from {shown}{f' and {more} other places' if more > 0 else ''})"
            )
        return text


@dataclass(frozen=True)
class Item:
    """One piece of content: a page, section, story, scheme, milestone or term.

    ``fields`` holds the validated front-matter or catalogue fields other than
    id, kind, title and body; ``field_lines`` says where each was written.
    """

    id: str
    kind: str
    title: str
    body: str
    path: str
    line: int
    fields: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    field_lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    body_line: int = 1
    # ``FILE:LINE`` of the item from an earlier content folder that this one replaces.
    overrides: str = ""

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes that are missing: an item read from the content cache
        # has no body until first asked for it (see guide.content.bodyfile).
        if name == "body":
            source = self.__dict__.get("_body_source")
            if source is not None:
                body = source(self)
                object.__setattr__(self, "body", body)
                return body
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def summary(self) -> str:
        return str(self.fields.get("summary", ""))

    @property
    def nations(self) -> tuple[str, ...]:
        return tuple(self.fields.get("nations", ()))

    @property
    def stages(self) -> tuple[str, ...]:
        return tuple(self.fields.get("stages", ()))

    @property
    def next_review(self) -> dt.date | None:
        return self.fields.get("next_review")

    @property
    def last_reviewed(self) -> dt.date | None:
        return self.fields.get("last_reviewed")

    def to_json(self) -> dict[str, Any]:
        """A JSON-friendly dict: id, kind, title and every field (dates as ISO text)."""
        out: dict[str, Any] = {"id": self.id, "kind": self.kind, "title": self.title}
        for name, value in self.fields.items():
            out[name] = _jsonable(value)
        return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


class ChecklistStage(NamedTuple):
    """A stage of the personal checklist (medical school, F1, ...), declared in data."""

    id: str
    title: str
    section: str | None
    order: int
    path: str = ""
    line: int = 1


class Change(NamedTuple):
    """One edition's entry in a folder's list of what changed."""

    edition: dt.date | None
    notes: tuple[str, ...]


class Edition(NamedTuple):
    """What a content folder says about itself in its ``content.yaml``.

    ``scope`` is ``national`` (the bundled content, or an updated national edition) or
    ``local`` (a trust's or deanery's own additions: its schemes are marked local).
    ``source`` says how the folder was chosen (the settings file beside the program,
    ``GUIDE_CONTENT``, ``--content``, ...); it is filled in after loading.
    """

    root: str
    title: str
    publisher: str = ""
    edition: dt.date | None = None
    scope: str = "local"
    changes: tuple[Change, ...] = ()
    source: str = ""
    path: str = ""
    line: int = 1


class FailedItem(NamedTuple):
    """An item that could not be loaded: where it was and why, for ``guide show`` and links."""

    id: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class ContentModel:
    """Everything the guide knows, loaded from one or more content roots.

    ``items`` keeps the order the loader produced (sections by their ``order``
    field, then everything else by file and position), so views can list them
    as the editors arranged them.
    """

    items: Mapping[str, Item]
    problems: tuple[Problem, ...] = ()
    roots: tuple[Path, ...] = ()
    checklist_stages: tuple[ChecklistStage, ...] = ()
    extras: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # One per root, in the same order: what each folder says about itself.
    editions: tuple[Edition, ...] = ()
    # Items that failed to load, by id, with the problems that stopped them.
    failed: Mapping[str, FailedItem] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    def edition_of(self, item: Item) -> Edition | None:
        """The folder an item came from (the deepest root holding its file)."""
        path = item.path
        for prefixes, edition in self._root_prefixes:
            if path.startswith(prefixes):
                return edition
        return None

    @cached_property
    def _root_prefixes(self) -> tuple[tuple[tuple[str, str], Edition], ...]:
        """Each edition with what the path of a file inside its root starts with, deepest
        root first: asked once per item when the tree is built, so worked out only once."""
        ordered = sorted(self.editions, key=lambda e: len(e.root.rstrip("/\\")), reverse=True)
        roots = [(edition.root.rstrip("/\\"), edition) for edition in ordered]
        return tuple(((root + "/", root + "\\"), edition) for root, edition in roots)

    def is_local(self, item: Item) -> bool:
        """True for an item from a trust's or deanery's own folder (not national content)."""
        edition = self.edition_of(item)
        return edition is not None and edition.scope == "local"

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.items

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)

    def get(self, item_id: str) -> Item | None:
        return self.items.get(item_id)

    def of_kind(self, kind: str) -> list[Item]:
        # Items from the content cache come with an index of ids by kind, so asking for
        # the sections does not unpack every page (guide.content.cached_items).
        by_kind = getattr(self.items, "ids_by_kind", None)
        if by_kind is not None:
            return [self.items[item_id] for item_id in by_kind.get(kind, ())]
        return [item for item in self.items.values() if item.kind == kind]

    def sections(self) -> list[Item]:
        return sorted(self.of_kind("section"), key=lambda s: (s.get("order", 999), s.title))

    def terms_by_acronym(self) -> dict[str, Item]:
        """Glossary terms keyed by their lower-cased title (the acronym or term)."""
        return {term.title.lower(): term for term in self.of_kind("term")}

"""Reload content after files change, re-reading only what changed when that is safe.

``reload_content(model, changed)`` gives the model a full ``load_content`` of the same
roots would give. When every changed file is a Markdown page that still defines the
same ids, with nothing overriding or overridden and nothing failing to load, only those
pages are read and checked again (an editor saving one page in watch mode); anything
else (a catalogue, a new or deleted file, an id that changed, an override) is a full
load, because its effects can reach every other page.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from guide.content import checks
from guide.content.loader import _Collector, _load_page, load_content
from guide.content.model import ContentModel, Item, Problem


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.abspath(path))


def reload_content(model: ContentModel, changed: Iterable[str | os.PathLike[str]]) -> ContentModel:
    """The model after ``changed`` files were saved, added or removed."""
    changed_keys = {_key(p) for p in changed}
    quick = _reload_pages(model, changed_keys) if changed_keys else model
    if quick is not None:
        return quick
    return reload_everything(model)


def reload_everything(model: ContentModel) -> ContentModel:
    """Every folder of ``model`` read again (File > Reload content)."""
    fresh = load_content(model.roots)
    # Keep how each folder was chosen (filled in by the caller after the first load), and
    # the problems that are not about files (an unreachable folder) in front.
    sources = {e.root: e.source for e in model.editions}
    editions = tuple(e._replace(source=sources.get(e.root, e.source)) for e in fresh.editions)
    outside = tuple(p for p in model.problems if p.severity == "warning" and _is_setting(p))
    return replace(fresh, editions=editions, problems=(*outside, *fresh.problems))


def as_loaded(model: ContentModel) -> ContentModel:
    """``model`` without the problems that are not about files (a folder that could not be
    reached), as ``load_content`` gives it and the content cache stores it."""
    return replace(model, problems=tuple(p for p in model.problems if not _is_setting(p)))


def _is_setting(problem: Problem) -> bool:
    return problem.message.startswith("could not reach the content folder")


def _reload_pages(model: ContentModel, changed: set[str]) -> ContentModel | None:
    """Only the changed pages read again, or None when a full load is needed."""
    if not all(key.endswith(".md") and os.path.isfile(key) for key in changed):
        return None
    failed_paths = {_key(p.path) for f in model.failed.values() for p in f.problems}
    if changed & failed_paths:
        return None
    old: dict[str, list[Item]] = {key: [] for key in changed}
    for item in model:
        key = _key(item.path)
        if key in old:
            old[key].append(item)
    if any(not items or any(i.overrides for i in items) for items in old.values()):
        return None  # a new page, or one that replaces another: let the full load decide
    old_ids = {i.id for items in old.values() for i in items}
    collector = _Collector()
    collector.items = {k: v for k, v in model.items.items() if k not in old_ids}
    for items in old.values():
        path = Path(items[0].path)
        # Duplicates are judged within the page's own folder, as a full load does.
        root = _root_of(model, items[0])
        collector.root_ids = {
            i.id: i for i in collector.items.values() if _root_of(model, i) == root
        }
        _load_page(path, collector)
    new_ids = {i for i in collector.items if i not in model.items or i in old_ids}
    if new_ids != old_ids or collector.failed:
        return None
    if any(collector.items[i].overrides for i in new_ids):
        return None
    # Keep the reader's order: each page where it was.
    ordered = {k: collector.items[k] for k in model.items}
    updated = replace(model, items=MappingProxyType(ordered))
    kept = [p for p in model.problems if _key(p.path) not in changed]
    stage_ids = {stage.id for stage in model.checklist_stages}
    broken = set(model.failed)
    found: list[Problem] = list(collector.problems)
    images = checks._ImageFolders()
    ids = list(ordered)
    knock_on: checks.KnockOn = {}
    for item_id in new_ids:
        item = ordered[item_id]
        found.extend(checks._field_references(item, updated, stage_ids, broken, knock_on))
        found.extend(checks._body_links(item, updated, broken, knock_on, ids, images))
    return _regroup(replace(updated, problems=(*kept, *found)), changed, knock_on)


def _regroup(model: ContentModel, changed: set[str], found: checks.KnockOn) -> ContentModel:
    """Each failed item's cause with its knock-on places brought up to date: those in
    the re-read pages replaced by what they link to now (the content check's "and N more
    caused by the problem above" would otherwise keep counting links an editor removed)."""
    # Places in the full load's order: by the position of their file's first item.
    order: dict[str, int] = {}
    for index, item in enumerate(model):
        order.setdefault(_key(item.path), index)

    def position(place: str) -> int:
        return order.get(_key(place.rpartition(":")[0]), len(order))

    problems = list(model.problems)
    failed = dict(model.failed)
    for item_id, entry in model.failed.items():
        if not entry.problems:
            continue
        cause = entry.problems[0]
        old = [p for p in cause.knock_on if _key(p.rpartition(":")[0]) not in changed]
        places = tuple(sorted(old + found.get(item_id, []), key=position))
        if places == cause.knock_on:
            continue
        grouped = cause._replace(knock_on=places)
        problems = [grouped if p == cause else p for p in problems]
        failed[item_id] = entry._replace(problems=(grouped, *entry.problems[1:]))
    return replace(model, problems=tuple(problems), failed=MappingProxyType(failed))


def _root_of(model: ContentModel, item: Item) -> str:
    edition = model.edition_of(item)
    return edition.root if edition is not None else ""

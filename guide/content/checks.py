"""Whole-model checks that need every item loaded: references, links and fixed ids."""

from __future__ import annotations

import difflib
import os

from guide.content.limits import MAX_LINE_CHARS, body_problems
from guide.content.links import (
    AUTOLINK,
    INLINE_LINK,
    RAW_HTML_TAG,
    REFERENCE_DEF,
    classify_link,
    image_allowed,
)
from guide.content.model import FIXED_IDS, LINKABLE_VIEWS, SECTION_IDS, ContentModel, Item, Problem
from guide.content.schema import SCHEMA
from guide.content.yamlerrors import quote_line

KnockOn = dict[str, list[str]]


def cross_references(model: ContentModel, broken_ids: set[str]) -> tuple[list[Problem], KnockOn]:
    """Every problem that only shows once all roots are loaded, and, per id that failed to
    load, the ``FILE:LINE`` places that refer to it (reported under the failure itself)."""
    problems: list[Problem] = []
    knock_on: KnockOn = {}
    stage_ids = {stage.id for stage in model.checklist_stages}
    ids = list(model.items)
    images = _ImageFolders()
    for item in model:
        problems.extend(_field_references(item, model, stage_ids, broken_ids, knock_on))
        problems.extend(_body_links(item, model, broken_ids, knock_on, ids, images))
    for stage in model.checklist_stages:
        if stage.section and stage.section not in model:
            problems.append(
                Problem(
                    stage.path,
                    stage.line,
                    f"checklist stage {stage.id!r} names unknown section {stage.section!r}",
                )
            )
    # Whole-file documents (the pathway diagram) check their own links to items.
    for value in model.extras.values():
        check = getattr(value, "check_references", None)
        if check is not None:
            problems.extend(check(model, broken_ids))
    root = str(model.roots[0]) if model.roots else "data"
    for fixed in FIXED_IDS:
        page = model.get(fixed)
        if page is None and fixed not in broken_ids:
            problems.append(Problem(root, 1, f"the required page {fixed!r} is missing"))
        elif page is not None and fixed in SECTION_IDS and page.kind != "section":
            problems.append(Problem(page.path, page.line, f"{fixed!r} must be a section"))
    return problems, knock_on


def _did_you_mean(wrong: str, known: list[str]) -> str:
    near = difflib.get_close_matches(wrong, known, n=1, cutoff=0.75)
    return f"; did you mean {near[0]!r}?" if near else ""


class _ImageFolders:
    """The files in each content folder's ``images/``, listed once, names as written."""

    def __init__(self) -> None:
        self._listed: dict[str, dict[str, str]] = {}

    def names(self, root: str) -> dict[str, str]:
        """Lower-cased name -> name as on disk, for ``root/images``."""
        if root not in self._listed:
            try:
                found = os.listdir(os.path.join(root, "images"))
            except OSError:
                found = []
            self._listed[root] = {name.lower(): name for name in found}
        return self._listed[root]


def _image_problem(target: str, item: Item, model: ContentModel, images: _ImageFolders) -> str:
    """Why an image cannot be shown, or "" when it can: checked name by name, capitals
    included (a name that only differs in case works on Windows but not elsewhere)."""
    target = target.strip()
    if not image_allowed(target):
        if target.lower().startswith(("http:", "https:", "//", "data:", "file:")):
            return f"image {target!r} must be a file under images/ (web images are not shown)"
        return (
            f"image {target!r} must be a file under images/ with a name of letters, digits, "
            "- and _ ending in .png, .jpg, .jpeg, .gif or .svg"
        )
    edition = model.edition_of(item)
    if edition is None:
        return ""
    name = target.split("/", 1)[1]
    on_disk = images.names(edition.root)
    actual = on_disk.get(name.lower())
    if actual == name:
        return ""
    folder = os.path.join(edition.root, "images")
    if actual is not None:
        return (
            f"image {target!r} is not in {folder}: did you mean 'images/{actual}'? "
            "Names must match exactly, capitals included"
        )
    near = difflib.get_close_matches(name.lower(), list(on_disk), n=1, cutoff=0.6)
    hint = f": did you mean 'images/{on_disk[near[0]]}'?" if near else ""
    return f"image {target!r} is not in {folder}{hint}"


def _field_references(
    item: Item, model: ContentModel, stage_ids: set[str], broken: set[str], knock_on: KnockOn
) -> list[Problem]:
    problems = []
    for name, spec in SCHEMA[item.kind].items():
        if spec.refers_to is None or name not in item.fields:
            continue
        value = item.fields[name]
        for ref in (value,) if isinstance(value, str) else value:
            if ref in broken:
                knock_on.setdefault(ref, []).append(
                    f"{item.path}:{item.field_lines.get(name, item.line)}"
                )
                continue
            if spec.refers_to == "checklist-stage":
                ok = ref in stage_ids
                what = "checklist stage"
            elif spec.refers_to == "link":
                target_id = ref.partition("#")[0]
                if target_id in broken:
                    continue
                ok = target_id in model or target_id in LINKABLE_VIEWS
                what = "page"
            else:
                target = model.get(ref)
                ok = target is not None and (
                    spec.refers_to == "item" or target.kind == spec.refers_to
                )
                what = spec.refers_to if spec.refers_to != "item" else "item"
            if not ok:
                line = item.field_lines.get(name, item.line)
                problems.append(Problem(item.path, line, f"{name}: unknown {what} id {ref!r}"))
    return problems


def _body_links(
    item: Item,
    model: ContentModel,
    broken: set[str],
    knock_on: KnockOn,
    ids: list[str],
    images: _ImageFolders,
) -> list[Problem]:
    problems = [
        Problem(item.path, item.body_line + offset, message)
        for offset, message in body_problems(item.body)
    ]
    in_code = False
    for offset, text in enumerate(item.body.splitlines()):
        if text.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if in_code:
            continue
        line = item.body_line + offset
        if len(text) > MAX_LINE_CHARS:  # already reported by body_problems
            continue
        targets = [(m.group(1) == "!", m.group(2)) for m in INLINE_LINK.finditer(text)]
        targets += [(False, m.group(1)) for m in REFERENCE_DEF.finditer(text)]
        targets += [(False, m.group(1)) for m in AUTOLINK.finditer(text)]
        tag = RAW_HTML_TAG.search(text)
        if tag and "`" not in text:
            problems.append(
                Problem(
                    item.path, line, f"raw HTML <{tag.group(1)}> is shown as text; use Markdown"
                )
            )
        for is_image, target in targets:
            column = max(text.find(target), 0)
            quoted = quote_line(text, line, column)
            if is_image:
                message = _image_problem(target, item, model, images)
                if message:
                    problems.append(Problem(item.path, line, message, detail=quoted))
                continue
            link = classify_link(target)
            if link.kind == "refused":
                problems.append(Problem(item.path, line, link.reason, detail=quoted))
            elif (
                link.kind == "internal"
                and link.target
                and link.target not in model
                and link.target not in LINKABLE_VIEWS
            ):
                if link.target in broken:  # reported, grouped, where it failed to load
                    knock_on.setdefault(link.target, []).append(f"{item.path}:{line}")
                    continue
                message = f"link to unknown page id {link.target!r}" + _did_you_mean(
                    link.target, ids
                )
                problems.append(Problem(item.path, line, message, detail=quoted))
    return problems

"""Whole-model checks that need every item loaded: references, links and fixed ids."""

from __future__ import annotations

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


def cross_references(model: ContentModel, broken_ids: set[str]) -> list[Problem]:
    """Every problem that only shows once all roots are loaded."""
    problems: list[Problem] = []
    stage_ids = {stage.id for stage in model.checklist_stages}
    for item in model:
        problems.extend(_field_references(item, model, stage_ids, broken_ids))
        problems.extend(_body_links(item, model, broken_ids))
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
        item = model.get(fixed)
        if item is None and fixed not in broken_ids:
            problems.append(Problem(root, 1, f"the required page {fixed!r} is missing"))
        elif item is not None and fixed in SECTION_IDS and item.kind != "section":
            problems.append(Problem(item.path, item.line, f"{fixed!r} must be a section"))
    return problems


def _field_references(
    item: Item, model: ContentModel, stage_ids: set[str], broken: set[str]
) -> list[Problem]:
    problems = []
    for name, spec in SCHEMA[item.kind].items():
        if spec.refers_to is None or name not in item.fields:
            continue
        value = item.fields[name]
        for ref in (value,) if isinstance(value, str) else value:
            if ref in broken:
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


def _body_links(item: Item, model: ContentModel, broken: set[str]) -> list[Problem]:
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
            if is_image:
                if not image_allowed(target):
                    problems.append(
                        Problem(item.path, line, f"image {target!r} must be a file under images/")
                    )
                continue
            link = classify_link(target)
            if link.kind == "refused":
                problems.append(Problem(item.path, line, link.reason))
            elif (
                link.kind == "internal"
                and link.target
                and link.target not in model
                and link.target not in LINKABLE_VIEWS
            ):
                if link.target in broken:  # already reported where it is defined
                    continue
                message = f"link to unknown page id {link.target!r}"
                problems.append(Problem(item.path, line, message))
    return problems

"""How the contents tree groups a content folder's own pages: under the folder's title
(from its ``content.yaml``), in the order its pages give (``order: 1, 2, ...``; pages
without one follow, by title). Pages that replace bundled ones stay where the bundled
page was, so a trust's own overview is still the overview.
"""

from __future__ import annotations

from typing import NamedTuple

from guide.content.model import ContentModel, Edition, Item

# Stories are listed by stage and specialty already.
TREE_KINDS = ("page",)


class FolderGroup(NamedTuple):
    edition: Edition
    items: tuple[Item, ...]


def _order(item: Item) -> tuple[int, int, str]:
    order = item.fields.get("order")
    return (0, order, item.title.lower()) if isinstance(order, int) else (1, 0, item.title.lower())


def folder_groups(model: ContentModel) -> list[FolderGroup]:
    """One group per extra folder that adds pages of its own, in layering order."""
    if len(model.editions) < 2:
        return []
    own: dict[int, list[Item]] = {id(edition): [] for edition in model.editions[1:]}
    for item in model:  # one pass over the items, however many folders there are
        if item.kind in TREE_KINDS and not item.overrides:
            pages = own.get(id(model.edition_of(item)))
            if pages is not None:
                pages.append(item)
    return [
        FolderGroup(edition, tuple(sorted(own[id(edition)], key=_order)))
        for edition in model.editions[1:]
        if own[id(edition)]
    ]


class SchemeRow(NamedTuple):
    """What the tree shows of a funding scheme: it is filed under its first stage."""

    id: str
    title: str
    stages: tuple[str, ...]
    local: bool  # from a trust's or deanery's own folder


class StoryRow(NamedTuple):
    """What the tree shows of a career story: it is listed by stage and by specialty."""

    id: str
    title: str
    stages: tuple[str, ...]
    specialty: str


class TreePages(NamedTuple):
    """What the tree lists beyond the fixed sections, in content order. Pages as (id, title)
    in tree order: each content folder's own (``folders``: the folder's position in
    ``model.editions`` and its pages) and any other free-standing page, by title
    (``more``). Schemes and stories with the few fields their groups need."""

    folders: tuple[tuple[int, tuple[tuple[str, str], ...]], ...]
    more: tuple[tuple[str, str], ...]
    schemes: tuple[SchemeRow, ...] = ()
    stories: tuple[StoryRow, ...] = ()


def tree_pages(model: ContentModel) -> TreePages:
    """The tree's rows for ``model``. A model read from the content cache brings them
    worked out when the cache was written, so the tree is built without unpacking the
    thousands of pages a folder may hold, or the schemes and stories in their collapsed
    groups (see guide.content.cached_items)."""
    stored = getattr(model.items, "tree_pages", None)
    if isinstance(stored, TreePages):
        return stored
    positions = {id(edition): n for n, edition in enumerate(model.editions)}
    folders = tuple(
        (positions[id(group.edition)], tuple((page.id, page.title) for page in group.items))
        for group in folder_groups(model)
    )
    grouped = {page_id for _, pages in folders for page_id, _ in pages}
    # Any other free-standing page; without a row it could only be reached by a link.
    more = sorted(
        (
            page
            for page in model.of_kind("page")
            if page.id not in ("overview", "glossary") and page.id not in grouped
        ),
        key=lambda page: page.title.lower(),
    )
    schemes = tuple(
        SchemeRow(s.id, s.title, tuple(s.get("stages", ())), model.is_local(s))
        for s in model.of_kind("scheme")
    )
    stories = tuple(
        StoryRow(s.id, s.title, s.stages, str(s.get("specialty", "")))
        for s in model.of_kind("story")
    )
    return TreePages(folders, tuple((page.id, page.title) for page in more), schemes, stories)

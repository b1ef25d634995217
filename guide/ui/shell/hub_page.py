"""A group row's page (Career stories, a stage's schemes, Tools): its pages as cards.

What sits beneath the group comes from the navigation tree, so a hub always lists
what the tree shows; ``guide.content.hubs`` (no Qt) makes the cards and filters.
Every page beneath the group gets a card, however deep (Career stories lists every
story, with filters); the groups inside it are listed above the cards as links.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from guide.content.hubs import Card, Subgroup, hub_html, split_hub_id
from guide.content.model import ContentModel
from guide.content.pages import Page
from guide.ui.host import GROUP_PREFIX
from guide.ui.roles import Role


class Tree(Protocol):
    """What a hub needs of the navigation model."""

    content: ContentModel

    def group_children(self, group_id: str) -> list[tuple[str, str]]: ...

    def title_of(self, item_id: str) -> str: ...

    def rows_for(self, item_id: str) -> list[Any]: ...


def _card(tree: Tree, item_id: str, title: str) -> Card:
    item = tree.content.get(item_id)
    if item is None:  # a registered view (the checklist, What's new)
        return Card(item_id, title, kind="view")
    return Card(item_id, title, item.summary, item.kind, item.stages, item.nations)


def _beneath(tree: Tree, group_id: str, seen: set[str] | None = None) -> list[Card]:
    """Every page under ``group_id``, in tree order, each once (a story sits under its
    stage and its specialty)."""
    seen = set() if seen is None else seen
    cards = []
    for child_id, title in tree.group_children(group_id):
        if child_id.startswith(GROUP_PREFIX):
            cards += _beneath(tree, child_id, seen)
        elif child_id not in seen:
            seen.add(child_id)
            cards.append(_card(tree, child_id, title))
    return cards


def _trail(tree: Tree, group_id: str) -> list[tuple[str, str]]:
    """The groups above this one, outermost first, for the line above the title."""
    rows = tree.rows_for(group_id)
    trail: list[tuple[str, str]] = []
    parent = rows[0].parent() if rows else None
    while parent is not None:
        trail.insert(0, (str(parent.data(Role.ID)), str(parent.data(Role.TITLE))))
        parent = parent.parent()
    return trail


def hub_page(tree: Tree, hub_id: str, tr: Callable[[str], str]) -> Page:
    """The page for ``group:NAME`` or ``group:NAME?stage=…&nation=…``."""
    group_id, filters = split_hub_id(hub_id)
    title = tree.title_of(group_id)
    trail = _trail(tree, group_id)
    if trail and any(section.title == title for section in tree.content.sections()):
        # "Career stories › By stage › Early research exposure" is not the stage's own page:
        # the title says whose list it is, in the window title and Back's history too.
        title = tr("%1: %2").replace("%1", trail[0][1]).replace("%2", title)
    subgroups = [
        Subgroup(child_id, child_title, len(_beneath(tree, child_id)))
        for child_id, child_title in tree.group_children(group_id)
        if child_id.startswith(GROUP_PREFIX)
    ]
    html = hub_html(
        group_id,
        title,
        _beneath(tree, group_id),
        subgroups=subgroups,
        trail=trail,
        filters=filters,
        stage_titles={s.id: s.title for s in tree.content.sections()},
        tr=tr,
    )
    return Page(hub_id, title, html, ())

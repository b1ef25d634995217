"""The navigation tree's rows as plain Python objects, and which rows the tree holds.

``NavRow`` is one row (a content item, a group or a registered view). Building
these is cheap, so the whole tree is built at once; what a tree of thousands of
rows must not do is make a Qt object per row before the first paint, so the
rows stay Python objects and ``NavigationModel`` (a ``QAbstractItemModel``)
answers Qt only for the rows it draws. For the few callers that walk rows (the
tests, the group index pages), a row answers like a ``QStandardItem``
(``data``, ``text``, ``toolTip``, ``child``, ``rowCount``, ``parent``, ``index``).

Layout (issue 4, item 1): Overview; the pathway stages in their ``order``;
"Questions and practicalities" (the questions page and the other sections that are
not stages, such as pay and leave, in their ``order``; issue 16); careers across
fields; flexible entry; the national pathway with its funding schemes beneath it;
career stories grouped by stage and by specialty; the glossary; each content
folder's own pages under its title; "More pages" (any other free-standing page);
my progress.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from guide.content.groups import SchemeRow, StoryRow, tree_pages
from guide.content.model import SECTION_IDS, ContentModel, Item
from guide.ui.host import GROUP_PREFIX

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex

# The pathway stages proper; the other sections have their own top-level rows.
STAGE_IDS: tuple[str, ...] = SECTION_IDS[:5]
TOP_LEVEL_SECTIONS: tuple[str, ...] = SECTION_IDS[5:]
# A group with more pages than this makes its rows as the tree asks for them, this many
# at a time, and the rest just after the first paint.
PAGES_MADE_AT_ONCE = 50


class NavRow:
    """One tree row. ``label`` is what the row shows before any badge (a local scheme
    says so); ``title`` is the plain title; an item's tooltip is made when asked for."""

    __slots__ = ("children", "id", "label", "owner", "pending", "position", "title", "up")

    def __init__(self, owner: Any, row_id: str, title: str) -> None:
        self.owner = owner  # the NavigationModel: its content and the badges the row shows
        self.id = row_id
        self.title = title
        self.label = title
        self.children: list[NavRow] = []
        # (id, title) of the children not made yet: a group of thousands of pages makes
        # its rows as the tree shows them (NavigationModel.fetchMore), the rest after the
        # first paint.
        self.pending: list[tuple[str, str]] = []
        self.up: NavRow | None = None
        self.position = 0  # index in up.children, kept up to date on every insert

    @property
    def tip(self) -> str:
        """The row's own tooltip: the full title leads (long story titles are cut short in
        a narrow tree), then the summary. Looked up when asked for, so a row of a page
        nobody points at never unpacks the page."""
        item = self.owner.content.get(self.id)
        if item is None:
            return ""
        return f"{item.title}\n\n{item.summary}" if item.summary else item.title

    def append(self, child: NavRow) -> None:
        """Add ``child`` last, while building (no model signals: nothing is shown yet)."""
        child.up, child.position = self, len(self.children)
        self.children.append(child)

    # -- as a QStandardItem answers ---------------------------------------------------------

    def data(self, role: int) -> Any:
        return self.owner.row_data(self, int(role))

    def text(self) -> str:
        return str(self.data(0))  # DisplayRole

    def toolTip(self) -> str:
        return str(self.data(3) or "")  # ToolTipRole

    def child(self, row: int) -> NavRow:
        self.owner.fill(self)
        return self.children[row]

    def rowCount(self) -> int:
        self.owner.fill(self)
        return len(self.children)

    def row(self) -> int:
        return self.position

    def parent(self) -> NavRow | None:
        """The row above, or None for a top-level row (as QStandardItem.parent())."""
        up = self.up
        return None if up is None or up.up is None else up

    def index(self) -> QModelIndex:
        return self.owner.index_of(self)


class TreeBuilder:
    """Builds the rows for a content model under ``root``; ``group(name, title)`` and
    ``item_row(item)`` come from the model, which indexes every row it makes."""

    def __init__(
        self,
        content: ContentModel,
        make_row: Callable[[str, str], NavRow],
        group: Callable[[str, str], NavRow],
        tr: Callable[[str], str],
    ) -> None:
        self.content, self._make_row, self.group, self.tr = content, make_row, group, tr
        self.detached: set[str] = set()  # groups built but not (yet) in the tree
        self.deferred: list[tuple[NavRow, tuple[tuple[str, str], ...]]] = []  # big groups

    def item_row(self, item: Item) -> NavRow:
        return self._make_row(item.id, item.title)

    def build(self, root: NavRow) -> None:
        content, tr = self.content, self.tr
        overview = content.get("overview")
        if overview is not None:
            root.append(self.item_row(overview))
        sections = {s.id: s for s in content.sections()}
        stages = self.group("stages", tr("Pathway stages"))
        practical = self.group("practicalities", tr("Questions and practicalities"))
        for section in sections.values():
            if section.id in TOP_LEVEL_SECTIONS:
                continue
            # Sections editors add beyond the stages (questions, pay and leave, applying)
            # cut across every stage, so they get their own group rather than the stages'.
            (stages if section.id in STAGE_IDS else practical).append(self.item_row(section))
        root.append(stages)
        if practical.children:
            root.append(practical)
        else:
            self.detached.add("practicalities")
        # Schemes, stories, each content folder's own pages under its title (in the order
        # its pages give), then any other free-standing page, from the model's index: a
        # folder of thousands of pages needs no page unpacked to be listed.
        listed = tree_pages(content)
        for section_id in TOP_LEVEL_SECTIONS:
            top = sections.get(section_id)
            if top is None:
                continue
            row = self.item_row(top)
            if section_id == "national-pathway":
                self._schemes_by_stage(row, listed.schemes, sections)
            root.append(row)
        if listed.stories:
            root.append(self._stories(listed.stories, sections))
        glossary = content.get("glossary")
        if glossary is not None:
            root.append(self.item_row(glossary))
        for number, (position, pages) in enumerate(listed.folders, start=1):
            folder = self.group(f"folder-{number}", content.editions[position].title)
            self._pages(folder, pages)
            root.append(folder)
        if listed.more:
            more = self.group("more-pages", tr("More pages"))
            self._pages(more, listed.more)
            root.append(more)
        # "My progress" and "Tools" appear only once a view is registered under them.
        self.group("my-progress", tr("My progress"))
        self.group("tools", tr("Tools"))
        self.detached.update(("my-progress", "tools"))

    def _pages(self, group: NavRow, pages: tuple[tuple[str, str], ...]) -> None:
        if len(pages) > PAGES_MADE_AT_ONCE:
            self.deferred.append((group, pages))  # made as the tree shows them
            return
        for page_id, title in pages:
            group.append(self._make_row(page_id, title))

    def _schemes_by_stage(
        self, parent: NavRow, schemes: tuple[SchemeRow, ...], sections: dict[str, Item]
    ) -> None:
        """Schemes in one collapsed group per stage (their first), in pathway order, so
        opening a scheme unfolds a handful of rows rather than every scheme in the guide."""
        order = list(sections)
        by_stage: dict[str, list[SchemeRow]] = {}
        for scheme in schemes:
            stages = [s for s in scheme.stages if s in sections]
            by_stage.setdefault(stages[0] if stages else "", []).append(scheme)
        for stage in sorted(by_stage, key=lambda s: order.index(s) if s in order else len(order)):
            title = sections[stage].title if stage else self.tr("Other schemes")
            group = self.group(
                f"schemes-{stage or 'other'}", self.tr("Schemes: %1").replace("%1", title)
            )
            for scheme in sorted(by_stage[stage], key=lambda s: s.title.lower()):
                row = self._make_row(scheme.id, scheme.title)
                if scheme.local:  # a trust's own scheme, not a national one
                    row.label = self.tr("%1 (local)").replace("%1", scheme.title)
                group.append(row)
            parent.append(group)

    def _stories(self, stories: tuple[StoryRow, ...], sections: dict[str, Item]) -> NavRow:
        make, tr = self._make_row, self.tr
        group = self.group("stories", tr("Career stories"))
        by_stage = make(GROUP_PREFIX + "stories-by-stage", tr("By stage"))
        for section in sections.values():
            matching = [s for s in stories if section.id in s.stages]
            if not matching:
                continue
            stage_row = make(GROUP_PREFIX + "stories-stage-" + section.id, section.title)
            for story in sorted(matching, key=lambda s: s.title.lower()):
                stage_row.append(make(story.id, story.title))
            by_stage.append(stage_row)
        by_specialty = make(GROUP_PREFIX + "stories-by-specialty", tr("By specialty"))
        specialties: dict[str, list[StoryRow]] = {}
        for story in stories:
            name = story.specialty or tr("Other")
            specialties.setdefault(name, []).append(story)
        for name in sorted(specialties, key=str.lower):
            spec_row = make(GROUP_PREFIX + "stories-specialty-" + name, name)
            for story in sorted(specialties[name], key=lambda s: s.title.lower()):
                spec_row.append(make(story.id, story.title))
            by_specialty.append(spec_row)
        group.append(by_stage)
        group.append(by_specialty)
        return group

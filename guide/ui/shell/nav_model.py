"""The navigation tree as a Qt model over the ContentModel.

Layout (issue 4, item 1): Overview; the pathway stages in their ``order``;
"Questions and practicalities" (the questions page and the other sections that are
not stages, such as pay and leave, in their ``order``; issue 16); careers across
fields; flexible entry; the national pathway with its funding
schemes beneath it; career stories grouped by stage and by specialty; the
glossary; "More pages" (free-standing pages from an extra content folder, only
when there are any); my progress. Registered views are placed by their ``tree_section``:
one of the group names in ``SECTIONS`` or the id of any row already in the tree
(the view becomes its child); ``None`` puts the view at the top level, before
the glossary.

Group rows (for example "Pathway stages") carry a ``group:NAME`` id; opening
one shows a short index page listing its children.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from guide.content.groups import folder_groups
from guide.content.model import SECTION_IDS, ContentModel, Item
from guide.content.pages import Page
from guide.ui.host import GROUP_PREFIX
from guide.ui.roles import Role
from guide.ui.shell.hub_page import hub_page

# The pathway stages proper; the other sections have their own top-level rows.
STAGE_IDS: tuple[str, ...] = SECTION_IDS[:5]
TOP_LEVEL_SECTIONS: tuple[str, ...] = SECTION_IDS[5:]

# Named places a registered view may ask for (besides any row id in the tree).
SECTIONS: tuple[str, ...] = ("stages", "stories", "my-progress", "tools")


def _tr(text: str) -> str:
    return QCoreApplication.translate("NavigationTree", text)


class NavigationModel(QStandardItemModel):
    """The tree rows; ``rows_for(id)`` finds every row showing an item or view."""

    def __init__(self, model: ContentModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.content = model
        self._badges: dict[str, str] = {}
        self._badge_notes: dict[str, str] = {}
        self._groups: dict[str, QStandardItem] = {}
        # Groups not yet in the tree. Tracked here because asking a detached QStandardItem
        # for its model() returns a None that PySide does not reference-count (it crashes).
        self._detached: set[str] = set()
        self._views: list[tuple[str, str, str | None]] = []
        self._build()

    def rebuild(self, model: ContentModel) -> None:
        """Rows for reloaded content, keeping registered views and badges."""
        self.content = model
        self.clear()
        self._groups = {}
        self._detached = set()
        views, self._views = self._views, []
        self._build()
        for view_id, title, section in views:
            self.add_view(view_id, title, section)
        for item_id in list(self._badges):
            for row in self.rows_for(item_id):
                self._refresh_text(row)

    def folder_group_ids(self) -> list[str]:
        """The group ids of the content folders' own pages (expanded at start)."""
        return [GROUP_PREFIX + name for name in self._groups if name.startswith("folder-")]

    # -- building ---------------------------------------------------------------------------

    def _row(self, item_id: str, title: str, tooltip: str = "") -> QStandardItem:
        row = QStandardItem(title)
        row.setData(item_id, Role.ID)
        row.setData(title, Role.TITLE)
        row.setEditable(False)
        if tooltip:
            row.setToolTip(tooltip)
            row.setData(tooltip, Role.TIP)
        return row

    def _item_row(self, item: Item) -> QStandardItem:
        # The full title leads the tooltip: long story titles are cut short in a narrow tree.
        tooltip = f"{item.title}\n\n{item.summary}" if item.summary else item.title
        return self._row(item.id, item.title, tooltip)

    def _group(self, name: str, title: str) -> QStandardItem:
        row = self._row(GROUP_PREFIX + name, title)
        self._groups[name] = row
        return row

    def _build(self) -> None:
        content = self.content
        root = self.invisibleRootItem()
        overview = content.get("overview")
        if overview is not None:
            root.appendRow(self._item_row(overview))
        sections = {s.id: s for s in content.sections()}
        stages = self._group("stages", _tr("Pathway stages"))
        practical = self._group("practicalities", _tr("Questions and practicalities"))
        for section in content.sections():
            if section.id in TOP_LEVEL_SECTIONS:
                continue
            # Sections editors add beyond the stages (questions, pay and leave, applying)
            # cut across every stage, so they get their own group rather than the stages'.
            group = stages if section.id in STAGE_IDS else practical
            group.appendRow(self._item_row(section))
        root.appendRow(stages)
        if practical.rowCount():
            root.appendRow(practical)
        else:
            self._detached.add("practicalities")
        for section_id in TOP_LEVEL_SECTIONS:
            top = sections.get(section_id)
            if top is None:
                continue
            row = self._item_row(top)
            if section_id == "national-pathway":
                self._schemes_by_stage(row, content.of_kind("scheme"), sections)
            root.appendRow(row)
        stories = content.of_kind("story")
        if stories:
            root.appendRow(self._stories(stories, sections))
        glossary = content.get("glossary")
        if glossary is not None:
            root.appendRow(self._item_row(glossary))
        # Each content folder's own pages under its title, in the order its pages give.
        grouped: set[str] = set()
        for number, own in enumerate(folder_groups(content), start=1):
            folder = self._group(f"folder-{number}", own.edition.title)
            for page in own.items:
                folder.appendRow(self._item_row(page))
                grouped.add(page.id)
            root.appendRow(folder)
        # Any other free-standing page; without this row it could only be reached by a link.
        pages = [
            p
            for p in content.of_kind("page")
            if p.id not in ("overview", "glossary") and p.id not in grouped
        ]
        if pages:
            more = self._group("more-pages", _tr("More pages"))
            for page in sorted(pages, key=lambda p: p.title.lower()):
                more.appendRow(self._item_row(page))
            root.appendRow(more)
        # "My progress" and "Tools" appear only once a view is registered under them.
        self._group("my-progress", _tr("My progress"))
        self._group("tools", _tr("Tools"))
        self._detached.update(("my-progress", "tools"))

    def _schemes_by_stage(
        self, parent: QStandardItem, schemes: list[Item], sections: dict[str, Item]
    ) -> None:
        """Schemes in one collapsed group per stage (their first), in pathway order, so
        opening a scheme unfolds a handful of rows rather than every scheme in the guide."""
        order = list(sections)
        by_stage: dict[str, list[Item]] = {}
        for scheme in schemes:
            stages = [s for s in scheme.get("stages", ()) if s in sections]
            by_stage.setdefault(stages[0] if stages else "", []).append(scheme)
        for stage in sorted(by_stage, key=lambda s: order.index(s) if s in order else len(order)):
            title = sections[stage].title if stage else _tr("Other schemes")
            group = self._group(
                f"schemes-{stage or 'other'}", _tr("Schemes: %1").replace("%1", title)
            )
            for scheme in sorted(by_stage[stage], key=lambda s: s.title.lower()):
                scheme_row = self._item_row(scheme)
                if self.content.is_local(scheme):  # a trust's own scheme, not a national one
                    scheme_row.setText(_tr("%1 (local)").replace("%1", scheme.title))
                group.appendRow(scheme_row)
            parent.appendRow(group)

    def _stories(self, stories: list[Item], sections: dict[str, Item]) -> QStandardItem:
        group = self._group("stories", _tr("Career stories"))
        by_stage = self._row(GROUP_PREFIX + "stories-by-stage", _tr("By stage"))
        for section in sections.values():
            matching = [s for s in stories if section.id in s.stages]
            if not matching:
                continue
            stage_row = self._row(GROUP_PREFIX + "stories-stage-" + section.id, section.title)
            for story in sorted(matching, key=lambda s: s.title.lower()):
                stage_row.appendRow(self._item_row(story))
            by_stage.appendRow(stage_row)
        by_specialty = self._row(GROUP_PREFIX + "stories-by-specialty", _tr("By specialty"))
        specialties: dict[str, list[Item]] = {}
        for story in stories:
            specialties.setdefault(str(story.get("specialty", "")) or _tr("Other"), []).append(
                story
            )
        for name in sorted(specialties, key=str.lower):
            spec_row = self._row(GROUP_PREFIX + "stories-specialty-" + name, name)
            for story in sorted(specialties[name], key=lambda s: s.title.lower()):
                spec_row.appendRow(self._item_row(story))
            by_specialty.appendRow(spec_row)
        group.appendRow(by_stage)
        group.appendRow(by_specialty)
        return group

    # -- registered views -------------------------------------------------------------------

    def add_view(self, view_id: str, title: str, tree_section: str | None) -> None:
        """List a registered view in the tree where ``tree_section`` says."""
        if (view_id, title, tree_section) not in self._views:
            self._views.append((view_id, title, tree_section))
        for existing in self.rows_for(view_id):
            existing.setData(title, Role.TITLE)
            self._refresh_text(existing)
            return
        row = self._row(view_id, title)
        parent = self._parent_for(tree_section)
        if parent is None:
            glossary = next(iter(self.rows_for("glossary")), None)
            position = glossary.row() if glossary is not None else self.rowCount()
            self.invisibleRootItem().insertRow(position, [row])
            return
        name = next((n for n, g in self._groups.items() if g is parent), None)
        if name in self._detached:
            self._detached.discard(name)
            self._attach_group(parent)
        parent.appendRow(row)

    def _parent_for(self, tree_section: str | None) -> QStandardItem | None:
        if not tree_section:
            return None
        if tree_section in self._groups:
            return self._groups[tree_section]
        found = next(iter(self.rows_for(tree_section)), None)
        if found is not None:
            return found
        # Unknown section name: a new group of that name, so nothing is lost.
        self._detached.add(tree_section)
        return self._group(tree_section, tree_section.replace("-", " ").capitalize())

    def _attach_group(self, group: QStandardItem) -> None:
        """Put a not-yet-shown group at the top level (my progress last of all)."""
        root = self.invisibleRootItem()
        if group is self._groups.get("my-progress"):
            root.appendRow(group)
            return
        progress = self._groups.get("my-progress")
        if progress is not None and "my-progress" not in self._detached:
            root.insertRow(progress.row(), [group])
        else:
            root.appendRow(group)

    # -- lookup and badges ------------------------------------------------------------------

    def iter_rows(self) -> Iterator[QStandardItem]:
        stack = [self.invisibleRootItem()]
        while stack:
            parent = stack.pop()
            for r in range(parent.rowCount() - 1, -1, -1):
                child = parent.child(r)
                if child is not None:
                    stack.append(child)
            if parent is not self.invisibleRootItem():
                yield parent

    def rows_for(self, item_id: str) -> list[QStandardItem]:
        """Every row showing ``item_id``, in tree order (a story may appear twice)."""
        return [row for row in self.iter_rows() if row.data(Role.ID) == item_id]

    def index_for(self, item_id: str) -> QModelIndex:
        rows = self.rows_for(item_id)
        return rows[0].index() if rows else QModelIndex()

    def set_badge(self, item_id: str, text: str, description: str = "") -> None:
        """``description`` says in words what a terse badge ("3/7") means, for the
        tooltip and for screen readers."""
        self._badges[item_id] = text
        self._badge_notes[item_id] = description
        for row in self.rows_for(item_id):
            self._refresh_text(row)

    def badge(self, item_id: str) -> str:
        return self._badges.get(item_id, "")

    def _refresh_text(self, row: QStandardItem) -> None:
        title = str(row.data(Role.TITLE))
        item_id = str(row.data(Role.ID))
        badge = self._badges.get(item_id, "")
        row.setText(f"{title}   {badge}" if badge else title)
        note = self._badge_notes.get(item_id, "") if badge else ""
        tip = str(row.data(Role.TIP) or "")
        row.setToolTip("\n\n".join(t for t in (tip or title, note) if t) if note else tip)
        row.setData(f"{title}, {note}" if note else None, Qt.ItemDataRole.AccessibleTextRole)

    def group_children(self, group_id: str) -> list[tuple[str, str]]:
        """(id, title) of a group row's children, for its index page."""
        rows = self.rows_for(group_id)
        if not rows:
            return []
        parent = rows[0]
        return [
            (str(parent.child(r).data(Role.ID)), str(parent.child(r).data(Role.TITLE)))
            for r in range(parent.rowCount())
        ]

    def title_of(self, item_id: str) -> str:
        rows = self.rows_for(item_id)
        return str(rows[0].data(Role.TITLE)) if rows else ""

    def group_page(self, group_id: str) -> Page:
        """A group row's page: every page beneath it as a card, with filters."""
        return hub_page(self, group_id, _tr)

"""The navigation tree as a Qt model over the rows in ``guide.ui.shell.nav_rows``.

A ``QAbstractItemModel`` over plain Python rows rather than a ``QStandardItemModel``:
a content folder can bring thousands of pages, and making a Qt item for each of them
(with its tooltip) before the first paint made start-up and memory grow with the
content. This way Qt asks only for the rows it lays out and draws, a row's tooltip
and badge text are made when asked for, and finding a row by id is a dict lookup.

Registered views are placed by their ``tree_section``: one of the group names in
``SECTIONS`` or the id of any row already in the tree (the view becomes its child);
``None`` puts the view at the top level, before the glossary. Group rows (for
example "Pathway stages") carry a ``group:NAME`` id; opening one shows a short index
page listing its children.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from guide.content.model import ContentModel
from guide.content.pages import Page
from guide.ui.host import GROUP_PREFIX
from guide.ui.roles import Role
from guide.ui.shell.hub_page import hub_page
from guide.ui.shell.nav_rows import (
    PAGES_MADE_AT_ONCE,
    STAGE_IDS,
    TOP_LEVEL_SECTIONS,
    NavRow,
    TreeBuilder,
)

__all__ = ["SECTIONS", "STAGE_IDS", "TOP_LEVEL_SECTIONS", "NavRow", "NavigationModel"]

# Named places a registered view may ask for (besides any row id in the tree).
SECTIONS: tuple[str, ...] = ("stages", "stories", "my-progress", "tools")

# Roles as plain ints: data() runs for every row drawn, and int compares are cheapest.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_SPOKEN = int(Qt.ItemDataRole.AccessibleTextRole)
_ID, _TITLE, _TIP = int(Role.ID), int(Role.TITLE), int(Role.TIP)
_NO_INDEX = QModelIndex()
_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("NavigationTree", text)


class NavigationModel(QAbstractItemModel):
    """The tree rows; ``rows_for(id)`` finds every row showing an item or view."""

    def __init__(self, model: ContentModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.content = model
        self._badges: dict[str, str] = {}
        self._badge_notes: dict[str, str] = {}
        self._views: list[tuple[str, str, str | None]] = []
        self._build()

    def rebuild(self, model: ContentModel) -> None:
        """Rows for reloaded content, keeping registered views and badges."""
        self.beginResetModel()
        self.content = model
        views, self._views = self._views, []
        self._build()
        self.endResetModel()
        self.fill_all()  # the window is up already: no first paint to wait for
        for view_id, title, section in views:
            self.add_view(view_id, title, section)

    def folder_group_ids(self) -> list[str]:
        """The group ids of the content folders' own pages (expanded at start)."""
        return [GROUP_PREFIX + name for name in self._groups if name.startswith("folder-")]

    # -- building ---------------------------------------------------------------------------

    def _make_row(self, row_id: str, title: str) -> NavRow:
        row = NavRow(self, row_id, title)
        self._by_id.setdefault(row_id, []).append(row)
        return row

    def _group(self, name: str, title: str) -> NavRow:
        row = self._make_row(GROUP_PREFIX + name, title)
        self._groups[name] = row
        return row

    def _build(self) -> None:
        self._root = NavRow(self, "", "")
        self._by_id: dict[str, list[NavRow]] = {}
        self._groups: dict[str, NavRow] = {}
        builder = TreeBuilder(self.content, self._make_row, self._group, _tr)
        builder.build(self._root)
        # Groups not yet in the tree ("My progress" until a view is registered under it).
        self._detached: set[str] = builder.detached
        # Rows of big groups not made yet: the group each page id waits in.
        self._waiting: dict[str, NavRow] = {}
        for group, pages in builder.deferred:
            group.pending = list(pages)
            self._waiting.update(dict.fromkeys((page_id for page_id, _ in pages), group))

    # -- the Qt model -----------------------------------------------------------------------

    def index(self, row: int, column: int = 0, parent: _Index = _NO_INDEX) -> QModelIndex:
        above = parent.internalPointer() if parent.isValid() else self._root
        if column != 0 or not 0 <= row < len(above.children):
            return QModelIndex()
        return self.createIndex(row, 0, above.children[row])

    def parent(self, index: QModelIndex | None = None) -> QModelIndex:  # type: ignore[override]
        # Qt's overload of QObject.parent(): the model is never asked for its owner that way.
        if index is None or not index.isValid():
            return QModelIndex()
        up = index.internalPointer().up
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.position, 0, up)

    def hasChildren(self, parent: _Index = _NO_INDEX) -> bool:
        row = parent.internalPointer() if parent.isValid() else self._root
        return bool(row.children or row.pending)

    def canFetchMore(self, parent: _Index) -> bool:
        return parent.isValid() and bool(parent.internalPointer().pending)

    def fetchMore(self, parent: _Index) -> None:
        # Qt asks when it lays out an open group, as often as it needs to fill the view.
        if parent.isValid():
            self._make_waiting(parent.internalPointer(), PAGES_MADE_AT_ONCE)

    def fill(self, group: NavRow) -> None:
        """Make every row ``group`` still waits for."""
        if group.pending:
            self._make_waiting(group, len(group.pending))

    def fill_all(self) -> None:
        """Make every row not made yet (once the window has painted: an open group must
        not look shorter than it is when the reader scrolls down the tree)."""
        for group in dict.fromkeys(self._waiting.values()):
            self.fill(group)

    def _make_waiting(self, group: NavRow, count: int) -> None:
        taken, group.pending = group.pending[:count], group.pending[count:]
        if not taken:
            return
        first = len(group.children)
        shown = self._attached(group)
        if shown:
            self.beginInsertRows(self.index_of(group), first, first + len(taken) - 1)
        for page_id, title in taken:
            group.append(self._make_row(page_id, title))
            del self._waiting[page_id]
        if shown:
            self.endInsertRows()

    def rowCount(self, parent: _Index = _NO_INDEX) -> int:
        if parent.isValid():
            return 0 if parent.column() else len(parent.internalPointer().children)
        return len(self._root.children)

    def columnCount(self, parent: _Index = _NO_INDEX) -> int:
        return 1

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        return self.row_data(index.internalPointer(), int(role))

    def row_data(self, row: NavRow, role: int) -> Any:
        """What ``row`` holds for ``role``: its label with any badge, its id, title or
        tooltip (with what the badge means), and the words a screen reader says."""
        if role == _DISPLAY:
            badge = self._badges.get(row.id)
            return f"{row.label}   {badge}" if badge else row.label
        if role == _ID:
            return row.id
        if role == _TITLE:
            return row.title
        if role in (_TOOLTIP, _TIP, _SPOKEN):
            note = self._badge_notes.get(row.id, "") if self._badges.get(row.id) else ""
            if role == _SPOKEN:
                return f"{row.title}, {note}" if note else None
            tip = row.tip
            if role == _TOOLTIP and note:
                return f"{tip or row.title}\n\n{note}"
            return tip or None
        return None

    def index_of(self, row: NavRow) -> QModelIndex:
        """The model index of ``row`` (invalid for a row not in the tree)."""
        if row.up is None or not self._attached(row):
            return QModelIndex()
        return self.createIndex(row.position, 0, row)

    # -- registered views -------------------------------------------------------------------

    def add_view(self, view_id: str, title: str, tree_section: str | None) -> None:
        """List a registered view in the tree where ``tree_section`` says."""
        if (view_id, title, tree_section) not in self._views:
            self._views.append((view_id, title, tree_section))
        for existing in self.rows_for(view_id):
            existing.title = existing.label = title
            self._changed(existing)
            return
        row = self._make_row(view_id, title)
        parent = self._parent_for(tree_section)
        if parent is None:
            glossary = next(iter(self.rows_for("glossary")), None)
            position = glossary.position if glossary is not None else len(self._root.children)
            self._insert(self._root, position, row)
            return
        name = next((n for n, g in self._groups.items() if g is parent), None)
        if name in self._detached:
            self._detached.discard(name)
            self._attach_group(parent)
        self._insert(parent, len(parent.children), row)

    def _parent_for(self, tree_section: str | None) -> NavRow | None:
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

    def _attach_group(self, group: NavRow) -> None:
        """Put a not-yet-shown group at the top level (my progress last of all)."""
        progress = self._groups.get("my-progress")
        if group is progress or progress is None or "my-progress" in self._detached:
            self._insert(self._root, len(self._root.children), group)
        else:
            self._insert(self._root, progress.position, group)

    def _insert(self, parent: NavRow, position: int, row: NavRow) -> None:
        shown = self._attached(parent)
        if shown:
            self.beginInsertRows(self.index_of(parent), position, position)
        parent.children.insert(position, row)
        row.up = parent
        for number in range(position, len(parent.children)):
            parent.children[number].position = number
        if shown:
            self.endInsertRows()

    def _attached(self, row: NavRow) -> bool:
        while row.up is not None:
            row = row.up
        return row is self._root

    # -- lookup and badges ------------------------------------------------------------------

    def rows_for(self, item_id: str) -> list[NavRow]:
        """Every row showing ``item_id``, in tree order (a story may appear twice); a row
        not made yet is made now, with the rest of its group."""
        waiting = self._waiting.get(item_id)
        if waiting is not None:
            self.fill(waiting)
        rows = [row for row in self._by_id.get(item_id, ()) if self._attached(row)]
        if len(rows) > 1:
            rows.sort(key=_tree_position)
        return rows

    def index_for(self, item_id: str) -> QModelIndex:
        rows = self.rows_for(item_id)
        return self.index_of(rows[0]) if rows else QModelIndex()

    def set_badge(self, item_id: str, text: str, description: str = "") -> None:
        """``description`` says in words what a terse badge ("3/7") means, for the
        tooltip and for screen readers."""
        self._badges[item_id] = text
        self._badge_notes[item_id] = description
        for row in self.rows_for(item_id):
            self._changed(row)

    def badge(self, item_id: str) -> str:
        return self._badges.get(item_id, "")

    def _changed(self, row: NavRow) -> None:
        index = self.index_of(row)
        if index.isValid():
            self.dataChanged.emit(index, index)

    def group_children(self, group_id: str) -> list[tuple[str, str]]:
        """(id, title) of a group row's children, for its index page."""
        rows = self.rows_for(group_id)
        if not rows:
            return []
        self.fill(rows[0])
        return [(child.id, child.title) for child in rows[0].children]

    def title_of(self, item_id: str) -> str:
        rows = self.rows_for(item_id)
        return rows[0].title if rows else ""

    def group_page(self, group_id: str) -> Page:
        """A group row's page: every page beneath it as a card, with filters."""
        return hub_page(self, group_id, _tr)


def _tree_position(row: NavRow) -> list[int]:
    """Where a row sits, as row numbers from the top: sorts rows in tree order."""
    path = []
    while row.up is not None:
        path.append(row.position)
        row = row.up
    return path[::-1]

"""Bookmarks: Ctrl+D toggles the current page; a list panel beside the tree opens them.

Stored as a list of ids in the preferences file, so they survive restarts and
content updates (ids never change; a bookmark whose page has gone is shown
greyed with a note rather than dropped).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guide.ui.host import GROUP_PREFIX, Host
from guide.ui.roles import Role

PANEL_ID = "bookmarks"


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class BookmarksPanel(QWidget):
    """The list of bookmarks with Open and Remove buttons; asks for a removal with
    ``removeRequested(id)``."""

    removeRequested = Signal(str)

    def __init__(self, host: Host) -> None:
        super().__init__()
        self.host = host
        self.setObjectName("bookmarksPanel")
        self.setAccessibleName(self.tr("Bookmarks"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("bookmarksList")
        self.list.setAccessibleName(self.tr("Bookmarked pages"))
        self.list.setAccessibleDescription(self.tr("Press Enter to open, Delete to remove"))
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open bookmark"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove bookmark"))
        self.remove_button.setToolTip(self.tr("Remove the selected bookmark (Delete)"))
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)
        self.list.itemActivated.connect(lambda item: self._open(item))
        self.open_button.clicked.connect(lambda: self._open(self.list.currentItem()))
        self.remove_button.clicked.connect(self._remove_selected)
        self.reload()

    @property
    def ids(self) -> list[str]:
        return self.host.prefs.bookmarks

    def reload(self) -> None:
        self.list.clear()
        for item_id in self.ids:
            title = self.host.title_of(item_id)
            row = QListWidgetItem(
                title or self.tr("%1 (no longer in the guide)").replace("%1", item_id)
            )
            row.setData(Role.ID, item_id)
            if not title:
                row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(row)
        if not self.ids:
            empty = QListWidgetItem(self.tr("No bookmarks yet. Press Ctrl+D on a page to add it."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        has = bool(self.ids)
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(Role.ID):
            self.host.open_id(str(item.data(Role.ID)))

    def _remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(Role.ID):
            self.removeRequested.emit(str(item.data(Role.ID)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self._remove_selected()
            return
        super().keyPressEvent(event)


class Bookmarks(QObject):
    """The bookmark commands and the panel, kept in step with the open page."""

    def __init__(self, host: Host) -> None:
        super().__init__()
        self.host = host
        self.panel = BookmarksPanel(host)
        self.panel.removeRequested.connect(lambda item_id: self.set_bookmarked(item_id, False))
        host.add_panel(PANEL_ID, self.panel, _tr("Bookmarks"))
        host.watch_side_buttons(self.panel.list)
        self.action = host.bind("bookmark", self.toggle)
        host.bind("bookmarks", self.show_panel)
        host.pageChanged.connect(lambda _id: self.update_action())
        host.viewsChanged.connect(self.panel.reload)  # a view's title is known once registered

    def is_bookmarked(self, item_id: str) -> bool:
        return item_id in self.host.prefs.bookmarks

    def set_bookmarked(self, item_id: str, on: bool) -> None:
        marks = [b for b in self.host.prefs.bookmarks if b != item_id]
        if on:
            marks.append(item_id)
        self.host.prefs.set("bookmarks", marks)
        self.panel.reload()
        self.update_action()
        self.host.say(_tr("Bookmark added") if on else _tr("Bookmark removed"), 3000)

    def toggle(self) -> None:
        item_id = self.host.current_id
        if not item_id or item_id.startswith(GROUP_PREFIX):
            return
        self.set_bookmarked(item_id, not self.is_bookmarked(item_id))

    def update_action(self) -> None:
        current = self.host.current_id
        self.action.setChecked(self.is_bookmarked(current))
        self.action.setEnabled(bool(current) and not current.startswith(GROUP_PREFIX))

    def show_panel(self) -> None:
        self.host.show_panel(PANEL_ID)
        self.panel.list.setFocus(Qt.FocusReason.ShortcutFocusReason)


def install(host: Host) -> Bookmarks:
    """The Bookmarks tab, Go ▸ Bookmark this page (Ctrl+D) and Show bookmarks (Ctrl+B)."""
    bookmarks = Bookmarks(host)
    bookmarks.setParent(host.dialog_parent())  # lives as long as the window
    return bookmarks

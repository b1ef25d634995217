"""Bookmarks: Ctrl+D toggles the current page; a list panel beside the tree opens them.

Stored as a list of ids in the preferences file, so they survive restarts and
content updates (ids never change; a bookmark whose page has gone is shown
greyed with a note rather than dropped).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BookmarksPanel(QWidget):
    """The list of bookmarks with Open and Remove buttons."""

    changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
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
        return self.window.prefs.bookmarks

    def reload(self) -> None:
        self.list.clear()
        for item_id in self.ids:
            title = self.window.title_of(item_id)
            row = QListWidgetItem(
                title or self.tr("%1 (no longer in the guide)").replace("%1", item_id)
            )
            row.setData(ID_ROLE, item_id)
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
        if item is not None and item.data(ID_ROLE):
            self.window.open_id(str(item.data(ID_ROLE)))

    def _remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(ID_ROLE):
            set_bookmarked(self.window, str(item.data(ID_ROLE)), False)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self._remove_selected()
            return
        super().keyPressEvent(event)


def is_bookmarked(window: MainWindow, item_id: str) -> bool:
    return item_id in window.prefs.bookmarks


def set_bookmarked(window: MainWindow, item_id: str, on: bool) -> None:
    marks = [b for b in window.prefs.bookmarks if b != item_id]
    if on:
        marks.append(item_id)
    window.prefs.set("bookmarks", marks)
    window.bookmarks_panel.reload()
    update_bookmark_action(window)
    if on:
        window.statusBar().showMessage(window.tr("Bookmark added"), 3000)
    else:
        window.statusBar().showMessage(window.tr("Bookmark removed"), 3000)


def toggle_bookmark(window: MainWindow) -> None:
    item_id = window.current_id
    if not item_id or item_id.startswith("group:"):
        return
    set_bookmarked(window, item_id, not is_bookmarked(window, item_id))


def update_bookmark_action(window: MainWindow) -> None:
    action = window.actions_by_name.get("bookmark")
    if action is None:
        return
    on = is_bookmarked(window, window.current_id)
    action.setChecked(on)
    action.setEnabled(bool(window.current_id) and not window.current_id.startswith("group:"))

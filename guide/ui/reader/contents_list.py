""" "On this page": a contents list for long pages, built from ``Page.headings``.

Shown beside the reader only when a page has enough headings to need it.
Level-3 headings are indented under their level-2 heading, and long headings
wrap (a small delegate indents the whole wrapped block, not just its first
line). Activating an entry scrolls the reader to that heading.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from guide.content.rendered import Heading
from guide.ui.roles import Role

MIN_HEADINGS = 3  # fewer than this and the page is short enough to scan
INDENT = 14  # pixels per heading level below 2
PADDING = 3  # pixels above and below each entry

Index = QModelIndex | QPersistentModelIndex


class _IndentDelegate(QStyledItemDelegate):
    def _shifted(self, option: QStyleOptionViewItem, index: Index) -> QStyleOptionViewItem:
        shifted = QStyleOptionViewItem(option)
        level = int(index.data(Role.LEVEL) or 2)
        shifted.rect = option.rect.adjusted(INDENT * max(0, level - 2), PADDING, 0, -PADDING)
        return shifted

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, self._shifted(option, index), index)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        level = int(index.data(Role.LEVEL) or 2)
        narrowed = QStyleOptionViewItem(option)
        narrowed.rect = option.rect.adjusted(INDENT * max(0, level - 2), 0, 0, 0)
        hint = super().sizeHint(narrowed, index)
        return QSize(hint.width(), hint.height() + 2 * PADDING)


class ContentsList(QWidget):
    anchorRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contentsList")
        self.setAccessibleName(self.tr("On this page"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        self.label = QLabel(self.tr("On this page"))
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.list = QListWidget()
        self.list.setObjectName("headingsList")
        self.list.setAccessibleName(self.tr("Headings on this page"))
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.setItemDelegate(_IndentDelegate(self.list))
        self.label.setBuddy(self.list)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.list)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)

    def count(self) -> int:
        return self.list.count()

    def set_headings(self, headings: tuple[Heading, ...]) -> bool:
        """Fill the list; returns True if the page is long enough to show it."""
        self.list.clear()
        for heading in headings:
            row = QListWidgetItem(heading.title)
            row.setData(Role.ANCHOR, heading.anchor)
            row.setData(Role.LEVEL, heading.level)
            row.setToolTip(heading.title)
            self.list.addItem(row)
        return len(headings) >= MIN_HEADINGS

    def anchors(self) -> list[str]:
        """Every anchor in list order."""
        return [str(self.list.item(i).data(Role.ANCHOR)) for i in range(self.list.count())]

    def _activate(self, item: QListWidgetItem) -> None:
        anchor = item.data(Role.ANCHOR)
        if anchor:
            self.anchorRequested.emit(str(anchor))

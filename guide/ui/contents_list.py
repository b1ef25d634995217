""" "On this page": a contents list for long pages, built from ``Page.headings``.

Shown beside the reader only when a page has enough headings to need it;
activating an entry scrolls the reader to that heading.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from guide.content.render import Heading

ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1
MIN_HEADINGS = 3  # fewer than this and the page is short enough to scan


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
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.label.setBuddy(self.list)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.list)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)

    def set_headings(self, headings: tuple[Heading, ...]) -> bool:
        """Fill the list; returns True if the page is long enough to show it."""
        self.list.clear()
        for heading in headings:
            indent = "    " * max(0, heading.level - 2)
            row = QListWidgetItem(indent + heading.title)
            row.setData(ANCHOR_ROLE, heading.anchor)
            row.setToolTip(heading.title)
            self.list.addItem(row)
        return len(headings) >= MIN_HEADINGS

    def _activate(self, item: QListWidgetItem) -> None:
        anchor = item.data(ANCHOR_ROLE)
        if anchor:
            self.anchorRequested.emit(str(anchor))

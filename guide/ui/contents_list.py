""" "On this page": a contents list for long pages, built from ``Page.headings``.

Shown beside the reader only when a page has enough headings to need it;
level-3 headings sit under their level-2 heading. Activating an entry scrolls
the reader to that heading.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

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
        self.list = QTreeWidget()
        self.list.setObjectName("headingsList")
        self.list.setAccessibleName(self.tr("Headings on this page"))
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setIndentation(14)
        self.list.setWordWrap(True)
        self.list.setUniformRowHeights(False)
        self.list.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QTreeView::item { padding: 3px 0px; }")
        self.label.setBuddy(self.list)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.list)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        self._count = 0

    def count(self) -> int:
        return self._count

    def set_headings(self, headings: tuple[Heading, ...]) -> bool:
        """Fill the list; returns True if the page is long enough to show it."""
        self.list.clear()
        parent: QTreeWidgetItem | None = None
        for heading in headings:
            row = QTreeWidgetItem([heading.title])
            row.setData(0, ANCHOR_ROLE, heading.anchor)
            row.setToolTip(0, heading.title)
            if heading.level > 2 and parent is not None:
                parent.addChild(row)
            else:
                self.list.addTopLevelItem(row)
                parent = row
        self.list.expandAll()
        self._count = len(headings)
        return len(headings) >= MIN_HEADINGS

    def anchors(self) -> list[str]:
        """Every anchor in list order (for tests and keyboard navigation)."""
        out = []
        for i in range(self.list.topLevelItemCount()):
            top = self.list.topLevelItem(i)
            out.append(str(top.data(0, ANCHOR_ROLE)))
            out.extend(str(top.child(j).data(0, ANCHOR_ROLE)) for j in range(top.childCount()))
        return out

    def _activate(self, item: QTreeWidgetItem) -> None:
        anchor = item.data(0, ANCHOR_ROLE)
        if anchor:
            self.anchorRequested.emit(str(anchor))

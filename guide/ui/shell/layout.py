"""The window's widgets and where they sit: tree and side panels on the left, the reader
area (pages, with the find bar, or a view) in the middle, "On this page" on the right,
the current page's title in the status bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from guide.content.model import ContentModel
from guide.paths import install_root
from guide.ui.host import GROUP_PREFIX
from guide.ui.reader.contents_list import ContentsList
from guide.ui.reader.find_bar import FindBar
from guide.ui.reader.view import ReaderView
from guide.ui.roles import Role
from guide.ui.shell.nav_model import NavigationModel


def viewport_of(widget: Any) -> QWidget:
    """``widget.viewport()``, found by the object name Qt gives it. The first call to
    ``viewport()`` makes PySide match the QWidget it returns against every widget class it
    knows (dozens of enums built at start-up); findChild does not."""
    found = widget.findChild(
        QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly
    )
    return found if found is not None else widget.viewport()


class WindowLayout(QObject):
    """Builds the widgets into ``window``; the window keeps references to the parts."""

    def __init__(self, window: QMainWindow, model: ContentModel) -> None:
        super().__init__(window)
        self.nav = NavigationModel(model, window)
        self.tree = QTreeView()
        self.tree.setObjectName("navigationTree")
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.nav)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)  # deep story groups keep room for their titles
        self.tree.setAccessibleName(self.tr("Contents"))
        self.tree.setAccessibleDescription(
            self.tr("The guide's pages. Press Enter or select a row to open it.")
        )

        self.left = QTabWidget()
        self.left.setObjectName("leftPanels")
        self.left.setAccessibleName(self.tr("Side panels"))
        self.left.setDocumentMode(True)
        self.left.addTab(self.tree, self.tr("Contents"))
        # Above the tabs: what must stay in view whichever tab is open (the search field).
        self.left_column = QWidget()
        self.left_column.setObjectName("leftColumn")
        column = QVBoxLayout(self.left_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.side_header = QVBoxLayout()
        self.side_header.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.side_header)
        column.addWidget(self.left, 1)

        self.reader = ReaderView([*model.roots, install_root()])
        self.reader.setObjectName("reader")
        self.reader.setAccessibleName(self.tr("Page"))
        self.reader.setAccessibleDescription(self.tr("The text of the open page"))

        self.page_area = QWidget()
        self.page_area.setObjectName("pageArea")
        page_layout = QVBoxLayout(self.page_area)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.reader, 1)
        self.find_bar = FindBar(self.reader)
        page_layout.addWidget(self.find_bar)

        self.stack = QStackedWidget()
        self.stack.setObjectName("readerStack")
        self.stack.addWidget(self.page_area)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left_column)
        self.splitter.addWidget(self.stack)
        self.contents_list = ContentsList()
        self.contents_list.anchorRequested.connect(self.reader.scrollToAnchor)
        self.contents_list.hide()
        self.splitter.addWidget(self.contents_list)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([320, 680, 220])
        window.setCentralWidget(self.splitter)

        self.status_page = QLabel()
        self.status_page.setAccessibleName(self.tr("Current page"))
        window.statusBar().addPermanentWidget(self.status_page)
        window.resize(1100, 720)
        self.syncing_tree = False

    def add_view(self, view: QWidget) -> QScrollArea:
        """Put a registered view in the reader area, inside a frame that scrolls.

        Why: a stacked widget is as wide as its widest page's minimum, so one view with a
        wide row of filters (or any view at a large text size) made the whole window wider
        than a 1024-pixel screen. In a frame the view scrolls instead, and fills it when
        there is room.
        """
        frame = QScrollArea()
        frame.setObjectName("viewFrame")
        frame.setWidgetResizable(True)
        frame.setFrameShape(QFrame.Shape.NoFrame)
        frame.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a container, not a Tab stop
        frame.setWidget(view)
        self.stack.addWidget(frame)
        return frame

    def expand_defaults(self) -> None:
        """Open the pathway stages and each content folder's own pages (the window calls
        this once its theme is applied)."""
        self.tree.expand(self.nav.index_for(GROUP_PREFIX + "stages"))
        for group_id in self.nav.folder_group_ids():  # a trust's own pages, in view
            self.tree.expand(self.nav.index_for(group_id))

    def show_in_tree(self, item_id: str) -> None:
        """Select the row of what is open (none for a page the tree does not list), without
        the selection opening it again."""
        index = self.tree.currentIndex()
        if index.isValid() and index.data(Role.ID) == item_id:
            return
        target = self.nav.index_for(item_id)
        self.syncing_tree = True
        try:
            if target.isValid():
                self.tree.setCurrentIndex(target)
                self.tree.scrollTo(target)
            else:
                self.tree.clearSelection()
                self.tree.setCurrentIndex(QModelIndex())
        finally:
            self.syncing_tree = False

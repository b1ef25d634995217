"""The main window: navigation tree beside the reader."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QMainWindow, QSplitter, QTextBrowser, QTreeView

from guide.content.model import ContentModel
from guide.content.pages import PageComposer

ID_ROLE = 0x0100 + 1


class MainWindow(QMainWindow):
    def __init__(self, model: ContentModel) -> None:
        super().__init__()
        self.model = model
        self.composer = PageComposer(model, tr=lambda s: self.tr(s))
        self.setWindowTitle(self.tr("Clinical Academic Pathway Guide"))
        self.tree = QTreeView()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Contents"))
        self.nav = QStandardItemModel(self)
        for item in [model.get("overview"), *model.sections(), model.get("glossary")]:
            if item is None:
                continue
            row = QStandardItem(item.title)
            row.setData(item.id, ID_ROLE)
            row.setEditable(False)
            self.nav.appendRow(row)
        self.tree.setModel(self.nav)
        self.reader = QTextBrowser()
        self.reader.setAccessibleName(self.tr("Page"))
        self.reader.setOpenLinks(False)
        self.reader.anchorClicked.connect(self._on_link)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.reader)
        splitter.setSizes([260, 740])
        self.setCentralWidget(splitter)
        self.tree.selectionModel().currentChanged.connect(
            lambda current, _prev: self.open_id(current.data(ID_ROLE))
        )
        self.resize(1000, 680)
        self.open_id("overview")

    def open_id(self, item_id: str | None) -> None:
        item = self.model.get(item_id or "")
        if item is None:
            return
        self.reader.setHtml(self.composer.compose(item).html)
        self.statusBar().showMessage(item.title)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "guide":
            self.open_id(url.path())
        else:
            self.statusBar().showMessage(self.tr("External link (not opened): ") + url.toString())

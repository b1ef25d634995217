"""The start-up floor: a bare PySide6 window (QMainWindow, QTreeView, QTextBrowser).

Copied in spirit from ../shared/bench/bare_app.py, so the comparison runs in
the same venv as the app: it quits on the event-loop turn after the first
paint of the text browser's viewport, as the app does with
GUIDE_QUIT_AFTER_FIRST_PAINT=1.
"""

import sys

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser, QTreeView


class _FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app, self.done = app, False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    model = QStandardItemModel()
    for i in range(5):
        parent = QStandardItem(f"Section {i}")
        for j in range(3):
            parent.appendRow(QStandardItem(f"Page {i}.{j}"))
        model.appendRow(parent)
    tree = QTreeView()
    tree.setModel(model)
    tree.expandAll()
    browser = QTextBrowser()
    browser.setHtml("<h1>Hello</h1><p>The quick brown fox. <b>Bold</b>.</p><ul><li>one</li></ul>")
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(tree)
    split.addWidget(browser)
    window.setCentralWidget(split)
    window.resize(1000, 680)
    watcher = _FirstPaint(app)
    browser.viewport().installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

"""Find in page: a bar under the reader (Ctrl+F), every match highlighted, F3 / Shift+F3 step.

Matching is case-insensitive plain text (what a reader expects from a browser's
find), done with QTextDocument.find, so it never blocks on large pages.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from guide.ui.reader.view import ReaderView


class FindBar(QWidget):
    """Hidden until asked for; Escape closes it and returns focus to the page."""

    closed = Signal()

    def __init__(self, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.matches: list = []
        self.current = -1
        self.setObjectName("findBar")
        self.setAccessibleName(self.tr("Find in page"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        label = QLabel(self.tr("Fi&nd:"))
        self.edit = QLineEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setAccessibleName(self.tr("Text to find in the page"))
        self.edit.setPlaceholderText(self.tr("Find in this page"))
        self.edit.setClearButtonEnabled(True)
        label.setBuddy(self.edit)
        self.prev_button = QToolButton()
        self.prev_button.setText(self.tr("Previous"))
        self.prev_button.setAccessibleName(self.tr("Previous match"))
        self.prev_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button = QToolButton()
        self.next_button.setText(self.tr("Next"))
        self.next_button.setAccessibleName(self.tr("Next match"))
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Matches"))
        self.close_button = QToolButton()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        self.close_button.setToolTip(self.tr("Close the find bar (Esc)"))
        for widget in (label, self.edit, self.prev_button, self.next_button, self.count):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.close_button)
        self.edit.textChanged.connect(self.search)
        self.edit.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.prev_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        self.setFocusProxy(self.edit)
        self.hide()

    def open_bar(self) -> None:
        selected = self.reader.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) < 80:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.search(self.edit.text())

    def close_bar(self) -> None:
        self.reader.clear_find()
        self.matches, self.current = [], -1
        self.hide()
        self.reader.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def search(self, text: str) -> None:
        self.matches = self.reader.find_all(text)
        self.current = -1
        if self.matches:
            self.step(1)
        else:
            self._show_count()

    def refresh(self) -> None:
        """Re-run the search on a newly shown page, if the bar is open."""
        if self.isVisible() and self.edit.text():
            self.search(self.edit.text())

    def step(self, direction: int) -> None:
        if not self.matches:
            self._show_count()
            return
        self.current = (self.current + direction) % len(self.matches)
        self.reader.mark_current(self.current)
        self._show_count()

    def find_next(self) -> None:
        if not self.isVisible():
            self.open_bar()
            return
        self.step(1)

    def find_previous(self) -> None:
        if not self.isVisible():
            self.open_bar()
            return
        self.step(-1)

    def _show_count(self) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(
                self.tr("%1 of %2").replace("%1", str(self.current + 1))
                .replace("%2", str(len(self.matches)))
            )  # fmt: skip

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

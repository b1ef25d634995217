"""The reader pane: a QTextBrowser that never loads anything remote.

QTextBrowser cannot fetch from the network by itself, but ``loadResource`` is
overridden anyway, as defence in depth, to refuse anything that is not a local
file inside the install or content folders, or one of our own ``qrc:`` / data
resources. Links are not followed by the widget; the window decides.

Also here: highlighting of all matches of a search or of find-in-page with
ExtraSelections, mouse back/forward buttons, and Ctrl+wheel as a request to the
window's one text size (``guide.ui.style.text_size``), which sizes this view too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextDocument,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from guide.ui.reader.table_fit import MARGIN, TableFit

if TYPE_CHECKING:
    # Imported where used (highlighting, find): each PySide class touched builds its type
    # and enums, and showing a page needs neither.
    from PySide6.QtGui import QTextCursor


class ReaderView(QTextBrowser):
    """Shows composed pages; emits ``backRequested``/``forwardRequested`` for mouse side buttons."""

    backRequested = Signal()
    forwardRequested = Signal()
    zoomRequested = Signal(int)  # +1 bigger, -1 smaller (Ctrl+wheel)

    def __init__(self, allowed_roots: Iterable[Path] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # QTextEdit's default also breaks inside a word when it must, so narrow table cells
        # read "Foundatio n"; whole words only. A grid too wide for the reader is shown with
        # its rows stacked (``table_fit``); anything still too wide scrolls sideways.
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.allowed_roots = tuple(Path(p).resolve() for p in allowed_roots)
        self.refused: list[str] = []
        self._highlights: list[QTextEdit.ExtraSelection] = []
        self._find: list[QTextEdit.ExtraSelection] = []
        self.highlight_colours = (QColor("#f4d35e"), QColor("#111111"))
        self.current_colours = (QColor("#e08a00"), QColor("#000000"))
        self._highlight_words: list[str] = []
        self.tables = TableFit(self)

    # -- safety -----------------------------------------------------------------------------

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        name = QUrl(name) if isinstance(name, str) else name
        if name.scheme() in ("qrc", "data", "") and not name.isLocalFile():
            if name.scheme() in ("qrc", "data"):
                return super().loadResource(kind, name)
            # Relative names resolve against no base: refuse rather than guess.
            self.refused.append(name.toString())
            return None
        if name.isLocalFile() and self._inside_allowed(Path(name.toLocalFile())):
            return super().loadResource(kind, name)
        self.refused.append(name.toString())
        return None

    def _inside_allowed(self, path: Path) -> bool:
        try:
            resolved = path.resolve()
        except OSError:
            return False
        return any(resolved.is_relative_to(root) for root in self.allowed_roots)

    # -- highlighting -----------------------------------------------------------------------

    def _selections(
        self, words: Sequence[str], colours: tuple[QColor, QColor], *, whole_words: bool = False
    ) -> list:
        from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

        flags = QTextDocument.FindFlag.FindWholeWords if whole_words else QTextDocument.FindFlag(0)

        fmt = QTextCharFormat()
        fmt.setBackground(colours[0])
        fmt.setForeground(colours[1])
        out = []
        doc = self.document()
        for word in words:
            word = word.strip()
            if not word:
                continue
            cursor = QTextCursor(doc)
            while True:
                cursor = doc.find(word, cursor, flags)
                if cursor.isNull():
                    break
                sel = QTextEdit.ExtraSelection()
                sel.cursor = cursor
                sel.format = fmt
                out.append(sel)
        out.sort(key=lambda s: s.cursor.selectionStart())
        return out

    def highlight_words(self, words: Sequence[str]) -> int:
        """Highlight every occurrence of each word or phrase (search terms), whole words
        only, so "gp" never lights up inside "GPARTS"; returns the count."""
        self._highlight_words = list(words)
        self._highlights = self._selections(words, self.highlight_colours, whole_words=True)
        self._apply()
        if self._highlights:
            from PySide6.QtGui import QTextCursor

            self.setTextCursor(QTextCursor(self._highlights[0].cursor))
            self.ensureCursorVisible()
        return len(self._highlights)

    def find_all(self, text: str) -> list[QTextCursor]:
        """Highlight every match of ``text`` (find in page); returns their cursors in order."""
        from PySide6.QtGui import QTextCursor

        self._find = self._selections([text], self.highlight_colours) if text else []
        self._apply()
        return [QTextCursor(s.cursor) for s in self._find]

    def mark_current(self, index: int) -> None:
        """Show match ``index`` of the find results in the stronger colour and scroll to it."""
        from PySide6.QtGui import QTextCharFormat, QTextCursor

        fmt = QTextCharFormat()
        fmt.setBackground(self.current_colours[0])
        fmt.setForeground(self.current_colours[1])
        fmt.setFontUnderline(True)
        selections = list(self._highlights) + list(self._find)
        if 0 <= index < len(self._find):
            current = QTextEdit.ExtraSelection()
            current.cursor = self._find[index].cursor
            current.format = fmt
            selections.append(current)
            cursor = QTextCursor(self._find[index].cursor)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self.setExtraSelections(selections)

    def clear_find(self) -> None:
        self._find = []
        self._apply()

    def clear_highlights(self) -> None:
        self._highlights = []
        self._find = []
        self._apply()

    def _apply(self) -> None:
        self.setExtraSelections(list(self._highlights) + list(self._find))

    # -- mouse side buttons -----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.BackButton:
            self.backRequested.emit()
            event.accept()
            return
        if event.button() == Qt.MouseButton.ForwardButton:
            self.forwardRequested.emit()
            event.accept()
            return
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # QTextBrowser's own Ctrl+wheel zoom would bypass our remembered text size.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomRequested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QTextBrowser keeps its own history on Alt+Left/Right; ours is the window's.
        if event.modifiers() == Qt.KeyboardModifier.AltModifier:
            if event.key() == Qt.Key.Key_Left:
                self.backRequested.emit()
                return
            if event.key() == Qt.Key.Key_Right:
                self.forwardRequested.emit()
                return
        super().keyPressEvent(event)

    def show_html(self, html: str, stylesheet: str) -> None:
        """Replace the page; keeps the text size, clears highlights."""
        self._highlights = []
        self._find = []
        self._highlight_words = []
        doc = self.document()
        doc.setDefaultStyleSheet(stylesheet)
        self.setHtml(self.tables.html_for(html))
        self.setExtraSelections([])
        doc.setDocumentMargin(MARGIN)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size: tables need more room
            self.tables.remeasure()
            self._refit()

    def _refit(self) -> None:
        """Swap a wide table between grid and stacked rows, keeping the place and the
        search highlights (find-in-page starts again)."""
        html = self.tables.changed()
        if html is None:
            return
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
        self.setHtml(html)
        self.document().setDocumentMargin(MARGIN)
        self._find = []
        words = self._highlight_words
        self._highlights = self._selections(words, self.highlight_colours, whole_words=True)
        self._apply()
        bar.setValue(round(fraction * bar.maximum()))

    def plain_find(self, text: str, backward: bool = False) -> bool:
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        return self.find(text, flags)

"""HTML as a printed document: print colours (paper is white) whatever theme the screen
uses, the text size the reader chose, and a last line saying where it came from. Pages
(``reader.printable``) and views that show HTML of their own (Help ▸ What's new) print
through it, so every printout looks the same."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextDocument

from guide.ui.style.themes import PALETTES, content_stylesheet


def print_document(html: str, font: QFont) -> QTextDocument:
    """A fresh document for a printer (or a PDF file), never the one on screen: the
    screen's is styled for the theme, and a dark theme's text would print pale."""
    footer = QCoreApplication.translate(
        "MainWindow", "From the Clinical Academic Pathway Guide (offline edition)."
    )
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(content_stylesheet(PALETTES["light"]))
    document.setHtml(f'{html}<hr/><p class="review">{footer}</p>')
    return document

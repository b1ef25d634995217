"""A page as something to print: a fresh document in print colours (paper is white),
whatever theme the screen uses, with a line saying where it came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextDocument

from guide.ui.style.themes import PALETTES, content_stylesheet

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


class PrintablePage:
    """Implements ``guide.ui.host.Printable`` for a composed page's HTML."""

    def __init__(self, html: str, font: QFont) -> None:
        footer = QCoreApplication.translate(
            "MainWindow", "From the Clinical Academic Pathway Guide (offline edition)."
        )
        self.document = QTextDocument()
        self.document.setDefaultFont(font)
        self.document.setDefaultStyleSheet(content_stylesheet(PALETTES["light"]))
        self.document.setHtml(f'{html}<hr/><p class="review">{footer}</p>')

    def print_to(self, printer: QPrinter) -> None:
        self.document.print_(printer)

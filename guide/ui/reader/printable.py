"""A page as something to print: a fresh document in print colours (paper is white),
whatever theme the screen uses, with a line saying where it came from
(``style.printed``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont

from guide.ui.style.printed import print_document

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


class PrintablePage:
    """Implements ``guide.ui.host.Printable`` for a composed page's HTML."""

    def __init__(self, html: str, font: QFont) -> None:
        self.document = print_document(html, font)

    def print_to(self, printer: QPrinter) -> None:
        self.document.print_(printer)

"""Help ▸ What's new: every content folder in use, its edition and its changes, as a
page that File ▸ Print and Export to PDF print like any other (``host.Printable``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from guide.content.notices import whats_new_html
from guide.ui.host import Host
from guide.ui.style.printed import print_document

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

WHATS_NEW = "whats-new"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Folders", text)


class WhatsNewView(QTextBrowser):
    """The page, filled again whenever the content is reloaded."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setObjectName("whatsNewView")
        self.setOpenLinks(False)
        self.fill()
        host.modelChanged.connect(self.fill)

    def html(self) -> str:
        return whats_new_html(self.host.model, _tr)

    def fill(self) -> None:
        self.setHtml(self.html())

    def print_to(self, printer: QPrinter) -> None:
        """In print colours, at the text size shown, whatever the theme."""
        print_document(self.html(), self.document().defaultFont()).print_(printer)

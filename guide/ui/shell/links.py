"""What the window does with a link in a page: follow it, or say where it goes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QStatusBar

from guide.content.links import INTERNAL_SCHEME
from guide.ui.host import Host
from guide.ui.reader.view import ReaderView


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def follow(host: Host, reader: ReaderView, url: QUrl) -> None:
    """Open a guide link, scroll to an anchor, or show a web address (never fetched)."""
    if url.scheme() == INTERNAL_SCHEME:
        if not url.path() and url.fragment():
            reader.scrollToAnchor(url.fragment())
            return
        # A hub's filters travel in the query (guide:group:stories?nation=Wales).
        query = "?" + url.query() if url.hasQuery() else ""
        target = url.path() + query + ("#" + url.fragment() if url.fragment() else "")
        host.open_id(target)
    elif url.scheme() in ("http", "https"):
        # The dialog's module comes with its first use: its widgets are not on the first screen.
        from guide.ui.reader.external_link import show_external_link

        show_external_link(host.dialog_parent(), url)
    else:
        host.say(_tr("This link cannot be opened."), 5000)


def describe(host: Host, bar: QStatusBar, url: QUrl) -> None:
    """The status-bar line while the pointer is over a link."""
    if url.isEmpty():
        bar.clearMessage()
    elif url.scheme() == INTERNAL_SCHEME:
        target = host.model.get(url.path())
        if target is not None and target.kind == "term" and target.get("expansion"):
            # The link's own words are the acronym: say what it stands for.
            bar.showMessage(f"{target.title}: {target.get('expansion')}")
            return
        bar.showMessage(host.title_of(url.path()) or url.path())
    else:
        bar.showMessage(
            _tr("Web address (opens only if you ask): %1").replace("%1", url.toString())
        )

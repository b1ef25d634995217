"""What the window's own commands do with its parts: zoom limits, moving between panes,
the "On this page" switch, the keyboard-shortcut list and About. The window binds
them (features bind theirs through the host)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from guide import __version__
from guide.content.model import Edition
from guide.content.rendered import escape
from guide.ui.preferences import ZOOM_MAX, ZOOM_MIN
from guide.ui.reader.contents_list import MIN_HEADINGS
from guide.ui.shell.layout import WindowLayout

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def clamp_zoom(percent: int) -> int:
    return max(ZOOM_MIN, min(ZOOM_MAX, int(percent)))


def zoom_message(percent: int) -> str:
    return _tr("Text size %1%").replace("%1", str(percent))


def focus_tree(parts: WindowLayout) -> None:
    parts.left.setCurrentWidget(parts.tree)
    parts.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)


def panes(parts: WindowLayout) -> list[QWidget]:
    """The panes F6 moves between, in screen order, skipping hidden ones."""
    shown = parts.stack.currentWidget()
    if isinstance(shown, QScrollArea) and shown.widget() is not None:
        shown = shown.widget()  # a view, in the frame that lets it scroll
    candidates = [
        parts.left.currentWidget(),
        shown if shown is not parts.page_area else parts.reader,
        parts.contents_list,
        parts.find_bar,
    ]
    return [p for p in candidates if p is not None and p.isVisible()]


def cycle_panes(parts: WindowLayout, step: int) -> None:
    order = panes(parts)
    if not order:
        return
    focus = QApplication.focusWidget()
    current = next(
        (
            i
            for i, p in enumerate(order)
            if focus is not None and (focus is p or p.isAncestorOf(focus))
        ),
        -1,
    )
    target = order[(current + step) % len(order)]
    proxy = target.focusProxy() or target
    if not (proxy.focusPolicy() & Qt.FocusPolicy.TabFocus):
        proxy = target.nextInFocusChain() or proxy
    proxy.setFocus(Qt.FocusReason.ShortcutFocusReason)


def show_contents_list(parts: WindowLayout, wanted: bool) -> None:
    """Show "On this page" if the user wants it and the page has enough headings."""
    parts.contents_list.setVisible(wanted and parts.contents_list.count() >= MIN_HEADINGS)


def show_shortcuts(parent: QWidget, rows: list[tuple[str, str]]) -> None:
    shortcuts_box(parent, rows).exec()


def shortcuts_box(parent: QWidget, rows: list[tuple[str, str]]) -> QMessageBox:
    """The keyboard shortcuts as a table in a message box, not yet shown."""
    # QMessageBox is imported for these two dialogs only: each PySide class touched at
    # start-up builds its type and enums.
    from PySide6.QtWidgets import QMessageBox

    body = "".join(
        f"<tr><td>{escape(what)}</td><td><b>{escape(keys)}</b></td></tr>" for what, keys in rows
    )
    box = QMessageBox(parent)
    box.setWindowTitle(_tr("Keyboard shortcuts"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<table cellpadding='3'>{body}</table>")
    box.setAccessibleName(_tr("Keyboard shortcuts"))
    return box


def about_text(home: Path, editions: Sequence[Edition] = ()) -> str:
    """The About box's text: version, independence, where data lives, content folders."""
    text = (
        _tr(
            "Clinical Academic Pathway Guide, version %1.\n\n"
            "An independent, offline guide to the UK clinical academic training pathway. "
            "It is not an NHS product and is not endorsed by the NHS or any funder.\n\n"
            "The guide never connects to the internet. Your progress and preferences are "
            "kept only in: %2"
        )
        .replace("%1", __version__)
        .replace("%2", str(home))
    )
    if editions:
        lines = [_tr("Content in use, in the order it is layered:")]
        for edition in editions:
            bits = [edition.title]
            if edition.edition:
                day = edition.edition
                bits.append(_tr("edition of %1").replace("%1", f"{day.day} {day:%B %Y}"))
            if edition.publisher:
                bits.append(edition.publisher)
            lines.append(f"• {', '.join(bits)} ({edition.root})")
        text += "\n\n" + "\n".join(lines)
    return text


def show_about(parent: QWidget, home: Path, editions: Sequence[Edition] = ()) -> None:
    about_box(parent, home, editions).exec()


def about_box(parent: QWidget, home: Path, editions: Sequence[Edition] = ()) -> QMessageBox:
    """The About box, not yet shown: what ``QMessageBox.about`` shows (the application's
    icon and an OK button), built here so tests can look at it without a modal loop."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setWindowTitle(_tr("About this guide"))
    box.setText(about_text(home, editions))
    box.setIconPixmap(QApplication.windowIcon().pixmap(64, 64))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAccessibleName(_tr("About this guide"))
    return box

"""Tell content editors, quietly, when the loaded content has problems.

The guide still opens on whatever it could read, so a doctor is not alarmed:
no dialog at start. Medical-education staff who edit the files see a small
"Content check: N problems" button in the status bar and an entry under Help;
either opens a list of the problems (``FILE:LINE: message``, as ``guide
validate`` prints them) that can be copied. Every reload (F5, a save in watch mode, a
change found after start-up) ends in ``modelChanged``, which brings the button, the Help
entry and an open list up to date.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from guide.content.model import Problem
from guide.ui.host import Host


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContentCheck", text)


def summary(count: int) -> str:
    if count == 0:  # the list stays open while an editor fixes things: say when all are
        return _tr("Content check: no problems")
    if count == 1:
        return _tr("Content check: 1 problem")
    return _tr("Content check: %1 problems").replace("%1", str(count))


def install(host: Host) -> None:
    parts: dict[str, Any] = {}  # the button and the Help entry, made when first needed
    # Connected first: content reloaded later (F5, watch mode) may bring problems, or fix them.
    host.modelChanged.connect(lambda: _refresh(host, parts))
    if not host.model.problems:
        return  # nothing to add: the usual case costs one tuple check at start-up
    _refresh(host, parts)


def _make_parts(host: Host, parts: dict[str, Any]) -> None:
    button = QToolButton()
    button.setObjectName("contentCheckButton")
    button.setAutoRaise(True)
    button.setToolTip(
        _tr(
            "Some content files could not be read fully. The guide shows everything else. "
            "Select to see the list; content editors can also run 'guide validate'."
        )
    )
    button.clicked.connect(lambda: show_problems(host))
    host.add_status_widget(button)
    parts["button"] = button
    parts["action"] = host.bind("content_check", lambda: show_problems(host))


def _refresh(host: Host, parts: dict[str, Any]) -> None:
    """Show the problems of the content now loaded: the button, the menu entry, the list."""
    problems = host.model.problems
    if not parts:
        if not problems:
            return
        _make_parts(host, parts)
    text = summary(len(problems))
    parts["button"].setText(text)
    parts["button"].setAccessibleName(text)
    parts["button"].setVisible(bool(problems))
    parts["action"].setText(text + "…")
    parts["action"].setVisible(bool(problems))
    dialog = host.dialog_parent().findChild(QDialog, "contentCheckDialog")
    if dialog is not None:
        dialog.setWindowTitle(text)
        listing = dialog.findChild(QPlainTextEdit)
        if listing is not None:
            listing.setPlainText(_listing(problems))


def _listing(problems: Sequence[Problem]) -> str:
    # Each problem with its quoted line, a blank line between problems.
    if not problems:
        return _tr("No problems left: every content file was read in full.")
    return "\n\n".join(p.explained() for p in problems)


def show_problems(host: Host) -> QDialog:
    """A non-modal list of the problems, which stays open while the editor fixes them."""
    existing = host.dialog_parent().findChild(QDialog, "contentCheckDialog")
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    problems = host.model.problems
    dialog = QDialog(host.dialog_parent())
    dialog.setObjectName("contentCheckDialog")
    dialog.setWindowTitle(summary(len(problems)))
    layout = QVBoxLayout(dialog)
    intro = QLabel(
        _tr(
            "The guide opened with everything it could read. These content files need "
            "fixing (file, line and what is wrong). After editing, press F5 (File ▸ Reload "
            "content) to see the change; 'guide validate' checks every file."
        )
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    listing = QPlainTextEdit(_listing(problems))
    listing.setReadOnly(True)
    # Long lines wrap at the dialog's edge, so no problem is cut off out of sight.
    listing.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    listing.setAccessibleName(_tr("Content problems"))
    listing.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    layout.addWidget(listing, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    copy = QPushButton(_tr("&Copy list"))
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(listing.toPlainText()))
    buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)
    dialog.resize(760, 360)
    dialog.show()
    return dialog

"""Tell content editors, quietly, when the loaded content has problems.

The guide still opens on whatever it could read, so a doctor is not alarmed:
no dialog at start. Medical-education staff who edit the files see a small
"Content check: N problems" button in the status bar and an entry under Help;
either opens a list of the problems (``FILE:LINE: message``, as ``guide
validate`` prints them) that can be copied.
"""

from __future__ import annotations

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

from guide.ui.host import Host


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContentCheck", text)


def summary(count: int) -> str:
    if count == 1:
        return _tr("Content check: 1 problem")
    return _tr("Content check: %1 problems").replace("%1", str(count))


def install(host: Host) -> None:
    problems = host.model.problems
    if not problems:
        return  # nothing to add: the usual case costs one tuple check at start-up
    text = summary(len(problems))
    button = QToolButton()
    button.setObjectName("contentCheckButton")
    button.setText(text)
    button.setAutoRaise(True)
    button.setToolTip(
        _tr(
            "Some content files could not be read fully. The guide shows everything else. "
            "Select to see the list; content editors can also run 'guide validate'."
        )
    )
    button.setAccessibleName(text)
    button.clicked.connect(lambda: show_problems(host))
    host.add_status_widget(button)
    host.bind("content_check", lambda: show_problems(host)).setText(text + "…")


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
            "fixing (file, line and what is wrong). After editing, run 'guide validate' "
            "to check them, then restart the guide."
        )
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    listing = QPlainTextEdit("\n".join(str(p) for p in problems))
    listing.setReadOnly(True)
    listing.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
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

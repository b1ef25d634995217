"""External links are shown, never fetched.

Clicking a web address shows it with "Copy link" and "Open in browser"; the
browser is only asked to open it after a second, explicit confirmation, and
then through QDesktopServices (the app itself never connects to anything).
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ExternalLinkDialog(QDialog):
    """Shows a web address with Copy link / Open in browser / Close."""

    def __init__(self, url: QUrl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.opened = False
        self.setWindowTitle(self.tr("Web address"))
        self.setAccessibleName(self.tr("Web address"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This link goes to a website. The guide works offline and does not open "
                "websites itself. You can copy the address, or open it in your web browser."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.address = QLineEdit(url.toString())
        self.address.setReadOnly(True)
        self.address.setAccessibleName(self.tr("Address"))
        self.address.setCursorPosition(0)
        # Wide enough for most addresses to show whole; the field scrolls for longer ones.
        self.address.setMinimumWidth(
            min(720, self.address.fontMetrics().horizontalAdvance(url.toString()) + 24)
        )
        intro.setMinimumWidth(420)
        layout.addWidget(self.address)
        self.copy_button = QPushButton(self.tr("&Copy link"))
        self.copy_button.setAccessibleName(self.tr("Copy link"))
        self.copy_button.setToolTip(self.tr("Copy the address to the clipboard"))
        self.open_button = QPushButton(self.tr("&Open in browser…"))
        self.open_button.setAccessibleName(self.tr("Open in browser"))
        self.open_button.setToolTip(self.tr("Open the address in your web browser, after asking"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_link)
        self.open_button.clicked.connect(self.open_in_browser)
        layout.addWidget(buttons)
        self.copy_button.setDefault(True)
        self.copy_button.setFocus()

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.url.toString())
        self.copy_button.setText(self.tr("Copied"))

    def open_in_browser(self) -> None:
        if confirm_open(self, self.url):
            self.opened = open_in_browser(self.url)
            self.accept()


def confirm_open(parent: QWidget, url: QUrl) -> bool:
    """Ask before leaving the guide for the web. Tests replace this."""
    answer = QMessageBox.question(
        parent,
        parent.tr("Open in your web browser?"),
        parent.tr(
            "Open this address in your web browser?\n\n%1\n\n"
            "Your browser will use the internet; the guide itself stays offline."
        ).replace("%1", url.toString()),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def open_in_browser(url: QUrl) -> bool:
    if url.scheme() not in ("http", "https"):
        return False
    return bool(QDesktopServices.openUrl(url))


def show_external_link(parent: QWidget, url: QUrl) -> ExternalLinkDialog:
    dialog = ExternalLinkDialog(url, parent)
    dialog.exec()
    return dialog

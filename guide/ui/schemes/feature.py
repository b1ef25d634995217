"""The scheme finder in the window: a view (id ``schemes``) in the tree and Go ▸ Scheme finder.

The view and its table are built the first time it is opened, so it costs nothing at
start-up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from guide.ui.host import Host

VIEW_ID = "schemes"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SchemeFinder", text)


def install(host: Host) -> None:
    def build() -> QWidget:
        from guide.schemes import SchemeTable
        from guide.ui.schemes.view import SchemeFinderView

        def save_path(name: str, _what: str) -> str:
            from PySide6.QtWidgets import QFileDialog

            chosen, _ = QFileDialog.getSaveFileName(
                host.dialog_parent(),
                _tr("Save as CSV"),
                str(Path.home() / name),
                _tr("CSV files (*.csv)"),
            )
            if chosen and not chosen.lower().endswith(".csv"):
                chosen += ".csv"
            return chosen

        table = SchemeTable.from_model(host.model, host.clock)
        return SchemeFinderView(
            table, host.open_id, save_path=save_path, say=lambda m: host.say(m, 6000)
        )

    host.register_view(VIEW_ID, _tr("Scheme finder"), build, tree_section=None)
    host.bind("go_schemes", lambda: host.open_id(VIEW_ID))

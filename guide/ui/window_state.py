"""Save and restore the window's layout and last page in the preferences file.

Geometry and splitter state are Qt's own opaque blobs, stored as base64 text so
the preferences stay one small JSON file (never QSettings or the registry).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from guide.ui.nav_model import GROUP_PREFIX

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow


def _encode(blob: QByteArray) -> str:
    return bytes(blob.toBase64().data()).decode("ascii")


def _decode(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii", "ignore"))


def restore_layout(window: MainWindow) -> None:
    """Put back the window size/position and the panes' widths (bad data is ignored)."""
    geometry = window.prefs.get("geometry")
    if geometry:
        window.restoreGeometry(_decode(geometry))
    splitter = window.prefs.get("splitter")
    if splitter:
        window.splitter.restoreState(_decode(splitter))


def save_state(window: MainWindow) -> None:
    """Layout and last page, written in one atomic save."""
    prefs = window.prefs
    prefs.set("geometry", _encode(window.saveGeometry()), save=False)
    prefs.set("splitter", _encode(window.splitter.saveState()), save=False)
    if window.current_id and not window.current_id.startswith(GROUP_PREFIX):
        prefs.set("last_page", window.current_id, save=False)
    prefs.save()

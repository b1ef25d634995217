"""Save and restore the window's layout and last page in the preferences file.

Geometry and splitter state are Qt's own opaque blobs, stored as base64 text so
the preferences stay one small JSON file (never QSettings or the registry).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from guide.ui.host import GROUP_PREFIX
from guide.ui.preferences import Preferences


def _encode(blob: QByteArray) -> str:
    return bytes(blob.toBase64().data()).decode("ascii")


def _decode(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii", "ignore"))


def restore_layout(window: QMainWindow, splitter: QSplitter, prefs: Preferences) -> None:
    """Put back the window size/position and the panes' widths (bad data is ignored)."""
    geometry = prefs.get("geometry")
    if geometry:
        window.restoreGeometry(_decode(geometry))
    widths = prefs.get("splitter")
    if widths:
        splitter.restoreState(_decode(widths))


def save_state(
    window: QMainWindow, splitter: QSplitter, prefs: Preferences, current_id: str
) -> None:
    """Layout and last page, written in one atomic save."""
    prefs.set("geometry", _encode(window.saveGeometry()), save=False)
    prefs.set("splitter", _encode(splitter.saveState()), save=False)
    if current_id and not current_id.startswith(GROUP_PREFIX):
        prefs.set("last_page", current_id, save=False)
    prefs.save()

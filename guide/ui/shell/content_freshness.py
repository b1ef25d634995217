"""Once the window is up: is the content still what the cache it opened with was made from?

The app opens on the content cache without looking at the content files, because looking
at thousands of them is work that grows with the content (``guide.content.cache``). Just
after the first paint it asks, in two steps: by file sizes and times (quick, on the GUI
thread), then by every file's bytes on a worker thread, which also catches a file
replaced by one of the same size with its old times kept (an edition unzipped or copied
onto a drive that keeps no change time). Either way, a change reloads the content.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from guide.content.cache import bytes_changed_since_cached, changed_since_cached
from guide.content.model import ContentModel


class ContentFreshness(QObject):
    """Checks ``model()`` after the first paint and calls ``reload()`` if it is stale."""

    checked = Signal(bool)  # after the bytes check, on the GUI thread: whether it found a change
    _found = Signal(bool)  # emitted on the worker

    def __init__(
        self, parent: QObject, model: Callable[[], ContentModel], reload: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self._model, self._reload = model, reload
        self._checking: ContentModel | None = None
        # Emitted on the worker, received here on the GUI thread (a queued connection).
        self._found.connect(self._on_found)

    def check_files(self) -> bool:
        """The quick check; True (and reloaded) if a file changed, was added or removed."""
        if not changed_since_cached(self._model()):
            return False
        self._reload()
        return True

    def check_bytes_in_background(self) -> None:
        """The thorough check, on a worker thread: reads every content file."""
        self._checking = self._model()
        threading.Thread(target=self._compare, name="content-bytes", daemon=True).start()

    def _compare(self) -> None:
        model = self._checking
        stale = model is not None and bytes_changed_since_cached(model)
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._found.emit(stale)

    @Slot(bool)
    def _on_found(self, stale: bool) -> None:
        # Content reloaded meanwhile (F5, watch mode) is newer than what was checked.
        if stale and self._model() is self._checking:
            self._reload()
        self.checked.emit(stale)

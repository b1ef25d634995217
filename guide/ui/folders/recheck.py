"""After the first paint, look again at the content files' bytes and reload any that changed.

A start trusts the content cache on file sizes and times, and reads nothing more before
the window shows. A file changed by a tool that keeps both would go on showing its old
text, so once the window has painted a worker thread hashes every content file
(``guide.content.digests``). Files that differ are read again through the same reload as
a save in watch mode, the status bar says which, and the stale cache is dropped so the
next start reads the files. A model not read from the cache starts no thread.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from guide.ui.host import Host

if TYPE_CHECKING:
    from guide.content.digests import Recheck
    from guide.content.model import ContentModel

# Long enough to read a sentence naming a few files.
MESSAGE_MS = 8000


def _tr(text: str) -> str:
    return QCoreApplication.translate("Folders", text)


class _Relay(QObject):
    """Carries the worker's answer to the GUI thread (a queued signal)."""

    found = Signal(object)


class ContentRecheck(QObject):
    """The one check of a start; ``checked`` is emitted with the files it found changed."""

    checked = Signal(list)

    def __init__(self, host: Host) -> None:
        super().__init__(host.dialog_parent())
        self.setObjectName("contentRecheck")
        self.host = host
        self.started = False
        self._relay = _Relay(self)
        self._relay.found.connect(self._reload)

    def start(self) -> None:
        """Start the check on a worker thread (once), if the model came from the cache."""
        from guide.content.digests import recheck_for

        check = recheck_for(self.host.model)
        if check is None or self.started:
            return
        self.started = True
        # The worker runs Python code: garbage must be collected on this thread only.
        from guide.ui.collector import collect_on_gui_thread

        collect_on_gui_thread()
        model = self.host.model
        threading.Thread(
            target=self._run, args=(check, model), name="content-recheck", daemon=True
        ).start()

    def _run(self, check: Recheck, model: ContentModel) -> None:
        from guide.content.digests import changed_files

        try:
            changed = changed_files(check)
        except OSError:  # a folder gone unreachable since the start: nothing to compare
            changed = []
        # RuntimeError: the window was closed while the files were being read.
        with contextlib.suppress(RuntimeError):
            self._relay.found.emit((check, model, changed))

    def _reload(self, answer: tuple[Recheck, ContentModel, list[Path]]) -> None:
        check, model, changed = answer
        # Content reloaded meanwhile (F5, a save in watch mode) was read from the files.
        if changed and self.host.model is model:
            from guide.content.digests import forget
            from guide.content.reload import reload_content

            forget(check)
            self.host.replace_model(reload_content(model, changed))
            self.host.say(_message(changed), MESSAGE_MS)
        self.checked.emit(changed)


def _message(changed: list[Path]) -> str:
    names = ", ".join(path.name for path in changed[:3])
    if len(changed) > 3:
        names += _tr(" and %1 more").replace("%1", str(len(changed) - 3))
    return _tr("Content reloaded: %1 had changed since it was last read.").replace("%1", names)


def install(host: Host) -> ContentRecheck:
    recheck = ContentRecheck(host)
    # Nothing is read before the window shows: the check waits for the first paint.
    host.after_first_paint(recheck.start)
    return recheck

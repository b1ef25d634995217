"""After the first paint, look at the content files once and reload any that changed.

A start trusts the content cache and reads no content file before the window shows, so
a page edited, added or removed while the guide was closed would go on showing its old
state. Once the window has painted, a worker thread lists and hashes every content file
(``guide.content.digests``); files that differ are read again on that thread, through the
same reload as a save in watch mode, and the cache is written anew for the next start.
The GUI thread only swaps the model in (the tree is rebuilt, the open page re-rendered
where the reader was, and search and the content check follow ``modelChanged``), and the
status bar says which files had changed. A model not read from the cache starts no thread.

A feature of its own rather than part of the folders feature (reload, watch mode): it is
what keeps a start from showing stale content, so it must not depend on another feature
installing.
"""

from __future__ import annotations

import contextlib
import threading
import traceback
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
    return QCoreApplication.translate("Recheck", text)


class _Relay(QObject):
    """Carries the worker's answer to the GUI thread (a queued signal)."""

    found = Signal(object)
    remembered = Signal()


class ContentRecheck(QObject):
    """The one check of a start; ``checked`` is emitted with the files it found changed,
    and ``cached`` once the content cache holds what they were reloaded into."""

    checked = Signal(list)
    cached = Signal()

    def __init__(self, host: Host) -> None:
        super().__init__(host.dialog_parent())
        self.setObjectName("contentRecheck")
        self.host = host
        self.started = False
        self._relay = _Relay(self)
        self._relay.found.connect(self._reload)
        self._relay.remembered.connect(self.cached)

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
        from guide.content.digests import changed_files, remember, reread

        changed: list[Path] = []
        fresh = None
        try:
            changed = changed_files(check)
            # Read here, not on the GUI thread: with thousands of pages a full load takes
            # seconds, and the window must stay responsive meanwhile.
            fresh = reread(check, model, changed) if changed else None
        except OSError:  # a folder gone unreachable since the start: nothing to compare
            changed = []
        except Exception:  # a fault in the loader: the window keeps what it shows
            traceback.print_exc()
        # RuntimeError: the window was closed while the files were being read.
        with contextlib.suppress(RuntimeError):
            self._relay.found.emit((model, changed, fresh.model if fresh else None))
        if fresh is None:
            return
        # After the window has its new content: this is only for the next start.
        try:
            remember(check, fresh)
        except Exception:  # the next start reads the files instead: nothing is lost
            traceback.print_exc()
        with contextlib.suppress(RuntimeError):
            self._relay.remembered.emit()

    def _reload(self, answer: tuple[ContentModel, list[Path], ContentModel | None]) -> None:
        model, changed, fresh = answer
        # Content reloaded meanwhile (F5, a save in watch mode) was read from the files.
        if fresh is not None and self.host.model is model:
            self.host.replace_model(fresh)
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

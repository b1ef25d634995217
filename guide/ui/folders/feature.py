"""Reload content without restarting, by hand (F5) or on every save (``guide --watch``).

Watch mode uses Qt's QFileSystemWatcher on every content folder and file. Editors'
programs often save by writing a new file and renaming it over the old one, which
drops the file from the watch list, so each changed file is watched again. Saves
close together are gathered for a moment and reloaded at once: an edited page is read
again on its own (``guide.content.reload``), anything else is a full load. The window
then re-renders the page where the reader was, and search and the content check
follow ``modelChanged``.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer

from guide.ui.folders.whats_new import WHATS_NEW, WhatsNewView
from guide.ui.host import Host

WATCH_PROPERTY = "guideWatch"
"""Set on the QApplication by ``guide --watch``."""
# Long enough to gather one save's events (write, rename), short enough to feel instant.
SETTLE_MS = 150
_SUFFIXES = (".md", ".yaml", ".yml")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Folders", text)


def reload_now(host: Host) -> None:
    """File ▸ Reload content: read every content folder again."""
    from guide.content.reload import reload_everything  # the loader: only when reloading

    model = reload_everything(host.model)
    host.replace_model(model)
    host.say(_summary(len(model.errors)), 5000)


def _summary(errors: int) -> str:
    if not errors:
        return _tr("Content reloaded.")
    if errors == 1:
        return _tr("Content reloaded: 1 problem (see Help ▸ Content check).")
    return _tr("Content reloaded: %1 problems (see Help ▸ Content check).").replace(
        "%1", str(errors)
    )


class Watcher(QObject):
    """Reloads the content a moment after any content file or folder changes."""

    def __init__(self, host: Host) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self.watcher = QFileSystemWatcher(self)
        self.pending: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self._reload)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._changed)
        self.watch_all()

    def watch_all(self) -> None:
        folders: list[str] = []
        files: list[str] = []
        for root in self.host.model.roots:
            for folder, _dirs, names in os.walk(root):
                folders.append(folder)
                files.extend(os.path.join(folder, n) for n in names if n.endswith(_SUFFIXES))
        watched = set(self.watcher.files()) | set(self.watcher.directories())
        new = [p for p in folders + files if p not in watched]
        if new:
            self.watcher.addPaths(new)

    def _changed(self, path: str) -> None:
        self.pending.add(path)
        self.timer.start()

    def _reload(self) -> None:
        from guide.content.reload import reload_content

        changed, self.pending = self.pending, set()
        model = reload_content(self.host.model, sorted(changed))
        self.host.replace_model(model)
        self.watch_all()  # files replaced by a save, and new files and folders
        names = ", ".join(Path(p).name for p in sorted(changed)[:3])
        self.host.say(_tr("Reloaded after a change to %1.").replace("%1", names), 4000)


def install(host: Host) -> Watcher | None:
    host.bind("reload", lambda: reload_now(host))
    host.register_view(
        WHATS_NEW, _tr("What’s new"), lambda: WhatsNewView(host), tree_section="tools"
    )
    host.bind("whats_new", lambda: host.open_id(WHATS_NEW))
    app = QCoreApplication.instance()
    if app is not None and app.property(WATCH_PROPERTY):
        return Watcher(host)
    return None

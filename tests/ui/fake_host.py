"""One fake ``guide.ui.host.Host`` for feature tests: a real top-level window with side
tabs, menus built from the command table, and a record of what a feature asked for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from guide.clock import Clock
from guide.content.model import ContentModel
from guide.ui.commands import BY_NAME
from guide.ui.host import Printable
from guide.ui.preferences import Preferences
from guide.ui.shell.menus import key_sequences


class FakeHost(QMainWindow):
    """Implements the Host protocol without the real window's tree, reader or features."""

    pageChanged = Signal(str)
    progressChanged = Signal()
    viewsChanged = Signal()
    modelChanged = Signal()

    def __init__(self, model: ContentModel, home: Path, clock: Clock | None = None) -> None:
        super().__init__()
        self.model = model
        self.home = home
        self.prefs = Preferences(home, persist=False)
        self.clock = clock or Clock()
        self.progress: Any = None
        self.current_id = ""
        self.opened: list[str] = []
        self.highlights: list[tuple[str, ...]] = []
        self.views: dict[str, tuple[str, Callable[[], QWidget], str | None]] = {}
        self.panels: dict[str, QWidget] = {}
        self.actions_bound: dict[str, QAction] = {}
        self.messages: list[str] = []
        self.close_checks: list[Callable[[], bool]] = []
        self.badges: dict[str, tuple[str, str]] = {}
        self.side_headers: list[QWidget] = []
        self.tabs = QTabWidget()
        self.tabs.addTab(QWidget(), "Contents")
        self.setCentralWidget(self.tabs)
        self._painted: list[Callable[[], None]] = []

    def replace_model(self, model: ContentModel) -> None:
        self.model = model
        self.modelChanged.emit()

    def provide_progress(self, progress: Any) -> None:
        self.progress = progress

    def open_id(self, item_id: str, highlight: Sequence[str] = (), *, record: bool = True) -> None:
        self.opened.append(item_id)
        self.highlights.append(tuple(highlight))
        self.current_id = item_id
        self.pageChanged.emit(item_id)

    def title_of(self, item_id: str) -> str:
        if item_id in self.views:
            return self.views[item_id][0]
        item = self.model.get(item_id)
        return item.title if item is not None else ""

    def register_view(
        self,
        view_id: str,
        title: str,
        factory: Callable[[], QWidget],
        *,
        tree_section: str | None = None,
    ) -> None:
        self.views[view_id] = (title, factory, tree_section)
        self.viewsChanged.emit()

    def add_panel(self, panel_id: str, widget: QWidget, title: str) -> None:
        self.panels[panel_id] = widget
        self.tabs.addTab(widget, title)

    def show_panel(self, panel_id: str) -> None:
        self.tabs.setCurrentWidget(self.panels[panel_id])

    def add_side_header(self, widget: QWidget) -> None:
        self.side_headers.append(widget)
        self.tabs.setCornerWidget(widget)

    def set_tree_badge(self, item_id: str, text: str, description: str = "") -> None:
        self.badges[item_id] = (text, description)

    def bind(self, command: str, handler: Callable[[], object]) -> QAction:
        """An action with the command's label and keys (the real window also puts it in
        its menus and toolbar, from the command table)."""
        declared = BY_NAME[command]
        action = QAction(declared.label, self)
        action.setShortcuts(key_sequences(declared))
        action.setCheckable(declared.checkable)
        action.triggered.connect(lambda _checked=False: handler())
        self.addAction(action)
        self.actions_bound[command] = action
        return action

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().insertPermanentWidget(0, widget)

    def say(self, message: str, timeout_ms: int = 0) -> None:
        self.messages.append(message)

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Runs on the turn of the event loop after the window is shown."""
        self._painted.append(callback)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        waiting, self._painted = self._painted, []
        for callback in waiting:
            QTimer.singleShot(0, callback)

    def add_close_check(self, check: Callable[[], bool]) -> None:
        self.close_checks.append(check)

    def watch_side_buttons(self, widget: QWidget) -> None:
        pass

    def printable(self) -> Printable | None:
        return None

    def dialog_parent(self) -> QWidget:
        return self

    def shortcut_texts(self, command: str) -> set[str]:
        return {
            s.toString(QKeySequence.SequenceFormat.PortableText)
            for s in self.actions_bound[command].shortcuts()
        }

"""What a feature may ask of the window: the one contract features code against.

A feature (the search panel, the checklist, the diagram, bookmarks, printing...)
gets a ``Host`` in its ``install(host)`` and never imports the window or another
feature; ``guide.ui.shell.window.MainWindow`` implements it, and the UI tests use
one shared fake (``tests/ui/fake_host.py``). import-linter (``make test``) keeps
it that way. Anything a feature needs that is not here goes here first, so the
contract stays written down in one place rather than in getattr calls.

Start-up: ``install`` runs after the first paint, so it should only register
(views through factories, panels, command handlers) and leave heavy work to a
view's factory or to ``after_first_paint``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from guide.clock import Clock
    from guide.content.model import ContentModel
    from guide.progress import ProgressStore
    from guide.ui.preferences import Preferences

GROUP_PREFIX = "group:"
"""Ids starting with this are group index pages ("group:stages"): listed, never bookmarked."""


@runtime_checkable
class Printable(Protocol):
    """A view that File ▸ Print and File ▸ Export to PDF can print: it draws itself on a
    printer (a paper one, or a PDF file) in print colours."""

    def print_to(self, printer: QPrinter) -> None: ...


@runtime_checkable
class Anchored(Protocol):
    """A view that opens at a part of itself: ``open_id("checklist#f2-acf-apply")`` chooses
    that milestone, ``open_id("schemes#compare=nihr-acf,wcat")`` compares those schemes
    (links, history and ``guide screenshot`` use the same ids)."""

    def open_anchor(self, anchor: str) -> None: ...


class Host(Protocol):
    """The main window as features see it."""

    @property
    def model(self) -> ContentModel:
        """The loaded content."""
        ...

    @property
    def home(self) -> Path:
        """The user's data folder (preferences, progress, a feature's own small files)."""
        ...

    @property
    def prefs(self) -> Preferences:
        """The window's preferences file (zoom, theme, bookmarks, layout)."""
        ...

    @property
    def clock(self) -> Clock:
        """What day it is, injectable (``GUIDE_TODAY``, tests)."""
        ...

    @property
    def progress(self) -> ProgressStore | None:
        """The user's progress record, once the checklist feature has opened it."""
        ...

    @property
    def current_id(self) -> str:
        """The id of what the reader area shows ("" before the first page)."""
        ...

    @property
    def pageChanged(self) -> SignalInstance:
        """Emitted with the id after every ``open_id`` (pages and views alike)."""
        ...

    @property
    def progressChanged(self) -> SignalInstance:
        """Emitted after every change to the progress record."""
        ...

    @property
    def modelChanged(self) -> SignalInstance:
        """Emitted after ``replace_model`` (content reloaded): rebuild what uses the model."""
        ...

    def replace_model(self, model: ContentModel) -> None:
        """Show reloaded content: the tree is rebuilt and the page re-rendered where the
        reader was; then ``modelChanged`` is emitted."""
        ...

    @property
    def viewsChanged(self) -> SignalInstance:
        """Emitted after a view is registered (its title is now known)."""
        ...

    def provide_progress(self, progress: ProgressStore) -> None:
        """Make the progress record available to every feature (the checklist does this)."""
        ...

    def open_id(self, item_id: str, highlight: Sequence[str] = (), *, record: bool = True) -> None:
        """Open a page, a group index or a view; ``id#anchor`` scrolls to a heading;
        ``highlight`` marks words in a page."""
        ...

    def title_of(self, item_id: str) -> str:
        """The title of a page or view ("" when there is none)."""
        ...

    def register_view(
        self,
        view_id: str,
        title: str,
        factory: Callable[[], QWidget],
        *,
        tree_section: str | None = None,
    ) -> None:
        """A view in the reader area, listed in the tree; ``factory`` runs when first shown."""
        ...

    def add_panel(self, panel_id: str, widget: QWidget, title: str) -> None:
        """A tab beside the navigation tree (search, bookmarks)."""
        ...

    def show_panel(self, panel_id: str) -> None:
        """Bring a panel's tab to the front."""
        ...

    def add_side_header(self, widget: QWidget) -> None:
        """A widget always in view above the side panels' tabs (the search field)."""
        ...

    def set_tree_badge(self, item_id: str, text: str, description: str = "") -> None:
        """Short text after a tree row's title ("3/7"), said in words by ``description``."""
        ...

    def bind(self, command: str, handler: Callable[[], object]) -> QAction:
        """Run ``handler`` for a command declared in ``guide.ui.commands``; its menu
        entries, toolbar button and keys appear once it is bound."""
        ...

    def add_status_widget(self, widget: QWidget) -> None:
        """A small widget at the left of the status bar's permanent area."""
        ...

    def say(self, message: str, timeout_ms: int = 0) -> None:
        """A message in the status bar (0: until the next one)."""
        ...

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the window has painted (at once if it has), unless the
        window has been closed by then."""
        ...

    def add_close_check(self, check: Callable[[], bool]) -> None:
        """Ask ``check`` before the window closes; False keeps it open."""
        ...

    def watch_side_buttons(self, widget: QWidget) -> None:
        """Let the mouse's back and forward buttons work over ``widget``."""
        ...

    def printable(self) -> Printable | None:
        """What File ▸ Print would print now: the page, or a view that can print."""
        ...

    def dialog_parent(self) -> QWidget:
        """The widget a feature's dialogs belong to."""
        ...

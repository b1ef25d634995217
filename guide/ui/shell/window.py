"""The main window: navigation tree and side panels, the reader area, menus, status bar.

It implements ``guide.ui.host.Host``, the only part of it features see: they
register views, panels and command handlers through it and never set its
attributes. The reader's own parts (page view, find bar, "On this page") are
composed here; the window's own commands are in ``shell.handlers``, menus and
toolbar in ``shell.menus``, features are listed in ``shell.features``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QMouseEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from guide.clock import SYSTEM, Clock
from guide.content.cache import body_store
from guide.content.hubs import split_hub_id
from guide.content.model import ContentModel
from guide.content.pages import Page, PageComposer
from guide.paths import user_home
from guide.ui.host import GROUP_PREFIX, Anchored, Printable
from guide.ui.preferences import ZOOM_STEP, Preferences
from guide.ui.roles import Role
from guide.ui.shell import handlers, links, reading_position
from guide.ui.shell.features import CORE_FEATURES, FEATURES, install_features
from guide.ui.shell.first_paint import FirstPaint
from guide.ui.shell.history import History, Place
from guide.ui.shell.layout import WindowLayout, viewport_of
from guide.ui.shell.menus import Commands
from guide.ui.shell.window_state import restore_layout, save_state
from guide.ui.style.theme_manager import ThemeManager
from guide.ui.style.themes import Colours, content_stylesheet

if TYPE_CHECKING:
    from guide.progress import ProgressStore

__all__ = ["MainWindow"]


def _page_tr(text: str) -> str:
    return QCoreApplication.translate("Page", text)


class MainWindow(QMainWindow):
    """The reader window. ``home`` is the user data folder (preferences, progress).

    ``features`` are the modules installed after the core (``shell.features.FEATURES``;
    ``()`` for none); with ``defer_features`` they wait for ``install_deferred_features``
    (the app calls it after the first paint) unless the start page is one of their views.
    """

    progressChanged = Signal()
    pageChanged = Signal(str)
    viewsChanged = Signal()
    modelChanged = Signal()

    def __init__(
        self,
        model: ContentModel,
        home: Path | None = None,
        *,
        persist: bool = True,
        features: Sequence[str] = FEATURES,
        defer_features: bool = False,
        start_id: str | None = None,
        theme: str | None = None,
        clock: Clock = SYSTEM,
    ) -> None:
        super().__init__()
        self.model = model
        self.home = Path(home) if home is not None else user_home()
        self.clock = clock
        self.prefs = Preferences(self.home, persist=persist)
        # Bodies stored at the last close: the start page shows without Markdown.
        self._bodies = body_store(model)
        self.composer = PageComposer(model, tr=_page_tr, bodies=self._bodies, clock=clock)
        self.progress: ProgressStore | None = None
        self.history = History()
        self.current_id = ""
        self.current_page: Page | None = None
        self.show_contents = True
        self.content_css = ""
        self._views: dict[str, tuple[str, Callable[[], QWidget]]] = {}
        self._view_widgets: dict[str, QWidget] = {}
        self._view_frames: dict[str, QWidget] = {}
        self._panels: dict[str, QWidget] = {}
        self._close_checks: list[Callable[[], bool]] = []

        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Clinical Academic Pathway Guide"))
        self.first_paint = FirstPaint(self)
        self.parts = WindowLayout(self, model)
        self.nav, self.tree, self.left = self.parts.nav, self.parts.tree, self.parts.left
        self.reader, self.find_bar = self.parts.reader, self.parts.find_bar
        self.page_area, self.stack = self.parts.page_area, self.parts.stack
        self.splitter, self.contents_list = self.parts.splitter, self.parts.contents_list
        self.status_page = self.parts.status_page
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.tree.activated.connect(lambda index: self._on_tree_current(index, QModelIndex()))
        self.reader.anchorClicked.connect(lambda url: links.follow(self, self.reader, url))
        self.reader.highlighted.connect(lambda url: links.describe(self, self.statusBar(), url))
        self.reader.backRequested.connect(self.go_back)
        self.reader.forwardRequested.connect(self.go_forward)
        for widget in (self.tree, self.contents_list.list):
            self.watch_side_buttons(widget)

        self.commands = Commands(self, lambda name: self.themes.apply(name))
        self.themes = ThemeManager(self, self.prefs)
        self.themes.changed.connect(self._on_theme)
        self.themes.apply(theme or str(self.prefs.get("theme") or "system"), save=False)
        # After the style sheet, which lays the whole tree out again, so that a content
        # folder's expanded group of thousands of pages is laid out only once.
        self.parts.expand_defaults()
        # A big group made only the rows the first screen shows; the rest come next.
        self.first_paint.then(self.nav.fill_all)
        self._bind_own_commands()
        install_features(self, CORE_FEATURES)

        first = start_id or str(self.prefs.get("last_page") or "overview")
        self._deferred: Sequence[str] = ()
        if defer_features and self._known(first):
            self._deferred = features
        else:  # the start page is a feature's view (the checklist), which must exist first
            install_features(self, features)
        restore_layout(self, self.splitter, self.prefs)
        if not self._known(first):
            first = "overview"
        self.open_id(first)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def install_deferred_features(self) -> None:
        """Install the features held back by ``defer_features`` (once)."""
        deferred, self._deferred = self._deferred, ()
        install_features(self, deferred)

    # -- the Host protocol ------------------------------------------------------------------

    def provide_progress(self, progress: ProgressStore) -> None:
        self.progress = progress

    def replace_model(self, model: ContentModel) -> None:
        self.model = model
        # Bodies stored for the old content may be stale now: render from the new model.
        self._bodies = None
        self.composer = PageComposer(model, tr=_page_tr)
        self.nav.rebuild(model)
        self.parts.expand_defaults()
        current = self.current_id
        if current and current not in self._views and not self._known(current):
            self.open_id("overview", record=False)  # the page was removed or renamed
        else:
            self.refresh_page()
            if current:
                self.parts.show_in_tree(current)
        self.modelChanged.emit()

    def register_view(
        self,
        view_id: str,
        title: str,
        factory: Callable[[], QWidget],
        *,
        tree_section: str | None = None,
    ) -> None:
        self._views[view_id] = (title, factory)
        self.nav.add_view(view_id, title, tree_section)
        self.viewsChanged.emit()

    def add_panel(self, panel_id: str, widget: QWidget, title: str) -> None:
        if not widget.accessibleName():
            widget.setAccessibleName(title)
        self._panels[panel_id] = widget
        self.left.addTab(widget, title)

    def show_panel(self, panel_id: str) -> None:
        index = self.left.indexOf(self._panels[panel_id])
        if index >= 0:
            self.left.setCurrentIndex(index)

    def add_side_header(self, widget: QWidget) -> None:
        self.parts.side_header.addWidget(widget)

    def set_tree_badge(self, item_id: str, text: str, description: str = "") -> None:
        self.nav.set_badge(item_id, text, description)

    def bind(self, command: str, handler: Callable[[], object]) -> QAction:
        return self.commands.bind(command, handler)

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().insertPermanentWidget(0, widget)

    def say(self, message: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        self.first_paint.then(callback)

    def add_close_check(self, check: Callable[[], bool]) -> None:
        self._close_checks.append(check)

    def watch_side_buttons(self, widget: QWidget) -> None:
        target = viewport_of(widget) if hasattr(widget, "viewport") else widget
        target.installEventFilter(self)

    def printable(self) -> Printable | None:
        if self.current_page is not None:
            # The print copy comes with the first print or export, not the first screen.
            from guide.ui.reader.printable import PrintablePage

            return PrintablePage(self.current_page.html, self.reader.document().defaultFont())
        widget = self.view_widget(self.current_id)
        return widget if isinstance(widget, Printable) else None

    def dialog_parent(self) -> QWidget:
        return self

    def open_id(self, item_id: str, highlight: Sequence[str] = (), *, record: bool = True) -> None:
        item_id, _, anchor = (item_id or "").strip().partition("#")
        if not self._known(item_id):
            self.say(self.tr("There is no page called “%1”.").replace("%1", item_id), 5000)
            return
        if record:
            self.history.remember_scroll(self.reader.verticalScrollBar().value())
            self.history.visit(item_id, anchor)
        if self.current_page is not None and self.current_id not in self._views:
            reading_position.remember(self.prefs, self.current_id, self.reader.verticalScrollBar())
        self.current_id = item_id
        if item_id in self._views:
            self._show_view(item_id)
            widget = self._view_widgets.get(item_id)
            if anchor and isinstance(widget, Anchored):
                widget.open_anchor(anchor)
        else:
            self._show_page(item_id, anchor, highlight)
            if record and not anchor and not highlight:
                # Back where you left this page (a heading or a search result says otherwise).
                reading_position.restore(self.prefs, item_id, self.reader.verticalScrollBar())
        self.parts.show_in_tree(split_hub_id(item_id)[0])  # a hub's filters are not a row
        self.pageChanged.emit(item_id)

    def title_of(self, item_id: str) -> str:
        if item_id in self._views:
            return self._views[item_id][0]
        item = self.model.get(item_id)
        return item.title if item is not None else self.nav.title_of(split_hub_id(item_id)[0])

    # -- the shell's own (tests and the screenshot command use these) -----------------------

    def menu(self, name: str) -> QMenu:
        """The menu called ``name`` ("File", "Edit", "View", "Go", "Tools", "Help")."""
        return self.commands.menu(name)

    def action(self, command: str) -> QAction:
        """The action of a command declared in ``guide.ui.commands``."""
        return self.commands.action(command)

    def panel(self, panel_id: str) -> QWidget | None:
        """A side panel added by a feature ("bookmarks", "search"), if it is there."""
        return self._panels.get(panel_id)

    def view_widget(self, view_id: str) -> QWidget | None:
        """The widget of a registered view, if it has been shown."""
        return self._view_widgets.get(view_id)

    def view_ids(self) -> list[str]:
        """The ids of the views registered so far (the checklist, the pathway diagram...)."""
        return list(self._views)

    def knows(self, item_id: str) -> bool:
        """Whether ``open_id`` can open ``item_id`` (a page, a group index or a view)."""
        return self._known(item_id)

    @property
    def text_zoom(self) -> int:
        """The one text size of the whole window, in percent of the system font."""
        return self.themes.zoom

    def set_zoom(self, percent: int, *, save: bool = True) -> None:
        """Text size in percent (kept within the limits) for every view and panel, through
        the app's style sheet (``style.text_size``); ``save`` remembers and says it."""
        percent = handlers.clamp_zoom(percent)
        self.themes.set_zoom(percent)
        if save:
            self.prefs.set("zoom", percent)
            self.say(handlers.zoom_message(percent), 2000)

    def _bind_own_commands(self) -> None:
        parts, bind = self.parts, self.bind
        bind("back", self.go_back)
        bind("forward", self.go_forward)
        bind("home", lambda: self.open_id("overview"))
        bind("zoom_in", lambda: self.set_zoom(self.text_zoom + ZOOM_STEP))
        bind("zoom_out", lambda: self.set_zoom(self.text_zoom - ZOOM_STEP))
        bind("zoom_reset", lambda: self.set_zoom(100))
        bind("next_pane", lambda: handlers.cycle_panes(parts, 1))
        bind("prev_pane", lambda: handlers.cycle_panes(parts, -1))
        bind("contents", lambda: handlers.focus_tree(parts))
        bind("quit", self.close)
        bind("find", self.find_bar.open_bar)
        bind("find_next", self.find_bar.find_next)
        bind("find_prev", self.find_bar.find_previous)
        bind("toc", self._toggle_contents)
        bind("shortcuts", lambda: handlers.show_shortcuts(self, self.commands.shortcut_rows()))
        bind("about", lambda: handlers.show_about(self, self.home, self.model.editions))
        self.pageChanged.connect(lambda _id: self._update_history_actions())
        self.set_zoom(self.prefs.zoom, save=False)
        self.reader.zoomRequested.connect(
            lambda step: self.set_zoom(self.text_zoom + step * ZOOM_STEP)
        )
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.action("back").setEnabled(self.history.can_go_back())
        self.action("forward").setEnabled(self.history.can_go_forward())

    def _toggle_contents(self) -> None:
        self.show_contents = self.action("toc").isChecked()
        if self.current_page is not None:
            handlers.show_contents_list(self.parts, self.show_contents)

    # -- showing things ---------------------------------------------------------------------

    def _known(self, item_id: str) -> bool:
        if item_id in self._views or item_id in self.model:
            return True
        hub_id = split_hub_id(item_id)[0]
        return item_id.startswith(GROUP_PREFIX) and bool(self.nav.rows_for(hub_id))

    def _show_view(self, view_id: str) -> None:
        widget = self._view_widgets.get(view_id)
        if widget is None:
            title, factory = self._views[view_id]
            widget = factory()
            if not widget.accessibleName():
                widget.setAccessibleName(title)
            self._view_widgets[view_id] = widget
            self._view_frames[view_id] = self.parts.add_view(widget)
            self.watch_side_buttons(widget)
        self.current_page = None
        self.contents_list.hide()
        self.stack.setCurrentWidget(self._view_frames[view_id])
        self._set_title(self._views[view_id][0])

    def _show_page(self, item_id: str, anchor: str, highlight: Sequence[str]) -> None:
        if item_id.startswith(GROUP_PREFIX):
            page = self.nav.group_page(item_id)
        else:
            item = self.model.get(item_id)
            assert item is not None
            page = self.composer.compose(item)
        self.current_page = page
        self.stack.setCurrentWidget(self.page_area)
        self.reader.show_html(page.html, self.content_css)
        if highlight:
            self.reader.highlight_words(highlight)
        if anchor:
            # After highlighting, which moves the view to the first match: a search result
            # about a subsection must still show its heading.
            self.reader.scrollToAnchor(anchor)
        self.contents_list.setVisible(
            self.contents_list.set_headings(page.headings) and self.show_contents
        )
        self.find_bar.refresh()
        self._set_title(page.title)

    def _set_title(self, title: str) -> None:
        self.status_page.setText(title)
        self.setWindowTitle(self.tr("%1 — Clinical Academic Pathway Guide").replace("%1", title))

    def refresh_page(self) -> None:
        """Re-show the current page (after a theme change), keeping the scroll position."""
        if self.current_page is None or not self.current_id:
            return
        scroll = self.reader.verticalScrollBar().value()
        self._show_page(self.current_id, "", ())
        self.reader.verticalScrollBar().setValue(scroll)

    def _on_theme(self, colours: Colours) -> None:
        self.content_css = content_stylesheet(colours)
        self.reader.highlight_colours = (QColor(colours.find_bg), QColor(colours.find_text))
        self.reader.current_colours = (QColor(colours.current_bg), QColor(colours.current_text))
        self.refresh_page()
        self.commands.show_theme(self.themes.name, colours)

    # -- tree -------------------------------------------------------------------------------

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.parts.syncing_tree or not current.isValid():
            return
        item_id = current.data(Role.ID)
        if item_id and item_id != self.current_id:
            self.open_id(str(item_id))

    # -- history ----------------------------------------------------------------------------

    def go_back(self) -> None:
        self.history.remember_scroll(self.reader.verticalScrollBar().value())
        place = self.history.back()
        if place is not None:
            self._go_to(place)

    def go_forward(self) -> None:
        self.history.remember_scroll(self.reader.verticalScrollBar().value())
        place = self.history.forward()
        if place is not None:
            self._go_to(place)

    def _go_to(self, place: Place) -> None:
        target = place.item_id + (f"#{place.anchor}" if place.anchor else "")
        self.open_id(target, record=False)
        if place.scroll:
            self.reader.verticalScrollBar().setValue(place.scroll)

    def event(self, event: QEvent) -> bool:
        # The system font changed while we run: the same percentage of the new size. (Qt
        # sends this to event() only, not to changeEvent.)
        if event.type() == QEvent.Type.ApplicationFontChange:
            self.themes.refresh_text_size()
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Mouse side buttons over the side panes go back and forward too."""
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    # -- closing ----------------------------------------------------------------------------

    def save_state(self) -> None:
        if self.current_page is not None and self.current_id not in self._views:
            reading_position.remember(self.prefs, self.current_id, self.reader.verticalScrollBar())
        save_state(self, self.splitter, self.prefs, self.current_id)
        if self._bodies is not None:  # the pages the next start may open first
            self._bodies.save(keep=(str(self.prefs.get("last_page") or ""), "overview"))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(check() for check in self._close_checks):
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)

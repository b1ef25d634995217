"""The main window: navigation tree and side panels, the reader, menus and the status bar.

This is the integration point for features (see ``guide/ui/features.py``):
``open_id``, ``register_view``, ``add_left_panel``, ``menu``, ``set_tree_badge``,
``progress`` and ``progressChanged`` are the contract other modules code against.
Reader conveniences (history, bookmarks, find, zoom, themes, print) live in
their own modules and are wired up here.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from guide.clock import SYSTEM, Clock
from guide.content.links import INTERNAL_SCHEME
from guide.content.model import ContentModel
from guide.content.pages import Page, PageComposer
from guide.ui.history import History
from guide.ui.nav_model import GROUP_PREFIX, ID_ROLE, NavigationModel
from guide.ui.preferences import Preferences
from guide.ui.reader import ReaderView

__all__ = ["ID_ROLE", "MainWindow"]

MENU_NAMES: tuple[str, ...] = ("File", "Edit", "View", "Go", "Tools", "Help")


def _page_tr(text: str) -> str:
    return QCoreApplication.translate("Page", text)


def _viewport_of(widget: Any) -> QWidget:
    """``widget.viewport()``, found by the object name Qt gives it. The first call to
    ``viewport()`` makes PySide match the QWidget it returns against every widget class it
    knows (~70 enums built, ~15 ms of start-up); findChild does not."""
    found = widget.findChild(
        QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly
    )
    return found if found is not None else widget.viewport()


class MainWindow(QMainWindow):
    """The reader window. ``home`` is the user data folder (preferences, progress)."""

    progressChanged = Signal()
    pageChanged = Signal(str)

    def __init__(
        self,
        model: ContentModel,
        home: Path | None = None,
        *,
        persist: bool = True,
        install_features: bool = True,
        defer_features: bool = False,
        start_id: str | None = None,
        theme: str | None = None,
        clock: Clock = SYSTEM,
    ) -> None:
        super().__init__()
        self.clock = clock  # what day it is, for every view (guide.cli builds it once)
        if home is None:
            from guide.paths import user_home

            home = user_home()
        self.model = model
        self.home = Path(home)
        self.prefs = Preferences(self.home, persist=persist)
        from guide.content.cache import body_store

        # Bodies stored at the last close: the start page shows without Markdown.
        self._bodies = body_store(model)
        self.composer = PageComposer(model, tr=_page_tr, bodies=self._bodies, clock=clock)
        self.progress: Any = None
        self.history = History()
        self.current_id = ""
        self.current_page: Page | None = None
        self._views: dict[str, tuple[str, Callable[[], QWidget]]] = {}
        self._view_widgets: dict[str, QWidget] = {}
        self._menus: dict[str, QMenu] = {}
        self._syncing_tree = False
        self.show_contents = True

        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Clinical Academic Pathway Guide"))
        self._build_widgets()
        self._build_menus()

        from guide.ui import window_features

        window_features.install_core(self, theme=theme)
        first = start_id or str(self.prefs.get("last_page") or "overview")
        # defer_features (the app): features are installed by install_deferred_features()
        # after the first paint (~35 ms of start-up), unless the start page is one of their
        # views (the checklist, the diagram), which must exist to be shown.
        self._features_deferred = install_features and defer_features and self._known(first)
        if install_features and not self._features_deferred:
            self._install_features()
        from guide.ui.window_state import restore_layout

        restore_layout(self)
        if not self._known(first):
            first = "overview"
        self.open_id(first)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- construction -----------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.nav = NavigationModel(self.model, self)
        self.tree = QTreeView()
        self.tree.setObjectName("navigationTree")
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.nav)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)  # deep story groups keep room for their titles
        self.tree.setAccessibleName(self.tr("Contents"))
        self.tree.setAccessibleDescription(
            self.tr("The guide's pages. Press Enter or select a row to open it.")
        )
        self.tree.expand(self.nav.index_for(GROUP_PREFIX + "stages"))
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.tree.activated.connect(lambda index: self._on_tree_current(index, QModelIndex()))
        self.watch_side_buttons(self.tree)

        self.left = QTabWidget()
        self.left.setObjectName("leftPanels")
        self.left.setAccessibleName(self.tr("Side panels"))
        self.left.setDocumentMode(True)
        self.left.addTab(self.tree, self.tr("Contents"))

        roots = [*self.model.roots]
        from guide.paths import install_root

        roots.append(install_root())
        self.reader = ReaderView(roots)
        self.reader.setObjectName("reader")
        self.reader.setAccessibleName(self.tr("Page"))
        self.reader.setAccessibleDescription(self.tr("The text of the open page"))
        self.reader.anchorClicked.connect(self._on_link)
        self.reader.highlighted.connect(self._on_hover_link)
        self.reader.backRequested.connect(self.go_back)
        self.reader.forwardRequested.connect(self.go_forward)

        self.page_area = QWidget()
        self.page_area.setObjectName("pageArea")
        page_layout = QVBoxLayout(self.page_area)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.reader, 1)
        from guide.ui.find_bar import FindBar

        self.find_bar = FindBar(self.reader)
        page_layout.addWidget(self.find_bar)

        self.stack = QStackedWidget()
        self.stack.setObjectName("readerStack")
        self.stack.addWidget(self.page_area)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.stack)
        from guide.ui.contents_list import ContentsList

        self.contents_list = ContentsList()
        self.contents_list.anchorRequested.connect(self.reader.scrollToAnchor)
        self.contents_list.hide()
        self.watch_side_buttons(self.contents_list.list)
        self.splitter.addWidget(self.contents_list)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([320, 680, 220])
        self.setCentralWidget(self.splitter)

        self.status_page = QLabel()
        self.status_page.setAccessibleName(self.tr("Current page"))
        self.statusBar().addPermanentWidget(self.status_page)
        self.resize(1100, 720)

    def _build_menus(self) -> None:
        for name in MENU_NAMES:
            self.menu(name)

    def _install_features(self) -> None:
        from guide.ui.features import FEATURES

        for name in FEATURES:
            try:
                importlib.import_module(name).install(self)
            except Exception:  # a broken feature must not stop the guide opening
                print(f"guide: feature {name} failed to install:", file=sys.stderr)
                traceback.print_exc()
        # Views registered by features now have titles the bookmarks list can show.
        self.bookmarks_panel.reload()

    def install_deferred_features(self) -> None:
        """Install the features held back by ``defer_features`` (once; the app calls this
        after the window's first paint)."""
        if self._features_deferred:
            self._features_deferred = False
            self._install_features()

    # -- integration contract ---------------------------------------------------------------

    def menu(self, name: str) -> QMenu:
        """The menu called ``name`` ("File", "View", "Go", "Tools", "Help"), created if missing."""
        existing = self._menus.get(name)
        if existing is not None:
            return existing
        titles = {
            "File": self.tr("&File"),
            "Edit": self.tr("&Edit"),
            "View": self.tr("&View"),
            "Go": self.tr("&Go"),
            "Tools": self.tr("&Tools"),
            "Help": self.tr("&Help"),
        }
        created = QMenu(titles.get(name, name), self)
        created.setObjectName(f"menu{name}")
        created.setAccessibleName(name)
        help_menu = self._menus.get("Help")
        if help_menu is not None and name != "Help":
            self.menuBar().insertMenu(help_menu.menuAction(), created)
        else:
            self.menuBar().addMenu(created)
        self._menus[name] = created
        return created

    def register_view(
        self,
        view_id: str,
        title: str,
        factory: Callable[[], QWidget],
        *,
        tree_section: str | None = None,
    ) -> None:
        """A special view shown in the reader area; the factory runs the first time it shows."""
        self._views[view_id] = (title, factory)
        self.nav.add_view(view_id, title, tree_section)

    def add_left_panel(self, widget: QWidget, title: str) -> None:
        """A tab beside the navigation tree (search results, bookmarks...)."""
        if not widget.accessibleName():
            widget.setAccessibleName(title)
        self.left.addTab(widget, title)

    def show_left_panel(self, widget: QWidget) -> None:
        index = self.left.indexOf(widget)
        if index >= 0:
            self.left.setCurrentIndex(index)

    def set_tree_badge(self, item_id: str, text: str, description: str = "") -> None:
        """Short text after a tree row's title, e.g. checklist progress "3/7"; ``description``
        says it in words ("3 of 7 checklist milestones done") for the tooltip and screen
        readers."""
        self.nav.set_badge(item_id, text, description)

    def open_id(self, item_id: str, highlight: Sequence[str] = (), *, record: bool = True) -> None:
        """Open a content page, a group index or a registered view; highlight words in a page."""
        item_id, _, anchor = (item_id or "").strip().partition("#")
        if not self._known(item_id):
            self.statusBar().showMessage(
                self.tr("There is no page called “%1”.").replace("%1", item_id), 5000
            )
            return
        if record:
            self.history.remember_scroll(self.reader.verticalScrollBar().value())
            self.history.visit(item_id, anchor)
        self.current_id = item_id
        if item_id in self._views:
            self._show_view(item_id)
        else:
            self._show_page(item_id, anchor, highlight)
        self._sync_tree(item_id)
        self.pageChanged.emit(item_id)

    # -- showing things ---------------------------------------------------------------------

    def _known(self, item_id: str) -> bool:
        if item_id in self._views or item_id in self.model:
            return True
        return item_id.startswith(GROUP_PREFIX) and bool(self.nav.rows_for(item_id))

    def title_of(self, item_id: str) -> str:
        if item_id in self._views:
            return self._views[item_id][0]
        item = self.model.get(item_id)
        return item.title if item is not None else self.nav.title_of(item_id)

    def _show_view(self, view_id: str) -> None:
        widget = self._view_widgets.get(view_id)
        if widget is None:
            title, factory = self._views[view_id]
            widget = factory()
            if not widget.accessibleName():
                widget.setAccessibleName(title)
            self._view_widgets[view_id] = widget
            self.stack.addWidget(widget)
            self.watch_side_buttons(widget)
        self.current_page = None
        self.contents_list.hide()
        self.stack.setCurrentWidget(widget)
        self._set_title(self._views[view_id][0])

    def view_widget(self, view_id: str) -> QWidget | None:
        """The widget of a registered view, if it has been shown."""
        return self._view_widgets.get(view_id)

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
        if anchor:
            self.reader.scrollToAnchor(anchor)
        if highlight:
            self.reader.highlight_words(highlight)
        self.contents_list.setVisible(
            self.contents_list.set_headings(page.headings) and self.show_contents
        )
        self.find_bar.refresh()
        self._set_title(page.title)

    def _set_title(self, title: str) -> None:
        self.status_page.setText(title)
        self.setWindowTitle(self.tr("%1 — Clinical Academic Pathway Guide").replace("%1", title))

    @property
    def content_css(self) -> str:
        return getattr(self, "_content_css", "")

    def refresh_page(self) -> None:
        """Re-show the current page (after a theme change), keeping the scroll position."""
        if self.current_page is None or not self.current_id:
            return
        scroll = self.reader.verticalScrollBar().value()
        self._show_page(self.current_id, "", ())
        self.reader.verticalScrollBar().setValue(scroll)

    # -- tree and links ---------------------------------------------------------------------

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing_tree or not current.isValid():
            return
        item_id = current.data(ID_ROLE)
        if item_id and item_id != self.current_id:
            self.open_id(str(item_id))

    def _sync_tree(self, item_id: str) -> None:
        index = self.tree.currentIndex()
        if index.isValid() and index.data(ID_ROLE) == item_id:
            return
        target = self.nav.index_for(item_id)
        self._syncing_tree = True
        try:
            if target.isValid():
                self.tree.setCurrentIndex(target)
                self.tree.scrollTo(target)
            else:
                self.tree.clearSelection()
                self.tree.setCurrentIndex(QModelIndex())
        finally:
            self._syncing_tree = False

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == INTERNAL_SCHEME:
            target = url.path()
            if url.fragment():
                target += "#" + url.fragment()
            if not url.path() and url.fragment():
                self.reader.scrollToAnchor(url.fragment())
                return
            self.open_id(target)
        elif url.scheme() in ("http", "https"):
            from guide.ui.external_link import show_external_link

            show_external_link(self, url)
        else:
            self.statusBar().showMessage(self.tr("This link cannot be opened."), 5000)

    def _on_hover_link(self, url: QUrl) -> None:
        if url.isEmpty():
            self.statusBar().clearMessage()
        elif url.scheme() == INTERNAL_SCHEME:
            target = self.model.get(url.path())
            if target is not None and target.kind == "term" and target.get("expansion"):
                # The link's own words are the acronym: say what it stands for.
                self.statusBar().showMessage(f"{target.title}: {target.get('expansion')}")
                return
            self.statusBar().showMessage(self.title_of(url.path()) or url.path())
        else:
            self.statusBar().showMessage(
                self.tr("Web address (opens only if you ask): %1").replace("%1", url.toString())
            )

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

    def _go_to(self, place: Any) -> None:
        target = place.item_id + (f"#{place.anchor}" if place.anchor else "")
        self.open_id(target, record=False)
        if place.scroll:
            self.reader.verticalScrollBar().setValue(place.scroll)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Mouse side buttons over the side panes go back and forward too."""
        if event.type() == QEvent.Type.MouseButtonPress:
            button = event.button()  # type: ignore[attr-defined]
            if button == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if button == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    def watch_side_buttons(self, widget: QWidget) -> None:
        """Let the mouse's back/forward buttons work over ``widget`` (views, panels)."""
        target = _viewport_of(widget) if hasattr(widget, "viewport") else widget
        target.installEventFilter(self)

    def save_state(self) -> None:
        from guide.ui.window_state import save_state

        save_state(self)
        if self._bodies is not None:  # the pages the next start may open first
            self._bodies.save(keep=(str(self.prefs.get("last_page") or ""), "overview"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

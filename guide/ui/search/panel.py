"""The search panel: a box, filters and ranked results beside the navigation tree.

The index is built on a worker thread once the window has painted, so search
never delays start-up; until it is ready the panel says so and remembers what
was typed. Results update as you type (after a short pause), Up/Down move
through them, Enter or a click opens one with the matched words highlighted.
Filters work with or without words (every scheme for Wales at one stage); the
active ones show as chips, each removable, with "Clear all".
``feature.install`` puts the search field (``header``) above the side panels,
always in view, and the results in a tab beside the tree, with Go ▸ Search
(Ctrl+K, Ctrl+L).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from guide.content.model import NATIONS, ContentModel
from guide.ui.collector import collect_on_gui_thread
from guide.ui.roles import Role
from guide.ui.style.rich_text import follow_theme

if TYPE_CHECKING:  # guide.search (sqlite3 and all) is imported on the worker thread
    from guide.search import SearchIndex, SearchResponse, SearchResult

Opener = Callable[..., None]
RESULT_LIMIT = 30
# Browsing with filters and no words lists everything they allow, up to this many.
BROWSE_LIMIT = 300


class _Relay(QObject):
    """Carries the finished index from the worker thread to the UI thread (queued signal)."""

    ready = Signal(object)
    failed = Signal(str)


class _ResultDelegate(QStyledItemDelegate):
    """Draws a result as its title, kind and a snippet with the matched words in bold."""

    def __init__(self, panel: SearchPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def document_for(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        selected: bool = False,
    ) -> QTextDocument:
        result: SearchResult = index.data(Role.RESULT)
        palette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted_role = text_role if selected else QPalette.ColorRole.PlaceholderText
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(6)
        doc.setHtml(
            f'<div style="color:{palette.color(text_role).name()}">'
            f"<b>{escape(result.title)}</b><br/>"
            f'<span style="color:{palette.color(muted_role).name()}">'
            f"{escape(self.panel.kind_label(result.kind))}</span> · {result.snippet.html()}</div>"
        )
        doc.setTextWidth(max(option.rect.width(), 120))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else self.panel.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        doc = self.document_for(option, index, selected)
        painter.save()
        painter.translate(option.rect.topLeft())
        doc.drawContents(painter, QRectF(0, 0, option.rect.width(), option.rect.height()))
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        doc = self.document_for(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


def _build_index(model: ContentModel) -> SearchIndex:
    # Imported here, after the first paint and off the UI thread: sqlite3 and the index
    # code are a noticeable part of start-up.
    from guide.search import SearchIndex

    return SearchIndex.build(model)


class SearchPanel(QWidget):
    """Search box, filters, status line and results. ``open_id(id, highlight=...)`` opens one."""

    indexReady = Signal()
    # The user is using the search field (typing, or clicking into it): show the results.
    activated = Signal()

    def __init__(
        self,
        model: ContentModel,
        open_id: Opener,
        parent: QWidget | None = None,
        *,
        build: Callable[[ContentModel], SearchIndex] | None = None,
        debounce_ms: int = 120,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.model = model
        self._open = open_id
        self._build = build or _build_index
        self.index: SearchIndex | None = None
        self.response: SearchResponse | None = None
        self.timings: dict[str, float] = {}
        self._started = False
        self._relay = _Relay(self)
        self._relay.ready.connect(self._on_index_ready)
        self._relay.failed.connect(self._on_index_failed)

        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(self.tr("Search, for example ACF or research after CCT"))
        self.box.setAccessibleName(self.tr("Search the guide"))
        self.box.setAccessibleDescription(
            self.tr("Type to search. Down arrow moves to the results; Enter opens one.")
        )
        self.box.installEventFilter(self)
        self.box.textEdited.connect(lambda _t: self.activated.emit())
        # The field, in a widget of its own so the window can keep it above every tab.
        self.header = QWidget()
        self.header.setObjectName("searchHeader")
        header_layout = QVBoxLayout(self.header)
        header_layout.setContentsMargins(6, 6, 6, 2)
        header_layout.addWidget(self.box)

        self.filters_button = QToolButton()
        self.filters_button.setText(self.tr("Filters"))
        self.filters_button.setCheckable(True)
        self.filters_button.setAccessibleName(self.tr("Show search filters"))
        self.filters = QWidget()
        form = QFormLayout(self.filters)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind_combo = self._combo(self.tr("Kind"), [("", self.tr("Everything"))] + [
            (kind, self.kind_label(kind))
            for kind in ("section", "question", "scheme", "story", "milestone", "term", "page")
        ])  # fmt: skip
        self.nation_combo = self._combo(
            self.tr("Nation"), [("", self.tr("All nations"))] + [(n, self.tr(n)) for n in NATIONS]
        )
        self.stage_combo = self._combo(
            self.tr("Stage"),
            [("", self.tr("All stages"))] + [(s.id, s.title) for s in model.sections()],
        )
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Nation"), self.nation_combo)
        form.addRow(self.tr("Stage"), self.stage_combo)
        self.filters.setVisible(False)
        self.filters_button.toggled.connect(self.filters.setVisible)
        # One removable chip per active filter, then "Clear all".
        self.chips = QWidget()
        self.chips.setObjectName("searchChips")
        self._chip_grid = QGridLayout(self.chips)
        self._chip_grid.setContentsMargins(0, 0, 0, 0)
        self.chips.setVisible(False)

        self.status = follow_theme(QLabel())  # "Did you mean" is a link
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.linkActivated.connect(self._on_status_link)
        self.status.setAccessibleName(self.tr("Search status"))

        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setItemDelegate(_ResultDelegate(self))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemClicked.connect(lambda item: self.open_result(item))
        self.results.itemActivated.connect(lambda item: self.open_result(item))
        self.results.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.filters_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.filters)
        layout.addWidget(self.chips)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.run_query)
        self.box.textChanged.connect(self._on_text_changed)
        self._show_status(self.tr("Type a word, an acronym or a question."))

    # -- set-up --------------------------------------------------------------------------------

    def _combo(self, name: str, entries: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for value, label in entries:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i: self._on_filter_changed())
        return combo

    def _on_filter_changed(self) -> None:
        self._update_chips()
        self.activated.emit()
        self.run_query()

    def _filter_combos(self) -> list[tuple[str, QComboBox]]:
        return [
            (self.tr("Kind"), self.kind_combo),
            (self.tr("Nation"), self.nation_combo),
            (self.tr("Stage"), self.stage_combo),
        ]

    def active_filters(self) -> list[tuple[str, str]]:
        """(filter name, chosen value's label) for every filter that is on."""
        return [
            (name, c.currentText()) for name, c in self._filter_combos() if c.currentIndex() > 0
        ]

    def clear_filters(self) -> None:
        """Turn every filter off (one search, not one per filter)."""
        for _name, combo in self._filter_combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._on_filter_changed()

    def _update_chips(self) -> None:
        while self._chip_grid.count():
            item = self._chip_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        chips: list[QToolButton] = []
        for name, combo in self._filter_combos():
            if combo.currentIndex() <= 0:
                continue
            chip = QToolButton()
            chip.setObjectName("searchChip")
            chip.setText(f"{combo.currentText()} ✕")
            chip.setToolTip(
                self.tr("Remove the filter %1: %2")
                .replace("%1", name)
                .replace("%2", combo.currentText())
            )
            chip.setAccessibleName(chip.toolTip())
            chip.clicked.connect(lambda _c=False, box=combo: box.setCurrentIndex(0))
            chips.append(chip)
        if chips:
            clear = QToolButton()
            clear.setObjectName("searchClearFilters")
            clear.setText(self.tr("Clear all"))
            clear.setAccessibleName(self.tr("Clear all search filters"))
            clear.clicked.connect(self.clear_filters)
            chips.append(clear)
        for n, chip in enumerate(chips):
            self._chip_grid.addWidget(chip, n // 2, n % 2, Qt.AlignmentFlag.AlignLeft)
        self.chips.setVisible(bool(chips))

    def kind_label(self, kind: str) -> str:
        labels = {
            "section": self.tr("Guide section"),
            "scheme": self.tr("Funding scheme"),
            "story": self.tr("Career story"),
            "milestone": self.tr("Milestone"),
            "term": self.tr("Glossary term"),
            "question": self.tr("Question and answer"),
            "page": self.tr("Page"),
        }
        return labels.get(kind, kind)

    def rebuild_index(self, model: ContentModel) -> None:
        """Index reloaded content (the old index answers until the new one is ready)."""
        self.model = model
        self._started = False
        self.start_indexing()

    def start_indexing(self) -> None:
        """Build the index on a worker thread (once); results appear when it is ready."""
        if self._started:
            return
        self._started = True
        self.timings["build_started"] = time.perf_counter()
        if self.box.text().strip():
            self._show_status(self.tr("Preparing search…"))
        # The builder runs Python code off the GUI thread: collection must not run there.
        collect_on_gui_thread()
        threading.Thread(
            target=self._build_in_background, args=(self.model,), name="search-index", daemon=True
        ).start()

    def _build_in_background(self, model: ContentModel) -> None:
        try:
            index = self._build(model)
        except Exception as exc:  # report any failure in the panel rather than lose it
            self._emit(self._relay.failed, f"{type(exc).__name__}: {exc}")
        else:
            self._emit(self._relay.ready, (model, index))

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        # RuntimeError: the panel was closed while the index was building.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)

    def _on_index_ready(self, built: tuple[ContentModel, SearchIndex]) -> None:
        model, index = built
        # Content reloaded while this index was being built: the newer one is on its way,
        # and may already be here (a reload just after the first paint races the first build).
        if model is not self.model:
            return
        self.timings["build_finished"] = time.perf_counter()
        self.index = index
        self.indexReady.emit()
        if self.box.text().strip():
            self.run_query()
        elif index.notice:
            self._show_status(self.tr(index.notice))

    def _on_index_failed(self, message: str) -> None:
        self._show_status(self.tr("Search is not available: %1").replace("%1", message))

    # -- searching -----------------------------------------------------------------------------

    def _on_text_changed(self, _text: str) -> None:
        if self.index is None:
            self.start_indexing()
            self._show_status(self.tr("Preparing search…"))
            return
        self._debounce.start()

    def filter_values(self) -> dict[str, Any]:
        kind = self.kind_combo.currentData()
        return {
            "kinds": {kind} if kind else None,
            "nation": self.nation_combo.currentData() or None,
            "stage": self.stage_combo.currentData() or None,
        }

    def run_query(self) -> None:
        """Search for the box's text now (the debounce timer calls this as you type)."""
        self._debounce.stop()
        if self.index is None:
            return
        text = self.box.text()
        self.results.clear()
        if not text.strip() and not self.active_filters():
            self.response = None
            self._show_status(self.tr("Type a word, an acronym or a question."))
            return
        # With filters and no words, this lists everything the filters allow.
        response = self.index.search(
            text, limit=BROWSE_LIMIT if not text.strip() else RESULT_LIMIT, **self.filter_values()
        )
        self.response = response
        for result in response.results:
            item = QListWidgetItem(f"{result.title}\n{result.snippet.text}")
            item.setData(Role.RESULT, result)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{result.title}. {result.snippet.text}"
            )
            item.setToolTip(result.id)
            self.results.addItem(item)
        self._show_status(self._summary(response))

    def _summary(self, response: SearchResponse) -> str:
        parts = []
        if response.suggestion:
            link = f'<a href="suggest">{escape(response.suggestion)}</a>'
            parts.append(self.tr("Did you mean %1?").replace("%1", link))
        count = len(response.results)
        if count == 0 and self.active_filters():
            parts.append(self.tr("No results. Try fewer words, or remove a filter."))
        elif count == 0:
            parts.append(self.tr("No results. Try fewer words."))
        elif response.browsing:
            parts.append(self.tr("%1 items for these filters").replace("%1", str(count)))
        elif count >= RESULT_LIMIT:
            parts.append(self.tr("The best %1 results").replace("%1", str(count)))
        elif count == 1:
            parts.append(self.tr("1 result"))
        else:
            parts.append(self.tr("%1 results").replace("%1", str(count)))
        if self.index is not None and self.index.notice:
            parts.append(escape(self.tr(self.index.notice)))
        return " ".join(parts)

    def _show_status(self, html: str) -> None:
        self.status.setText(html)

    def _on_status_link(self, link: str) -> None:
        if link == "suggest" and self.response and self.response.suggestion:
            self.box.setText(self.response.suggestion)
            self.run_query()

    # -- keyboard and opening --------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+K, Ctrl+L)."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
        self.start_indexing()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.FocusIn:
            self.activated.emit()
            self.start_indexing()
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        count = self.results.count()
        if watched is self.box:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and count:
                step = 1 if key == Qt.Key.Key_Down else -1
                row = self.results.currentRow()
                row = 0 if row < 0 else max(0, min(count - 1, row + step))
                self.results.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive() or self.response is None:
                    self.run_query()
                item = self.results.currentItem() or self.results.item(0)
                if item is not None:
                    self.open_result(item)
                return True
            if key == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                return True
        elif watched is self.results and key == Qt.Key.Key_Escape:
            self.focus_search()
            return True
        return False

    def open_result(self, item: QListWidgetItem) -> None:
        result: SearchResult | None = item.data(Role.RESULT)
        if result is None:
            return
        self.results.setCurrentItem(item)
        terms: Sequence[str] = self.response.terms_for(result) if self.response else ()
        self._open(result.id, highlight=terms)

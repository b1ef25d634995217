"""The scheme finder: filters, a sortable table of every scheme, and a side-by-side comparison.

The rows come from ``guide.schemes`` (the same catalogue entries as the scheme
pages). Tick two to four schemes and press Compare to see them field by field
below the table. File ▸ Print and Export to PDF print the comparison when one is
shown, else the table as filtered and sorted; "Save as CSV…" writes the same for
a spreadsheet. Double-click (or Enter on) a row to open the scheme's page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from guide.content.model import NATIONS
from guide.schemes import (
    MAX_COMPARE,
    MIN_COMPARE,
    SORT_KEYS,
    SchemeRow,
    SchemeTable,
    comparison_csv,
    comparison_html,
    table_csv,
    write_csv,
)
from guide.schemes.compare import table_html
from guide.schemes.table import day_text
from guide.ui.style.text_size import set_text_role

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

Index = QModelIndex | QPersistentModelIndex
COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "Scheme"),
    ("funder", "Funder"),
    ("stage", "Stage"),
    ("nations", "Nations"),
    ("length", "Length"),
    ("research_time", "Research time"),
    ("next_round", "Next round"),
)
assert tuple(key for key, _ in COLUMNS) == SORT_KEYS


class SchemeModel(QAbstractTableModel):
    """The shown rows; column 0 carries a check box for "compare this"."""

    checkedChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SchemeRow] = []
        self.checked: list[str] = []  # ids in the order they were ticked

    def set_rows(self, rows: list[SchemeRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def _text(self, row: SchemeRow, column: int) -> str:
        key = COLUMNS[column][0]
        return {
            "name": row.name,
            "funder": row.lead_funder,
            "stage": row.stage_text,
            "nations": row.nations_text,
            "length": row.length,
            "research_time": row.research_time,
            "next_round": row.next_round.text,
        }[key]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 1:
                return row.funder
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            on = row.id in self.checked
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        scheme_id = self.rows[index.row()].id
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        if on and scheme_id not in self.checked:
            if len(self.checked) >= MAX_COMPARE:
                return False  # four at most: untick one first
            self.checked.append(scheme_id)
        elif not on and scheme_id in self.checked:
            self.checked.remove(scheme_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][1])
        return None


class SchemeFinderView(QWidget):
    """Filters above, the table, and the comparison below it. Implements ``Printable``."""

    def __init__(
        self,
        table: SchemeTable,
        open_id: Callable[[str], None],
        *,
        save_path: Callable[[str, str], str] | None = None,
        say: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("schemeFinder")
        self.setAccessibleName(self.tr("Scheme finder"))
        self.table = table
        self._open = open_id
        # (suggested file name, what) -> the chosen path or "" (a file dialog in the app).
        self._save_path = save_path
        self._say = say or (lambda _m: None)
        self.sort_key, self.descending = "name", False
        self.compared: list[SchemeRow] = []

        title = QLabel(self.tr("Scheme finder"))
        title.setObjectName("schemeFinderTitle")
        set_text_role(title, "page-title")
        intro = QLabel(
            self.tr(
                "Every funding scheme in the guide. Filter, sort by a column, and tick two to "
                "four schemes to compare them. Names, rules and dates change every year: "
                "check each funder's current call."
            )
        )
        intro.setWordWrap(True)

        self.stage_combo = self._combo(
            self.tr("Stage"), [("", self.tr("All stages")), *table.stages]
        )
        self.nation_combo = self._combo(
            self.tr("Nation"), [("", self.tr("All nations"))] + [(n, self.tr(n)) for n in NATIONS]
        )
        self.funder_combo = self._combo(
            self.tr("Funder"), [("", self.tr("All funders"))] + [(f, f) for f in table.funders()]
        )
        self.soon_box = QCheckBox(self.tr("Open now or soon"))
        self.soon_box.setToolTip(
            self.tr("Rounds open now, or opening in the next two months (from the dates we hold)")
        )
        self.soon_box.toggled.connect(lambda _on: self.refresh())
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        # Two rows, so the filters fit beside the contents tree on a 1024-pixel screen (and
        # at a larger text size) instead of pushing the view wider than the window.
        filters = QGridLayout()
        for row, column, label, widget in (
            (0, 0, self.tr("Stage"), self.stage_combo),
            (0, 2, self.tr("Nation"), self.nation_combo),
            (1, 0, self.tr("Funder"), self.funder_combo),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption, row, column)
            filters.addWidget(widget, row, column + 1)
        filters.addWidget(self.soon_box, 1, 2, 1, 2)
        filters.addWidget(self.clear_button, 0, 4)
        filters.setColumnStretch(5, 1)

        self.model = SchemeModel(self)
        self.model.checkedChanged.connect(self._update_buttons)
        self.view = QTableView()
        self.view.setObjectName("schemeTable")
        self.view.setAccessibleName(self.tr("Funding schemes"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.sectionClicked.connect(self._on_header)
        self.view.doubleClicked.connect(self._open_index)
        self.view.activated.connect(self._open_index)

        self.count = QLabel()
        self.count.setObjectName("schemeCount")
        self.compare_button = QPushButton(self.tr("Compare ticked schemes"))
        self.compare_button.clicked.connect(self.compare_checked)
        self.csv_button = QPushButton(self.tr("Save as CSV…"))
        self.csv_button.clicked.connect(self.save_csv)
        actions = QHBoxLayout()
        actions.addWidget(self.count, 1)
        actions.addWidget(self.compare_button)
        actions.addWidget(self.csv_button)

        self.comparison = QTextBrowser()
        self.comparison.setObjectName("schemeComparison")
        self.comparison.setAccessibleName(self.tr("Comparison"))
        self.comparison.setOpenLinks(False)
        # Whole words only (Qt's default also breaks inside one): a narrow comparison
        # scrolls sideways rather than reading "independenc e".
        self.comparison.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.close_compare = QPushButton(self.tr("Close comparison"))
        self.close_compare.clicked.connect(self.clear_comparison)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.comparison, 1)
        lower_layout.addWidget(self.close_compare, 0, Qt.AlignmentFlag.AlignRight)
        self.compare_pane = lower
        self.compare_pane.setVisible(False)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.view, 1)
        upper_layout.addLayout(actions)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        self.refresh()

    # -- filters and sorting -------------------------------------------------------------------

    def _combo(self, name: str, entries: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        # Not as wide as the longest funder's name: the row of filters must fit beside the
        # contents tree on a 1024-pixel screen; the open list still shows names in full.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        for value, label in entries:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i: self.refresh())
        return combo

    def filters(self) -> dict[str, Any]:
        return {
            "stage": self.stage_combo.currentData() or None,
            "nation": self.nation_combo.currentData() or None,
            "funder": self.funder_combo.currentData() or None,
            "open_soon": self.soon_box.isChecked(),
        }

    def clear_filters(self) -> None:
        for combo in (self.stage_combo, self.nation_combo, self.funder_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.soon_box.blockSignals(True)
        self.soon_box.setChecked(False)
        self.soon_box.blockSignals(False)
        self.refresh()

    def sort_by(self, key: str, descending: bool = False) -> None:
        self.sort_key, self.descending = key, descending
        self.refresh()

    def _on_header(self, section: int) -> None:
        key = COLUMNS[section][0]
        self.sort_by(key, not self.descending if key == self.sort_key else False)

    def refresh(self) -> None:
        rows = self.table.select(**self.filters(), sort=self.sort_key, descending=self.descending)
        self.model.set_rows(rows)
        column = [k for k, _ in COLUMNS].index(self.sort_key)
        order = Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder
        self.view.horizontalHeader().setSortIndicator(column, order)
        total = len(self.table.rows)
        text = (
            self.tr("%1 of %2 schemes").replace("%1", str(len(rows))).replace("%2", str(total))
            if rows
            else self.tr("No schemes match these filters.")
        )
        self.count.setText(text)
        self._fit_columns()
        self._update_buttons()

    # Shares of the table's width per column (the last, next round, takes what is left),
    # so every column stays in view and long cells wrap at word boundaries instead.
    SHARES = (0.22, 0.09, 0.15, 0.09, 0.15, 0.15)

    def _fit_columns(self) -> None:
        width = max(700, self.view.viewport().width())
        for column, share in enumerate(self.SHARES):
            self.view.setColumnWidth(column, int(width * share))
        self.view.resizeRowsToContents()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def shown_ids(self) -> list[str]:
        return [r.id for r in self.model.rows]

    # -- compare -----------------------------------------------------------------------------

    def set_checked(self, scheme_id: str, on: bool = True) -> bool:
        row = next((i for i, r in enumerate(self.model.rows) if r.id == scheme_id), None)
        if row is None:
            return False
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return self.model.setData(self.model.index(row, 0), state, Qt.ItemDataRole.CheckStateRole)

    def _update_buttons(self) -> None:
        n = len(self.model.checked)
        self.compare_button.setEnabled(MIN_COMPARE <= n <= MAX_COMPARE)
        self.compare_button.setText(
            self.tr("Compare %1 ticked schemes").replace("%1", str(n))
            if n >= MIN_COMPARE
            else self.tr("Tick 2 to 4 schemes to compare")
        )

    def compare_checked(self) -> None:
        rows = [r for i in self.model.checked if (r := self.table.get(i)) is not None]
        if not MIN_COMPARE <= len(rows) <= MAX_COMPARE:
            return
        self.compared = rows
        self.comparison.setHtml(comparison_html(rows))
        self.compare_pane.setVisible(True)
        self.splitter.setSizes([max(200, self.height() // 3), max(300, self.height() // 2)])

    def open_anchor(self, anchor: str) -> None:
        """``schemes#compare=A,B`` ticks schemes A and B (two to four) and compares them."""
        name, _, value = anchor.partition("=")
        if name != "compare":
            return
        for scheme_id in list(self.model.checked):
            self.set_checked(scheme_id, False)
        for scheme_id in value.split(","):
            self.set_checked(scheme_id.strip())
        self.compare_checked()

    def clear_comparison(self) -> None:
        self.compared = []
        self.compare_pane.setVisible(False)

    # -- open, save, print -----------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open(self.model.rows[index.row()].id)

    def csv_text(self) -> str:
        """What "Save as CSV" writes: the comparison if one is shown, else the table."""
        return comparison_csv(self.compared) if self.compared else table_csv(self.model.rows)

    def save_csv(self, path: str | None = None) -> bool:
        if path is None:
            name = "scheme-comparison.csv" if self.compared else "schemes.csv"
            path = self._save_path(name, "csv") if self._save_path else ""
        if not path:
            return False
        try:
            write_csv(path, self.csv_text())
        except OSError as exc:
            self._say(self.tr("Could not save %1: %2").replace("%1", path).replace("%2", str(exc)))
            return False
        self._say(self.tr("Saved %1").replace("%1", str(Path(path))))
        return True

    def print_html(self, today_text: str = "") -> str:
        if self.compared:
            return comparison_html(self.compared, today_text)
        note = ", ".join(
            text for text in (
                self.stage_combo.currentText() if self.stage_combo.currentIndex() else "",
                self.nation_combo.currentText() if self.nation_combo.currentIndex() else "",
                self.funder_combo.currentText() if self.funder_combo.currentIndex() else "",
                self.soon_box.text() if self.soon_box.isChecked() else "",
            ) if text
        )  # fmt: skip
        return table_html(self.model.rows, "Funding schemes", note)

    def print_to(self, printer: QPrinter) -> None:
        """Print (or save as PDF) what is shown, in print colours on white paper."""
        from PySide6.QtGui import QPageLayout

        if not self.compared:
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        doc = QTextDocument()
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.9))
        doc.setDefaultFont(font)
        doc.setDefaultStyleSheet("body { color: #000000; background: #ffffff; }")
        doc.setHtml(self.print_html(day_text(self.table.today)))
        doc.print_(printer)

"""The checklist's milestone tree: one row per stage with "n of m done", and under it one
row per milestone with a tick box and its status.

``show_groups`` rebuilds the rows only when they change (another nation, an own
milestone added); otherwise it updates them in place, which keeps the scroll
position and never deletes an item while its own signal is running (ticking a
box saves, and saving redraws).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from guide.progress.checklist import StageGroup
from guide.progress.model import STATUS_LABELS, Entry
from guide.ui.roles import Role

STAGE_PREFIX = "stage:"


def short_date(value: dt.date | None) -> str:
    return f"{value.day} {value.strftime('%b %Y')}" if value else ""  # e.g. 5 Nov 2026


class _WrappingTitles(QStyledItemDelegate):
    """Row heights for wrapped titles: the tree asks its delegate for a size without saying
    how wide the column is, so a title that needs two lines got one and was cut."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        tree = self.parent()
        assert isinstance(tree, QTreeView)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = tree.columnWidth(0) - tree.indentation() * (depth + 1)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect.setWidth(max(40, width))
        hint = super().sizeHint(opt, index)
        style = tree.style()
        check = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 8
        text_width = max(40, width - check - 8)
        rect = opt.fontMetrics.boundingRect(
            0, 0, text_width, 10_000, int(Qt.TextFlag.TextWordWrap), opt.text
        )
        return QSize(hint.width(), max(hint.height(), rect.height() + 4))


class ChecklistTree(QTreeWidget):
    """Emits ``ticked(milestone_id, done)`` when a tick box changes, ``chosen(id)`` on selection."""

    ticked = Signal(str, bool)
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistTree")
        self.setAccessibleName(self.tr("Milestones by stage"))
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Milestone"), self.tr("Status")])
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Whole titles, wrapped onto more lines, rather than cut off with "…": telling
        # "Scotland: plan your route to a SCRE…" from its neighbours needs the end of it.
        # Row heights follow the title column's width, so they are worked out again when
        # it changes (the tree does not do that by itself).
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())
        self.setItemDelegateForColumn(0, _WrappingTitles(self))
        self._shape: tuple[Any, ...] = ()
        self._tuning = False
        self._tune_palette()
        self.itemChanged.connect(self._on_item_changed)
        self.currentItemChanged.connect(
            lambda current, _prev: self.chosen.emit(self.id_of(current))
        )

    def _tune_palette(self) -> None:
        """Keep tick boxes visible on dark themes. Fusion outlines a tick box in the window
        colour darkened, which vanishes on a dark background; outlining from the muted
        text colour instead keeps the box visible, and light themes are left alone."""
        if self._tuning:
            return
        self._tuning = True
        palette = QApplication.palette(self)
        if palette.color(QPalette.ColorRole.Base).lightness() < 128:
            palette.setColor(
                QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.PlaceholderText)
            )
        self.setPalette(palette)
        self._tuning = False

    def changeEvent(self, event: QEvent) -> None:  # Qt override: the theme changed
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._tune_palette()

    @staticmethod
    def id_of(item: QTreeWidgetItem | None) -> str:
        """The milestone id of a row ("" for a stage row or nothing)."""
        value = str(item.data(0, Role.ID) or "") if item is not None else ""
        return "" if value.startswith(STAGE_PREFIX) else value

    def stage_of_current(self) -> str:
        item = self.currentItem()
        if item is None:
            return ""
        stage = item.parent() or item
        return str(stage.data(0, Role.ID) or "").removeprefix(STAGE_PREFIX)

    def _stages(self) -> list[QTreeWidgetItem]:
        """The stage rows, top to bottom."""
        found = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in found if item is not None]

    @staticmethod
    def _children(stage: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        found = (stage.child(j) for j in range(stage.childCount()))
        return [item for item in found if item is not None]

    def show_groups(self, groups: list[StageGroup], current: str, selected: str) -> None:
        shape = tuple(
            (g.stage.id, current, tuple((r.milestone.id, r.milestone.title) for r in g.rows))
            for g in groups
        )
        if shape == self._shape:
            self._update(groups)
            return
        self._shape = shape
        blocker = QSignalBlocker(self)
        expanded = {stage.data(0, Role.ID) for stage in self._stages() if stage.isExpanded()}
        first_fill = self.topLevelItemCount() == 0
        self.clear()
        selected_item = None
        for group in groups:
            stage_item = QTreeWidgetItem([group.stage.title, self._stage_text(group)])
            stage_item.setData(0, Role.ID, STAGE_PREFIX + group.stage.id)
            font = stage_item.font(0)
            font.setBold(True)
            stage_item.setFont(0, font)
            stage_item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if group.stage.id == current:
                stage_item.setText(0, group.stage.title + "  " + self.tr("(your stage)"))
            for row in group.rows:
                own = "  " + self.tr("(my own)") if row.milestone.own else ""
                child = QTreeWidgetItem([row.milestone.title + own, ""])
                child.setData(0, Role.ID, row.milestone.id)
                child.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                self._show_row(child, row.entry)
                child.setToolTip(0, f"{row.milestone.title}\n{row.milestone.timing}".strip())
                stage_item.addChild(child)
                if row.milestone.id == selected:
                    selected_item = child
            self.addTopLevelItem(stage_item)
            if first_fill:
                stage_item.setExpanded(group.stage.id == current or not current)
            else:
                stage_item.setExpanded(STAGE_PREFIX + group.stage.id in expanded)
        if selected_item is not None:
            self.setCurrentItem(selected_item)
        del blocker

    def select_id(self, milestone_id: str) -> None:
        for stage in self._stages():
            for child in self._children(stage):
                if child.data(0, Role.ID) == milestone_id:
                    stage.setExpanded(True)
                    self.setCurrentItem(child)
                    self.scrollToItem(child)
                    return

    def _stage_text(self, group: StageGroup) -> str:
        return (
            self.tr("%1 of %2 done").replace("%1", str(group.done)).replace("%2", str(group.total))
        )

    def _show_row(self, item: QTreeWidgetItem, entry: Entry) -> None:
        status = self.tr(STATUS_LABELS[entry.status])
        if entry.date_done:
            status += " " + short_date(entry.date_done)
        item.setText(1, status)
        done = entry.status == "done"
        item.setCheckState(0, Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
        if entry.status == "not-applicable":
            item.setForeground(0, self.palette().placeholderText())
        else:
            item.setData(0, Qt.ItemDataRole.ForegroundRole, None)  # follow the theme

    def _update(self, groups: list[StageGroup]) -> None:
        blocker = QSignalBlocker(self)
        # Same shape as shown (show_groups checked), so rows and groups pair up one to one.
        for stage_item, group in zip(self._stages(), groups, strict=True):
            stage_item.setText(1, self._stage_text(group))
            for child, row in zip(self._children(stage_item), group.rows, strict=True):
                self._show_row(child, row.entry)
        del blocker

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        milestone_id = self.id_of(item)
        if column == 0 and milestone_id:
            self.ticked.emit(milestone_id, item.checkState(0) == Qt.CheckState.Checked)

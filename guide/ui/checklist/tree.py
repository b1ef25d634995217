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

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
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
        if item.parent() is not None:
            item = item.parent()
        return str(item.data(0, Role.ID) or "").removeprefix(STAGE_PREFIX)

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
        expanded = {
            self.topLevelItem(i).data(0, Role.ID)
            for i in range(self.topLevelItemCount())
            if self.topLevelItem(i).isExpanded()
        }
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
        for i in range(self.topLevelItemCount()):
            stage = self.topLevelItem(i)
            for j in range(stage.childCount()):
                if stage.child(j).data(0, Role.ID) == milestone_id:
                    stage.setExpanded(True)
                    self.setCurrentItem(stage.child(j))
                    self.scrollToItem(stage.child(j))
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
        for i, group in enumerate(groups):
            stage_item = self.topLevelItem(i)
            stage_item.setText(1, self._stage_text(group))
            for j, row in enumerate(group.rows):
                self._show_row(stage_item.child(j), row.entry)
        del blocker

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        milestone_id = self.id_of(item)
        if column == 0 and milestone_id:
            self.ticked.emit(milestone_id, item.checkState(0) == Qt.CheckState.Checked)

"""The "About you" part of the checklist: nation, stage, specialty interest and the
foundation start date. It decides which milestones show and what is coming up."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from guide.content.model import NATIONS, ContentModel
from guide.progress.model import Profile

NO_DATE = QDate(2000, 1, 1)


class OptionalDateEdit(QWidget):
    """A date that may be left unset: a tick box beside a calendar date."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(label)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMM yyyy")
        self.edit.setAccessibleName(label)
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.enabled.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(
            lambda _d: self.changed.emit() if self.enabled.isChecked() else None
        )

    def value(self) -> dt.date | None:
        if not self.enabled.isChecked():
            return None
        d = self.edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def set_value(self, value: dt.date | None, fallback: dt.date | None = None) -> None:
        self.blockSignals(True)
        self.enabled.blockSignals(True)
        self.edit.blockSignals(True)
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        shown = value or fallback
        if shown is not None:
            self.edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.edit.blockSignals(False)
        self.enabled.blockSignals(False)
        self.blockSignals(False)


class ProfileEditor(QWidget):
    """Emits ``edited(dict)`` with the one field the user changed."""

    edited = Signal(dict)

    def __init__(self, model: ContentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nation = QComboBox()
        self.nation.addItem(self.tr("Choose your nation"), "")
        for name in NATIONS:
            self.nation.addItem(name, name)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("Choose your stage"), "")
        for stage in model.checklist_stages:
            self.stage.addItem(stage.title, stage.id)
        self.specialty = QLineEdit()
        self.specialty.setPlaceholderText(self.tr("For example, paediatrics"))
        self.specialty.setMaxLength(300)
        # "Known" alone read as a status ("Foundation start: Known") and named the date box
        # "Known" for screen readers; say what the tick means and what the box holds.
        self.start = OptionalDateEdit(self.tr("I know it"))
        self.start.setToolTip(self.tr("Used to suggest your stage if you have not chosen one."))
        self.start.enabled.setAccessibleName(self.tr("I know my foundation start date"))
        self.start.edit.setAccessibleName(self.tr("Foundation start date"))
        for widget, name in (
            (self.nation, self.tr("Nation")),
            (self.stage, self.tr("Current stage")),
            (self.specialty, self.tr("Specialty interest")),
        ):
            widget.setAccessibleName(name)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Nation:"), self.nation)
        form.addRow(self.tr("&Stage:"), self.stage)
        form.addRow(self.tr("Specialty &interest:"), self.specialty)
        form.addRow(self.tr("Foundation start:"), self.start)

        self.nation.activated.connect(lambda _i: self._emit("nation", self.nation.currentData()))
        self.stage.activated.connect(lambda _i: self._emit("stage", self.stage.currentData()))
        self.specialty.editingFinished.connect(
            lambda: self._emit("specialty", self.specialty.text().strip())
        )
        self.start.changed.connect(lambda: self._emit("foundation_start", self.start.value()))

    def _emit(self, name: str, value: Any) -> None:
        self.edited.emit({name: value})

    def show_profile(self, profile: Profile, suggested_stage: str = "") -> None:
        self.nation.setCurrentIndex(max(0, self.nation.findData(profile.nation)))
        self.stage.setCurrentIndex(max(0, self.stage.findData(profile.stage)))
        if not profile.stage and suggested_stage:
            title = self.stage.itemText(self.stage.findData(suggested_stage))
            self.stage.setItemText(0, self.tr("Choose (suggested: %1)").replace("%1", title))
        else:
            self.stage.setItemText(0, self.tr("Choose your stage"))
        if not self.specialty.hasFocus():
            self.specialty.setText(profile.specialty)
        self.start.set_value(profile.foundation_start)

"""The "About you" part of the checklist: name (for the supervisor summary), nation,
stage, specialty interest and the foundation start date. It decides which milestones
show and what is coming up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from guide.clock import SYSTEM
from guide.content.model import NATIONS, ContentModel
from guide.progress.model import Profile
from guide.ui.checklist.datefield import DateField


def last_august(today: dt.date) -> dt.date:
    """1 August of the most recent August: where the foundation start's calendar opens, so
    the usual early-August start is one click."""
    year = today.year if today.month >= 8 else today.year - 1
    return dt.date(year, 8, 1)


class ProfileEditor(QWidget):
    """Emits ``edited(dict)`` with the one field the user changed."""

    edited = Signal(dict)

    def __init__(
        self,
        model: ContentModel,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = SYSTEM.today,
    ) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Shown on your supervisor summary"))
        self.name.setMaxLength(300)
        self.nation = QComboBox()
        self.nation.addItem(self.tr("Choose your nation"), "")
        for name in NATIONS:
            self.nation.addItem(name, name)
        self.stage = QComboBox()
        # Long stage titles must not push the form past the pane in a 1024-pixel window.
        self.stage.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        # Wide enough for "Foundation year 1 (F1)", the stage most users have.
        self.stage.setMinimumContentsLength(19)
        self.stage.addItem(self.tr("Choose your stage"), "")
        for stage in model.checklist_stages:
            self.stage.addItem(stage.title, stage.id)
        self.specialty = QLineEdit()
        self.specialty.setPlaceholderText(self.tr("For example, paediatrics"))
        self.specialty.setMaxLength(300)
        # Empty until known; the calendar (F4) opens on the latest August.
        self.start = DateField(
            self.tr("Foundation start date"), calendar_start=lambda: last_august(today())
        )
        self.start.line.setPlaceholderText(self.tr("for example 5 Aug 2026; F4 for a calendar"))
        self.start.line.setAccessibleDescription(
            self.tr("Used to suggest your stage if you have not chosen one.")
        )
        for widget, name in (
            (self.name, self.tr("Your name")),
            (self.nation, self.tr("Nation")),
            (self.stage, self.tr("Current stage")),
            (self.specialty, self.tr("Specialty interest")),
        ):
            widget.setAccessibleName(name)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Na&me:"), self.name)
        form.addRow(self.tr("&Nation:"), self.nation)
        form.addRow(self.tr("&Stage:"), self.stage)
        form.addRow(self.tr("Specialty &interest:"), self.specialty)
        start_label = QLabel(self.tr("&Foundation start:"))
        start_label.setBuddy(self.start.line)
        form.addRow(start_label, self.start)

        self.nation.activated.connect(lambda _i: self._emit("nation", self.nation.currentData()))
        self.stage.activated.connect(lambda _i: self._emit("stage", self.stage.currentData()))
        self.specialty.editingFinished.connect(
            lambda: self._emit("specialty", self.specialty.text().strip())
        )
        self.name.editingFinished.connect(lambda: self._emit("name", self.name.text().strip()))
        self.start.changed.connect(lambda value: self._emit("foundation_start", value))

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
        if not self.name.hasFocus():
            self.name.setText(profile.name)
        self.start.set_value(profile.foundation_start)

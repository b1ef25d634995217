"""A date box that behaves: one Tab stop, typed dates read as typed in any common UK form
("10 Aug 2026", "10/08/2026", "10-8-26", "2026-08-10"), and a calendar on a key (F4 or
Alt+Down) or the small button beside it.

QDateEdit was replaced because it splits a date into three sections: each is a Tab stop
for some styles, and typing "10 Aug 2026" over a selected date gave "1 Aug 2026". Reading
goes through ``guide.progress.dates`` so the box and the command line agree; text that
cannot be read, or a date outside the allowed range, is kept as typed, marked, and
explained in the tooltip and to screen readers, and nothing is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from guide.progress.dates import DateError, format_date, parse_date


class _Line(QLineEdit):
    """The text box: opens the calendar on F4 or Alt+Down, reports leaving."""

    popup_requested = Signal()
    left = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_F4 or (
            key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier
        ):
            self.popup_requested.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # Qt override
        super().focusOutEvent(event)
        self.left.emit()


class DateField(QWidget):
    """``changed(object)`` carries the new ``datetime.date`` (or None when cleared, if
    ``allow_empty``); ``refused(str)`` says why typed text was not taken."""

    changed = Signal(object)
    refused = Signal(str)

    def __init__(
        self,
        name: str,
        *,
        allow_empty: bool = True,
        latest: Callable[[], dt.date] | None = None,
        latest_reason: str = "",
        calendar_start: Callable[[], dt.date] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._value: dt.date | None = None
        self.allow_empty = allow_empty
        self.latest = latest  # the last allowed day (today, for a date done)
        self.latest_reason = latest_reason
        self.calendar_start = calendar_start  # where the calendar opens when there is no date
        self.line = _Line()
        self.line.setAccessibleName(name)
        self.line.setPlaceholderText(self.tr("for example 10 Aug 2026"))
        self.line.setToolTip(self.tr("Type a date, or press F4 for a calendar"))
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Choose on a calendar (F4)"))
        self.button.setAccessibleName(self.tr("Calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one Tab stop per date: the text
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.returnPressed.connect(self.commit)
        self.line.left.connect(self.commit)
        self.line.popup_requested.connect(self.open_calendar)
        self.button.clicked.connect(self.open_calendar)
        self.popup: QWidget | None = None

    # ------------------------------------------------------------ value

    def value(self) -> dt.date | None:
        return self._value

    def set_value(self, value: dt.date | None) -> None:
        """Show ``value`` without emitting ``changed`` (the record already holds it)."""
        self._value = value
        self.line.setText(format_date(value) if value else "")
        self._mark("")

    def commit(self) -> None:
        """Read what was typed; emit ``changed`` if it is a new, allowed date."""
        text = self.line.text().strip()
        if not text:
            if self._value is None:
                return
            if not self.allow_empty:
                self.set_value(self._value)
                return
            self._take(None)
            return
        try:
            day = parse_date(text)
            self._check(day)
        except DateError as exc:
            self._mark(str(exc))
            self.refused.emit(str(exc))
            return
        self._take(day)

    def _check(self, day: dt.date) -> None:
        if self.latest is not None and day > self.latest():
            raise DateError(
                self.latest_reason
                or self.tr("%1 is after the latest date allowed here").replace(
                    "%1", format_date(day)
                )
            )

    def _take(self, day: dt.date | None) -> None:
        changed = day != self._value
        self.set_value(day)
        if changed:
            self.changed.emit(day)

    def _mark(self, problem: str) -> None:
        self.line.setProperty("invalid", bool(problem))
        self.line.setStyleSheet("QLineEdit { border: 2px solid #d5281b; }" if problem else "")
        self.line.setToolTip(problem or self.tr("Type a date, or press F4 for a calendar"))
        self.line.setAccessibleDescription(problem)

    # ------------------------------------------------------------ calendar

    def open_calendar(self) -> None:
        popup = QWidget(self, Qt.WindowType.Popup)
        popup.setObjectName("dateFieldPopup")
        calendar = QCalendarWidget(popup)
        calendar.setGridVisible(True)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        if self.latest is not None:
            last = self.latest()
            calendar.setMaximumDate(QDate(last.year, last.month, last.day))
        shown = self._value or (self.calendar_start() if self.calendar_start else None)
        if shown is not None:
            calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        popup_layout = QVBoxLayout(popup)
        popup_layout.addWidget(calendar)
        popup_layout.setContentsMargins(1, 1, 1, 1)

        def chosen(date: QDate) -> None:
            popup.close()
            self._take(dt.date(date.year(), date.month(), date.day()))
            self.line.setFocus()

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        self.popup = popup
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        calendar.setFocus()

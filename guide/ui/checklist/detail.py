"""The right-hand side of the checklist: one milestone's details and the user's record of it.

Status and dates save at once; notes save after a short pause in typing, when
focus leaves the box, or when another milestone is chosen (``flush``), so typed
text is never lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guide.clock import SYSTEM
from guide.content.links import internal_href
from guide.content.model import ContentModel
from guide.progress.checklist import Milestone
from guide.progress.model import MAX_TEXT, STATUS_LABELS, STATUSES, Entry
from guide.ui.checklist.datefield import DateField
from guide.ui.style.rich_text import follow_theme
from guide.ui.style.text_size import set_text_role

TYPING_PAUSE_MS = 700
REMINDERS: tuple[tuple[int | None, str], ...] = (
    (None, "No reminder"),
    (0, "On the day"),
    (1, "1 day before"),
    (3, "3 days before"),
    (7, "1 week before"),
    (14, "2 weeks before"),
    (28, "4 weeks before"),
)
WRAP_SLASH = "/\u200b"


class _NotesBox(QPlainTextEdit):
    """A plain-text box that reports when focus leaves it."""

    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # Qt override
        self.left.emit()
        super().focusOutEvent(event)


class MilestoneDetail(QWidget):
    """Signals carry the milestone id and the fields that changed."""

    edited = Signal(str, dict)
    own_edited = Signal(str, dict)
    own_deleted = Signal(str)
    link_opened = Signal(str)

    def __init__(
        self,
        model: ContentModel,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = SYSTEM.today,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.today = today
        self.milestone: Milestone | None = None
        self._loading = False
        self._unsaved = False  # typed text not yet handed over for saving

        self.heading = QLabel()
        self.heading.setObjectName("milestoneTitle")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        set_text_role(self.heading, "title")
        # Its links ("Read more") are re-coloured when the theme changes.
        self.about = follow_theme(QLabel())
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.about.setOpenExternalLinks(False)
        self.about.linkActivated.connect(self._on_link)

        self.own_title = QLineEdit()
        self.own_title.setAccessibleName(self.tr("Milestone title"))
        self.own_title.setMaxLength(300)
        self.own_stage = QComboBox()
        self.own_stage.setAccessibleName(self.tr("Stage"))
        # Long stage titles must not widen the pane past a 1024-pixel window.
        self.own_stage.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.own_stage.setMinimumContentsLength(12)
        for stage in model.checklist_stages:
            self.own_stage.addItem(stage.title, stage.id)
        self.own_due = DateField(self.tr("Due date"), calendar_start=today)
        self.own_remind = QComboBox()
        self.own_remind.setAccessibleName(self.tr("Calendar reminder"))
        for days, label in REMINDERS:
            self.own_remind.addItem(self.tr(label), days)
        self.delete_own = QPushButton(self.tr("Delete this milestone"))

        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for status in STATUSES:
            self.status.addItem(self.tr(STATUS_LABELS[status]), status)
        self.date_done = DateField(
            self.tr("Date done"),
            allow_empty=False,
            latest=today,
            latest_reason=self.tr(
                "A date done cannot be after today. Record it on the day, or add it as your "
                "own milestone with a due date."
            ),
        )
        self.date_hint = QLabel()
        self.date_hint.setWordWrap(True)
        self.date_hint.setObjectName("dateHint")

        self.warning = QLabel(
            self.tr(
                "Do not enter patient-identifiable information: no names, dates of birth, "
                "hospital or NHS numbers, or details that could identify a patient."
            )
        )
        self.warning.setObjectName("privacyWarning")
        self.warning.setWordWrap(True)
        warning_font = self.warning.font()
        warning_font.setBold(True)
        self.warning.setFont(warning_font)
        # A coloured bar beside the text, as NHS-style warning callouts do; not colour alone.
        self.warning.setStyleSheet(
            "QLabel#privacyWarning { border: none; border-left: 5px solid #d5281b;"
            " padding: 4px 4px 4px 8px; }"
        )
        self.notes = _NotesBox()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setAccessibleDescription(self.warning.text())
        self.notes.setPlaceholderText(self.tr("Your notes: plans, who to ask, what happened"))
        self.evidence = _NotesBox()
        self.evidence.setAccessibleName(self.tr("Evidence notes"))
        self.evidence.setPlaceholderText(
            self.tr("Where your evidence is: for example, uploaded to Horus or Turas on …")
        )
        lines = self.fontMetrics().lineSpacing()
        for box, rows in ((self.notes, 6), (self.evidence, 4)):
            box.setTabChangesFocus(True)
            box.setFixedHeight(lines * rows + 12)  # room to write; the box scrolls for more

        self.own_form = QWidget()
        own_form = QFormLayout(self.own_form)
        own_form.setContentsMargins(0, 0, 0, 0)
        # Labels go above their boxes when the pane is narrow (a 1024x700 window).
        own_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field in (
            (self.tr("Tit&le:"), self.own_title),
            (self.tr("Sta&ge:"), self.own_stage),
            (self.tr("D&ue:"), self.own_due),
            (self.tr("&Reminder:"), self.own_remind),
        ):
            caption = QLabel(text)  # a real buddy, so the & is a shortcut and not shown
            caption.setBuddy(field.focusProxy() or field)
            own_form.addRow(caption, field)
        own_form.addRow("", self.delete_own)

        status_form = QFormLayout()
        status_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        status_form.addRow(self.tr("S&tatus:"), self.status)
        done_label = QLabel(self.tr("&Done on:"))
        done_label.setBuddy(self.date_done.line)
        status_form.addRow(done_label, self.date_done)
        status_form.addRow("", self.date_hint)
        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        self.editor = QWidget()  # hidden until a milestone is chosen
        outer.addWidget(self.editor, 1)
        layout = QVBoxLayout(self.editor)
        layout.setContentsMargins(0, 0, 0, 0)
        # What the milestone is, when, why it matters and what evidence to keep come first:
        # they are what a doctor reads before deciding; their own record follows.
        layout.addWidget(self.about)
        yours = QLabel(self.tr("Your record"))
        yours_font = yours.font()
        yours_font.setBold(True)
        yours.setFont(yours_font)
        layout.addWidget(yours)
        layout.addWidget(self.own_form)
        layout.addLayout(status_form)
        notes_label = QLabel(self.tr("&Notes:"))
        notes_label.setBuddy(self.notes)
        layout.addWidget(notes_label)
        layout.addWidget(self.warning)
        layout.addWidget(self.notes)
        evidence_label = QLabel(self.tr("&Evidence notes:"))
        evidence_label.setBuddy(self.evidence)
        layout.addWidget(evidence_label)
        layout.addWidget(self.evidence)
        layout.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        for box in (self.notes, self.evidence):
            box.textChanged.connect(self._typed)
            box.left.connect(self.flush)
        self.status.activated.connect(lambda _i: self._status_chosen())
        self.date_done.changed.connect(self._date_chosen)
        self.date_done.refused.connect(self.date_hint.setText)
        self.own_due.changed.connect(self._due_chosen)
        self.own_due.refused.connect(self.date_hint.setText)
        self.own_remind.activated.connect(
            lambda _i: self._own_changed({"remind_days": self.own_remind.currentData()})
        )
        self.own_title.editingFinished.connect(self._own_title_done)
        self.own_stage.activated.connect(
            lambda _i: self._own_changed({"stage": self.own_stage.currentData()})
        )
        self.delete_own.clicked.connect(self._delete_own)
        self.show_milestone(None, Entry())

    # ------------------------------------------------------------ showing

    def show_milestone(self, milestone: Milestone | None, entry: Entry) -> None:
        self.flush()
        self._loading = True
        self.milestone = milestone
        self.editor.setVisible(milestone is not None)
        self.own_form.setVisible(bool(milestone and milestone.own))
        if milestone is None:
            self.heading.setText(self.tr("Choose a milestone on the left to see and record it."))
            self.about.clear()
            self.notes.clear()
            self.evidence.clear()
            self._loading = False
            return
        self.heading.setText(milestone.title)
        self.about.setText(self._about_html(milestone))
        if milestone.own:
            self.own_title.setText(milestone.title)
            self.own_stage.setCurrentIndex(max(0, self.own_stage.findData(milestone.stage)))
            self.own_due.set_value(milestone.due)
            self.own_remind.setEnabled(milestone.due is not None)
            found = self.own_remind.findData(milestone.remind_days)
            self.own_remind.setCurrentIndex(max(0, found))
        self.show_entry(entry)
        self._loading = False

    def show_entry(self, entry: Entry) -> None:
        """Refresh status and date (and notes, unless the user is typing in them)."""
        loading, self._loading = self._loading, True
        self.status.setCurrentIndex(self.status.findData(entry.status))
        self.date_done.set_value(entry.date_done if entry.status == "done" else None)
        if entry.status == "done" and entry.date_done == self.today():
            self.date_hint.setText(
                self.tr("Set to today when you ticked it: type another date if it was earlier.")
            )
        elif entry.status == "done":
            self.date_hint.setText("")
        else:
            self.date_hint.setText(self.tr("Type the date you did it to mark it done."))
        if not self._unsaved:
            if self.notes.toPlainText() != entry.notes:
                self.notes.setPlainText(entry.notes)
            if self.evidence.toPlainText() != entry.evidence:
                self.evidence.setPlainText(entry.evidence)
        self._loading = loading

    def _about_html(self, m: Milestone) -> str:
        e = escape
        parts = []
        if m.own:
            parts.append(f"<p><i>{e(self.tr('A milestone you added yourself.'))}</i></p>")
        if m.timing:
            parts.append(f"<p><b>{e(self.tr('When:'))}</b> {e(m.timing)}</p>")
        if m.volatile:
            parts.append(
                f"<p><b>{e(self.tr('Dates change every year: check the current year.'))}</b></p>"
            )
        if m.why:
            parts.append(f"<p><b>{e(self.tr('Why it matters:'))}</b> {e(m.why)}</p>")
        if m.evidence:
            parts.append(f"<p><b>{e(self.tr('Evidence to keep:'))}</b> {e(m.evidence)}</p>")
        linked = [item for item in (self.model.get(link) for link in m.links) if item]
        links = [f'<a href="{internal_href(item.id)}">{e(item.title)}</a>' for item in linked]
        if links:
            parts.append(f"<p><b>{e(self.tr('Read more:'))}</b> {', '.join(links)}</p>")
        if m.source:
            parts.append(
                # Zero-width spaces after slashes let a long address wrap instead of widening the pane.
                f"<p><b>{e(self.tr('Source:'))}</b> {e(m.source).replace('/', WRAP_SLASH)} "
                f"<i>({e(self.tr('copy it into your browser'))})</i></p>"
            )
        return "".join(parts)

    def _on_link(self, href: str) -> None:
        self.link_opened.emit(href.split(":", 1)[1] if href.startswith("guide:") else href)

    # ------------------------------------------------------------ editing

    def _status_chosen(self) -> None:
        if self.milestone and not self._loading:
            self.edited.emit(self.milestone.id, {"status": self.status.currentData()})

    def _date_chosen(self, value: dt.date | None) -> None:
        """A date done typed or picked: it marks the milestone done on that day."""
        if self.milestone and not self._loading and value is not None:
            self.edited.emit(self.milestone.id, {"status": "done", "date_done": value})

    def _due_chosen(self, value: dt.date | None) -> None:
        fields: dict = {"due": value}
        if value is None:
            fields["remind_days"] = None
        self._own_changed(fields)

    def _typed(self) -> None:
        if not self._loading and self.milestone is not None:
            self._unsaved = True
            self._timer.start()

    def flush(self) -> None:
        """Save typed notes now (called on a pause, on leaving the box, on switching)."""
        self._timer.stop()
        if not self._unsaved or self.milestone is None:
            return
        self._unsaved = False
        self.edited.emit(
            self.milestone.id,
            {
                "notes": self.notes.toPlainText()[:MAX_TEXT],
                "evidence": self.evidence.toPlainText()[:MAX_TEXT],
            },
        )

    def _own_title_done(self) -> None:
        title = self.own_title.text().strip()
        if self.milestone and self.milestone.own and title and title != self.milestone.title:
            self._own_changed({"title": title})

    def _own_changed(self, fields: dict) -> None:
        if self.milestone and self.milestone.own and not self._loading:
            self.own_edited.emit(self.milestone.id, fields)

    def _delete_own(self) -> None:
        if self.milestone and self.milestone.own:
            self.own_deleted.emit(self.milestone.id)

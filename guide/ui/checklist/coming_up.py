"""The checklist's "Coming up in the next 90 days" list: the milestones whose window opens
soon for the user's nation and stage, and their own due dates, each opening the milestone
when chosen (its id is the row's ``Role.ID``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from guide.content.model import ContentModel
from guide.progress.checklist import coming_up, current_stage
from guide.progress.dates import format_date
from guide.progress.model import ProgressData
from guide.ui.roles import Role

# As many lines as the list shows before it scrolls (in lines of its own text size).
SHOWN_LINES = 7


class ComingUpList(QListWidget):
    """What is coming up, one row per milestone, wrapped to the list's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comingUp")
        self.setAccessibleName(self.tr("Coming up in the next 90 days"))
        self.setWordWrap(True)
        self.setSpacing(2)
        self.fit_to_text()

    def fit_to_text(self) -> None:
        """Keep the height at ``SHOWN_LINES`` lines of the current text size."""
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * SHOWN_LINES)

    def show_coming(self, model: ContentModel, data: ProgressData, today: dt.date) -> None:
        self.clear()
        found = coming_up(model, data, today)
        if not found:
            text = (
                self.tr("Nothing due in the next 90 days for your stage.")
                if current_stage(model, data, today)
                else self.tr(
                    "Choose your stage (or foundation start date) to see what is coming up."
                )
            )
            item = QListWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
            return
        for c in found:
            month = f"{QLocale().standaloneMonthName(c.month)} {c.year}"
            when = self.tr("this month") if c.starts_in_days == 0 else month
            if c.due is not None:
                words = self.tr("overdue since %1") if c.overdue else self.tr("due %1")
                when = words.replace("%1", format_date(c.due))
            text = f"{c.milestone.title}: {when}"
            if c.milestone.volatile:
                text += " — " + self.tr("dates change yearly, check the current year")
            item = QListWidgetItem(text)
            item.setData(Role.ID, c.milestone.id)
            item.setToolTip(c.milestone.timing)
            self.addItem(item)

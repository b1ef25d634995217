"""The checklist view: your profile, milestones by stage with their status, what is coming
up, export and import, and "Delete my data". ``checklist.feature`` puts it in the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guide.content.model import ContentModel
from guide.progress import ProgressStore
from guide.progress.checklist import current_stage, find, stage_groups
from guide.progress.location import Opened, reconnect
from guide.ui.checklist.coming_up import ComingUpList
from guide.ui.checklist.detail import MilestoneDetail
from guide.ui.checklist.files import ChecklistFiles
from guide.ui.checklist.panes import MilestonePanes
from guide.ui.checklist.profile import ProfileEditor
from guide.ui.checklist.reflow import FlowLayout, SideBySide
from guide.ui.checklist.tree import ChecklistTree
from guide.ui.roles import Role
from guide.ui.style.text_size import set_text_role

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


class ChecklistView(QWidget):
    """The whole checklist. ``changed`` fires after every change to the record."""

    changed = Signal()
    open_requested = Signal(str)

    def __init__(
        self,
        model: ContentModel,
        store: ProgressStore,
        parent: QWidget | None = None,
        opened: Opened | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checklistView")
        self.model = model
        self.store = store
        # What opening the record noticed or merged in (an unreachable folder, sync-tool
        # copies), shown in the banner until dismissed; refused input goes there too.
        self.messages: list[str] = []
        if opened is not None:
            self.messages += opened.notices + opened.merge_report(model, self.tr)
        # One clock for the view and its record: "coming up" and the date a tick records
        # must agree on what day it is.
        self.today = store.clock.today
        self._selected = ""

        heading = QLabel(self.tr("My checklist"))  # as in the tree, the Go menu and the pages
        heading.setObjectName("checklistHeading")
        set_text_role(heading, "page-title")  # scales with the text size, unlike a set font
        intro = QLabel(
            self.tr(
                "Track the milestones on your way into academic medicine. This is a personal "
                "planner: keep your evidence in Horus or Turas. Everything is saved at once, "
                "in the folder shown at the bottom."
            )
        )
        intro.setWordWrap(True)

        self.banner = QFrame()
        self.banner.setObjectName("checklistBanner")
        self.banner.setStyleSheet(
            "QFrame#checklistBanner { border: 2px solid #ffb81c; border-radius: 4px; }"
        )
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Try saving again"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.retry_button)
        banner_layout.addWidget(self.dismiss_button)

        self.profile = ProfileEditor(model, today=self.today)
        profile_box = QGroupBox(self.tr("About you"))
        QVBoxLayout(profile_box).addWidget(self.profile)
        self.upcoming = ComingUpList()
        upcoming_box = QGroupBox(self.tr("Coming up in the next 90 days"))
        upcoming_layout = QVBoxLayout(upcoming_box)
        upcoming_layout.addWidget(self.upcoming)
        upcoming_layout.addStretch(1)  # the list at the top when About you is taller
        # Beside each other when they fit, one above the other at large text sizes.
        # Halves: at 2 to 3 the stage box cut "Foundation year 1 (F1)" in a 1024-pixel window.
        self.top = SideBySide(profile_box, upcoming_box, stretch=(1, 1))

        self.tree = ChecklistTree()
        self.detail = MilestoneDetail(model, today=self.today)
        # Side by side, or the details below the milestones when they do not fit.
        self.panes = MilestonePanes(self.tree, self.detail)

        self.files = ChecklistFiles(
            self, model, store, self.today, self._files_changed, opened=opened
        )
        self.add_button = QPushButton(self.tr("&Add my own milestone…"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setMenu(self.files.export_menu())
        self.import_button = QPushButton(self.tr("&Import…"))
        self.folder_button = QPushButton(self.tr("&Keep my checklist in…"))
        self.folder_button.setMenu(self.files.folder_menu())
        self.folder_button.setVisible(opened is not None)
        self.delete_button = QPushButton(self.tr("Delete my data…"))
        self.where = QLabel()
        self.where.setObjectName("dataLocation")
        self.where.setWordWrap(True)  # a long path wraps rather than widening the view
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Rows that wrap at large text sizes, rather than a row that scrolls sideways.
        buttons = FlowLayout()
        for button in (
            self.add_button,
            self.export_button,
            self.import_button,
            self.folder_button,
        ):
            buttons.addWidget(button)
        buttons.add_gap_before_next()  # apart from the everyday buttons
        buttons.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addWidget(self.top)
        layout.addWidget(self.panes, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.where)

        self.profile.edited.connect(self._profile_edited)
        self.tree.chosen.connect(self._select)
        self.tree.ticked.connect(self._ticked)
        self.upcoming.itemActivated.connect(self._upcoming_chosen)
        self.upcoming.itemClicked.connect(self._upcoming_chosen)
        self.detail.edited.connect(self._entry_edited)
        self.detail.own_edited.connect(self._own_edited)
        self.detail.own_deleted.connect(self._own_deleted)
        self.detail.link_opened.connect(self.open_requested)
        self.add_button.clicked.connect(self._ask_own)
        self.import_button.clicked.connect(self.files.ask_import)
        self.delete_button.clicked.connect(self.files.ask_delete)
        self.retry_button.clicked.connect(self.retry)
        self.dismiss_button.clicked.connect(self._dismiss)

        self._dismissed: list[str] = []
        self._selected = self._first_open_milestone()
        self._fit_to_text()
        self.refresh()

    def _fit_to_text(self) -> None:
        """Sizes in lines of the current text size (which the View menu changes)."""
        self.upcoming.fit_to_text()
        self.panes.fit()

    # ------------------------------------------------------------ showing the record

    def _first_open_milestone(self) -> str:
        """Start on the first unfinished milestone of the user's stage, so the right-hand
        side shows something useful straight away."""
        stage = current_stage(self.model, self.store.data, self.today())
        for group in stage_groups(self.model, self.store.data):
            if group.stage.id == stage:
                for row in group.rows:
                    if row.entry.status in ("not-started", "in-progress"):
                        return row.milestone.id
        return ""

    def refresh(self) -> None:
        """Redraw everything from the store (after a change, an import or a reload)."""
        today = self.today()
        suggested = current_stage(self.model, self.store.data, today)
        self.profile.show_profile(self.store.profile, suggested)
        self.tree.show_groups(stage_groups(self.model, self.store.data), suggested, self._selected)
        self.upcoming.show_coming(self.model, self.store.data, today)
        self._show_banner()
        self.where.setText(self._where())
        milestone = find(self.model, self.store.data, self._selected) if self._selected else None
        if milestone is None and self.detail.milestone is not None:
            self.detail.show_milestone(None, self.store.entry(""))
        elif milestone is not None:
            if self.detail.milestone != milestone:
                self.detail.show_milestone(milestone, self.store.entry(milestone.id))
            else:
                self.detail.show_entry(self.store.entry(milestone.id))
        self.panes.fit()  # the details shown may need more width

    def _where(self) -> str:
        opened = self.files.opened
        if opened is not None and opened.offline and opened.location.folder:
            return (
                self.tr(
                    "Your folder %1 cannot be reached: changes are kept on this computer, in %2"
                )
                .replace("%1", str(opened.location.folder))
                .replace("%2", str(self.store.path))
            )
        if opened is not None and opened.location.folder:
            return self.tr("Saved in your chosen folder: %1").replace("%1", str(self.store.path))
        return self.tr("Saved only on this computer, in %1").replace("%1", str(self.store.path))

    def _show_banner(self) -> None:
        messages = [n for n in self.store.notices + self.messages if n not in self._dismissed]
        if self.store.error:
            messages.append(self.store.error)
        self.banner.setVisible(bool(messages))
        self.banner_text.setText("\n\n".join(messages))
        self.retry_button.setVisible(self.store.pending and not self.store.read_only_reason)
        self.dismiss_button.setVisible(not self.store.error)

    def _dismiss(self) -> None:
        self._dismissed += self.store.notices + self.messages
        self._show_banner()

    def _refused(self, exc: ValueError) -> None:
        """Input the record would not take (a done date after today): say why, change nothing."""
        self.messages.append(self.tr("Not saved: %1").replace("%1", str(exc)))

    # ------------------------------------------------------------ changes

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()

    def _files_changed(self, cleared: bool) -> None:
        if cleared:
            self._selected = ""
        self._after_change()

    def set_status(self, milestone_id: str, status: str) -> None:
        self.store.set_status(milestone_id, status)
        self._after_change()

    def _entry_edited(self, milestone_id: str, fields: dict[str, Any]) -> None:
        try:
            if "status" in fields:
                self.store.set_status(milestone_id, fields["status"], fields.get("date_done"))
            rest = {k: v for k, v in fields.items() if k not in ("status", "date_done")}
            if rest:
                self.store.update_entry(milestone_id, **rest)
        except ValueError as exc:
            self._refused(exc)
        self._after_change()

    def _ticked(self, milestone_id: str, done: bool) -> None:
        if done != (self.store.entry(milestone_id).status == "done"):
            self.set_status(milestone_id, "done" if done else "not-started")

    def _profile_edited(self, fields: dict[str, Any]) -> None:
        self.store.set_profile(**fields)
        self._after_change()

    def add_own(self, title: str, stage: str) -> str:
        own_id = self.store.add_own(title, stage)
        self._selected = own_id
        self._after_change()
        return own_id

    def _ask_own(self) -> None:
        title, ok = QInputDialog.getText(
            self, self.tr("Add my own milestone"), self.tr("What do you want to track?")
        )
        if ok and title.strip():
            stage = (
                self.tree.stage_of_current()
                or current_stage(self.model, self.store.data, self.today())
                or self.model.checklist_stages[0].id
            )
            self.add_own(title.strip()[:300], stage)

    def _own_edited(self, own_id: str, fields: dict[str, Any]) -> None:
        try:
            self.store.update_own(own_id, **fields)
        except ValueError as exc:
            self._refused(exc)
        self._after_change()

    def _own_deleted(self, own_id: str) -> None:
        self.store.delete_own(own_id)
        self._selected = ""
        self._after_change()

    def retry(self) -> None:
        self.store.retry()
        self._after_change()

    # ------------------------------------------------------------ selection

    def open_anchor(self, anchor: str) -> None:
        """``checklist#MILESTONE`` opens the checklist at that milestone (if it exists)."""
        if find(self.model, self.store.data, anchor) is not None:
            self.select(anchor)

    def select(self, milestone_id: str) -> None:
        self._selected = milestone_id
        self.refresh()
        self.tree.select_id(milestone_id)

    def _select(self, milestone_id: str) -> None:
        self._selected = milestone_id
        milestone = find(self.model, self.store.data, milestone_id) if milestone_id else None
        self.detail.show_milestone(milestone, self.store.entry(milestone_id))
        self.panes.fit()

    def _upcoming_chosen(self, item: QListWidgetItem) -> None:
        milestone_id = item.data(Role.ID)
        if milestone_id:
            self.select(str(milestone_id))

    def sync(self) -> None:
        """Show changes another copy of the guide (or the command line) has saved, and go
        back to the chosen folder if it was unreachable and is back."""
        opened = self.files.opened
        if opened is not None and opened.offline:
            back = reconnect(opened, clock=self.store.clock, tr=self.tr)
            if back is not opened:
                self.files.opened = back
                self.messages = [m for m in self.messages if m not in opened.notices]
                self.messages += back.notices + back.merge_report(self.model, self.tr)
                self._after_change()
                return
        if self.store.sync():
            self._after_change()

    def showEvent(self, event: Any) -> None:  # Qt override
        super().showEvent(event)
        self._fit_to_text()  # polished by now: the style sheet's text size applies
        self.sync()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.sync()  # back to this window
        elif event.type() == QEvent.Type.FontChange:
            # The text size changed; this view hears it before its children have theirs.
            QTimer.singleShot(0, self, self._fit_to_text)

    def hideEvent(self, event: Any) -> None:  # Qt override: save typed notes on leaving
        self.detail.flush()
        super().hideEvent(event)

    def print_to(self, printer: QPrinter) -> None:
        """File ▸ Print and Export to PDF: the supervisor summary (the same pages as
        Export ▸ Summary for a supervisor meeting), with all stages if that is ticked."""
        from guide.progress.pdf import print_summary

        self.detail.flush()
        print_summary(
            printer, self.model, self.store.data, self.today(), self.tr, self.files.all_stages
        )

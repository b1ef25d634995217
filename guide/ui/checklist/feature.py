"""The checklist in the window: the progress record, the "My checklist" view, the tree's
progress badges, and a guard against closing with an unsaved change.

``install(host)`` opens the progress record (one small file) and hands it to the host
for other features (the diagram reads ``profile.nation``, ``profile.stage`` and
``completed_ids()``), registers the ``"checklist"`` view, keeps the badges up to date
and emits ``host.progressChanged`` after every change. The view itself
(``checklist.view.ChecklistView``) is built the first time it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from guide.content.model import ContentModel
from guide.progress import ProgressStore
from guide.progress.checklist import stage_groups
from guide.progress.location import open_record
from guide.ui.host import GROUP_PREFIX, Host

if TYPE_CHECKING:
    from guide.ui.checklist.view import ChecklistView

VIEW_ID = "checklist"
OVERVIEW_ID = GROUP_PREFIX + "my-progress"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Progress", text)


def stage_badges(model: ContentModel, store: ProgressStore) -> dict[str, str]:
    """Badges for the navigation tree: overall on the checklist row, and per pathway section
    (a section gathers the checklist stages it explains, e.g. medical school, F1 and F2)."""
    groups = stage_groups(model, store.data)
    done = sum(g.done for g in groups)
    total = sum(g.total for g in groups)
    badges = {VIEW_ID: f"{done}/{total}"}
    by_section: dict[str, list[int]] = {}
    for group in groups:
        if group.stage.section and group.rows:
            counts = by_section.setdefault(group.stage.section, [0, 0])
            counts[0] += group.done
            counts[1] += group.total
    for section, (d, t) in by_section.items():
        badges[section] = f"{d}/{t}"
    return badges


class CloseGuard(QObject):
    """Stops the window closing silently while a change is still unsaved (read-only folder,
    full disk): it tries once more, then offers to export the checklist, close anyway, or
    stay open. ``ask`` is replaceable so tests need no dialog."""

    def __init__(self, host: Host, store: ProgressStore) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self.store = store
        self.view: ChecklistView | None = None
        self.ask: Callable[[], str] = self._ask

    def may_close(self) -> bool:
        """The host's close check: False keeps the window open."""
        view = self.view
        if view is not None:
            view.detail.flush()  # typed notes not yet handed over
        if not self.store.pending or self.store.retry():
            return True
        choice = self.ask()
        if choice == "export" and view is not None:
            view.files.ask_export("json")
            return True
        return choice == "discard"

    def _ask(self) -> str:
        box = QMessageBox(self.host.dialog_parent())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_tr("Unsaved changes"))
        box.setText(self.store.error or _tr("Your last changes could not be saved."))
        box.setInformativeText(
            _tr("Export your checklist to a file now, so you can import it later?")
        )
        export = box.addButton(_tr("Export…"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_tr("Close without saving"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(export)
        box.exec()
        clicked = box.clickedButton()
        return "export" if clicked is export else "discard" if clicked is discard else "cancel"


def install(host: Host) -> CloseGuard:
    """Open the record, hand it to the host and register the checklist view."""
    # Wherever the user chose to keep it ("Keep my checklist in…"): merges in changes kept
    # locally while that folder was away, and copies left by sync tools.
    opened = open_record(host.home, tr=_tr, clock=host.clock)
    store = opened.store
    host.provide_progress(store)
    guard = CloseGuard(host, store)

    def update_badges() -> None:
        for item_id, text in stage_badges(host.model, store).items():
            done, _, total = text.partition("/")
            words = _tr("%1 of %2 checklist milestones done").replace("%1", done)
            host.set_tree_badge(item_id, text, words.replace("%2", total))

    def build() -> QWidget:
        from guide.ui.checklist.view import ChecklistView

        view = ChecklistView(host.model, store, opened=opened)
        view.changed.connect(update_badges)
        view.changed.connect(host.progressChanged.emit)
        view.open_requested.connect(host.open_id)
        guard.view = view
        return view

    host.register_view(VIEW_ID, _tr("My checklist"), build, tree_section="my-progress")

    def open_milestone(milestone_id: str) -> None:
        host.open_id(VIEW_ID)
        if milestone_id and guard.view is not None:
            guard.view.select(milestone_id)

    def build_overview() -> QWidget:
        from guide.ui.checklist.overview import ProgressOverview

        page = ProgressOverview(host.model, store)
        page.open_milestone.connect(open_milestone)
        host.progressChanged.connect(page.refresh)
        return page

    # The "My progress" row of the tree itself opens this page (a registered view with the
    # row's own id replaces the plain list of links a group row shows).
    host.register_view(OVERVIEW_ID, _tr("My progress"), build_overview)
    host.add_close_check(guard.may_close)
    update_badges()
    if opened.offline:
        host.say(
            _tr("Your checklist folder cannot be reached: changes are kept on this computer."),
            15000,
        )
    elif store.notices or opened.notices or opened.merged:
        host.say(_tr("Your progress file needed attention: open My checklist for details."), 15000)
    return guard

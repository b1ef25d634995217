"""The checklist view, plugged into the main window (see ``guide/ui/features.py``).

``install(window)`` opens the progress record at start-up (one small file), sets
``window.progress`` for other views (the diagram reads ``profile.nation``,
``profile.stage`` and ``completed_ids()``), registers the ``"checklist"`` view,
keeps the progress badges in the navigation tree up to date, and emits
``window.progressChanged`` after every change. The widget itself
(``checklist_widget.ChecklistView``) is imported and built only when first shown,
to keep start-up fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from guide.content.model import ContentModel
from guide.progress import ProgressStore
from guide.progress.checklist import stage_groups

VIEW_ID = "checklist"


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

    def __init__(self, window: Any, store: ProgressStore) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.ask: Callable[[], str] = self._ask

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is not self.window or event.type() != QEvent.Type.Close:
            return False
        view = self.window.view_widget(VIEW_ID)
        if not hasattr(view, "files"):
            view = None  # not (yet) our checklist widget
        if view is not None:
            view.detail.flush()  # typed notes not yet handed over
        if not self.store.pending or self.store.retry():
            return False
        choice = self.ask()
        if choice == "export" and view is not None:
            view.files.ask_export("json")
            return False
        if choice == "discard":
            return False
        event.ignore()
        return True

    def _ask(self) -> str:
        box = QMessageBox(self.window)
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


def install(window: Any) -> None:
    """Open the record, expose it as ``window.progress`` and register the checklist view."""
    store = ProgressStore.open(window.home, tr=_tr, clock=window.clock)
    window.progress = store

    def update_badges() -> None:
        for item_id, text in stage_badges(window.model, store).items():
            done, _, total = text.partition("/")
            words = _tr("%1 of %2 checklist milestones done").replace("%1", done)
            window.set_tree_badge(item_id, text, words.replace("%2", total))

    def build() -> QWidget:
        from guide.ui.checklist_widget import ChecklistView

        view = ChecklistView(window.model, store)
        view.changed.connect(update_badges)
        view.changed.connect(window.progressChanged.emit)
        view.open_requested.connect(window.open_id)
        return view

    window.register_view(VIEW_ID, _tr("My checklist"), build, tree_section="my-progress")
    window.checklist_guard = CloseGuard(window, store)
    window.installEventFilter(window.checklist_guard)
    update_badges()
    if store.notices:
        window.statusBar().showMessage(
            _tr("Your progress file needed attention: open My checklist for details."), 15000
        )

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

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

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


def install(window: Any) -> None:
    """Open the record, expose it as ``window.progress`` and register the checklist view."""
    store = ProgressStore.open(window.home, tr=_tr)
    window.progress = store

    def update_badges() -> None:
        for item_id, text in stage_badges(window.model, store).items():
            window.set_tree_badge(item_id, text)

    def build() -> QWidget:
        from guide.ui.checklist_widget import ChecklistView

        view = ChecklistView(window.model, store)
        view.changed.connect(update_badges)
        view.changed.connect(window.progressChanged.emit)
        view.open_requested.connect(window.open_id)
        return view

    window.register_view(VIEW_ID, _tr("My checklist"), build, tree_section="my-progress")
    update_badges()
    if store.notices:
        window.statusBar().showMessage(
            _tr("Your progress file needed attention: open My checklist for details."), 15000
        )

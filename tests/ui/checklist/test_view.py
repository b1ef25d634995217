"""The checklist view, driven through its real widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from guide.clock import Clock
from guide.progress import ProgressStore
from guide.ui.checklist.feature import stage_badges
from guide.ui.checklist.tree import STAGE_PREFIX
from guide.ui.checklist.view import ChecklistView
from guide.ui.roles import Role

TODAY = dt.date(2026, 11, 25)


def _view(qtbot, model, home) -> ChecklistView:
    view = ChecklistView(model, ProgressStore.open(home, clock=Clock.fixed(TODAY)))
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    return view


def _stage_item(view, stage_id):
    for i in range(view.tree.topLevelItemCount()):
        item = view.tree.topLevelItem(i)
        if item.data(0, Role.ID) == STAGE_PREFIX + stage_id:
            return item
    raise AssertionError(stage_id)


def _milestone_item(view, milestone_id):
    for i in range(view.tree.topLevelItemCount()):
        stage = view.tree.topLevelItem(i)
        for j in range(stage.childCount()):
            if stage.child(j).data(0, Role.ID) == milestone_id:
                return stage.child(j)
    raise AssertionError(milestone_id)


def _first_in(model, stage_id):
    return next(m.id for m in model.of_kind("milestone") if m.get("stage") == stage_id)


def test_ticking_a_milestone_updates_the_stage_progress_and_survives_a_restart(
    qtbot, shipped_model, isolated_home
):
    view = _view(qtbot, shipped_model, isolated_home)
    milestone = _first_in(shipped_model, "f1")
    stage = _stage_item(view, "f1")
    total = stage.childCount()
    assert stage.text(1) == f"0 of {total} done"

    with qtbot.waitSignal(view.changed):
        _milestone_item(view, milestone).setCheckState(0, Qt.CheckState.Checked)

    assert _stage_item(view, "f1").text(1) == f"1 of {total} done"
    assert _milestone_item(view, milestone).text(1).startswith("Done")
    view.close()

    restarted = _view(qtbot, shipped_model, isolated_home)
    item = _milestone_item(restarted, milestone)
    assert item.checkState(0) == Qt.CheckState.Checked
    assert _stage_item(restarted, "f1").text(1) == f"1 of {total} done"


def test_notes_are_saved_after_typing_with_the_privacy_warning_shown(
    qtbot, shipped_model, isolated_home
):
    view = _view(qtbot, shipped_model, isolated_home)
    milestone = _first_in(shipped_model, "f2")
    view.tree.setCurrentItem(_milestone_item(view, milestone))
    assert view.detail.milestone.id == milestone
    assert view.detail.warning.isVisible()
    assert "patient-identifiable" in view.detail.warning.text()
    view.detail.notes.setFocus()
    with qtbot.waitSignal(view.changed, timeout=3000):  # the pause after typing saves
        qtbot.keyClicks(view.detail.notes, "Ask Dr Jones about the audit")
    assert ProgressStore.open(isolated_home).entry(milestone).notes == (
        "Ask Dr Jones about the audit"
    )


def test_choosing_a_status_and_date_in_the_detail_saves_them(qtbot, shipped_model, isolated_home):
    view = _view(qtbot, shipped_model, isolated_home)
    milestone = _first_in(shipped_model, "medical-school")
    view.select(milestone)
    detail = view.detail
    detail.status.setCurrentIndex(detail.status.findData("done"))
    detail.status.activated.emit(detail.status.currentIndex())
    assert view.store.entry(milestone).date_done == TODAY
    assert detail.date_done.line.text() == "25 Nov 2026"  # shown as soon as it is ticked
    detail.date_done.line.clear()
    qtbot.keyClicks(detail.date_done.line, "15 Nov 2026")
    qtbot.keyClick(detail.date_done.line, Qt.Key.Key_Return)
    assert view.store.entry(milestone).date_done == TODAY - dt.timedelta(days=10)
    assert ProgressStore.open(isolated_home).entry(milestone).status == "done"


def test_profile_changes_save_and_the_stage_decides_what_is_coming_up(
    qtbot, shipped_model, isolated_home
):
    view = _view(qtbot, shipped_model, isolated_home)
    assert "Choose your stage" in view.upcoming.item(0).text()
    editor = view.profile
    editor.nation.setCurrentIndex(editor.nation.findData("England"))
    editor.nation.activated.emit(editor.nation.currentIndex())
    editor.stage.setCurrentIndex(editor.stage.findData("f2"))
    editor.stage.activated.emit(editor.stage.currentIndex())
    saved = ProgressStore.open(isolated_home).profile
    assert (saved.nation, saved.stage) == ("England", "f2")
    texts = [view.upcoming.item(i).text() for i in range(view.upcoming.count())]
    f2_titles = {m.title for m in shipped_model.of_kind("milestone") if m.get("stage") == "f2"}
    assert texts and all(any(t.startswith(title) for title in f2_titles) for t in texts)


def test_own_milestone_can_be_added_renamed_and_deleted(qtbot, shipped_model, isolated_home):
    view = _view(qtbot, shipped_model, isolated_home)
    own_id = view.add_own("Present at the regional meeting", "f1")
    assert "(my own)" in _milestone_item(view, own_id).text(0)
    assert view.detail.own_form.isVisible()
    view.detail.own_title.setText("Present at the national meeting")
    view.detail.own_title.editingFinished.emit()
    assert view.store.own_milestones()[own_id].title == "Present at the national meeting"
    view.detail.delete_own.click()
    with pytest.raises(AssertionError):
        _milestone_item(view, own_id)
    assert own_id not in ProgressStore.open(isolated_home).own_milestones()


def test_export_import_and_delete_my_data(
    qtbot, shipped_model, isolated_home, tmp_path, monkeypatch
):
    view = _view(qtbot, shipped_model, isolated_home)
    milestone = _first_in(shipped_model, "f1")
    view.set_status(milestone, "done")
    for fmt in ("json", "csv", "pdf"):
        assert view.files.export_to(fmt, tmp_path / f"out.{fmt}") == ""
        assert (tmp_path / f"out.{fmt}").stat().st_size > 0

    def answer(button_text: str) -> None:
        def click() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
            next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()

        QTimer.singleShot(0, click)

    answer("Cancel")
    view.files.ask_delete()
    assert view.store.entry(milestone).status == "done"  # cancelled: nothing deleted
    answer("Delete my data")
    view.files.ask_delete()
    assert view.store.entry(milestone).status == "not-started"
    assert not any(p.is_file() for p in isolated_home.rglob("*"))

    ok, lines = view.files.import_from(tmp_path / "out.json")
    assert ok and lines[-1] == "1 change imported."
    assert _milestone_item(view, milestone).checkState(0) == Qt.CheckState.Checked
    ok, lines = view.files.import_from(tmp_path / "out.csv")
    assert not ok and "cannot be imported" in lines[0]


def test_a_failed_save_shows_a_banner_and_try_again_saves(
    qtbot, shipped_model, isolated_home, monkeypatch
):
    from guide.progress import files

    view = _view(qtbot, shipped_model, isolated_home)
    real = files.atomic_write

    def full_disk(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "atomic_write", full_disk)
    milestone = _first_in(shipped_model, "f1")
    view.set_status(milestone, "done")
    assert view.banner.isVisible()
    assert "disk is full" in view.banner_text.text()
    assert view.retry_button.isVisible()
    monkeypatch.setattr(files, "atomic_write", real)
    view.retry_button.click()
    assert not view.banner.isVisible()
    assert ProgressStore.open(isolated_home).entry(milestone).status == "done"


def test_a_restored_backup_is_explained_in_the_banner(qtbot, shipped_model, isolated_home):
    store = ProgressStore.open(isolated_home)
    store.set_status("a-milestone", "done")
    store.set_status("b-milestone", "done")
    store.path.write_text("{damaged", encoding="utf-8")
    view = _view(qtbot, shipped_model, isolated_home)
    assert view.banner.isVisible()
    assert "restored from the backup" in view.banner_text.text()
    view.dismiss_button.click()
    assert not view.banner.isVisible()


def test_badges_count_done_per_pathway_section(shipped_model, isolated_home):
    store = ProgressStore.open(isolated_home)
    store.set_status(_first_in(shipped_model, "f1"), "done")
    badges = stage_badges(shipped_model, store)
    assert badges["early-research-exposure"].startswith("1/")
    assert badges["pre-doctoral"].startswith("0/")
    assert badges["checklist"].startswith("1/")


def test_install_registers_the_view_sets_progress_and_keeps_badges_current(
    qtbot, shipped_model, isolated_home
):
    from guide.ui.checklist import feature as checklist_feature
    from guide.ui.shell.window import MainWindow

    window = MainWindow(shipped_model, isolated_home, persist=False, features=())
    qtbot.addWidget(window)
    checklist_feature.install(window)
    assert window.progress.completed_ids() == set()
    assert window.progress.profile.nation == ""
    assert window.nav.badge("checklist").startswith("0/")

    window.open_id("checklist")
    view = window.view_widget("checklist")
    assert isinstance(view, ChecklistView)
    milestone = _first_in(shipped_model, "f1")
    with qtbot.waitSignal(window.progressChanged):
        _milestone_item(view, milestone).setCheckState(0, Qt.CheckState.Checked)
    assert window.progress.completed_ids() == {milestone}
    assert window.nav.badge("checklist").startswith("1/")
    assert window.nav.badge("early-research-exposure").startswith("1/")


def test_the_view_shows_changes_saved_by_another_copy(qtbot, shipped_model, isolated_home):
    view = _view(qtbot, shipped_model, isolated_home)
    milestone = _first_in(shipped_model, "f1")
    ProgressStore.open(isolated_home).set_status(milestone, "done")  # e.g. the command line
    with qtbot.waitSignal(view.changed):
        view.sync()
    assert _milestone_item(view, milestone).checkState(0) == Qt.CheckState.Checked


def test_notes_typed_just_before_closing_are_not_lost(qtbot, shipped_model, isolated_home):
    view = _view(qtbot, shipped_model, isolated_home)
    milestone = _first_in(shipped_model, "f1")
    view.select(milestone)
    qtbot.keyClicks(view.detail.evidence, "Certificate uploaded")
    view.close()  # well inside the pause that would otherwise save
    assert ProgressStore.open(isolated_home).entry(milestone).evidence == "Certificate uploaded"


def test_closing_with_an_unsaved_change_asks_first(
    qtbot, shipped_model, isolated_home, monkeypatch
):
    from guide.progress import files
    from guide.ui.checklist import feature as checklist_feature
    from guide.ui.shell.window import MainWindow

    window = MainWindow(shipped_model, isolated_home, persist=False, features=())
    qtbot.addWidget(window)
    guard = checklist_feature.install(window)
    window.show()
    window.open_id("checklist")
    view = window.view_widget("checklist")
    real = files.atomic_write

    def read_only(path, data):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files, "atomic_write", read_only)
    view.set_status(_first_in(shipped_model, "f1"), "done")
    asked = []
    guard.ask = lambda: asked.append(1) or "cancel"
    window.close()
    assert asked and window.isVisible()  # stayed open: nothing lost

    monkeypatch.setattr(files, "atomic_write", real)
    guard.ask = lambda: asked.append(2) or "cancel"
    window.close()  # the retry on closing saves it, so no question
    assert asked == [1] and not window.isVisible()
    assert ProgressStore.open(isolated_home).entry(_first_in(shipped_model, "f1")).status == "done"


def test_add_my_own_milestone_goes_under_the_chosen_stage(
    qtbot, shipped_model, isolated_home, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog

    view = _view(qtbot, shipped_model, isolated_home)
    view.select(_first_in(shipped_model, "f2"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  Teach on the ward  ", True))
    view.add_button.click()
    own = list(view.store.own_milestones().values())
    assert [(o.title, o.stage) for o in own] == [("Teach on the ward", "f2")]


def test_every_tab_stop_in_the_checklist_has_a_name(qtbot, shipped_model, isolated_home):
    from PySide6.QtWidgets import QAbstractButton, QScrollArea

    view = _view(qtbot, shipped_model, isolated_home)
    scroll = view.findChild(QScrollArea)
    assert scroll.accessibleName() == "Milestone details"
    assert scroll.focusPolicy() & Qt.FocusPolicy.TabFocus
    for widget in view.findChildren(QAbstractButton):
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            assert widget.accessibleName() or widget.text(), widget


def test_foundation_start_is_typed_or_picked_from_a_calendar_opening_on_august(
    qtbot, shipped_model, isolated_home
):
    view = _view(qtbot, shipped_model, isolated_home)
    start = view.profile.start
    assert start.line.accessibleName() == "Foundation start date"
    assert start.calendar_start() == dt.date(2026, 8, 1)  # the usual start is one click away
    qtbot.keyClicks(start.line, "5 Aug 2026")
    qtbot.keyClick(start.line, Qt.Key.Key_Return)
    assert view.store.profile.foundation_start == dt.date(2026, 8, 5)
    start.line.clear()
    qtbot.keyClick(start.line, Qt.Key.Key_Return)
    assert view.store.profile.foundation_start is None  # cleared by emptying the box


def test_the_name_for_the_summary_is_saved(qtbot, shipped_model, isolated_home):
    view = _view(qtbot, shipped_model, isolated_home)
    qtbot.keyClicks(view.profile.name, "Sam Jones")
    qtbot.keyClick(view.profile.name, Qt.Key.Key_Return)
    assert ProgressStore.open(isolated_home).profile.name == "Sam Jones"


def test_tree_badges_explain_themselves_in_the_tooltip_and_to_screen_readers(
    qtbot, shipped_model, isolated_home
):
    from guide.ui.shell.window import MainWindow

    window = MainWindow(shipped_model, isolated_home)
    qtbot.addWidget(window)
    row = window.nav.rows_for("pre-doctoral")[0]
    badge = window.nav.badge("pre-doctoral")
    total = badge.split("/")[1]
    assert row.text().endswith(badge)
    assert f"0 of {total} checklist milestones done" in row.toolTip()
    assert shipped_model.get("pre-doctoral").summary in row.toolTip()
    spoken = row.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"Pre-doctoral training, 0 of {total} checklist milestones done"

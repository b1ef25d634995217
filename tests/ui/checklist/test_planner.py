"""The checklist as a planner, through its real widgets: dates that behave, own deadlines,
the detail pane's order, exports from the UI, and "Keep my checklist in…"."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from guide.clock import Clock
from guide.progress import ProgressStore
from guide.progress.location import open_record
from guide.ui.checklist.view import ChecklistView

TODAY = dt.date(2026, 11, 25)
CLOCK = Clock.fixed(TODAY)


def _view(qtbot, model, home, opened=None) -> ChecklistView:
    opened = opened or open_record(home, clock=CLOCK)
    view = ChecklistView(model, opened.store, opened=opened)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    return view


def _first_in(model, stage_id):
    return next(m.id for m in model.of_kind("milestone") if m.get("stage") == stage_id)


def _type(qtbot, field, text):
    field.line.clear()
    qtbot.keyClicks(field.line, text)
    qtbot.keyClick(field.line, Qt.Key.Key_Return)


def test_a_typed_date_is_read_as_typed_in_any_uk_form(qtbot, shipped_model, isolated_home):
    view = _view(qtbot, shipped_model, isolated_home)
    milestone = _first_in(shipped_model, "f1")
    view.select(milestone)
    for text, day in (
        ("10 Aug 2026", dt.date(2026, 8, 10)),
        ("3/9/2026", dt.date(2026, 9, 3)),
        ("1-10-26", dt.date(2026, 10, 1)),
        ("2026-11-02", dt.date(2026, 11, 2)),
    ):
        _type(qtbot, view.detail.date_done, text)
        entry = view.store.entry(milestone)
        assert (entry.status, entry.date_done) == ("done", day), text
        assert view.detail.date_done.line.text() == f"{day.day} {day:%b %Y}"


def test_a_done_date_in_the_future_is_refused_with_a_reason(qtbot, shipped_model, isolated_home):
    view = _view(qtbot, shipped_model, isolated_home)
    milestone = _first_in(shipped_model, "f1")
    view.select(milestone)
    _type(qtbot, view.detail.date_done, "26 Nov 2026")
    assert view.store.entry(milestone).status == "not-started"
    assert "cannot be after today" in view.detail.date_hint.text()
    assert "cannot be after today" in view.detail.date_done.line.accessibleDescription()
    _type(qtbot, view.detail.date_done, "31/02/2026")
    assert "has no day 31" in view.detail.date_hint.text()
    assert view.store.entry(milestone).status == "not-started"


# The offscreen platform cannot raise a popup or grab the keyboard; a desktop can.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_each_date_is_one_tab_stop_with_a_calendar_on_f4(qtbot, shipped_model, isolated_home):
    view = _view(qtbot, shipped_model, isolated_home)
    view.select(_first_in(shipped_model, "f1"))
    field = view.detail.date_done
    assert field.button.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert field.focusProxy() is field.line
    field.line.setFocus()
    qtbot.keyClick(field.line, Qt.Key.Key_F4)
    assert field.popup is not None and field.popup.isVisible()
    field.popup.close()


def test_ticking_sets_done_on_today_and_says_so(qtbot, shipped_model, isolated_home):
    view = _view(qtbot, shipped_model, isolated_home)
    milestone = _first_in(shipped_model, "f1")
    view.select(milestone)
    view.set_status(milestone, "done")
    assert view.detail.date_done.line.text() == "25 Nov 2026"
    assert "today" in view.detail.date_hint.text()


def test_the_detail_shows_what_when_and_why_before_your_record(qtbot, shipped_model, isolated_home):
    view = _view(qtbot, shipped_model, isolated_home)
    view.select(_first_in(shipped_model, "f1"))
    layout = view.detail.editor.layout()
    order = [layout.itemAt(i).widget() for i in range(layout.count())]
    assert order.index(view.detail.about) < order.index(view.detail.own_form)
    assert (
        view.detail.about.y() < view.detail.status.mapTo(view.detail, view.detail.status.pos()).y()
    )
    assert "Why it matters" in view.detail.about.text()


def test_own_milestone_due_date_and_reminder_reach_coming_up(qtbot, shipped_model, isolated_home):
    view = _view(qtbot, shipped_model, isolated_home)
    own_id = view.add_own("Submit audit abstract", "f1")
    detail = view.detail
    stage_label = detail.own_form.layout().labelForField(detail.own_stage)
    assert isinstance(stage_label, QLabel) and stage_label.buddy() is detail.own_stage
    _type(qtbot, detail.own_due, "10 Dec 2026")
    detail.own_remind.setCurrentIndex(detail.own_remind.findData(7))
    detail.own_remind.activated.emit(detail.own_remind.currentIndex())
    own = view.store.own_milestones()[own_id]
    assert (own.due, own.remind_days) == (dt.date(2026, 12, 10), 7)
    texts = [view.upcoming.item(i).text() for i in range(view.upcoming.count())]
    assert "Submit audit abstract: due 10 Dec 2026" in texts


def test_calendar_and_text_summary_export_from_the_view(
    qtbot, shipped_model, isolated_home, tmp_path
):
    view = _view(qtbot, shipped_model, isolated_home)
    view.store.set_profile(name="Sam Jones", stage="f1")
    assert view.files.export_to("ics", tmp_path / "dates.ics") == ""
    assert (tmp_path / "dates.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert view.files.export_to("md", tmp_path / "summary.md") == ""
    assert (
        (tmp_path / "summary.md").read_text().startswith("# Clinical academic progress: Sam Jones")
    )


def test_keep_my_checklist_in_moves_it_and_an_unreachable_folder_is_explained(
    qtbot, shipped_model, isolated_home, tmp_path
):
    view = _view(qtbot, shipped_model, isolated_home)
    milestone = _first_in(shipped_model, "f1")
    view.set_status(milestone, "done")
    onedrive = tmp_path / "OneDrive"
    onedrive.mkdir()
    assert view.files.move_to(onedrive) == ""
    assert view.store.home == onedrive and "chosen folder" in view.where.text()
    assert any("now kept in" in m for m in view.messages) or view.files.opened.notices
    view.close()
    away = tmp_path / "away"
    onedrive.rename(away)
    offline = _view(qtbot, shipped_model, isolated_home)
    assert "cannot be reached" in offline.banner_text.text()
    assert offline.store.entry(milestone).status == "done"  # the copy kept on this computer
    other = _first_in(shipped_model, "f2")
    offline.set_status(other, "in-progress")
    away.rename(onedrive)
    offline.sync()  # as when the window is next activated
    assert offline.store.home == onedrive
    assert "were added" in offline.banner_text.text()
    assert ProgressStore.open(onedrive).entry(other).status == "in-progress"
    QApplication.processEvents()


def test_the_my_progress_row_opens_a_real_page_whose_links_open_the_checklist(
    qtbot, shipped_model, isolated_home
):
    from guide.ui.checklist import feature as checklist_feature
    from guide.ui.checklist.overview import ProgressOverview
    from guide.ui.host import GROUP_PREFIX
    from guide.ui.shell.window import MainWindow

    window = MainWindow(shipped_model, isolated_home, persist=False, features=())
    qtbot.addWidget(window)
    checklist_feature.install(window)
    store = window.progress
    store.set_profile(name="Sam Jones", nation="Scotland", stage="f1")
    done = _first_in(shipped_model, "f1")
    store.set_status(done, "done", dt.date(2026, 8, 12))
    window.open_id(GROUP_PREFIX + "my-progress")
    page = window.view_widget(GROUP_PREFIX + "my-progress")
    assert isinstance(page, ProgressOverview)
    text = page.browser.toPlainText()
    assert "My progress: Sam Jones" in text and "Next three things to do" in text
    assert "Foundation year 1 (F1): 1 of" in text and "12 Aug 2026" in text
    html = page.browser.toHtml()
    assert html.count('href="milestone:') >= 4  # three next steps and the done item at least
    target = next(
        m.id for m in shipped_model.of_kind("milestone") if m.get("stage") == "f1" and m.id != done
    )
    page.open_milestone.emit(target)
    view = window.view_widget("checklist")
    assert window.current_id == "checklist" and view.detail.milestone.id == target


def test_long_titles_wrap_in_the_tree_instead_of_being_cut(qtbot, shipped_model, isolated_home):
    view = _view(qtbot, shipped_model, isolated_home)
    view.resize(700, 700)
    tree = view.tree
    rows = {}
    for i in range(tree.topLevelItemCount()):
        stage = tree.topLevelItem(i)
        stage.setExpanded(True)
        for j in range(stage.childCount()):
            rows[stage.child(j).text(0)] = stage.child(j)
    QApplication.processEvents()
    short = min(rows, key=len)
    long = max(rows, key=len)
    height = {t: tree.visualItemRect(rows[t]).height() for t in (short, long)}
    assert tree.fontMetrics().horizontalAdvance(long) > tree.columnWidth(0)  # it must wrap
    assert height[long] >= 2 * tree.fontMetrics().lineSpacing() > height[short]

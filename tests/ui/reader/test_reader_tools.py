"""Bookmarks, find in page, zoom, the contents list, print to PDF, restoring the last session."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from guide.ui.reader import printing
from guide.ui.reader.contents_list import MIN_HEADINGS
from tests.ui.helpers import make_window, reopen, show_active


def bookmark_ids(window) -> list[str]:
    panel = window.panel("bookmarks")
    rows = [panel.list.item(i) for i in range(panel.list.count())]
    return [
        r.data(Qt.ItemDataRole.UserRole + 1) for r in rows if r.data(Qt.ItemDataRole.UserRole + 1)
    ]


def test_ctrl_d_adds_a_bookmark_that_survives_a_restart_and_can_be_removed(
    qtbot, shipped_model, isolated_home
):
    window = make_window(qtbot, shipped_model, isolated_home)
    show_active(qtbot, window)
    window.open_id("phd-or-md")
    qtbot.keyClick(window.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert bookmark_ids(window) == ["phd-or-md"]
    assert window.action("bookmark").isChecked()

    window = reopen(qtbot, window)
    assert bookmark_ids(window) == ["phd-or-md"]
    window.panel("bookmarks").list.setCurrentRow(0)
    window.panel("bookmarks").list.itemActivated.emit(window.panel("bookmarks").list.item(0))
    assert window.current_id == "phd-or-md"
    assert window.action("bookmark").isChecked()
    window.action("bookmark").trigger()
    assert bookmark_ids(window) == []

    window = reopen(qtbot, window)
    assert bookmark_ids(window) == []


def test_bookmark_of_a_page_that_has_gone_is_kept_but_shown_as_missing(
    qtbot, shipped_model, isolated_home
):
    (isolated_home / "preferences.json").write_text('{"bookmarks": ["retired-page"]}')
    window = make_window(qtbot, shipped_model, isolated_home)
    item = window.panel("bookmarks").list.item(0)
    assert "no longer in the guide" in item.text()
    assert not (item.flags() & Qt.ItemFlag.ItemIsEnabled)


def test_find_highlights_every_match_and_f3_steps_through_them(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    show_active(qtbot, window)
    window.open_id("pre-doctoral")
    expected = window.reader.toPlainText().lower().count("fellowship")
    assert expected >= 3
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    assert window.find_bar.edit.hasFocus()
    qtbot.keyClicks(window.find_bar.edit, "fellowship")
    assert len(window.find_bar.matches) == expected
    # every match highlighted, plus the current one marked on top
    assert len(window.reader.extraSelections()) == expected + 1
    assert window.find_bar.current == 0
    first = window.reader.textCursor().selectionStart()
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_F3)
    assert window.find_bar.current == 1
    assert window.reader.textCursor().selectionStart() > first
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.current == 0
    assert window.find_bar.count.text() == f"1 of {expected}"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.reader.extraSelections() == []


def test_find_says_when_there_is_no_match(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.find_bar.open_bar()
    window.find_bar.edit.setText("zzqqxx")
    assert window.find_bar.matches == []
    assert window.find_bar.count.text() == "No matches"


def test_zoom_changes_text_size_and_is_kept_across_a_restart(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home)
    show_active(qtbot, window)
    before = window.reader.font().pointSizeF()
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.text_zoom == 120
    assert window.reader.font().pointSizeF() > before

    window = reopen(qtbot, window)
    assert window.text_zoom == 120
    assert window.reader.font().pointSizeF() > before
    window.action("zoom_reset").trigger()
    assert window.text_zoom == 100
    assert abs(window.reader.font().pointSizeF() - before) < 0.01


def test_zoom_stays_within_its_limits(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    for _ in range(40):
        window.action("zoom_out").trigger()
    assert window.text_zoom == 50


def test_last_page_and_window_layout_are_restored(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home)
    window.resize(730, 510)
    window.show()
    window.splitter.setSizes([200, 350, 150])
    window.open_id("flexible-entry")
    sizes = window.splitter.sizes()
    window = reopen(qtbot, window)
    window.show()
    assert window.current_id == "flexible-entry"
    assert (window.width(), window.height()) == (730, 510)
    assert window.splitter.sizes()[0] == sizes[0]


def test_long_page_shows_its_contents_list_and_it_scrolls_to_a_heading(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.resize(1000, 500)
    show_active(qtbot, window)
    window.open_id("pre-doctoral")
    assert window.contents_list.isVisible()
    assert window.contents_list.anchors() == [h.anchor for h in window.current_page.headings]
    window.contents_list.anchorRequested.emit(window.contents_list.anchors()[-1])
    assert window.reader.verticalScrollBar().value() > 0


def test_short_page_hides_the_contents_list(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.show()
    short = next(
        s
        for s in shipped_model.of_kind("scheme")
        if len(window.composer.compose(s).headings) < MIN_HEADINGS
    )
    window.open_id(short.id)
    assert not window.contents_list.isVisible()


def test_export_to_pdf_writes_a_pdf_of_the_page(qtbot, shipped_model, tmp_path):
    window = make_window(qtbot, shipped_model)
    window.open_id("pre-doctoral")
    target = tmp_path / "page.pdf"
    assert printing.export_pdf(window, target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 5000


def test_print_uses_light_colours_even_in_the_dark_theme(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model, theme="dark")
    doc = window.printable().document
    assert "#ffffff" in doc.defaultStyleSheet()
    assert window.themes.colours.base not in doc.defaultStyleSheet()


def test_overdue_page_is_flagged_at_the_top(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    item = shipped_model.get("pre-doctoral")
    page = window.composer.compose(item, today=item.next_review + dt.timedelta(days=1))
    assert page.review_overdue
    assert page.html.index("overdue for review") < page.html.index("What this stage is")
    fresh = window.composer.compose(item, today=item.last_reviewed)
    assert "overdue" not in fresh.html
    assert "Next review due" in fresh.html


def test_a_registered_view_can_be_bookmarked_and_keeps_its_title_after_restart(
    qtbot, shipped_model, isolated_home
):
    window = make_window(qtbot, shipped_model, isolated_home)
    window.open_id("checklist")
    window.action("bookmark").trigger()
    window = reopen(qtbot, window)
    assert bookmark_ids(window) == ["checklist"]
    assert window.panel("bookmarks").list.item(0).text() == window.title_of("checklist")


def test_ctrl_wheel_zooms_through_the_remembered_text_size(qtbot, shipped_model, isolated_home):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    window = make_window(qtbot, shipped_model, isolated_home)
    event = QWheelEvent(
        QPointF(10, 10), QPointF(10, 10), QPoint(0, 0), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(window.reader.viewport(), event)
    assert window.text_zoom == 110
    assert window.prefs.zoom == 110

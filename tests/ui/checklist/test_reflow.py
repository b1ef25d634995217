"""The checklist fits the width of its frame at every text size: its buttons wrap onto
more rows and "About you" goes above "Coming up" rather than the view scrolling
sideways (it did at 150% and 200% in a 1024-pixel window)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QWidget

from guide.clock import Clock
from guide.ui.checklist.reflow import FlowLayout, SideBySide

DAY = dt.date(2026, 12, 1)
SIZES = [(1024, 700), (1366, 768)]
ZOOMS = [100, 150, 200]


def _settle() -> None:
    for _ in range(3):  # layout requests are posted, and one can post another
        QApplication.processEvents()


@pytest.fixture(scope="module")
def window(qapp, shipped_model, tmp_path_factory):
    """One window for the module, resized and zoomed by each test; a window per case
    made these tests several times slower."""
    from guide.ui.shell.window import MainWindow

    window = MainWindow(shipped_model, tmp_path_factory.mktemp("reflow"), clock=Clock.fixed(DAY))
    window.show()
    yield window
    window.set_zoom(100, save=False)  # the app style sheet outlives the window
    window.close()
    window.deleteLater()


def _frame(view: QWidget) -> QScrollArea:
    parent = view.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    assert parent is not None, "the checklist is not in a scrolling frame"
    return parent


@pytest.mark.parametrize("zoom", ZOOMS, ids=[f"{z}%" for z in ZOOMS])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_checklist_never_scrolls_sideways(window, size, zoom):
    window.resize(*size)
    window.set_zoom(zoom, save=False)
    window.open_id("checklist")
    _settle()
    view = window.view_widget("checklist")
    frame = _frame(view)
    assert frame.horizontalScrollBar().maximum() == 0, (
        f"{size} at {zoom}%: the view needs {view.minimumSizeHint().width()} px, "
        f"the frame has {frame.viewport().width()}"
    )
    assert view.width() <= frame.viewport().width()
    for button in view.findChildren(QPushButton):
        if button.isVisibleTo(view) and button.parentWidget() is view:
            right = button.mapTo(view, button.rect().topRight()).x()
            assert right < view.width(), f"{button.text()!r} is cut off at {size}, {zoom}%"
    pair = view.top
    for panel in (pair.first, pair.second):
        assert panel.geometry().right() < pair.width()


@pytest.mark.parametrize("zoom", ZOOMS, ids=[f"{z}%" for z in ZOOMS])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_chosen_milestone_is_shown_whole_and_its_title_readable(window, size, zoom):
    """At 200% in 1024x700 the details were cut at the right ("Assessment (PS") and the
    milestone titles ran one word a line; the details now go below the milestones when
    both do not fit beside each other."""
    window.resize(*size)
    window.set_zoom(zoom, save=False)
    window.open_id("checklist#f1-psa")
    _settle()
    view = window.view_widget("checklist")
    assert view.detail.milestone is not None and view.detail.milestone.id == "f1-psa"
    frame = _frame(view.detail)  # the details' own scrolling frame
    assert view.detail.width() <= frame.viewport().width(), "the details are cut off"
    letters = view.tree.columnWidth(0) / view.tree.fontMetrics().horizontalAdvance("n")
    assert letters >= 24, f"milestone titles get {letters:.0f} letters a line"
    assert _frame(view).horizontalScrollBar().maximum() == 0
    if size == (1024, 700) and zoom == 200:
        assert view.panes.stacked()
    if zoom == 100:
        assert not view.panes.stacked()  # side by side whenever they fit
    window.set_zoom(100, save=False)


def test_at_large_text_in_a_small_window_about_you_goes_above_coming_up(window):
    window.resize(1024, 700)
    window.set_zoom(150, save=False)
    window.open_id("checklist")
    _settle()
    pair = window.view_widget("checklist").top
    assert pair.stacked()
    assert pair.second.geometry().top() > pair.first.geometry().bottom()

    window.set_zoom(100, save=False)
    _settle()
    assert not pair.stacked()  # side by side again when they fit
    assert pair.second.geometry().left() > pair.first.geometry().right()


def test_the_milestones_keep_a_dozen_rows_however_large_the_text(window):
    window.resize(1024, 700)
    window.set_zoom(200, save=False)
    window.open_id("checklist")
    _settle()
    view = window.view_widget("checklist")
    rows = view.tree.height() / view.tree.fontMetrics().lineSpacing()
    assert rows >= 12, f"only {rows:.1f} lines of milestones"
    window.set_zoom(100, save=False)


def test_a_flow_layout_wraps_its_widgets_onto_more_rows_when_narrow(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder)
    buttons = [QPushButton(f"Button number {i}") for i in range(5)]
    for button in buttons[:-1]:
        flow.addWidget(button)
    flow.add_gap_before_next()
    flow.addWidget(buttons[-1])
    one_row = flow.sizeHint().width()
    holder.resize(one_row, flow.heightForWidth(one_row))
    holder.show()
    _settle()
    assert len({b.y() for b in buttons}) == 1
    gaps = [buttons[i + 1].x() - buttons[i].geometry().right() for i in range(4)]
    assert gaps[-1] > gaps[0]  # the last one stands apart

    narrow = buttons[0].sizeHint().width() + 10
    assert flow.heightForWidth(narrow) >= 5 * buttons[0].sizeHint().height()
    holder.resize(narrow, flow.heightForWidth(narrow))
    _settle()
    assert len({b.y() for b in buttons}) == 5
    assert all(b.geometry().right() < narrow for b in buttons)
    assert flow.minimumSize().width() >= max(b.minimumSizeHint().width() for b in buttons)


def test_side_by_side_panels_stack_when_the_width_runs_out(qtbot):
    first, second = QPushButton("A fairly long first panel"), QPushButton("A second panel")
    pair = SideBySide(first, second)
    qtbot.addWidget(pair)
    wide = first.sizeHint().width() + second.sizeHint().width() + 100
    pair.resize(wide, 100)
    pair.show()
    _settle()
    assert not pair.stacked()
    pair.resize(first.sizeHint().width(), 100)
    _settle()
    assert pair.stacked() and second.y() > first.y()


def _shows_in_full(combo) -> bool:
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    # The style pads the text inside the field: a field just as wide as the text cut it.
    padding = 4
    return field.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + padding


@pytest.mark.parametrize("zoom", ZOOMS, ids=[f"{z}%" for z in ZOOMS])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_foundation_doctors_stage_is_shown_in_full(window, size, zoom):
    """ "Foundation year 1 (F1)" was cut to "Foundation year 1 (F1" at 1024x700 and to
    "Foundation year 1 (F" at 200% in 1366x768."""
    window.resize(*size)
    window.set_zoom(zoom, save=False)
    window.open_id("checklist")
    view = window.view_widget("checklist")
    view.store.set_profile(stage="f1")
    view.refresh()
    _settle()
    stage = view.profile.stage
    assert stage.currentText() == "Foundation year 1 (F1)"
    assert _shows_in_full(stage), f"the stage is cut at {size}, {zoom}%"
    window.set_zoom(100, save=False)


def test_coming_up_sits_at_the_top_of_its_box(qtbot, shipped_model, isolated_home):
    """When About you is the taller of the two, the list starts under its heading rather
    than floating in the middle of its box."""
    from tests.ui.helpers import make_window

    window = make_window(qtbot, shipped_model, isolated_home, clock=Clock.fixed(DAY))
    window.resize(1024, 700)
    window.show()
    window.open_id("checklist")
    _settle()
    view = window.view_widget("checklist")
    assert not view.top.stacked()
    box = view.top.second
    assert box.height() > view.upcoming.height() + 40, "the boxes are not the taller"
    margin = box.layout().contentsMargins().top()
    assert view.upcoming.y() - box.contentsRect().y() <= margin + 1  # not centred below

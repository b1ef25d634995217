"""The reading position in each page is kept when you move between pages and across restarts."""

from __future__ import annotations

from tests.ui.helpers import make_window, reopen


def _scroll_to_middle(window) -> int:
    bar = window.reader.verticalScrollBar()
    assert bar.maximum() > 0, "the page must be longer than the window for this test"
    bar.setValue(bar.maximum() // 2)
    return bar.value()


def test_a_page_reopens_where_you_left_it(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home)
    window.resize(900, 500)
    window.show()
    window.open_id("phd-or-md")
    where = _scroll_to_middle(window)
    window.open_id("overview")
    window.open_id("phd-or-md")
    assert abs(window.reader.verticalScrollBar().value() - where) <= 2


def test_the_position_survives_a_restart(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home)
    window.resize(900, 500)
    window.show()
    window.open_id("pre-doctoral")
    _scroll_to_middle(window)
    fraction = (
        window.reader.verticalScrollBar().value() / window.reader.verticalScrollBar().maximum()
    )
    again = reopen(qtbot, window)
    again.resize(900, 500)
    again.show()
    again.open_id("overview")
    again.open_id("pre-doctoral")
    bar = again.reader.verticalScrollBar()
    assert abs(bar.value() / bar.maximum() - fraction) < 0.02


def test_a_heading_link_still_opens_at_the_heading(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home)
    window.resize(900, 500)
    window.show()
    window.open_id("phd-or-md")
    window.reader.verticalScrollBar().setValue(0)
    window.open_id("overview")
    window.open_id("phd-or-md#practical-tips")
    assert window.reader.verticalScrollBar().value() > 0


def test_scrolling_by_hand_after_a_restore_is_what_is_kept(qtbot, shipped_model, isolated_home):
    from PySide6.QtWidgets import QAbstractSlider

    window = make_window(qtbot, shipped_model, isolated_home)
    window.resize(900, 500)
    window.show()
    window.open_id("phd-or-md")
    _scroll_to_middle(window)
    window.open_id("overview")
    window.open_id("phd-or-md")  # restored to the middle
    bar = window.reader.verticalScrollBar()
    for _ in range(3):
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
    moved = bar.value()
    window.open_id("overview")
    window.open_id("phd-or-md")
    assert abs(bar.value() - moved) <= 2


def test_the_last_page_reopens_at_its_position_when_the_app_starts_again(
    qtbot, shipped_model, isolated_home
):
    # As the app starts: no start page given (the last one opens), features after the paint.
    window = make_window(qtbot, shipped_model, isolated_home, defer_features=True)
    window.resize(900, 500)
    window.show()
    window.install_deferred_features()
    window.open_id("pre-doctoral")
    _scroll_to_middle(window)
    bar = window.reader.verticalScrollBar()
    fraction = bar.value() / bar.maximum()
    again = reopen(qtbot, window, defer_features=True)
    assert again.current_id == "pre-doctoral"
    again.show()
    again.install_deferred_features()
    qtbot.waitUntil(lambda: again.reader.verticalScrollBar().maximum() > 0)
    bar = again.reader.verticalScrollBar()
    assert abs(bar.value() / bar.maximum() - fraction) < 0.02

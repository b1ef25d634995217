"""One text size for the whole window: Ctrl+= sizes the reader, the side panels, the
checklist, the scheme finder and the diagram's labels alike, and the size is kept
across theme switches and restarts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from guide.ui.diagram.appearance import TITLE_PX
from tests.ui.helpers import make_window, reopen, show_active


def _base() -> float:
    return QApplication.font().pointSizeF()


def _scale(widget) -> float:
    return widget.font().pointSizeF() / _base()


@pytest.fixture
def window(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home, theme="light")
    window.resize(1024, 700)
    yield window
    window.set_zoom(100, save=False)  # the app style sheet outlives the window in tests


def test_zoom_sizes_every_view_and_panel(qtbot, window):
    window.set_zoom(150)
    window.show()
    assert _scale(window.reader) == pytest.approx(1.5, rel=0.01)
    assert window.reader.document().defaultFont().pointSizeF() == pytest.approx(
        1.5 * _base(), rel=0.01
    )
    assert _scale(window.tree) == pytest.approx(1.5, rel=0.01)
    search = window.panel("search")
    for part in (search.box, search.results, search.kind_combo, search.nation_combo):
        assert _scale(part) == pytest.approx(1.5, rel=0.01), (
            part.objectName() or type(part).__name__
        )
    assert _scale(window.contents_list.list) == pytest.approx(1.5, rel=0.01)

    window.open_id("checklist")
    checklist = window.view_widget("checklist")
    assert _scale(checklist.tree) == pytest.approx(1.5, rel=0.01)
    assert _scale(checklist.upcoming) == pytest.approx(1.5, rel=0.01)
    # Headings keep their proportion to body text: 1.25 times it, at any size.
    assert _scale(checklist.detail.heading) == pytest.approx(1.5 * 1.25, rel=0.01)

    window.open_id("schemes")
    finder = window.view_widget("schemes")
    assert _scale(finder.view) == pytest.approx(1.5, rel=0.01)
    assert _scale(finder.nation_combo) == pytest.approx(1.5, rel=0.01)

    window.open_id("pathway-diagram")
    diagram = window.view_widget("pathway-diagram")
    item = diagram.scene_.active_items[0]
    assert item.fonts.title.pixelSize() == round(TITLE_PX * 1.5)


def test_the_diagram_labels_follow_a_change_while_it_is_open(qtbot, window):
    window.show()
    window.open_id("pathway-diagram")
    diagram = window.view_widget("pathway-diagram")
    assert diagram.scene_.active_items[0].fonts.title.pixelSize() == TITLE_PX
    window.set_zoom(200)
    assert diagram.scene_.active_items[0].fonts.title.pixelSize() == TITLE_PX * 2


def test_a_theme_switch_keeps_the_text_size_and_the_next_step(qtbot, window):
    show_active(qtbot, window)
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.text_zoom == 110
    for theme in ("dark", "high-contrast", "system", "light"):
        window.themes.apply(theme)
        assert _scale(window.reader) == pytest.approx(1.1, rel=0.01), theme
        assert _scale(window.tree) == pytest.approx(1.1, rel=0.01), theme
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.text_zoom == 120  # one step on, not two
    assert _scale(window.reader) == pytest.approx(1.2, rel=0.01)


def test_the_text_size_is_kept_across_a_restart(qtbot, window):
    window.set_zoom(130)
    again = reopen(qtbot, window, theme="dark")
    again.show()
    assert again.text_zoom == 130
    assert _scale(again.reader) == pytest.approx(1.3, rel=0.01)
    assert _scale(again.tree) == pytest.approx(1.3, rel=0.01)
    again.open_id("checklist")
    assert _scale(again.view_widget("checklist").tree) == pytest.approx(1.3, rel=0.01)
    again.set_zoom(100, save=False)


def test_actual_size_leaves_the_system_font_alone(qtbot, window):
    window.set_zoom(170)
    window.set_zoom(100)
    window.show()
    assert window.reader.font().pointSizeF() == pytest.approx(_base(), rel=0.01)
    assert window.tree.font().pointSizeF() == pytest.approx(_base(), rel=0.01)


def test_a_new_system_font_size_keeps_the_same_percentage(qtbot, window):
    from PySide6.QtGui import QFont

    window.set_zoom(150)
    window.show()
    app = QApplication.instance()
    before = app.font()
    bigger = QFont(before)
    bigger.setPointSizeF(before.pointSizeF() + 2)
    try:
        app.setFont(bigger)
        QApplication.processEvents()
        assert window.reader.font().pointSizeF() == pytest.approx(
            1.5 * bigger.pointSizeF(), rel=0.01
        )
    finally:
        app.setFont(before)

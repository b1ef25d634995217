"""A tick box on the checklist's highlighted (selected) row looks empty when it is empty and
ticked when it is ticked, in every theme, judged by the pixels drawn.

Fusion filled the box with the page colour whatever the row: on the dark theme's light
teal highlight an empty box was a solid near-black square, which read as ticked.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyle

from guide.clock import Clock
from guide.progress import ProgressStore
from guide.ui.checklist.view import ChecklistView
from guide.ui.shell.window import MainWindow
from guide.ui.style.themes import PALETTES, contrast_ratio
from tests.ui.helpers import make_window

DAY = dt.date(2026, 12, 1)


def _box(view: ChecklistView, milestone_id: str) -> tuple[QImage, list[tuple[int, int]], str]:
    """The row's picture, the pixels of its tick box (edge included) and the colour of
    the row behind it."""
    tree = view.tree
    tree.select_id(milestone_id)
    tree.setFocus()
    QApplication.processEvents()
    item = tree.currentItem()
    assert item is not None and item.isSelected()
    for _ in range(20):  # the rows are laid out (for the text size) after a pause
        tree.scrollToItem(item)
        QApplication.processEvents()
        rect = tree.visualItemRect(item)
        if tree.viewport().rect().contains(rect):
            break
    assert tree.viewport().rect().contains(rect), "the row is not in view"
    image = tree.viewport().grab().toImage()
    row = image.pixelColor(rect.right() - 2, rect.top() + 1).name()
    # The box is at the start of the first column, before the title's text.
    width = tree.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, tree) + 6
    found = [
        (x, y)
        for x in range(rect.left(), rect.left() + width)
        for y in range(rect.top(), rect.bottom() + 1)
        if contrast_ratio(image.pixelColor(x, y).name(), row) >= 3
    ]
    assert found, f"no tick box drawn on the row of {milestone_id}"
    return image, found, row


def _inside(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pixels inside the box's edge."""
    xs, ys = [x for x, _ in found], [y for _, y in found]
    left, right, top, bottom = min(xs) + 3, max(xs) - 3, min(ys) + 3, max(ys) - 3
    return [(x, y) for x in range(left, right + 1) for y in range(top, bottom + 1)]


def _marked(image: QImage, pixels: list[tuple[int, int]], row: str) -> float:
    """The share of ``pixels`` that stand out from the row (3:1, as a control's parts)."""
    differ = sum(contrast_ratio(image.pixelColor(x, y).name(), row) >= 3 for x, y in pixels)
    return differ / len(pixels)


def _checklist_in(theme: str, qtbot, shipped_model, tmp_path) -> tuple[MainWindow, ChecklistView]:
    """A window in ``theme`` (which sets the app's style) and a checklist view, shown."""
    window = make_window(qtbot, shipped_model, theme=theme)
    view = ChecklistView(shipped_model, ProgressStore.open(tmp_path, clock=Clock.fixed(DAY)))
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    return window, view


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_an_empty_tick_box_on_the_highlighted_row_looks_empty(
    qtbot, shipped_model, tmp_path, theme
):
    window, view = _checklist_in(theme, qtbot, shipped_model, tmp_path)
    empty, ticked = [m.id for m in shipped_model.of_kind("milestone") if m.get("stage") == "f1"][:2]
    view.set_status(ticked, "done")
    highlight = PALETTES[theme].highlight

    image, found, row = _box(view, empty)
    assert contrast_ratio(row, highlight) < 1.1, "the row is not drawn highlighted"
    inside = _marked(image, _inside(found), row)
    assert inside < 0.05, f"{theme}: {inside:.0%} of an empty box is filled in"
    edge = max(contrast_ratio(image.pixelColor(x, y).name(), row) for x, y in found)
    assert edge >= 3, f"{theme}: the empty box's edge is {edge:.2f}:1 on the highlight"

    image, found, row = _box(view, ticked)
    tick = _marked(image, _inside(found), row)
    assert tick > 0.1, f"{theme}: a ticked box shows no tick ({tick:.0%})"
    window.themes.apply("system", save=False)


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_tick_boxes_grow_with_the_text_size(qtbot, shipped_model, tmp_path, theme):
    """At 200% a tick box stayed 13 pixels beside text twice the size."""
    window, view = _checklist_in(theme, qtbot, shipped_model, tmp_path)
    from guide.ui.roles import Role

    first = str(view.tree.topLevelItem(0).child(0).data(0, Role.ID))  # the top row's

    def box_width() -> int:
        _image, found, _row = _box(view, first)
        return max(x for x, _ in found) - min(x for x, _ in found) + 1

    try:
        at_100 = box_width()
        window.set_zoom(200, save=False)
        for _ in range(3):  # the rows are laid out again for the new size
            QApplication.processEvents()
        at_200 = box_width()
    finally:
        window.set_zoom(100, save=False)
        window.themes.apply("system", save=False)
    assert at_200 >= 1.8 * at_100, f"{theme}: {at_100} px at 100%, {at_200} px at 200%"


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_the_arrow_of_a_highlighted_tree_row_shows(qtbot, shipped_model, tmp_path, theme):
    """The arrow that opens a selected stage was drawn in the window's text colour: white
    at 1.1:1 on high contrast's cyan, dark on the light theme's dark teal."""
    window, view = _checklist_in(theme, qtbot, shipped_model, tmp_path)
    tree = view.tree
    stage = tree.topLevelItem(0)
    tree.setCurrentItem(stage)
    tree.setFocus()
    tree.scrollToItem(stage)
    QApplication.processEvents()
    assert stage.isSelected() and stage.childCount() > 0
    rect = tree.visualItemRect(stage)
    image = tree.viewport().grab().toImage()
    highlight = PALETTES[theme].highlight
    # The branch area, left of the row's text, is drawn highlighted with the arrow on it.
    branch = [
        (x, y)
        for x in range(0, rect.left())
        for y in range(rect.top(), rect.bottom() + 1)
        if 0 <= x < image.width() and 0 <= y < image.height()
    ]
    assert branch, "no branch area"
    best = max(contrast_ratio(image.pixelColor(x, y).name(), highlight) for x, y in branch)
    window.themes.apply("system", save=False)
    assert best >= 3, f"{theme}: the arrow is {best:.2f}:1 on the highlight"

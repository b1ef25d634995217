"""Themes: every palette meets WCAG 2.2 AA, switching re-styles the page and is remembered."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from guide.ui.style.themes import (
    PALETTES,
    TEXT_PAIRS,
    UI_PAIRS,
    colours_from_palette,
    contrast_ratio,
)
from tests.ui.helpers import make_window, reopen


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_every_text_colour_pair_meets_aa_contrast(theme):
    colours = PALETTES[theme]
    for fg, bg in TEXT_PAIRS:
        ratio = contrast_ratio(getattr(colours, fg), getattr(colours, bg))
        assert ratio >= 4.5, f"{theme}: {fg} on {bg} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_focus_ring_meets_non_text_contrast(theme):
    colours = PALETTES[theme]
    for fg, bg in UI_PAIRS:
        ratio = contrast_ratio(getattr(colours, fg), getattr(colours, bg))
        assert ratio >= 3.0, f"{theme}: {fg} on {bg} is {ratio:.2f}:1"


def test_high_contrast_theme_reaches_aaa_for_body_text():
    colours = PALETTES["high-contrast"]
    assert contrast_ratio(colours.text, colours.base) >= 7
    assert contrast_ratio(colours.link, colours.base) >= 7


def test_system_theme_replaces_a_low_contrast_link_colour():
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, "#ffffff")
    palette.setColor(QPalette.ColorRole.Text, "#000000")
    palette.setColor(QPalette.ColorRole.Link, "#aaaaff")
    colours = colours_from_palette(palette)
    assert contrast_ratio(colours.link, colours.base) >= 4.5


def test_switching_theme_restyles_widgets_and_page_and_is_remembered(
    qtbot, shipped_model, isolated_home
):
    window = make_window(qtbot, shipped_model, isolated_home)
    window.open_id("pre-doctoral")
    window.commands.theme_actions["dark"].trigger()
    dark = PALETTES["dark"]
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() == dark.base
    assert dark.text in window.reader.document().defaultStyleSheet()
    assert window.current_id == "pre-doctoral"
    assert window.commands.theme_actions["dark"].isChecked()

    window = reopen(qtbot, window)
    assert window.themes.name == "dark"
    window.commands.theme_actions["system"].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() != dark.base
    assert window.prefs.get("theme") == "system"


def test_high_contrast_theme_colours_the_find_highlight(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model, theme="high-contrast")
    assert window.reader.highlight_colours[0].name() == PALETTES["high-contrast"].find_bg
    window.themes.apply("system", save=False)


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_disabled_controls_look_different_from_enabled_ones(theme):
    colours = PALETTES[theme]
    assert contrast_ratio(colours.disabled, colours.window_text) >= 1.8
    assert contrast_ratio(colours.disabled, colours.window) >= 2.5


def test_following_the_system_hands_the_palette_back_to_the_platform(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model, theme="dark")
    window.themes.apply("system", save=False)
    assert QApplication.palette().resolveMask() == 0
    assert (
        window.themes.colours.base == QApplication.palette().color(QPalette.ColorRole.Base).name()
    )


def _edge_contrast(image, rect, background: str) -> float:
    """The strongest contrast against ``background`` on the edge pixels of ``rect``."""
    best = 1.0
    edge = [
        (x, y) for x in range(rect.left(), rect.right() + 1) for y in (rect.top(), rect.bottom())
    ]
    edge += [
        (x, y) for y in range(rect.top(), rect.bottom() + 1) for x in (rect.left(), rect.right())
    ]
    for x, y in edge:
        if 0 <= x < image.width() and 0 <= y < image.height():
            best = max(best, contrast_ratio(image.pixelColor(x, y).name(), background))
    return best


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_check_boxes_and_entry_boxes_show_their_edges_in_every_theme(qtbot, shipped_model, theme):
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import (
        QCheckBox,
        QDateEdit,
        QLineEdit,
        QSpinBox,
        QStyle,
        QStyleOptionButton,
        QVBoxLayout,
        QWidget,
    )

    window = make_window(qtbot, shipped_model, theme=theme)
    panel = QWidget()
    qtbot.addWidget(panel)
    layout = QVBoxLayout(panel)
    check, line, date, spin = (
        QCheckBox("Known"),
        QLineEdit(),
        QDateEdit(QDate(2026, 8, 5)),
        QSpinBox(),
    )
    for widget in (check, line, date, spin):
        layout.addWidget(widget)
    panel.resize(240, 160)
    panel.show()
    qtbot.waitExposed(panel)
    window_colour = PALETTES[theme].window
    option = QStyleOptionButton()
    check.initStyleOption(option)
    indicator = check.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, check)
    assert _edge_contrast(check.grab().toImage(), indicator, window_colour) >= 3.0
    for box in (line, date, spin):
        image = box.grab().toImage()
        ratio = _edge_contrast(image, image.rect(), window_colour)
        assert ratio >= 3.0, f"{theme}: {type(box).__name__} edge is {ratio:.2f}:1"
    window.themes.apply("system", save=False)


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_hint_text_in_empty_boxes_is_readable_but_unlike_typed_text(theme):
    from guide.ui.style.themes import placeholder_colour

    colours = PALETTES[theme]
    hint = placeholder_colour(colours)
    assert contrast_ratio(hint, colours.base) >= 4.5
    assert hint.lower() != colours.text.lower()


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_focused_boxes_and_buttons_get_the_themes_focus_ring(qtbot, shipped_model, theme):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QVBoxLayout, QWidget

    window = make_window(qtbot, shipped_model, theme=theme)
    panel = QWidget()
    qtbot.addWidget(panel)
    layout = QVBoxLayout(panel)
    combo, button, check = QComboBox(), QPushButton("Export…"), QCheckBox("Known")
    combo.addItem("England")
    for widget in (combo, button, check):
        layout.addWidget(widget)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    focus = PALETTES[theme].focus
    for widget in (combo, button, check):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        image = widget.grab().toImage()
        colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in (1, 2)}
        colours |= {image.pixelColor(x, image.height() // 2).name() for x in range(image.width())}
        assert focus in colours, f"{theme}: no focus ring on the focused {type(widget).__name__}"
    window.themes.apply("system", save=False)


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_scroll_bar_handles_show_their_edges(qtbot, shipped_model, theme):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider

    window = make_window(qtbot, shipped_model, theme=theme)
    bar = QScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    bar.setRange(0, 300)
    bar.setPageStep(100)
    bar.resize(16, 300)
    bar.show()
    qtbot.waitExposed(bar)
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    handle = bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, bar
    )
    ratio = _edge_contrast(bar.grab().toImage(), handle, PALETTES[theme].window)
    assert ratio >= 3.0, f"{theme}: scroll-bar handle edge is {ratio:.2f}:1"
    window.themes.apply("system", save=False)

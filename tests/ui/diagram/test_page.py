"""The pathway diagram view, driven as a user would: click, keyboard, pickers, exports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgRenderer

from guide.ui.diagram import feature as diagram_feature
from guide.ui.diagram.appearance import DiagramColours
from guide.ui.diagram.items import HeaderItem, NodeItem
from guide.ui.diagram.page import PathwayDiagramPage
from tests.ui.fake_host import FakeHost

NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")


@dataclass
class Profile:
    nation: str = "England"
    stage: str = ""


@dataclass
class Progress:
    profile: Profile = field(default_factory=Profile)
    done: set[str] = field(default_factory=set)

    def completed_ids(self) -> set[str]:
        return set(self.done)


@pytest.fixture
def window(shipped_model, isolated_home):
    return FakeHost(shipped_model, isolated_home)


@pytest.fixture
def page(qtbot, window):
    page = PathwayDiagramPage(window)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def _node(page: PathwayDiagramPage, node_id: str) -> NodeItem:
    return page.scene_.node_items[node_id]


def _click_point(page: PathwayDiagramPage, item: NodeItem) -> QPoint:
    page.canvas.ensureVisible(item, 10, 10)
    return page.canvas.mapFromScene(item.rect.center())


def test_clicking_a_box_opens_its_page(qtbot, page, window):
    item = _node(page, "acf")
    qtbot.mouseClick(
        page.canvas.viewport(), Qt.MouseButton.LeftButton, pos=_click_point(page, item)
    )
    assert window.opened == ["nihr-acf"]


def test_clicking_empty_space_opens_nothing(qtbot, page, window):
    qtbot.mouseClick(page.canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert window.opened == []


def test_enter_on_the_focused_box_opens_its_page(qtbot, page, window):
    page.canvas.setFocus()
    page.canvas.focus_item(_node(page, "phd-md"))
    qtbot.keyClick(page.canvas, Qt.Key.Key_Return)
    assert window.opened == ["phd-or-md"]


@pytest.mark.parametrize("nation", NATIONS)
def test_tab_reaches_every_box_in_reading_order_with_an_accessible_name(qtbot, page, nation):
    page.nation.setCurrentIndex(NATIONS.index(nation))
    page.activateWindow()
    page.canvas.setFocus(Qt.FocusReason.TabFocusReason)
    expected = page.scene_.active_items
    seen = []
    for _ in range(len(expected) + 5):
        current = page.scene_.focusItem()
        if current is None or not page.canvas.hasFocus():
            break
        seen.append(current)
        assert current.accessible_name
        assert page.canvas.accessibleDescription() == current.accessible_name
        qtbot.keyClick(page.canvas, Qt.Key.Key_Tab)
    assert seen == expected
    node_ids = {item.node.id for item in seen if isinstance(item, NodeItem)}
    pathway = page.pathway
    assert node_ids == {n.id for n in pathway.nodes_for(nation)}
    # Tab past the last box leaves the picture for the next control.
    assert not page.canvas.hasFocus()


def test_shift_tab_walks_backwards_from_the_last_box(qtbot, page):
    page.activateWindow()
    page.canvas.setFocus(Qt.FocusReason.BacktabFocusReason)
    items = page.scene_.active_items
    assert page.scene_.focusItem() is items[-1]
    qtbot.keyClick(page.canvas, Qt.Key.Key_Backtab)
    assert page.scene_.focusItem() is items[-2]


def test_focus_or_hover_shows_the_one_line_summary(qtbot, page):
    item = _node(page, "wcat") if "wcat" in page.scene_.node_items else _node(page, "acf")
    page.canvas.setFocus()
    page.canvas.focus_item(item)
    assert page.info.text().startswith(item.name + ": ")
    assert "\n" not in page.info.text()
    other = _node(page, "phd-md")
    qtbot.mouseMove(page.canvas.viewport(), _click_point(page, other))
    qtbot.waitUntil(lambda: page.info.text().startswith("PhD or MD(Res): "))


def test_nation_selector_shows_that_nations_variant(page):
    page.nation.setCurrentIndex(NATIONS.index("Scotland"))
    ids = set(page.scene_.node_items)
    assert {"screds", "scottish-cat"} <= ids
    assert "acf" not in ids
    page.nation.setCurrentIndex(NATIONS.index("Wales"))
    assert "wcat" in page.scene_.node_items
    assert "screds" not in page.scene_.node_items


def _header(page: PathwayDiagramPage, title: str) -> HeaderItem:
    return next(
        i for i in page.scene_.active_items if isinstance(i, HeaderItem) and i.title == title
    )


def test_stage_picker_marks_you_are_here_and_is_remembered(qtbot, window, page):
    page.stage.setCurrentIndex(page.stage.findData("f2"))
    assert _header(page, "Foundation years").here
    assert not _header(page, "Pre-doctoral").here
    assert "you are here" in page.text.toPlainText()
    saved = json.loads((window.home / "pathway-diagram.json").read_text())
    assert saved["stage"] == "f2"
    again = PathwayDiagramPage(window)
    qtbot.addWidget(again)
    assert again.here_column() == "foundation"


def test_checklist_progress_sets_nation_stage_and_ticks_and_refreshes(qtbot, window, shipped_model):
    window.progress = Progress(Profile("Wales", "doctoral"), {"ms-summer-studentship"})
    page = PathwayDiagramPage(window)
    qtbot.addWidget(page)
    assert page.current_nation() == "Wales"
    assert _header(page, "PhD or MD").here
    assert _node(page, "summer-studentship").done
    assert not _node(page, "intercalation").done
    assert "Done" in _node(page, "summer-studentship").accessible_name
    assert page.stage.isHidden() and not page.from_checklist.isHidden()
    window.progress.profile.stage = "pre-doctoral"
    window.progress.done.clear()
    window.progressChanged.emit()
    assert _header(page, "Pre-doctoral").here
    assert not _header(page, "PhD or MD").here
    assert not _node(page, "summer-studentship").done


def test_broken_progress_object_does_not_break_the_diagram(qtbot, window, shipped_model):
    class Broken:
        profile = None

        def completed_ids(self):
            raise RuntimeError("half-loaded")

    window.progress = Broken()
    page = PathwayDiagramPage(window)
    qtbot.addWidget(page)
    assert page.scene_.node_items


def test_text_version_is_one_click_away_and_lists_every_box_and_route(qtbot, page, window):
    qtbot.mouseClick(page.as_text, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.text
    text = page.text.toPlainText()
    for node in page.pathway.nodes_for("England"):
        assert node.title in text
    assert "Entry after CCT" in text
    assert text.index("Medical school") < text.index("Foundation years") < text.index("PhD or MD")
    page._on_text_link(QUrl("guide:nihr-acf"))
    assert window.opened == ["nihr-acf"]
    qtbot.mouseClick(page.as_text, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.canvas


def test_zoom_keys_and_fit(qtbot, page):
    page.canvas.setFocus()
    page.canvas.set_zoom(1.0)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Plus)
    assert page.canvas.zoom == pytest.approx(1.25)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(page.canvas, Qt.Key.Key_Minus)
    assert page.canvas.zoom == pytest.approx(0.8)
    qtbot.keyClick(page.canvas, Qt.Key.Key_0)
    visible = page.canvas.mapToScene(page.canvas.viewport().rect()).boundingRect()
    assert visible.contains(page.scene_.sceneRect().adjusted(2, 2, -2, -2))


def test_text_fits_inside_every_box(page):
    fonts = page.scene_.node_items["acf"].fonts
    for nation in range(len(NATIONS)):
        page.nation.setCurrentIndex(nation)
        for item in page.scene_.node_items.values():
            assert fonts.measure(item.node, item.rect.width()) <= item.rect.height() + 0.5


def _contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize(
    ("base", "text"), [("#ffffff", "#14282a"), ("#0f1a1b", "#e3eeee"), ("#000000", "#ffffff")]
)
def test_box_text_is_readable_in_light_dark_and_high_contrast(base, text):
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    colours = DiagramColours.from_palette(palette)
    assert colours.dark == (QColor(base).lightness() < 128)
    for kind, fill in colours.fills.items():
        assert _contrast(colours.text, fill) >= 4.5, kind
        assert _contrast(colours.muted, fill) >= 4.5, kind


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_app_themes_give_readable_boxes_lines_and_you_are_here(theme):
    from guide.ui.style.themes import PALETTES, build_palette

    colours = DiagramColours.from_palette(build_palette(PALETTES[theme]))
    for kind, fill in colours.fills.items():
        assert _contrast(colours.text, fill) >= 4.5, kind
        assert _contrast(colours.borders[kind], colours.background) >= 3, kind
    assert _contrast(colours.here_text, colours.here) >= 4.5
    assert _contrast(colours.usual, colours.background) >= 3
    assert _contrast(colours.non_linear, colours.background) >= 3


def test_theme_change_redraws_from_the_new_palette(page):
    palette = QPalette(page.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#0f1a1b"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e3eeee"))
    page.setPalette(palette)
    assert page.scene_.colours.dark
    assert page.scene_.backgroundBrush().color() == QColor("#0f1a1b")


def test_export_writes_a_valid_png(page, tmp_path):
    path = page.export_png(tmp_path / "pathway.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert image.width() > 1000 and image.height() > 600
    # Exports are in light colours: the corner is white whatever the theme.
    assert image.pixelColor(2, 2) == QColor("#ffffff")


def test_export_writes_a_valid_svg_with_the_boxes_text(page, tmp_path):
    page.nation.setCurrentIndex(NATIONS.index("Scotland"))
    path = page.export_svg(tmp_path / "pathway.svg")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    assert QSvgRenderer(str(path)).isValid()
    text = path.read_text(encoding="utf-8")
    assert "SCREDS" in text and "Scotland" in text


def test_print_renders_to_a_pdf_printer(page, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "pathway.pdf"))
    page.print_to(printer)
    assert (tmp_path / "pathway.pdf").read_bytes()[:5] == b"%PDF-"


def test_export_to_an_unwritable_place_raises_a_clear_error(page, tmp_path):
    with pytest.raises(OSError, match="Could not save"):
        page.export_png(tmp_path / "no-such-folder" / "x.png")


def test_corrupt_preferences_fall_back_to_defaults(qtbot, window):
    (window.home / "pathway-diagram.json").write_text("{not json", encoding="utf-8")
    page = PathwayDiagramPage(window)
    qtbot.addWidget(page)
    assert page.current_nation() == "England"
    assert page.here_column() is None


def test_install_registers_the_view_lazily(qtbot, window):
    diagram_feature.install(window)
    title, factory, _section = window.views["pathway-diagram"]
    assert title == "Pathway diagram"
    page = factory()
    qtbot.addWidget(page)
    assert isinstance(page, PathwayDiagramPage)


def test_without_a_checklist_stage_the_view_points_to_the_checklist(qtbot, window, shipped_model):
    window.progress = Progress(Profile("", ""))
    page = PathwayDiagramPage(window)
    qtbot.addWidget(page)
    assert page.here_column() is None
    assert "your checklist" in page.from_checklist.text()
    page.from_checklist.linkActivated.emit("guide:checklist")
    assert window.opened == ["checklist"]


def test_self_test_check_draws_every_nation_and_exports(qtbot):
    import argparse

    from guide.ui.diagram.selfcheck import check_diagram

    detail = check_diagram(argparse.Namespace(content=None, home=None))
    assert detail.startswith("4 nations drawn")


def test_in_the_main_window_the_diagram_opens_and_a_box_opens_its_page(
    qtbot, shipped_model, tmp_path
):
    from guide.ui.shell.window import MainWindow

    window = MainWindow(shipped_model, home=tmp_path, persist=False)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.open_id("pathway-diagram")
    page = window.findChild(PathwayDiagramPage)
    assert page is not None and page.isVisible()
    item = _node(page, "phd-md")
    qtbot.mouseClick(
        page.canvas.viewport(), Qt.MouseButton.LeftButton, pos=_click_point(page, item)
    )
    assert window.current_id == "phd-or-md"


def test_export_menu_saves_where_the_user_chose(page, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    chosen = tmp_path / "my-pathway"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    page._ask_export("svg")
    assert (tmp_path / "my-pathway.svg").exists()
    assert "my-pathway.svg" in page.info.text()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    page._ask_export("png")  # cancelled: nothing written, no error
    assert not list(tmp_path.glob("*.png"))


def test_narrow_window_stacks_the_toolbar_instead_of_growing(qtbot, page):
    assert page.minimumWidth() <= 320  # the one-row hint must not set the window's minimum
    page.resize(560, 600)
    qtbot.waitUntil(lambda: page.width() == 560)
    qtbot.waitUntil(lambda: page.tools.y() > page.pickers.y())
    page.resize(1400, 800)
    qtbot.waitUntil(lambda: page.tools.y() == page.pickers.y())


def test_tab_order_runs_pickers_then_tools_then_the_picture(page):
    order, widget = [], page.nation
    for _ in range(500):
        order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is page.nation:
            break
    assert order.index(page.nation) < order.index(page.as_text) < order.index(page.canvas)

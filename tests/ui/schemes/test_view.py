"""The scheme finder view: filters, sorting, compare, CSV and print to PDF, in the window."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from guide.clock import Clock
from guide.schemes import SchemeTable
from guide.ui.schemes import feature as schemes_feature
from guide.ui.schemes.view import SchemeFinderView
from tests.ui.fake_host import FakeHost

DAY = dt.date(2026, 12, 1)


@pytest.fixture
def finder(qtbot, shipped_model):
    opened: list[str] = []
    view = SchemeFinderView(SchemeTable.from_model(shipped_model, Clock.fixed(DAY)), opened.append)
    view.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(view)
    view.resize(1000, 700)
    return view


def _choose(combo, value):
    combo.setCurrentIndex(combo.findData(value))


def test_every_scheme_is_listed_until_filtered(finder, shipped_model):
    assert len(finder.shown_ids()) == len(shipped_model.of_kind("scheme"))
    _choose(finder.nation_combo, "Wales")
    _choose(finder.stage_combo, "early-post-doctoral")
    shown = set(finder.shown_ids())
    assert "hcrw-advanced-fellowship" in shown and "nihr-clinical-lectureship" not in shown
    assert "of 53 schemes" in finder.count.text() or "of" in finder.count.text()
    finder.clear_filters()
    assert len(finder.shown_ids()) == len(shipped_model.of_kind("scheme"))


def test_funder_filter_and_column_sorting(finder):
    _choose(finder.funder_combo, "BHF")
    assert finder.shown_ids() and all(i.startswith("bhf-") for i in finder.shown_ids())
    finder.clear_filters()
    header = finder.view.horizontalHeader()
    names = [r.name.casefold() for r in finder.model.rows]
    assert names == sorted(names)
    header.sectionClicked.emit(0)  # the same column again: descending
    assert [r.name.casefold() for r in finder.model.rows] == sorted(names, reverse=True)
    header.sectionClicked.emit(4)  # length
    assert finder.sort_key == "length" and not finder.descending


def test_ticking_two_to_four_schemes_compares_them_side_by_side(finder):
    assert not finder.compare_button.isEnabled()
    for scheme_id in ("nihr-clinical-lectureship", "screds-lectureship", "ni-acl"):
        assert finder.set_checked(scheme_id)
    assert finder.compare_button.isEnabled()
    finder.compare_button.click()
    assert [r.id for r in finder.compared] == [
        "nihr-clinical-lectureship",
        "screds-lectureship",
        "ni-acl",
    ]
    text = finder.comparison.toPlainText()
    assert "Research time" in text and "Who can apply" in text
    assert finder.compare_pane.isVisibleTo(finder)


def test_no_more_than_four_can_be_ticked(finder):
    ids = finder.shown_ids()[:5]
    assert all(finder.set_checked(i) for i in ids[:4])
    assert not finder.set_checked(ids[4])
    assert len(finder.model.checked) == 4


def test_save_as_csv_writes_the_table_or_the_comparison(finder, tmp_path):
    _choose(finder.nation_combo, "Scotland")
    path = tmp_path / "schemes.csv"
    assert finder.save_csv(str(path))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [r[-1] for r in rows[1:]] == finder.shown_ids()
    finder.set_checked(finder.shown_ids()[0])
    finder.set_checked(finder.shown_ids()[1])
    finder.compare_checked()
    assert finder.save_csv(str(path))
    assert path.read_text(encoding="utf-8-sig").startswith("Field,")


@pytest.mark.parametrize("compare", [False, True])
def test_prints_to_pdf_through_qprinter(finder, tmp_path, compare):
    from PySide6.QtPrintSupport import QPrinter

    if compare:
        finder.set_checked("nihr-acf")
        finder.set_checked("wcat")
        finder.compare_checked()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "finder.pdf"
    printer.setOutputFileName(str(target))
    finder.print_to(printer)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000


def test_double_click_opens_the_schemes_page(qtbot, finder):
    index = finder.model.index(0, 0)
    finder.view.doubleClicked.emit(index)
    assert finder.opened == [finder.model.rows[0].id]


def test_the_view_is_registered_with_a_go_menu_entry(qtbot, shipped_model, tmp_path):
    host = FakeHost(shipped_model, tmp_path, Clock.fixed(DAY))
    qtbot.addWidget(host)
    schemes_feature.install(host)
    title, factory, section = host.views["schemes"]
    assert title == "Scheme finder" and section is None
    assert isinstance(factory(), SchemeFinderView)
    host.actions_bound["go_schemes"].trigger()
    assert host.opened[-1] == "schemes"


def test_the_real_window_lists_the_finder_and_its_shortcut(qtbot, shipped_model, isolated_home):
    from guide.ui.shell.window import MainWindow

    window = MainWindow(shipped_model, isolated_home)
    qtbot.addWidget(window)
    assert window.nav.index_for("schemes").isValid()
    assert window.action("go_schemes").shortcut().toString() == "Ctrl+3"
    window.open_id("schemes")
    assert window.current_id == "schemes"
    assert window.printable() is not None


def test_the_finder_fits_a_1024_pixel_window(qtbot, shipped_model):
    from tests.ui.helpers import make_window

    window = make_window(qtbot, shipped_model, clock=Clock.fixed(DAY))
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.open_id("schemes#compare=nihr-acf,wcat")
    qtbot.wait(20)
    assert window.width() <= 1024, f"the scheme finder widened the window to {window.width()}"
    assert [r.id for r in window.view_widget("schemes").compared] == ["nihr-acf", "wcat"]


def test_a_four_scheme_comparison_breaks_lines_between_words(qtbot, finder):
    from tests.ui.text_breaks import words_split_across_lines

    finder.resize(480, 600)  # the reader area of a 1024-pixel window with both side panes
    finder.show()
    for scheme_id in (
        "nihr-clinical-lectureship",
        "screds-lectureship",
        "ni-acl",
        "mrc-clinician-scientist",
    ):
        assert finder.set_checked(scheme_id)
    finder.compare_checked()
    qtbot.wait(10)
    assert words_split_across_lines(finder.comparison.document()) == []

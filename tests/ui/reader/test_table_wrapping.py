"""The reader breaks lines between words, never inside one (tables included), at a
laptop's 1024×700 with "On this page" beside the text, where a grid too wide for the
reader is shown with its rows stacked."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.helpers import make_window
from tests.ui.text_breaks import words_split_across_lines


def _window_at_1024_by_700(qtbot, model, home):
    window = make_window(qtbot, model, home, theme="light")
    window.resize(1024, 700)
    window.show()
    return window


def test_the_funding_table_keeps_whole_words(qtbot, shipped_model, isolated_home):
    window = _window_at_1024_by_700(qtbot, shipped_model, isolated_home)
    window.open_id("national-pathway")
    QApplication.processEvents()
    assert window.contents_list.isVisible()
    doc = window.reader.document()
    assert "NIHR Predoctoral Award" in doc.toPlainText()
    assert words_split_across_lines(doc) == []


def _table_widths(doc) -> list[int]:
    """How many columns each top-level table of the document has."""
    from PySide6.QtGui import QTextTable

    return [f.columns() for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]


def test_a_grid_too_wide_for_the_reader_shows_its_rows_stacked(qtbot, shipped_model, isolated_home):
    window = _window_at_1024_by_700(qtbot, shipped_model, isolated_home)
    window.open_id("national-pathway")
    QApplication.processEvents()
    doc = window.reader.document()
    assert 6 not in _table_widths(doc)  # the stage-by-nation grid, one table per stage
    assert _table_widths(doc).count(2) >= 5
    assert window.reader.horizontalScrollBar().maximum() == 0  # nothing hidden sideways
    text = " ".join(doc.toPlainText().split())
    assert "Pre-doctoral England NIHR ACF, NIHR Predoctoral Award Scotland SCREDS" in text


def test_widening_the_window_brings_the_grid_back_and_narrowing_stacks_it(
    qtbot, shipped_model, isolated_home
):
    window = _window_at_1024_by_700(qtbot, shipped_model, isolated_home)
    window.open_id("national-pathway")
    window.resize(1700, 900)
    QApplication.processEvents()
    assert 6 in _table_widths(window.reader.document())
    assert words_split_across_lines(window.reader.document()) == []
    window.resize(1024, 700)
    QApplication.processEvents()
    assert 6 not in _table_widths(window.reader.document())


def test_a_bigger_text_size_stacks_a_grid_that_fitted(qtbot, shipped_model, isolated_home):
    window = _window_at_1024_by_700(qtbot, shipped_model, isolated_home)
    window.resize(1700, 900)
    window.open_id("national-pathway")
    QApplication.processEvents()
    assert 6 in _table_widths(window.reader.document())
    try:
        window.set_zoom(250, save=False)
        QApplication.processEvents()
        assert 6 not in _table_widths(window.reader.document())
        assert words_split_across_lines(window.reader.document()) == []
    finally:
        window.set_zoom(100, save=False)


def test_no_page_of_the_guide_splits_a_word(qtbot, shipped_model, isolated_home):
    window = _window_at_1024_by_700(qtbot, shipped_model, isolated_home)
    split: dict[str, list[str]] = {}
    for kind in ("section", "page", "scheme", "story"):
        for item in shipped_model.of_kind(kind):
            window.open_id(item.id)
            QApplication.processEvents()
            found = words_split_across_lines(window.reader.document())
            if found:
                split[item.id] = found
    assert split == {}

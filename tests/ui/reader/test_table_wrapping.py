"""The reader breaks lines between words, never inside one (tables included), at a
laptop's 1024×700 with "On this page" beside the text: the narrowest reader there is."""

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


def test_a_reader_narrower_than_a_table_scrolls_sideways_instead_of_splitting_words(
    qtbot, shipped_model, isolated_home
):
    window = _window_at_1024_by_700(qtbot, shipped_model, isolated_home)
    window.open_id("national-pathway")
    window.splitter.setSizes([400, 300, 324])
    QApplication.processEvents()
    assert words_split_across_lines(window.reader.document()) == []
    assert window.reader.horizontalScrollBar().maximum() > 0


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

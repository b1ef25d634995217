"""The search field is always in view and reachable; filters work without words, as chips."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLineEdit, QToolButton

from guide.ui.roles import Role
from guide.ui.search.panel import SearchPanel
from tests.ui.helpers import make_window, show_active


def _accessible_nodes(interface, depth=0):
    if interface is None or not interface.isValid() or depth > 40:
        return
    yield interface
    for i in range(interface.childCount()):
        yield from _accessible_nodes(interface.child(i), depth + 1)


def test_first_start_shows_a_named_editable_search_field(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home)
    window.show()
    qtbot.waitExposed(window)
    root = QAccessible.queryAccessibleInterface(window)
    fields = [
        node
        for node in _accessible_nodes(root)
        if node.role() == QAccessible.Role.EditableText
        and node.text(QAccessible.Text.Name) == "Search the guide"
    ]
    assert len(fields) == 1
    state = fields[0].state()
    assert not state.invisible and not state.offscreen and not state.readOnly
    assert state.focusable and state.editable
    # It shows while the Contents tab, not the Search tab, is in front.
    assert window.left.currentIndex() == 0


def test_ctrl_k_ctrl_l_and_a_click_put_the_cursor_in_the_field(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home)
    show_active(qtbot, window)
    box = window.findChild(QLineEdit, "searchBox")
    for key in (Qt.Key.Key_K, Qt.Key.Key_L):
        window.tree.setFocus()
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(box.hasFocus, timeout=2000)
    window.tree.setFocus()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(box.hasFocus, timeout=2000)


def test_typing_in_the_field_brings_the_results_forward(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home)
    show_active(qtbot, window)
    panel = window.panel("search")
    window.left.setCurrentIndex(0)
    qtbot.keyClicks(panel.box, "wcat")
    assert window.left.currentWidget() is panel


@pytest.fixture
def panel(qtbot, shipped_model):
    widget = SearchPanel(shipped_model, lambda *a, **k: None, debounce_ms=10)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.indexReady, timeout=10000):
        widget.start_indexing()
    return widget


def _choose(combo, value):
    combo.setCurrentIndex(combo.findData(value))


def test_filters_without_words_list_what_they_allow(qtbot, panel, shipped_model):
    _choose(panel.kind_combo, "scheme")
    _choose(panel.nation_combo, "Wales")
    _choose(panel.stage_combo, "early-post-doctoral")
    ids = {panel.results.item(i).data(Role.RESULT).id for i in range(panel.results.count())}
    assert "hcrw-advanced-fellowship" in ids and "nihr-clinical-lectureship" not in ids
    assert "items for these filters" in panel.status.text()


def test_active_filters_show_as_chips_each_removable_and_clear_all(qtbot, panel):
    _choose(panel.nation_combo, "Wales")
    _choose(panel.kind_combo, "scheme")
    chips = [c for c in panel.chips.findChildren(QToolButton) if c.objectName() == "searchChip"]
    assert {c.text() for c in chips} == {"Wales ✕", "Funding scheme ✕"}
    assert not panel.chips.isHidden()
    wales = next(c for c in chips if c.text().startswith("Wales"))
    wales.click()
    assert panel.nation_combo.currentIndex() == 0
    assert panel.active_filters() == [("Kind", "Funding scheme")]
    panel.findChild(QToolButton, "searchClearFilters").click()
    assert panel.active_filters() == []
    assert panel.chips.isHidden()
    assert panel.results.count() == 0  # no words and no filters: nothing listed


def test_an_opened_result_is_highlighted_in_whole_words(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home)
    window.show()
    panel = window.panel("search")
    with qtbot.waitSignal(panel.indexReady, timeout=10000):
        panel.start_indexing()
    panel.box.setText("screds")
    panel.run_query()
    row = next(
        i
        for i in range(panel.results.count())
        if panel.results.item(i).data(Role.RESULT).id == "screds-lectureship"
    )
    panel.open_result(panel.results.item(row))
    assert window.current_id == "screds-lectureship"
    lit = [s.cursor.selectedText() for s in window.reader.extraSelections()]
    assert "SCREDS" in lit and "SCRED" not in lit  # the whole word, not the stem
    terms = {t.lower() for t in panel.response.terms_for("screds-lectureship")}
    assert {word.lower() for word in lit} <= terms

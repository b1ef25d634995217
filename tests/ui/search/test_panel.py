"""The search panel: builds off the UI thread, results as you type, keys, filters, opening."""

from __future__ import annotations

import threading
from dataclasses import replace
from types import MappingProxyType

import pytest
from PySide6.QtCore import Qt

from guide.search import SearchIndex
from guide.ui.roles import Role
from guide.ui.search import feature as search_feature
from guide.ui.search.panel import SearchPanel
from tests.ui.fake_host import FakeHost


@pytest.fixture
def panel(qtbot, shipped_model):
    opened: list[tuple[str, tuple[str, ...]]] = []
    widget = SearchPanel(
        shipped_model,
        lambda item_id, highlight=(): opened.append((item_id, tuple(highlight))),
        debounce_ms=10,
    )
    widget.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(320, 600)
    with qtbot.waitSignal(widget.indexReady, timeout=10000):
        widget.start_indexing()
    return widget


def test_index_is_built_on_a_worker_thread(qtbot, shipped_model):
    threads: list[str] = []

    def build(model):
        threads.append(threading.current_thread().name)
        return SearchIndex.build(model)

    widget = SearchPanel(shipped_model, lambda *a, **k: None, build=build)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.indexReady, timeout=10000):
        widget.start_indexing()
    assert threads == ["search-index"]
    assert threading.current_thread().name != "search-index"
    assert widget.index is not None


def test_results_appear_as_you_type(qtbot, panel):
    qtbot.keyClicks(panel.box, "OOPR")
    qtbot.waitUntil(lambda: panel.results.count() > 0, timeout=3000)
    first = panel.results.item(0).data(Role.RESULT)
    assert first.id == "oopr"
    assert "result" in panel.status.text()


def test_typing_before_the_index_is_ready_waits_then_answers(qtbot, shipped_model):
    widget = SearchPanel(shipped_model, lambda *a, **k: None, debounce_ms=10)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.indexReady, timeout=10000):
        widget.box.setText("ACF")  # starts the build itself
        assert "Preparing" in widget.status.text()
    qtbot.waitUntil(lambda: widget.results.count() > 0, timeout=3000)
    assert widget.results.item(0).data(Role.RESULT).id == "acf"


def test_arrow_keys_and_enter_open_the_chosen_result(qtbot, panel):
    panel.box.setText("WCAT")
    panel.run_query()
    second = panel.results.item(1).data(Role.RESULT)
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    assert panel.results.currentRow() == 1
    qtbot.keyClick(panel.box, Qt.Key.Key_Up)
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    item_id, highlight = panel.opened[-1]
    assert item_id == second.id
    assert "wcat" in highlight


def test_enter_straight_after_typing_opens_the_top_result(qtbot, panel):
    qtbot.keyClicks(panel.box, "NIHR Advanced Fellowship")
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)  # before the debounce fires
    assert panel.opened[-1][0] == "nihr-postdoctoral-award"


def test_clicking_a_subsection_result_opens_it_at_its_heading(qtbot, panel):
    panel.box.setText("PhD or MD(Res)")
    panel.run_query()
    row = next(
        i for i in range(panel.results.count()) if "#" in panel.results.item(i).data(Role.RESULT).id
    )
    rect = panel.results.visualItemRect(panel.results.item(row))
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    item_id = panel.opened[-1][0]
    assert item_id.startswith("phd-or-md#")


def test_did_you_mean_link_replaces_the_query(qtbot, panel):
    panel.box.setText("fellowhsip")
    panel.run_query()
    assert "Did you mean" in panel.status.text()
    panel.status.linkActivated.emit("suggest")
    assert panel.box.text() == "fellowship"
    assert panel.results.count() > 0


def test_kind_filter_limits_results(qtbot, panel):
    panel.box.setText("ACF")
    panel.run_query()
    assert panel.results.count() > 0
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("milestone"))
    kinds = {panel.results.item(i).data(Role.RESULT).kind for i in range(panel.results.count())}
    assert kinds == {"milestone"}


def test_nation_filter_limits_results(qtbot, panel):
    panel.box.setText("clinical lectureship")
    panel.nation_combo.setCurrentIndex(panel.nation_combo.findData("Scotland"))
    ids = {panel.results.item(i).data(Role.RESULT).item_id for i in range(panel.results.count())}
    assert ids and "nihr-clinical-lectureship" not in ids


def test_no_results_says_what_to_try(qtbot, panel):
    panel.box.setText("qqqqzzzzxxxx")
    panel.run_query()
    assert panel.results.count() == 0
    assert "No results" in panel.status.text()


def test_escape_clears_the_box(qtbot, panel):
    panel.box.setText("ACF")
    qtbot.keyClick(panel.box, Qt.Key.Key_Escape)
    assert panel.box.text() == ""


def test_syntax_characters_in_the_box_do_not_break_it(qtbot, panel):
    for text in ['"', "NEAR(", "-*:()", "acf OR", "   "]:
        panel.box.setText(text)
        panel.run_query()
    assert panel.results.count() == 0 or panel.response is not None


def test_fallback_notice_is_shown(qtbot, shipped_model):
    widget = SearchPanel(
        shipped_model, lambda *a, **k: None, build=lambda m: SearchIndex.build(m, fts5=False)
    )
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.indexReady, timeout=10000):
        widget.start_indexing()
    assert "FTS5" in widget.status.text()
    widget.box.setText("ACF")
    widget.run_query()
    assert widget.results.count() > 0
    assert "FTS5" in widget.status.text()


def test_install_adds_a_tab_and_binds_search_to_its_shortcuts(qtbot, shipped_model, tmp_path):
    window = FakeHost(shipped_model, tmp_path)
    qtbot.addWidget(window)
    panel = search_feature.install(window)
    assert window.panels["search"] is panel
    assert window.tabs.indexOf(panel) == 1
    assert window.shortcut_texts("search") == {"Ctrl+K", "Ctrl+L"}
    window.show()
    qtbot.waitExposed(window)
    # The index starts building only after the window has painted.
    qtbot.waitUntil(lambda: panel.index is not None, timeout=10000)
    window.tabs.setCurrentIndex(0)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is panel
    assert panel.box.hasFocus()


def test_panel_in_the_real_main_window_opens_pages_with_highlights(qtbot, shipped_model):
    from guide.ui.shell.window import MainWindow

    window = MainWindow(shipped_model, persist=False, features=())
    qtbot.addWidget(window)
    panel = search_feature.install(window)
    assert window.panel("search") is panel
    with qtbot.waitSignal(panel.indexReady, timeout=10000):
        panel.start_indexing()
    assert window.action("search") in window.menu("Go").actions()
    window.action("search").trigger()
    assert window.left.currentWidget() is panel
    panel.box.setText("OOPR")
    panel.run_query()
    panel.open_result(panel.results.item(0))
    assert window.current_id == "oopr"
    assert window.reader.highlight_words(panel.response.terms) > 0


def test_results_screenshot_renders(qtbot, panel, tmp_path):
    panel.box.setText("research after CCT")
    panel.run_query()
    panel.results.setCurrentRow(1)
    image = panel.grab()
    assert not image.isNull()
    assert image.save(str(tmp_path / "search.png"))


def test_subsection_result_stays_at_its_heading_after_highlighting(qtbot, shipped_model):
    from guide.ui.shell.window import MainWindow

    window = MainWindow(shipped_model, persist=False, features=())
    qtbot.addWidget(window)
    window.resize(1000, 500)
    panel = search_feature.install(window)
    assert window.panel("search") is panel
    with qtbot.waitSignal(panel.indexReady, timeout=10000):
        window.show()  # the index builds after the first paint
    qtbot.waitExposed(window)
    panel.box.setText("research after CCT")
    panel.run_query()
    row = next(
        i
        for i in range(panel.results.count())
        if panel.results.item(i).data(Role.RESULT).id.startswith("flexible-entry#")
    )
    panel.open_result(panel.results.item(row))
    assert window.current_id == "flexible-entry"
    # "research" is highlighted near the top too; the view must still show the heading.
    reader = window.reader
    heading = reader.document().find("Entry after you finish training")
    assert not heading.isNull()
    assert reader.viewport().rect().contains(reader.cursorRect(heading).center())


def test_an_index_finished_after_a_reload_for_the_old_content_is_not_used(qtbot, shipped_model):
    # The content is reloaded just after the first paint (an edit made while the guide was
    # closed) while the first index is still being built: the old index must not win.
    reloaded = replace(
        shipped_model,
        items=MappingProxyType({k: v for k, v in shipped_model.items.items() if k != "wcat"}),
    )
    release, old_done = threading.Event(), threading.Event()

    def build(model):
        if model is shipped_model:
            release.wait(10)
            index = SearchIndex.build(model)
            old_done.set()
            return index
        return SearchIndex.build(model)

    widget = SearchPanel(shipped_model, lambda *a, **k: None, build=build)
    qtbot.addWidget(widget)
    widget.start_indexing()
    with qtbot.waitSignal(widget.indexReady, timeout=10000):
        widget.rebuild_index(reloaded)
    assert "wcat" not in widget.index.search("WCAT").ids()
    release.set()
    qtbot.waitUntil(old_done.is_set, timeout=10000)
    qtbot.wait(200)  # the old index's answer reaches this thread, and is dropped
    assert "wcat" not in widget.index.search("WCAT").ids()

"""Garbage collection stays on the GUI thread while worker threads run Python code."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject

from guide.search import SearchIndex
from guide.ui.collector import collect_if_due, collect_on_gui_thread, due_generation
from guide.ui.search.panel import SearchPanel


class Canary:
    """Sits in a reference cycle with a Qt object; notes the thread that frees it."""

    freed_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.qt = QObject()
        self.me = self  # a cycle: only the cycle collector can free it

    def __del__(self) -> None:
        Canary.freed_on.append(threading.current_thread().name)


@pytest.fixture
def collection_as_in_the_app() -> Iterator[None]:
    """Automatic collection on, as the app has it before its first worker thread.

    First let any worker an earlier test left running (a window closed before its search
    index was ready) finish: with collection on, it could collect on its own thread."""
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and thread.daemon:
            thread.join(timeout=10)
    Canary.freed_on = []
    thresholds = gc.get_threshold()
    gc.enable()
    yield
    gc.set_threshold(*thresholds)
    gc.disable()  # the test session's setting (tests/conftest.py)


def test_a_cycle_holding_a_qt_object_is_freed_on_the_gui_thread_while_the_index_builds(
    qtbot, shipped_model, collection_as_in_the_app
):
    def allocating_build(model):
        # Enough container allocations to pass generation 0's threshold many times over:
        # with automatic collection on, the cycles below would be freed on this thread.
        for _ in range(200_000):
            _ = [[]]
        return SearchIndex.build(model)

    panel = SearchPanel(shipped_model, lambda *a, **k: None, build=allocating_build)
    qtbot.addWidget(panel)
    gc.collect()  # counts start from zero, so the cycles below outlive the main thread's work
    for _ in range(50):
        Canary()
    with qtbot.waitSignal(panel.indexReady, timeout=20000):
        panel.start_indexing()
    assert not gc.isenabled()
    # Whatever the GUI thread's timer has not collected yet, collect here, on this thread.
    gc.collect()
    assert len(Canary.freed_on) == 50
    assert set(Canary.freed_on) == {threading.main_thread().name}


def test_only_a_generation_past_its_threshold_is_due(collection_as_in_the_app):
    gc.disable()
    gc.collect()
    gc.set_threshold(1000, 10, 10)
    assert due_generation() is None
    assert collect_if_due() is None
    gc.set_threshold(1, 10, 10)
    keep = [[] for _ in range(5)]
    assert due_generation() == 0
    assert collect_if_due() == 0
    assert keep


def test_asking_twice_keeps_one_collector(qapp):
    first = collect_on_gui_thread()
    assert collect_on_gui_thread() is first

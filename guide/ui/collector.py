"""Cyclic garbage collection on the GUI thread only.

Python runs its cycle collector on whichever thread happens to allocate when a
generation's threshold is passed. When that is a worker thread (the search index is
built on one), the collector can free Qt objects that sit in reference cycles (widgets
from a closed dialog, a replaced page) on that thread, and Qt crashes: CI saw a
segmentation fault "Garbage-collecting" on the search-index thread. Qt objects must be
destroyed on the thread that owns them.

So once the interface starts a worker thread, automatic collection is switched off and a
timer on the GUI thread collects instead, with the interpreter's own thresholds: the
same generations are collected, at most one timer tick later, and never off the GUI
thread. Explicit ``gc.collect()`` calls still work (the collector being "disabled" only
stops the automatic passes).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

# Often enough that garbage never piles up between ticks, rarely enough to cost nothing:
# a tick with nothing due is a few integer comparisons.
TICK_MS = 250


def due_generation() -> int | None:
    """The oldest generation whose allocation count has passed its threshold, if any."""
    thresholds = gc.get_threshold()
    counts = gc.get_count()
    due = None
    for generation, (count, threshold) in enumerate(zip(counts, thresholds, strict=True)):
        if threshold and count > threshold:
            due = generation
    return due


def collect_if_due() -> int | None:
    """Collect the generation that is due, as automatic collection would; returns it."""
    generation = due_generation()
    if generation is not None:
        gc.collect(generation)
    return generation


class GuiThreadCollector(QObject):
    """A timer on the GUI thread that does what automatic collection would have done."""

    def __init__(self, app: QCoreApplication, tick_ms: int = TICK_MS) -> None:
        super().__init__(app)
        self.setObjectName("guiThreadCollector")
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(collect_if_due)
        self.timer.start()


def collect_on_gui_thread() -> GuiThreadCollector:
    """Switch automatic collection off and collect from the GUI thread's event loop.

    Call it on the GUI thread, before starting a thread that runs Python code. It is
    idempotent: the application keeps one collector for its lifetime.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("collect_on_gui_thread needs a running Qt application")
    if QThread.currentThread() != app.thread():
        raise RuntimeError("collect_on_gui_thread must be called on the GUI thread")
    existing = app.findChild(GuiThreadCollector, "guiThreadCollector")
    gc.disable()
    if isinstance(existing, GuiThreadCollector):
        return existing
    return GuiThreadCollector(app)


def is_collecting_on_gui_thread() -> bool:
    """Whether this application's collection has moved to the GUI thread."""
    app = QCoreApplication.instance()
    return app is not None and app.findChild(GuiThreadCollector, "guiThreadCollector") is not None

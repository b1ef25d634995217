"""One real start of the app after a page was edited while it was closed: how long until
the edit shows, and how long the GUI thread was held up meanwhile.

Run as a child process by ``bench_recheck`` (one QApplication per process):
``python -m tests.benchmarks.after_paint SPEC.json``, where the spec names the content
folders, the user's folder (its content cache written by an earlier start) and the page
id and title to wait for. It starts the app as ``guide`` does (``guide.ui.app.run_app``),
and prints one JSON object:

- ``shown_ms``: from the first paint until the window's model holds the new title;
- ``stall_ms``: the longest gap between ticks of a 1 ms timer on the GUI thread in that
  time (everything the first turns of the event loop do: features, the check, the
  reload, the re-render);
- ``check_gui_ms``: the time the content check itself spent on the GUI thread (its start,
  and the reload and re-render of what it found);
- ``cached_ms``: from the first paint until the content cache holds the edit (the window
  stays open until then, as it would in use);
- ``next_start_load_ms``: loading the content as the next start would (the cache read,
  or a full load when there is no cache).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

# Wait this long after the edit shows, so work the check queued behind it is counted too.
SETTLE_MS = 500
GIVE_UP_MS = 120_000


def _timed(owner: Any, name: str, spent: list[float]) -> None:
    """Add the time each call of ``owner.name`` takes to ``spent``."""
    real = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent.append((time.perf_counter() - started) * 1000)

    setattr(owner, name, wrapper)


def _watch_the_check(spent: list[float], cached: list[bool]) -> None:
    from guide.ui.recheck import feature

    for name in ("start", "_reload"):
        _timed(feature.ContentRecheck, name, spent)
    real = feature.ContentRecheck.__init__

    def init(self: feature.ContentRecheck, host: Any) -> None:
        real(self, host)
        self.cached.connect(lambda: cached.append(True))

    feature.ContentRecheck.__init__ = init  # type: ignore[method-assign]


def main(spec_path: str) -> int:
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from guide.clock import from_environment
    from guide.ui import app as app_module

    args = argparse.Namespace(
        content=spec["content"], home=spec["home"], watch=False, clock=from_environment()
    )
    spent: list[float] = []
    cached: list[bool] = []
    _watch_the_check(spent, cached)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    clock = QElapsedTimer()
    clock.start()
    state: dict[str, Any] = {
        "painted": None, "shown": None, "cached": None, "stall": 0.0, "last": None,
    }  # fmt: skip

    def shown(window: Any) -> bool:
        item = window.model.get(spec["id"])
        return item is not None and item.title == spec["title"]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        windows = [w for w in app.topLevelWidgets() if w.objectName() == "MainWindow"]
        if not windows:
            return
        window = windows[0]
        if state["painted"] is None:
            if window.first_paint.painted:
                state["painted"] = now
            state["last"] = now
            return
        if state["shown"] is None or now - state["shown"] < SETTLE_MS:
            state["stall"] = max(state["stall"], now - state["last"])
        state["last"] = now
        if state["shown"] is None and shown(window):
            state["shown"] = now
        if state["cached"] is None and cached:
            state["cached"] = now
        done = (
            state["shown"] is not None
            and now - state["shown"] >= SETTLE_MS
            and state["cached"] is not None
        )
        if done or now - state["painted"] > GIVE_UP_MS:
            window.close()

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    app_module.run_app(args)
    timer.stop()
    if state["shown"] is None:
        print(json.dumps({"error": "the edit never showed"}))
        return 1
    started = time.perf_counter()
    from guide.commands.common import load_model

    model = load_model(args, cached=True, check_files=False)
    next_ms = (time.perf_counter() - started) * 1000
    assert model.get(spec["id"]).title == spec["title"], "the next start shows the old text"
    result = {
        "shown_ms": round(state["shown"] - state["painted"], 1),
        "stall_ms": round(state["stall"], 1),
        "check_gui_ms": round(sum(spent), 1),
        "cached_ms": round(state["cached"] - state["painted"], 1),
        "next_start_load_ms": round(next_ms, 1),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main(sys.argv[1]))

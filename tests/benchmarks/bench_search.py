"""Search benchmark: query latency, index build time, and whether building delays first paint.

Figures (all in ms unless named otherwise):

- ``search_p50_ms``, ``search_p95_ms``, ``search_mean_ms``: every query of a
  realistic set (the relevance queries, plus the prefixes typed on the way to
  some of them, as the panel searches while you type) run ``REPEATS`` times.
- ``search_build_ms``: ``SearchIndex.build`` on the loaded model.
- ``first_paint_ms`` and ``first_paint_no_search_ms``: main window construction
  to its first paint, with the search feature installed and without it
  (medians of ``PAINT_RUNS`` alternating runs).
- ``search_build_after_paint``: 1 if the index build started after the first
  paint (it must), else 0; ``ui_max_stall_ms``: the longest the event loop
  went without running a 10 ms timer while the index built on its thread.

Run ``python -m tests.benchmarks.bench_search`` (shipped content) or with
``--scale`` (plus a generated 5,000-page folder); ``make bench`` calls
``measure()``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from guide.content import ContentModel, load_content
from guide.paths import bundled_data_dir
from guide.search import SearchIndex

REPEATS = 5
PAINT_RUNS = 5
BUDGET_SHIPPED_MS = 3.0
BUDGET_SCALE_MS = 15.0


def queries() -> list[str]:
    """The relevance set, plus as-you-type prefixes of a few of its queries."""
    from tests.search.test_relevance import QUERIES

    typed = [q for q, _ in QUERIES]
    for phrase in ("research after CCT", "clinical lectureship", "fellowship"):
        typed += [phrase[:n] for n in range(2, len(phrase), 3)]
    return typed


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def query_latency(index: SearchIndex, texts: list[str], repeats: int = REPEATS) -> dict[str, float]:
    for text in texts:  # warm caches (regex compilation, SQLite pages)
        index.search(text)
    samples = []
    for _ in range(repeats):
        for text in texts:
            started = time.perf_counter()
            index.search(text)
            samples.append((time.perf_counter() - started) * 1000)
    return {
        "search_p50_ms": round(_percentile(samples, 50), 3),
        "search_p95_ms": round(_percentile(samples, 95), 3),
        "search_mean_ms": round(statistics.fmean(samples), 3),
        "search_queries": len(texts),
    }


def build_time(model: ContentModel, runs: int) -> tuple[SearchIndex, float]:
    times, index = [], None
    for _ in range(runs):
        started = time.perf_counter()
        index = SearchIndex.build(model)
        times.append((time.perf_counter() - started) * 1000)
    assert index is not None
    return index, statistics.median(times)


def first_paint(
    model: ContentModel, *, with_search: bool, wait_for_index: bool = True
) -> dict[str, float]:
    """Construct the main window, show it, and time its first paint (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from guide.ui.search import feature as search_feature
    from guide.ui.shell.window import MainWindow

    app = QApplication.instance() or QApplication([])
    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    watch = PaintWatch()
    app.installEventFilter(watch)
    with tempfile.TemporaryDirectory() as home:
        started = time.perf_counter()
        window = MainWindow(model, Path(home), persist=False, features=())
        if with_search:
            search_feature.install(window)
        window.show()
        while not painted and time.perf_counter() - started < 30:
            app.processEvents()
        out = {"first_paint_ms": (painted[0] - started) * 1000 if painted else -1.0}
        if with_search and wait_for_index:
            panel = window.panel("search")
            gaps: list[float] = []
            last = [time.perf_counter()]

            def tick() -> None:
                now = time.perf_counter()
                gaps.append((now - last[0]) * 1000)
                last[0] = now

            timer = QTimer()
            timer.setInterval(10)
            timer.timeout.connect(tick)
            timer.start()
            deadline = time.perf_counter() + 120
            while panel.index is None and time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.001)
            timer.stop()
            build_started = panel.timings.get("build_started", float("inf"))
            out["search_build_after_paint"] = float(bool(painted) and build_started >= painted[0])
            out["ui_max_stall_ms"] = round(max(gaps, default=0.0), 1)
            out["search_ready_after_paint_ms"] = round(
                (panel.timings.get("build_finished", 0.0) - painted[0]) * 1000, 1
            )
        window.close()
        window.deleteLater()
        app.processEvents()
    app.removeEventFilter(watch)
    return out


def measure(extra_content: Path | None = None) -> dict[str, Any]:
    roots = [bundled_data_dir()] + ([extra_content] if extra_content else [])
    model = load_content(roots)
    index, build_ms = build_time(model, runs=1 if extra_content else 3)
    figures: dict[str, Any] = {"search_docs": len(index), "search_backend": index.backend_name}
    figures["search_build_ms"] = round(build_ms, 1)
    figures.update(query_latency(index, queries()))
    # Alternate with and without search, PAINT_RUNS times each, and take medians:
    # one run of each is too noisy on a shared VM to compare.
    painted: dict[bool, list[float]] = {True: [], False: []}
    for run in range(PAINT_RUNS):
        for with_search in (run % 2 == 0, run % 2 != 0):
            result = first_paint(model, with_search=with_search, wait_for_index=run == 0)
            painted[with_search].append(result.pop("first_paint_ms"))
            figures.update(result)
    figures["first_paint_no_search_ms"] = round(statistics.median(painted[False]), 1)
    figures["first_paint_ms"] = round(statistics.median(painted[True]), 1)
    return figures


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", action="store_true", help="add a generated 5,000-page folder")
    parser.add_argument("--pages", type=int, default=5000)
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    runs = [("shipped", None)]
    with tempfile.TemporaryDirectory() as tmp:
        if args.scale:
            from tests.benchmarks.generate_content import generate

            runs.append(("scale", generate(Path(tmp) / "generated", args.pages, seed=1)))
        for label, extra in runs:
            for key, value in measure(extra).items():
                results[f"{label}.{key}"] = value
    print(f"{'figure':<40} value")
    for key, value in results.items():
        print(f"{key:<40} {value}")
    for label, budget in (("shipped", BUDGET_SHIPPED_MS), ("scale", BUDGET_SCALE_MS)):
        mean = results.get(f"{label}.search_mean_ms")
        if mean is not None:
            verdict = "PASS" if mean <= budget else "FAIL"
            print(f"{verdict}  {label} mean per query {mean} ms (budget {budget} ms)")
    return results


if __name__ == "__main__":
    main(sys.argv[1:])

"""``make bench``: every benchmark, a table, ``bench-results.json``, and the budgets.

Runs on the shipped content and again with a generated 5,000-page
``--content`` folder, so we can see how cost grows with content. Ends with one
PASS or FAIL line per budget and exits 1 if a budget is missed. Budgets are on wall
time; where a CPU-time figure exists it is shown beside it, with the machine's load
average, because on a shared machine wall time also counts time given to others
(rerun before believing a near miss).
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCALE_PAGES = 5000

# The CPU-time figure shown beside a wall-time budget (steadier on a busy machine).
CPU_FIGURES = {
    "shipped.startup_ratio": "shipped.startup_cpu_ratio",
    "scale.startup_ratio": "scale.startup_cpu_ratio",
    "shipped.page_switch_p95_ms": "shipped.page_switch_cpu_p95_ms",
    "scale.page_switch_p95_ms": "scale.page_switch_cpu_p95_ms",
}

# (figure, limit, description): a figure at or under its limit meets the budget.
BUDGETS: list[tuple[str, float, str]] = [
    ("shipped.startup_ratio", 1.25, "start-up to first paint vs bare window"),
    ("shipped.peak_rss_ratio", 1.5, "peak memory vs bare window"),
    ("shipped.page_switch_p95_ms", 50.0, "page switch p95 (ms)"),
    ("shipped.progress_save_p95_ms", 20.0, "progress save p95, fsync included (ms)"),
    ("shipped.search_mean_ms", 3.0, "search mean per query, shipped content (ms)"),
    ("scale.search_mean_ms", 15.0, "search mean per query, +5,000 pages (ms)"),
    # Content size must not change the start (issue #17): the same budgets with +5,000 pages.
    ("scale.startup_ratio", 1.3, "start-up vs bare window, +5,000 pages"),
    ("scale.peak_rss_ratio", 1.5, "peak memory vs bare window, +5,000 pages"),
    ("scale.page_switch_p95_ms", 50.0, "page switch p95, +5,000 pages (ms)"),
    ("scale.reload_one_page_ms", 200.0, "reload of one edited page, +5,000 pages (ms)"),
]


def _call(module: str, func: str, **kwargs: Any) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        result = getattr(importlib.import_module(module), func)(**kwargs)
    except Exception as exc:  # a broken benchmark is reported, the others still run
        traceback.print_exc()
        return {"error": f"{type(exc).__name__}: {exc}"}
    print(f"  {module}.{func} done in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return dict(result)


def _suite(extra: Path | None) -> list[tuple[str, Callable[[], dict[str, Any]]]]:
    scale = extra is not None
    return [
        ("startup", lambda: _call("tests.benchmarks.bench_startup", "measure",
                                  runs=9 if scale else 15, extra_content=extra)),
        ("content", lambda: _call("tests.benchmarks.bench_content", "measure", extra_content=extra)),
        ("reader", lambda: _call("tests.benchmarks.bench_reader", "measure",
                                 rounds=1 if scale else 3, extra_content=extra)),
        ("search", lambda: _call("tests.benchmarks.bench_search", "measure", extra_content=extra)),
        ("reload", lambda: _call("tests.benchmarks.bench_reload", "measure", extra_content=extra)),
        ("recheck", lambda: _call("tests.benchmarks.bench_recheck", "measure", extra_content=extra)),
        ("diagram", lambda: _call("tests.benchmarks.bench_diagram", "measure")),
        ("progress", lambda: _call("tests.benchmarks.bench_progress", "measure")),
    ]  # fmt: skip


def _flatten(prefix: str, figures: dict[str, Any], out: dict[str, Any]) -> None:
    for key, value in figures.items():
        out[f"{prefix}.{key}"] = value


def _load() -> float:
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else -1.0


def report(results: dict[str, Any]) -> int:
    """Print one PASS/FAIL line per budget; the number of budgets missed."""
    failed = 0
    print(f"{'':6}{'budget':<48} {'figure':>9} {'limit':>7}   CPU time")
    for key, limit, text in BUDGETS:
        value = results.get(key)
        ok = isinstance(value, (int, float)) and value <= limit
        failed += not ok
        cpu = results.get(CPU_FIGURES.get(key, ""), "")
        shown = f"{value:>9}" if isinstance(value, (int, float)) else f"{value!s:>9}"
        print(f"{'PASS' if ok else 'FAIL':<6}{text:<48} {shown} {limit:>7}   {cpu}")
    cores = os.cpu_count() or 1
    start, end = results.get("load_start", -1.0), results.get("load_end", -1.0)
    print(f"\nload average {start} at the start, {end} at the end, on {cores} CPUs", end="")
    busy = max(start, end) > cores
    print(": busy, so wall-time figures are inflated (see CPU time)" if busy else "")
    print(f"{len(BUDGETS) - failed} of {len(BUDGETS)} budgets met")
    return failed


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: dict[str, Any] = {"python": sys.version.split()[0], "time": time.ctime()}
    results["load_start"] = _load()
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "generated"
        from tests.benchmarks.generate_content import generate

        generate(extra, SCALE_PAGES, seed=1)
        for label, folder in (("shipped", None), ("scale", extra)):
            print(f"== {label} content ==", file=sys.stderr)
            for name, bench in _suite(folder):
                if label == "scale" and name in ("diagram", "progress"):
                    continue  # independent of content size
                _flatten(label, bench(), results)
    if os.environ.get("BENCH_BUNDLE") or (ROOT / "dist" / "ClinicalAcademicGuide").is_dir():
        _flatten("bundle", _call("tests.benchmarks.bench_bundle", "measure"), results)
    results["load_end"] = _load()

    print()
    print(f"{'figure':<44} value")
    for key, value in results.items():
        print(f"{key:<44} {value}")
    print()
    failed = report(results)
    (ROOT / "bench-results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {ROOT / 'bench-results.json'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

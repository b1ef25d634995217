"""Progress save latency: one ticked milestone saved the way the app saves it (lock, reload
and merge, back up, temp file, fsync, replace, fsync the folder), on a record of realistic
size. ``measure()`` returns the figures; run this file to print them.

The record lives in a temporary folder on the same disk as the project (not a RAM
disk), so fsync costs what it costs on a real drive. Figures are in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.proc import median, percentile

ROOT = Path(__file__).resolve().parents[2]


def measure(saves: int = 200, milestones: int = 120) -> dict[str, Any]:
    from guide.progress import ProgressStore
    from guide.progress.files import atomic_write, backups

    with tempfile.TemporaryDirectory(prefix=".bench-progress-", dir=ROOT) as folder:
        home = Path(folder)
        store = ProgressStore.open(home)
        # A well-used record: every milestone touched, with notes, plus some of the user's own.
        for n in range(milestones):
            store.update_entry(
                f"m-{n}", status="in-progress", notes="A note of a line or two. " * 4
            )
        for n in range(10):
            store.add_own(f"My own milestone {n}", "f1")
        size = store.path.stat().st_size

        timings = []
        for n in range(saves):
            key = f"m-{n % milestones}"
            status = "in-progress" if store.entry(key).status == "done" else "done"
            started = time.perf_counter()
            ok = store.set_status(key, status, dt.date(2026, 1, 1) if status == "done" else None)
            timings.append((time.perf_counter() - started) * 1000)
            if not ok or store.entry(key).status != status:
                raise RuntimeError(store.error or "the change was not made")

        # The floor: the same bytes written atomically with no lock, merge or backup.
        raw = []
        payload = store.path.read_bytes()
        for _ in range(saves // 2):
            started = time.perf_counter()
            atomic_write(home / "raw.json", payload)
            raw.append((time.perf_counter() - started) * 1000)

        started = time.perf_counter()
        ProgressStore.open(home)
        load_ms = (time.perf_counter() - started) * 1000
        kept = len(backups(store.path))
    return {
        "progress_save_p50_ms": round(median(timings), 2),
        "progress_save_p95_ms": round(percentile(timings, 95), 2),
        "progress_save_max_ms": round(max(timings), 2),
        "progress_raw_atomic_write_p50_ms": round(median(raw), 2),
        "progress_raw_atomic_write_p95_ms": round(percentile(raw, 95), 2),
        "progress_load_ms": round(load_ms, 2),
        "progress_file_kb": round(size / 1024, 1),
        "progress_backups_kept": kept,
    }


def main() -> dict[str, Any]:
    figures = measure()
    print(
        f"progress save with fsync: p50 {figures['progress_save_p50_ms']} ms, "
        f"p95 {figures['progress_save_p95_ms']} ms, max {figures['progress_save_max_ms']} ms"
    )
    print(
        "floor (temp file, fsync, replace, fsync folder; no lock, merge or backup): "
        f"p50 {figures['progress_raw_atomic_write_p50_ms']} ms, "
        f"p95 {figures['progress_raw_atomic_write_p95_ms']} ms"
    )
    print(
        f"load {figures['progress_load_ms']} ms; file {figures['progress_file_kb']} KB; "
        f"{figures['progress_backups_kept']} backups kept"
    )
    return figures


if __name__ == "__main__":
    main()
    sys.exit(0)

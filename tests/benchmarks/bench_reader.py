"""Reader timings in a real (offscreen) main window: largest page, and page switches.

A page switch is ``open_id`` plus the event processing that lays out and
paints the new page, as a click in the tree would cause. The switches start once the
search index (built on its own thread after the first paint) is ready, so they measure
the everyday window, not one still busy starting. Besides wall time, each switch's CPU
time on the window's thread is kept: on a machine shared with other work, wall time
also counts the time the machine gave to others.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.benchmarks.proc import median, percentile


def measure(rounds: int = 3, extra_content: Path | None = None) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from guide.content import load_content
    from guide.paths import bundled_data_dir
    from guide.ui.shell.window import MainWindow

    app = QApplication.instance() or QApplication([])
    roots = [bundled_data_dir()] + ([extra_content] if extra_content else [])
    model = load_content(roots)
    with tempfile.TemporaryDirectory() as home:
        window = MainWindow(model, home=Path(home), persist=False)
        window.resize(1100, 720)
        window.show()
        app.processEvents()
        search = window.panel("search")
        deadline = time.perf_counter() + 120
        while search is not None and search.index is None and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.005)
        pages = [i.id for i in model if i.kind in ("page", "section", "story", "scheme")]
        if extra_content is not None:
            pages = pages[:400]  # a sample is enough to see the trend
        largest = max(pages, key=lambda i: len(model.get(i).body))

        cpu: list[float] = []

        def switch(item_id: str) -> float:
            started, started_cpu = time.perf_counter(), time.thread_time()
            window.open_id(item_id)
            app.processEvents()
            cpu.append((time.thread_time() - started_cpu) * 1000)
            return (time.perf_counter() - started) * 1000

        switch("overview")
        largest_ms = median([switch(largest) for _ in range(5)])
        cpu.clear()
        times = [switch(i) for _ in range(rounds) for i in pages]
        window.close()
    return {
        "largest_page": largest,
        "largest_page_open_ms": round(largest_ms, 2),
        "page_switch_p50_ms": round(median(times), 2),
        "page_switch_p95_ms": round(percentile(times, 95), 2),
        "page_switch_cpu_p50_ms": round(median(cpu), 2),
        "page_switch_cpu_p95_ms": round(percentile(cpu, 95), 2),
    }


if __name__ == "__main__":
    for key, value in measure().items():
        print(f"{key:<24} {value}")

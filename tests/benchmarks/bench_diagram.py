"""Draw the diagram: how long the pathway diagram takes to lay out, draw, switch and export.

``measure()`` returns the figures (``make bench`` collects them); run this file
on its own to print them:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_diagram
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(rounds: int = 5) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from guide.content import load_content
    from guide.diagram.layout import layout_pathway
    from guide.paths import bundled_data_dir
    from guide.ui.diagram.page import PathwayDiagramPage
    from tests.ui.fake_host import FakeHost

    app = QApplication.instance() or QApplication([])
    model = load_content([bundled_data_dir()])
    pathway = model.extras["pathway"]

    layout_ms = []
    for _ in range(rounds * 4):
        for nation in NATIONS:
            started = time.perf_counter()
            layout_pathway(pathway, nation)
            layout_ms.append((time.perf_counter() - started) * 1000)

    # First show: build the page (lazy factory), lay out, draw and paint.
    started = time.perf_counter()
    # The page reaches the window only through the host; the shared fake host is enough.
    host = FakeHost(model, Path(tempfile.mkdtemp()))
    page = PathwayDiagramPage(host)
    page.resize(1200, 800)
    page.show()
    app.processEvents()
    first_ms = (time.perf_counter() - started) * 1000

    # Switching nation redraws the whole scene from the data, then repaints.
    switch_ms = []
    for _ in range(rounds):
        for index in (1, 2, 3, 0):
            started = time.perf_counter()
            page.nation.setCurrentIndex(index)
            page.canvas.viewport().repaint()
            app.processEvents()
            switch_ms.append((time.perf_counter() - started) * 1000)

    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        page.export_png(Path(scratch) / "p.png")
        png_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        page.export_svg(Path(scratch) / "p.svg")
        svg_ms = (time.perf_counter() - started) * 1000
        svg_kb = (Path(scratch) / "p.svg").stat().st_size / 1024
    nodes = len(page.scene_.node_items)
    page.close()
    page.deleteLater()
    app.processEvents()
    return {
        "layout_median_ms": round(statistics.median(layout_ms), 2),
        "first_show_ms": round(first_ms, 1),
        "nation_switch_median_ms": round(statistics.median(switch_ms), 1),
        "nation_switch_p95_ms": round(_p95(switch_ms), 1),
        "export_png_ms": round(png_ms, 1),
        "export_svg_ms": round(svg_ms, 1),
        "svg_kb": round(svg_kb, 1),
        "england_boxes": nodes,
    }


def main() -> dict[str, Any]:
    figures = measure()
    print("draw the diagram")
    for name, value in figures.items():
        print(f"  {name:26s} {value}")
    return figures


if __name__ == "__main__":
    main()

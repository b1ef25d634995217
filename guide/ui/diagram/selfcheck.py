"""Self-test check for the pathway diagram: draw every nation offscreen and export it.

Run by ``guide --self-test`` (and so by ``make bundle`` on the frozen build),
where it proves that Qt's widgets, fonts, QtSvg and the diagram data all work.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from guide.commands.common import load_model
from guide.content.model import NATIONS


def check_diagram(args: argparse.Namespace) -> str:
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from guide.ui.diagram.export import export_svg
    from guide.ui.diagram.scene import DiagramColours, Fonts, build_scene

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # a widgets app, not a bare QCoreApplication
    model = load_model(args)
    pathway = model.extras.get("pathway")
    if pathway is None:
        raise RuntimeError("data/pathway.yaml is missing or could not be loaded")
    fonts, colours = Fonts.from_font(app.font()), DiagramColours.light()
    boxes = 0
    for nation in NATIONS:
        scene = build_scene(pathway, nation, model, colours, fonts)
        expected = {n.id for n in pathway.nodes_for(nation)}
        if set(scene.node_items) != expected:
            raise RuntimeError(f"{nation}: drew {len(scene.node_items)} of {len(expected)} boxes")
        rect = scene.sceneRect()
        image = QImage(rect.size().toSize(), QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
        box = scene.node_items[next(iter(expected))].rect.center()
        if image.pixelColor(round(box.x()), round(box.y() - 2)) == QColor("#ffffff"):
            raise RuntimeError(f"{nation}: the diagram rendered blank")
        boxes += len(expected)
    with tempfile.TemporaryDirectory(prefix="guide-diagram-") as scratch:
        svg = export_svg(scene, Path(scratch) / "pathway.svg", "self-test")
        if b"<svg" not in svg.read_bytes()[:2000]:
            raise RuntimeError("SVG export did not write an SVG file")
    return f"{len(NATIONS)} nations drawn ({boxes} boxes), SVG export works"

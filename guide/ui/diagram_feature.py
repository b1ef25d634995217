"""The pathway diagram as a main-window feature, without its cost at start-up.

``guide.ui.diagram_view`` brings QGraphicsView, QtPrintSupport, the layout
engine and the pathway data model (and through it the YAML parser); importing
it in ``install`` cost start-up ~40 ms. This module only registers the view;
the factory imports the real thing the first time the diagram is shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

VIEW_ID = "pathway-diagram"


def install(window: Any) -> None:
    """Register the diagram with the main window; built the first time it is opened."""

    def build() -> QWidget:
        from guide.ui.diagram_view import PathwayDiagramPage

        return PathwayDiagramPage(window.model, window)

    title = QCoreApplication.translate("PathwayDiagram", "Pathway diagram")
    window.register_view(VIEW_ID, title, build, tree_section=None)

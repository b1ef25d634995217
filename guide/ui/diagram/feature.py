"""The pathway diagram in the window, without its cost at start-up.

``diagram.page`` brings QGraphicsView, QtPrintSupport, the layout engine and the
pathway data model (and through it the YAML parser); this module only registers
the view, and the factory imports the page the first time the diagram is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from guide.ui.host import Host

VIEW_ID = "pathway-diagram"


def install(host: Host) -> None:
    """Register the diagram with the host; built the first time it is opened."""

    def build() -> QWidget:
        from guide.ui.diagram.page import PathwayDiagramPage

        return PathwayDiagramPage(host)

    title = QCoreApplication.translate("PathwayDiagram", "Pathway diagram")
    host.register_view(VIEW_ID, title, build, tree_section=None)

"""Save or print a drawn pathway diagram: PNG, SVG (QtSvg) and the system printer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene


def _tr(text: str) -> str:
    return QCoreApplication.translate("PathwayDiagram", text)


def export_png(scene: QGraphicsScene, path: Path | str, scale: float = 2.0) -> Path:
    """Render the whole scene at ``scale`` (2 = sharp on high-DPI screens and slides)."""
    rect = scene.sceneRect()
    size = QSize(round(rect.width() * scale), round(rect.height() * scale))
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    path = Path(path)
    # PySide takes the format as str at run time; its stubs say bytes.
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
        raise OSError(_tr("Could not save %1").replace("%1", str(path)))
    return path


def export_svg(scene: QGraphicsScene, path: Path | str, title: str) -> Path:
    """Write the scene as vector SVG, which stays sharp at any size."""
    rect = scene.sceneRect()
    path = Path(path)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(rect.size().toSize())
    generator.setViewBox(rect)
    generator.setTitle(title)
    generator.setDescription(
        _tr("The clinical academic pathway, from Clinical Academic Pathway Guide")
    )
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(_tr("Could not save %1").replace("%1", str(path)))
    scene.render(painter, rect, rect)
    painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(_tr("Could not save %1").replace("%1", str(path)))
    return path


def print_scene(scene: QGraphicsScene, printer: QPrinter) -> None:
    """Fit the whole scene on one page, keeping its proportions."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_tr("The printer could not be started."))
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    target = QRectF(0, 0, page.width(), page.height())
    scene.render(painter, target, scene.sceneRect())
    painter.end()

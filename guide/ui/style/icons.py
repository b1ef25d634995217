"""Icons drawn in a theme's colours (stock icons vanish on dark backgrounds)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF


def arrow_icon(colour: str, direction: int) -> QIcon:
    """A simple filled arrow pointing left (-1) or right (1)."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        s = size / 16
        points = [(13, 7), (7, 7), (7, 3), (2, 8), (7, 13), (7, 9), (13, 9)]
        if direction > 0:
            points = [(16 - x, y) for x, y in points]
        painter.drawPolygon(QPolygonF([QPointF(x * s, y * s) for x, y in points]))
        painter.end()
        icon.addPixmap(pixmap)
    return icon

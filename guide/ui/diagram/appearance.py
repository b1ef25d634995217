"""How the pathway diagram looks: colours from the palette, fonts, and a shape per box type.

Colours come from the widget palette (so light, dark and high-contrast themes
all work) mixed with one colour per box type; each type also has its own
shape, so nothing depends on colour alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainterPath, QPalette, QPolygonF

from guide.diagram.data import Node

TYPE_HUES: dict[str, str] = {
    "post": "#0072B2",
    "programme": "#009E73",
    "scheme": "#E69F00",
    "milestone": "#CC79A7",
}
NON_LINEAR_HUE = "#D55E00"
# Text padding inside each shape (the hexagon and the pill need more at the sides).
PADDING: dict[str, tuple[float, float]] = {
    "post": (10, 7),
    "programme": (20, 7),
    "scheme": (16, 7),
    "milestone": (14, 7),
}
TITLE_PX, DETAIL_PX, HEADER_PX = 13, 12, 14


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


@dataclass(frozen=True)
class DiagramColours:
    """Every colour the diagram uses, worked out from one palette."""

    background: QColor
    text: QColor
    muted: QColor
    stripe: QColor
    lane_text: QColor
    here: QColor
    here_text: QColor
    focus: QColor
    usual: QColor
    non_linear: QColor
    fills: dict[str, QColor]
    borders: dict[str, QColor]
    dark: bool

    @classmethod
    def from_palette(cls, palette: QPalette) -> DiagramColours:
        role = QPalette.ColorRole
        base, text = palette.color(role.Base), palette.color(role.Text)
        dark = base.lightness() < 128
        hues = {kind: QColor(hue) for kind, hue in TYPE_HUES.items()}
        # On a dark base the hues are lightened for the borders and kept faint in the fill.
        fills = {kind: _mix(base, hue, 0.26 if dark else 0.16) for kind, hue in hues.items()}
        borders = {
            kind: hue.lighter(135) if dark else hue.darker(125) for kind, hue in hues.items()
        }
        non_linear = QColor(NON_LINEAR_HUE)
        return cls(
            background=base,
            text=text,
            muted=_mix(base, text, 0.72),
            stripe=_mix(base, text, 0.05),
            lane_text=_mix(base, text, 0.85),
            here=palette.color(role.Highlight),
            here_text=palette.color(role.HighlightedText),
            focus=palette.color(role.Highlight),
            usual=_mix(base, text, 0.62),
            non_linear=non_linear.lighter(130) if dark else non_linear.darker(110),
            fills=fills,
            borders=borders,
            dark=dark,
        )

    @classmethod
    def light(cls) -> DiagramColours:
        """Colours for print and export: dark text on white whatever the screen's theme."""
        palette = QPalette()
        role = QPalette.ColorRole
        palette.setColor(role.Base, QColor("#ffffff"))
        palette.setColor(role.Text, QColor("#1a1a1a"))
        palette.setColor(role.Highlight, QColor("#0b5d5e"))
        palette.setColor(role.HighlightedText, QColor("#ffffff"))
        return cls.from_palette(palette)


@dataclass(frozen=True)
class Fonts:
    title: QFont
    detail: QFont
    header: QFont
    scale: float = 1.0
    """The app's text size these fonts were made for (1.5 at 150%)."""

    @classmethod
    def from_font(cls, base: QFont, scale: float = 1.0) -> Fonts:
        """``scale`` is the app's text size (1.5 at 150%), so labels grow with the text."""
        # Pixel sizes, so the scene (and every export) looks the same at any screen DPI.
        title, detail, header = QFont(base), QFont(base), QFont(base)
        title.setPixelSize(round(TITLE_PX * scale))
        title.setBold(True)
        detail.setPixelSize(round(DETAIL_PX * scale))
        header.setPixelSize(round(HEADER_PX * scale))
        header.setBold(True)
        return cls(title, detail, header, scale)

    def measure(self, node: Node, width: float) -> float:
        """How tall a box must be for its wrapped title and detail at this width."""
        pad_x, pad_y = PADDING[node.type]
        inner = QRectF(0, 0, max(20.0, width - 2 * pad_x), 10_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = QFontMetricsF(self.title).boundingRect(inner, flags, node.title).height()
        if node.detail:
            height += (
                2 + QFontMetricsF(self.detail).boundingRect(inner, flags, node.detail).height()
            )
        return height + 2 * pad_y


def node_shape(kind: str, rect: QRectF) -> QPainterPath:
    """Post: square-cornered box; programme: hexagon; scheme: pill; milestone: cut corners."""
    path = QPainterPath()
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    if kind == "programme":
        d = min(12.0, h / 2)
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x + d, y),
                    QPointF(x + w - d, y),
                    QPointF(x + w, y + h / 2),
                    QPointF(x + w - d, y + h),
                    QPointF(x + d, y + h),
                    QPointF(x, y + h / 2),
                ]
            )
        )
        path.closeSubpath()
    elif kind == "scheme":
        r = min(h / 2, 20.0)
        path.addRoundedRect(rect, r, r)
    elif kind == "milestone":
        c = min(10.0, h / 3)
        points = [
            (x + c, y),
            (x + w - c, y),
            (x + w, y + c),
            (x + w, y + h - c),
            (x + w - c, y + h),
            (x + c, y + h),
            (x, y + h - c),
            (x, y + c),
        ]
        path.addPolygon(QPolygonF([QPointF(px, py) for px, py in points]))
        path.closeSubpath()
    else:
        path.addRoundedRect(rect, 3, 3)
    return path


def edge_inset(kind: str, rect: QRectF, y: float) -> float:
    """How far inside the box's rectangle its drawn outline is at height ``y``.

    Lines start and end on the outline itself, not on the invisible rectangle
    around a hexagon or a pill.
    """
    top, bottom, h = rect.top(), rect.bottom(), rect.height()
    if kind == "programme":
        d = min(12.0, h / 2)
        return d * abs(y - rect.center().y()) / (h / 2)
    if kind == "scheme":
        r = min(h / 2, 20.0)
        dy = max(0.0, abs(y - rect.center().y()) - (h / 2 - r))
        return r - math.sqrt(max(0.0, r * r - dy * dy))
    if kind == "milestone":
        c = min(10.0, h / 3)
        return max(0.0, c - min(y - top, bottom - y))
    return 0.0

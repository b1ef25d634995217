"""The things drawn on the pathway diagram: boxes, stage headers, lines and the legend tick."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from guide.diagram.layout import PlacedNode, Rect
from guide.ui.diagram.appearance import PADDING, DiagramColours, Fonts, node_shape


def _tr(text: str) -> str:
    return QCoreApplication.translate("PathwayDiagram", text)


def _qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


class ActiveItem(QGraphicsObject):
    """Something on the diagram that can be focused, hovered and opened: a box or a stage."""

    activated = Signal(str)
    hovered = Signal(object)  # the item, or None when the pointer leaves

    def __init__(self, link: str, name: str, summary: str, accessible_name: str) -> None:
        super().__init__()
        self.link, self.name, self.summary = link, name, summary
        self.accessible_name = accessible_name
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"{name}: {summary}" if summary else name)
        self._pressed = False

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered.emit(self)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.hovered.emit(None)
        super().hoverLeaveEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        self.hovered.emit(self)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = True
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._pressed and self.contains(event.pos()):
            self.activated.emit(self.link)
        self._pressed = False
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.link)
            event.accept()
        else:
            event.ignore()


class NodeItem(ActiveItem):
    def __init__(
        self,
        placed: PlacedNode,
        colours: DiagramColours,
        fonts: Fonts,
        *,
        summary: str,
        accessible_name: str,
        done: bool,
    ) -> None:
        node = placed.node
        super().__init__(node.link, node.title, summary, accessible_name)
        self.node, self.colours, self.fonts, self.done = node, colours, fonts, done
        self.rect = _qrect(placed.rect)
        self.path = node_shape(node.type, self.rect)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-5, -5, 5, 5)

    def shape(self) -> QPainterPath:
        return self.path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        c, kind = self.colours, self.node.type
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QBrush(c.fills[kind]))
        painter.setPen(QPen(c.borders[kind], 2.2 if self.done else 1.6))
        painter.drawPath(self.path)
        if self.hasFocus():
            ring = QPen(c.focus, 3)
            ring.setStyle(Qt.PenStyle.SolidLine)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(ring)
            painter.drawPath(node_shape(kind, self.rect.adjusted(-3.5, -3.5, 3.5, 3.5)))
        pad_x, pad_y = PADDING[kind]
        inner = self.rect.adjusted(pad_x, pad_y, -pad_x, -pad_y)
        if self.done:
            inner.setRight(inner.right() - 8)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter)
        title_h = (
            QFontMetricsF(self.fonts.title).boundingRect(inner, flags, self.node.title).height()
        )
        detail_h = 0.0
        if self.node.detail:
            detail_h = (
                2
                + QFontMetricsF(self.fonts.detail)
                .boundingRect(inner, flags, self.node.detail)
                .height()
            )
        top = inner.top() + max(0.0, (inner.height() - title_h - detail_h) / 2)
        painter.setPen(c.text)
        painter.setFont(self.fonts.title)
        painter.drawText(QRectF(inner.left(), top, inner.width(), title_h), flags, self.node.title)
        if self.node.detail:
            painter.setPen(c.muted)
            painter.setFont(self.fonts.detail)
            box = QRectF(inner.left(), top + title_h + 2, inner.width(), detail_h)
            painter.drawText(box, flags, self.node.detail)
        if self.done:
            _draw_tick(painter, QPointF(self.rect.right() - 11, self.rect.top() + 11), c)


def _draw_tick(painter: QPainter, centre: QPointF, c: DiagramColours) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(c.here)
    painter.drawEllipse(centre, 8, 8)
    pen = QPen(c.background, 2.2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawPolyline(
        QPolygonF([centre + QPointF(-4, 0), centre + QPointF(-1, 3), centre + QPointF(4, -3)])
    )


class HeaderItem(ActiveItem):
    """A stage's title at the top of its column; opens the stage's section."""

    def __init__(
        self,
        rect: QRectF,
        title: str,
        link: str,
        colours: DiagramColours,
        fonts: Fonts,
        *,
        here: bool,
        accessible_name: str,
    ) -> None:
        summary = _tr("You are here") if here else ""
        super().__init__(link, title, summary, accessible_name)
        self.rect, self.title, self.colours, self.fonts, self.here = (
            rect,
            title,
            colours,
            fonts,
            here,
        )

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-4, -4, 4, 4)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        c = self.colours
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.here:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(c.here)
            painter.drawRoundedRect(self.rect, 6, 6)
        if self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(c.focus if not self.here else c.text, 3))
            painter.drawRoundedRect(self.rect.adjusted(-2, -2, 2, 2), 7, 7)
        text = c.here_text if self.here else c.text
        painter.setPen(text)
        painter.setFont(self.fonts.header)
        inner = self.rect.adjusted(6, 4, -6, -4)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter)
        label = self.title + ("\n" + _tr("You are here") if self.here else "")
        painter.drawText(inner, flags, label)


class RouteItem(QGraphicsPathItem):
    """A line between two boxes, with rounded corners and an arrowhead."""

    def __init__(
        self, points: tuple[tuple[float, float], ...], colour: QColor, dashed: bool, tooltip: str
    ) -> None:
        path = QPainterPath(QPointF(*points[0]))
        radius = 6.0
        for k in range(1, len(points) - 1):
            (x0, y0), (x1, y1), (x2, y2) = points[k - 1], points[k], points[k + 1]
            r = min(radius, abs(x1 - x0 + y1 - y0) / 2, abs(x2 - x1 + y2 - y1) / 2)
            before = QPointF(x1 - r * _sign(x1 - x0), y1 - r * _sign(y1 - y0))
            after = QPointF(x1 + r * _sign(x2 - x1), y1 + r * _sign(y2 - y1))
            path.lineTo(before)
            path.quadTo(QPointF(x1, y1), after)
        (xa, ya), (xb, yb) = points[-2], points[-1]
        tip = QPointF(xb, yb)
        path.lineTo(tip - QPointF(6 * _sign(xb - xa), 6 * _sign(yb - ya)))
        super().__init__(path)
        pen = QPen(colour, 2.0 if dashed else 1.6)
        if dashed:
            pen.setDashPattern([5, 3])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.setPen(pen)
        self.setToolTip(tooltip)
        arrow = QGraphicsPathItem(self)
        head = QPainterPath()
        d = _sign(xb - xa) or 1
        head.addPolygon(QPolygonF([tip, tip + QPointF(-8 * d, -4.5), tip + QPointF(-8 * d, 4.5)]))
        head.closeSubpath()
        arrow.setPath(head)
        arrow.setBrush(colour)
        arrow.setPen(Qt.PenStyle.NoPen)


def _sign(v: float) -> float:
    return (v > 0) - (v < 0)


class TickItem(QGraphicsItem):
    def __init__(self, colours: DiagramColours) -> None:
        super().__init__()
        self.colours = colours

    def boundingRect(self) -> QRectF:
        return QRectF(-9, -9, 18, 18)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _draw_tick(painter, QPointF(0, 0), self.colours)

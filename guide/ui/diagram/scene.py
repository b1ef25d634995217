"""Draw a laid-out pathway as a QGraphicsScene: boxes, lines, stage headers and legend.

Everything is placed by ``guide.diagram.layout``; this module only draws it,
and records the boxes in reading order for keyboard traversal.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsScene

from guide.content.model import ContentModel
from guide.diagram.data import Node, Pathway
from guide.diagram.layout import Layout, Metrics, layout_pathway
from guide.diagram.outline import TYPE_NAMES, is_completed
from guide.ui.diagram.appearance import TYPE_HUES, DiagramColours, Fonts, edge_inset, node_shape
from guide.ui.diagram.items import ActiveItem, HeaderItem, NodeItem, RouteItem, TickItem, _qrect

__all__ = ["ActiveItem", "DiagramColours", "DiagramScene", "Fonts", "build_scene"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("PathwayDiagram", text)


class DiagramScene(QGraphicsScene):
    """The drawn diagram; ``active_items`` lists headers and boxes in reading order."""

    def __init__(self, layout: Layout, colours: DiagramColours) -> None:
        super().__init__()
        self.layout = layout
        self.colours = colours
        self.active_items: list[ActiveItem] = []
        self.node_items: dict[str, NodeItem] = {}
        self.setBackgroundBrush(colours.background)


def build_scene(
    pathway: Pathway,
    nation: str,
    model: ContentModel,
    colours: DiagramColours,
    fonts: Fonts,
    *,
    here_column: str | None = None,
    completed: Collection[str] = (),
    summary_of: Callable[[Node], str] | None = None,
) -> DiagramScene:
    """Lay out and draw the diagram for one nation."""
    layout = layout_pathway(
        pathway, nation, measure=fonts.measure, metrics=Metrics().scaled(fonts.scale)
    )
    scene = DiagramScene(layout, colours)

    def linked_summary(node: Node) -> str:
        linked = model.get(node.link)
        return node.summary or (linked.summary if linked is not None else "")

    summary_of = summary_of or linked_summary
    m = layout.metrics
    for index, (column, band) in enumerate(layout.columns):
        if index % 2 == 1 or column.id == here_column:
            fill = QColor(colours.here) if column.id == here_column else colours.stripe
            if column.id == here_column:
                fill.setAlpha(40)
            scene.addRect(_qrect(band), QPen(Qt.PenStyle.NoPen), QBrush(fill)).setZValue(-3)
    for lane, band in layout.lanes:
        line = scene.addLine(
            band.x, band.y, band.right, band.y, QPen(colours.muted, 1, Qt.PenStyle.DotLine)
        )
        line.setZValue(-2)
        label = scene.addText(lane.title, fonts.header)
        label.setDefaultTextColor(colours.lane_text)
        label.setTextWidth(m.lane_header - 8)
        label.setPos(band.x, band.y + 6)
    title = scene.addText(_tr(nation), fonts.header)
    title.setDefaultTextColor(colours.text)
    title.setTextWidth(m.lane_header - 4)
    title.setPos(m.margin - 4, m.margin + 6)
    columns_total = len(layout.columns)
    headers: dict[int, HeaderItem] = {}
    for index, (column, band) in enumerate(layout.columns):
        here = column.id == here_column
        rect = QRectF(band.x + 4, m.margin, band.w - 8, m.column_header - 8)
        name = (
            _tr("Stage %1 of %2: %3")
            .replace("%1", str(index + 1))
            .replace("%2", str(columns_total))
            .replace("%3", column.title)
        )
        if here:
            name += ". " + _tr("You are here")
        header = HeaderItem(
            rect, column.title, column.section, colours, fonts, here=here, accessible_name=name
        )
        scene.addItem(header)
        headers[index] = header
    lanes = {lane.id: lane.title for lane in pathway.lanes}
    column_titles = {c.id: c.title for c in pathway.columns}
    for route in layout.routes:
        edge = route.edge
        source, target = pathway.node(edge.source), pathway.node(edge.target)
        if source is None or target is None:  # the loader drops routes to unknown boxes
            continue
        tip = f"{source.title} → {target.title}" + (f": {edge.label}" if edge.label else "")
        non_linear = edge.kind == "non-linear"
        points = list(route.points)
        start, end = layout.placed(edge.source), layout.placed(edge.target)
        (x0, y0), (x1, y1) = points[0], points[-1]
        points[0] = (x0 - edge_inset(source.type, _qrect(start.rect), y0), y0)
        points[-1] = (x1 + edge_inset(target.type, _qrect(end.rect), y1), y1)
        route_line = RouteItem(
            tuple(points), colours.non_linear if non_linear else colours.usual, non_linear, tip
        )
        route_line.setZValue(-1)
        scene.addItem(route_line)
    order = layout.reading_order()
    for index in range(columns_total):
        scene.active_items.append(headers[index])
        for placed in (p for p in order if p.first_column == index):
            node = placed.node
            done = is_completed(node, completed)
            summary = summary_of(node)
            where = column_titles[node.column]
            if node.until != node.column:
                where += " " + _tr("to") + " " + column_titles[node.until]
            parts = [node.title, _tr(TYPE_NAMES[node.type]), f"{where}, {lanes[node.lane]}"]
            parts += [p for p in (node.detail, summary) if p]
            if done:
                parts.append(_tr("Done"))
            item = NodeItem(
                placed, colours, fonts, summary=summary, accessible_name=". ".join(parts), done=done
            )
            scene.addItem(item)
            scene.active_items.append(item)
            scene.node_items[node.id] = item
    add_legend(scene, layout, colours, fonts, pathway.notes.get(nation, ""))
    return scene


def add_legend(
    scene: DiagramScene, layout: Layout, colours: DiagramColours, fonts: Fonts, note: str
) -> None:
    """Shapes and colours by type, the two kinds of line, and "you are here", under the grid."""
    m = layout.metrics
    x, y = m.margin + m.lane_header, layout.height
    entries: list[tuple[str, Callable[[QRectF], None]]] = []
    for kind in TYPE_HUES:

        def draw_box(rect: QRectF, kind: str = kind) -> None:
            scene.addPath(
                node_shape(kind, rect),
                QPen(colours.borders[kind], 1.6),
                QBrush(colours.fills[kind]),
            )

        entries.append((_tr(TYPE_NAMES[kind]), draw_box))
    for label, colour, dashed in (
        (_tr("Usual move"), colours.usual, False),
        (_tr("Non-linear route"), colours.non_linear, True),
    ):

        def draw_line(rect: QRectF, colour: QColor = colour, dashed: bool = dashed) -> None:
            mid = rect.center().y()
            scene.addItem(RouteItem(((rect.left(), mid), (rect.right(), mid)), colour, dashed, ""))

        entries.append((label, draw_line))

    def draw_here(rect: QRectF) -> None:
        scene.addRect(rect, QPen(Qt.PenStyle.NoPen), QBrush(colours.here))

    entries.append((_tr("You are here"), draw_here))
    metrics = QFontMetricsF(fonts.detail)
    swatch = QRectF(0, 0, 40, 22)
    limit = layout.width - m.margin
    for label, draw in entries:
        width = swatch.width() + 8 + metrics.horizontalAdvance(label) + 24
        if x + width > limit:
            x, y = m.margin + m.lane_header, y + 32
        draw(swatch.translated(x, y))
        text = scene.addText(label, fonts.detail)
        text.setDefaultTextColor(colours.text)
        text.setPos(
            x + swatch.width() + 6, y + (swatch.height() - text.boundingRect().height()) / 2
        )
        x += width
    tick = TickItem(colours)
    if x + 180 > limit:
        x, y = m.margin + m.lane_header, y + 32
    tick.setPos(x + 20, y + 11)
    scene.addItem(tick)
    text = scene.addText(_tr("Done (from your checklist)"), fonts.detail)
    text.setDefaultTextColor(colours.text)
    text.setPos(x + 34, y + (22 - text.boundingRect().height()) / 2)
    y += 34
    lines = [note] if note else []
    lines.append(
        _tr("Scheme names, dates and rules change: check the current year with the funder.")
    )
    for line in lines:
        text = scene.addText(line, fonts.detail)
        text.setDefaultTextColor(colours.muted)
        text.setTextWidth(limit - m.margin - m.lane_header)
        text.setPos(m.margin + m.lane_header, y)
        y += text.boundingRect().height() + 2
    scene.setSceneRect(QRectF(0, 0, layout.width, y + m.margin))

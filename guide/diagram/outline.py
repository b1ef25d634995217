"""The diagram as text: an ordered list of stages, their boxes, and the routes between them.

This is the text alternative a screen-reader user (or anyone) gets one click
away from the picture, so it says everything the picture says, in reading
order: stage by stage, lane by lane, then every route. Pure Python; the view
passes ``tr`` so the headings are translated.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from html import escape

from guide.diagram.data import Node, Pathway
from guide.diagram.layout import Layout, layout_pathway

Translate = Callable[[str], str]

TYPE_NAMES: dict[str, str] = {
    "post": "Post",
    "programme": "Programme",
    "scheme": "Funding scheme",
    "milestone": "Milestone or qualification",
}


def node_summary(node: Node, fallback: str = "") -> str:
    """The one-line summary shown on hover; the linked page's summary if the box has none."""
    return node.summary or fallback


def outline_html(
    pathway: Pathway,
    nation: str,
    *,
    tr: Translate = lambda s: s,
    summaries: Callable[[Node], str] = node_summary,
    here_column: str | None = None,
    completed: Collection[str] = (),
    layout: Layout | None = None,
) -> str:
    """An HTML page for a QTextBrowser: links are ``guide:ID`` so the window can open them."""
    layout = layout or layout_pathway(pathway, nation)
    order = layout.reading_order()
    parts = [f"<h1>{escape(pathway.title)}: {escape(tr(nation))}</h1>"]
    note = pathway.notes.get(nation)
    if note:
        parts.append(f"<p>{escape(note)}</p>")
    parts.append(f"<h2>{escape(tr('Stages'))}</h2><ol>")
    titles = {p.node.id: p.node.title for p in order}
    for index, column in enumerate(pathway.columns):
        heading = f'<a href="guide:{escape(column.section)}">{escape(column.title)}</a>'
        if column.id == here_column:
            heading += f" <b>({escape(tr('you are here'))})</b>"
        parts.append(f"<li>{heading}<ul>")
        for lane_no, lane in enumerate(pathway.lanes):
            boxes = [p.node for p in order if p.first_column == index and p.lane == lane_no]
            for node in boxes:
                parts.append(
                    "<li>"
                    + _node_line(node, lane.title, tr, summaries, completed, pathway)
                    + "</li>"
                )
        continuing = [p.node for p in order if p.first_column < index <= p.last_column]
        for node in continuing:
            parts.append(f"<li>{escape(tr('Continues'))}: {escape(node.title)}</li>")
        parts.append("</ul></li>")
    parts.append("</ol>")
    routes = layout.routes
    if routes:
        parts.append(f"<h2>{escape(tr('Routes'))}</h2><ul>")
        for route in routes:
            edge = route.edge
            text = f"{escape(titles[edge.source])} → {escape(titles[edge.target])}"
            if edge.label:
                text += f": {escape(edge.label)}"
            if edge.kind == "non-linear":
                text += f" ({escape(tr('non-linear route'))})"
            parts.append(f"<li>{text}</li>")
        parts.append("</ul>")
    return "\n".join(parts)


def _node_line(
    node: Node,
    lane: str,
    tr: Translate,
    summaries: Callable[[Node], str],
    completed: Collection[str],
    pathway: Pathway,
) -> str:
    kind = tr(TYPE_NAMES[node.type])
    text = f'<a href="guide:{escape(node.link)}">{escape(node.title)}</a> ({escape(kind)}, {escape(lane)})'
    if node.until != node.column:
        last = next(c.title for c in pathway.columns if c.id == node.until)
        text += f", {escape(tr('continues to'))} {escape(last)}"
    if node.detail:
        text += f". {escape(node.detail)}"
    summary = summaries(node)
    if summary:
        text += f". {escape(summary)}"
    if is_completed(node, completed):
        text += f" <b>({escape(tr('done'))})</b>"
    return text


def is_completed(node: Node, completed: Collection[str]) -> bool:
    """A box counts as done when any of its milestones, or its own link, is ticked."""
    return any(m in completed for m in node.milestones) or node.link in completed

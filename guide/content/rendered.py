"""The shapes a rendered page body takes: its HTML and its contents list, and how text
is escaped into that HTML.

Kept apart from ``render`` (which needs Markdown) so a page whose body comes
from the content cache's stored bodies can be shown, and its contents list
built, without importing Markdown before the window's first paint.
"""

from __future__ import annotations

from typing import NamedTuple


class Heading(NamedTuple):
    """One entry of a page's contents list."""

    level: int
    anchor: str
    title: str


class RenderedBody(NamedTuple):
    html: str
    headings: tuple[Heading, ...] = ()


def escape(text: str) -> str:
    """``html.escape(text)``: the five characters HTML gives meaning to, as references.

    Written out here because the start page's composer needs it before the first paint,
    and the html module loads its whole table of named character references with it.
    """
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )

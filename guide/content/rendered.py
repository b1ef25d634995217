"""The shapes a rendered page body takes: its HTML and its contents list.

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

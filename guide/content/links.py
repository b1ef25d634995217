"""What a link or image address in content may be, decided in one place.

Used by the validator (to report bad links with a line) and by the renderer
(to make whatever slipped through inert). Internal links are item ids,
optionally with ``#anchor``; external links are http(s) only and are shown,
never fetched. Images may only be files inside a content root's ``images/``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from guide.content.schema import ID_PATTERN

INTERNAL_SCHEME = "guide"
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_IMAGE_PATH = re.compile(r"^images/[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(?i:png|jpg|jpeg|gif|svg)$")

# Markdown link and image syntax, found line by line for the validator.
# Bounded repeats keep scanning linear on hostile lines such as 50,000 '['.
INLINE_LINK = re.compile(
    r"(!?)\[(?:[^\]\\\n]|\\.){0,300}\]\(\s*<?([^)\s>]{0,2000})>?(?:\s+\"[^\"]{0,300}\")?\s*\)"
)
REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
RAW_HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]{0,20})(?:\s[^<>]{0,500})?/?>")
AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")


class Link(NamedTuple):
    """A classified link target: ``kind`` is internal, external or refused."""

    kind: str
    target: str
    anchor: str = ""
    reason: str = ""


def classify_link(href: str) -> Link:
    href = href.strip()
    if not href:
        return Link("refused", href, reason="empty link")
    if href.startswith("#"):
        return Link("internal", "", anchor=href[1:])
    if href.startswith(f"{INTERNAL_SCHEME}:"):
        href = href[len(INTERNAL_SCHEME) + 1 :]
    match = _SCHEME.match(href)
    if match:
        scheme = match.group(1).lower()
        if (
            scheme in ("http", "https")
            and href.lower().startswith(f"{scheme}://")
            and len(href) > len(scheme) + 3
        ):
            return Link("external", href)
        return Link(
            "refused",
            href,
            reason=f"{scheme}: links are not allowed; link to a page id or an https:// address",
        )
    item_id, _, anchor = href.partition("#")
    if not ID_PATTERN.match(item_id):
        return Link("refused", href, reason=f"{href!r} is not a page id or a web address")
    return Link("internal", item_id, anchor=anchor)


def image_allowed(src: str) -> bool:
    """Only files under a content root's ``images/`` folder; never remote or absolute."""
    return bool(_IMAGE_PATH.match(src.strip()))


def internal_href(item_id: str, anchor: str = "") -> str:
    return f"{INTERNAL_SCHEME}:{item_id}" + (f"#{anchor}" if anchor else "")

"""Markdown to safe HTML (for the reader) and to plain text (for search and the CLI).

Raw HTML in content is **escaped, not passed through**: Python-Markdown's raw
HTML handlers are removed, so ``<script>`` shows as literal text. We chose
escaping over an allowlist because it needs no HTML parser of our own, makes
an editor's mistake visible instead of silently dropping it, and cannot be
bypassed by clever markup. A tree pass then keeps only known tags and
attributes, turns id links into ``guide:ID`` links, keeps http(s) links as
shown-not-fetched external links, and drops every other link and any image
that is not a local file under a content root's ``images/``.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import markdown
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

from guide.content.limits import body_problems
from guide.content.links import classify_link, image_allowed, internal_href
from guide.content.model import LINKABLE_VIEWS, ContentModel, Item
from guide.content.rendered import Heading, RenderedBody

ALLOWED_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "em", "strong", "code",
    "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "img",
    "span", "div", "dl", "dt", "dd", "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRS = {
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
    "span": {"class", "title"},
    **{f"h{n}": {"id"} for n in range(1, 7)},
}


class _Sanitiser(Treeprocessor):
    """Keep known tags and attributes; make every link and image safe."""

    def __init__(self, md: markdown.Markdown, renderer: Renderer) -> None:
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for child in list(parent):
                self._clean(child)

    def _clean(self, el: etree.Element) -> None:
        if el.tag not in ALLOWED_TAGS:
            el.tag, el.attrib = "span", {}
            return
        if el.tag == "a":
            self._link(el)
        elif el.tag == "img":
            self._image(el)
        allowed = ALLOWED_ATTRS.get(el.tag, set())
        for name in list(el.attrib):
            if name not in allowed:
                del el.attrib[name]

    def _link(self, el: etree.Element) -> None:
        link = classify_link(el.get("href", ""))
        model = self.renderer.model
        if link.kind == "external":
            el.set("class", "external")
            el.set("title", link.target)
        elif link.kind == "internal" and link.target in LINKABLE_VIEWS:
            el.set("href", internal_href(link.target, link.anchor))
            el.set("class", "internal")
            el.set("title", LINKABLE_VIEWS[link.target])
        elif link.kind == "internal" and (not link.target or link.target in model):
            target = model.get(link.target) if link.target else None
            el.set("href", internal_href(link.target or self.renderer.current_id, link.anchor))
            if target is not None and target.kind == "term":
                el.set("class", "term")
                el.set("title", f"{target.title}: {target.get('expansion', '')}")
            else:
                el.set("class", "internal")
                if target is not None:
                    el.set("title", target.title)
        else:  # refused or dangling: keep the words, lose the link
            el.tag, el.attrib = "span", {"class": "dead-link"}

    def _image(self, el: etree.Element) -> None:
        src = el.get("src", "")
        resolved = self.renderer.resolve_image(src) if image_allowed(src) else None
        if resolved is None:
            alt = el.get("alt", "") or "image"
            el.tag, el.attrib, el.text = "span", {"class": "missing-image"}, f"[{alt}]"
        else:
            el.set("src", resolved.as_uri())


class _SafeExtension(Extension):
    def __init__(self, renderer: Renderer) -> None:
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("automail")
        # Runs after 'inline' (20) so links exist, before 'toc' (5) and 'prettify'.
        md.treeprocessors.register(_Sanitiser(md, self.renderer), "sanitise", 15)


class Renderer:
    """Renders items of one ContentModel; reuse one instance (Markdown setup is costly)."""

    def __init__(self, model: ContentModel) -> None:
        self.model = model
        self.current_id = ""
        self._current_path: Path | None = None
        # Extension instances, not names: a name makes Markdown scan every installed
        # package's entry points (importlib.metadata), about 25 ms of start-up.
        self._md = markdown.Markdown(
            extensions=[
                TableExtension(use_align_attribute=True),
                SaneListExtension(),
                TocExtension(permalink=False, toc_depth="2-3"),
                _SafeExtension(self),
            ],
            output_format="html",
        )

    def resolve_image(self, src: str) -> Path | None:
        """An image path inside the item's own content root, if the file exists."""
        if self._current_path is None:
            return None
        for root in self.model.roots:
            try:
                self._current_path.relative_to(root)
            except ValueError:
                continue
            candidate = (root / src).resolve()
            if candidate.is_file() and candidate.is_relative_to(root.resolve()):
                return candidate
        return None

    def markdown_html(self, text: str, item: Item | None = None) -> RenderedBody:
        self.current_id = item.id if item else ""
        self._current_path = Path(item.path) if item else None
        if body_problems(text):
            return _as_plain_text(text)
        self._md.reset()
        try:
            body = self._md.convert(text)
        except RecursionError:  # limits make this unlikely; never let a page crash the app
            return _as_plain_text(text)
        tokens: list[dict[str, Any]] = getattr(self._md, "toc_tokens", [])
        return RenderedBody(body, tuple(_flatten(tokens)))

    def body_html(self, item: Item) -> RenderedBody:
        return self.markdown_html(item.body, item)

    def plain_text(self, item: Item) -> str:
        return html_to_text(self.body_html(item).html)


def _as_plain_text(text: str) -> RenderedBody:
    """A body too unusual to render safely is shown as escaped plain text."""
    note = '<p class="notice">This page could not be formatted; it is shown as plain text.</p>'
    return RenderedBody(f"{note}<pre>{html.escape(text)}</pre>")


def _flatten(tokens: list[dict[str, Any]]) -> list[Heading]:
    out: list[Heading] = []
    for token in tokens:
        out.append(Heading(token["level"], token["id"], html.unescape(_strip_tags(token["name"]))))
        out.extend(_flatten(token.get("children", [])))
    return out


_TAG = re.compile(r"<[^>]+>")


def _strip_tags(text: str) -> str:
    return _TAG.sub("", text)


class _TextExtractor(HTMLParser):
    BLOCKS: ClassVar[set[str]] = {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre", "blockquote", "dt", "dd", "ul", "ol",
        "table", "dl",
    }  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.parts.append("\n- ")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if data.strip() or "\n" not in data:  # drop the newlines between block tags
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of rendered HTML, keeping paragraph breaks and list bullets."""
    parser = _TextExtractor()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()

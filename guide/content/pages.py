"""Compose a whole reader page for an item: title, metadata card, body, sources, review dates.

No Qt here: user-visible labels go through the ``tr`` callable the caller
passes in (the UI passes Qt's translate, the CLI and tests the identity), so
a Welsh interface needs no change to this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Protocol, cast

from guide.clock import Clock, from_environment
from guide.content.dates import (
    day_text,
    freshness,
    next_check_text,
    round_status,
    rounds_to_show,
)
from guide.content.links import internal_href
from guide.content.model import QUESTIONS_PAGE_ID, ContentModel, Item
from guide.content.notices import notices
from guide.content.questions import questions_by_topic, topic_anchor
from guide.content.rendered import Heading, RenderedBody, escape

if TYPE_CHECKING:
    from guide.content.render import Renderer

Translate = Callable[[str], str]


class BodySource(Protocol):
    """Bodies rendered before (``guide.content.cache.BodyStore``): ``get`` one, ``put`` a new one."""

    def get(self, item_id: str) -> RenderedBody | None: ...

    def put(self, item_id: str, body: RenderedBody) -> None: ...


# Which fields each kind shows in its card, in order, with their labels.
CARD_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "story": (("specialty", "Specialty"), ("nations", "Nations"), ("stages", "Stages"),
              ("routes", "Route")),
    "scheme": (("funder", "Funder"), ("nations", "Nations"), ("stages", "Stages"),
               ("duration", "Duration"), ("research_time", "Research time"),
               ("eligibility", "Who can apply"), ("timing", "When to apply"),
               ("rounds", "Application dates"), ("former_names", "Former names"),
               ("last_checked", "How fresh this is")),
    "milestone": (("stage", "Stage"), ("timing", "Typical timing"), ("rounds", "Dates"),
                  ("nations", "Nations"), ("why", "Why it matters"),
                  ("evidence", "Evidence to keep")),
    "term": (("expansion", "Stands for"), ("aliases", "Also written")),
    "question": (("topic", "Topic"), ("nations", "Nations"), ("stages", "Stages")),
}  # fmt: skip


class Page(NamedTuple):
    """A composed page: its HTML and its contents list."""

    item_id: str
    title: str
    html: str
    headings: tuple[Heading, ...]
    review_overdue: bool = False


def _identity(text: str) -> str:
    return text


def _banner(kind: str, inner_html: str) -> str:
    """A full-width coloured box. A one-cell table, because the reader (QTextDocument)
    pads and colours table cells but ignores padding on paragraphs."""
    return (
        f'<table class="{kind}" width="100%" cellspacing="0" cellpadding="8">'
        f'<tr><td class="{kind}">{inner_html}</td></tr></table>'
    )


class PageComposer:
    """Builds reader pages from a model; holds one Renderer for speed.

    With ``bodies``, a body rendered before is taken from there (and new ones are put
    there): the app's start page then opens without importing Markdown (~25 ms).

    Only the Markdown body is ever stored; everything that depends on today (round
    dates, "closes in 9 days", freshness and review stamps) is composed on every call
    from ``clock`` (by default the system's, or the day ``GUIDE_TODAY`` names), so a
    stored page can never show yesterday's countdown."""

    def __init__(
        self,
        model: ContentModel,
        tr: Translate = _identity,
        bodies: BodySource | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.model = model
        self.tr = tr
        self.bodies = bodies
        self.clock = clock if clock is not None else _default_clock()
        self._renderer: Renderer | None = None
        self._headings_of: dict[str, tuple[Heading, ...]] = {}
        # Bodies rendered this session when there is no store (content not read from the
        # cache, or reloaded): a body depends only on the item and this model, and
        # Markdown took tens of milliseconds a time for the longest sections.
        self._rendered: dict[str, tuple[Item, RenderedBody]] = {}

    @property
    def renderer(self) -> Renderer:
        """The Markdown renderer, built (and Markdown imported) on first use."""
        if self._renderer is None:
            from guide.content.render import Renderer

            self._renderer = Renderer(self.model)
        return self._renderer

    def prepare(self) -> None:
        """Build the renderer now (the app calls this just after its first paint), so the
        first page opened from the tree does not wait for Markdown to load."""
        _ = self.renderer

    def body(self, item: Item) -> RenderedBody:
        """The item's rendered body, from ``bodies`` when it holds it."""
        if self.bodies is not None:
            body = self.bodies.get(item.id)
        else:
            item_and_body = self._rendered.get(item.id)
            body = item_and_body[1] if item_and_body and item_and_body[0] is item else None
        if body is None:
            body = self.renderer.body_html(item)
            if self.bodies is not None:
                self.bodies.put(item.id, body)
            else:
                self._rendered[item.id] = (item, body)
        return body

    def compose(self, item: Item, today: dt.date | None = None) -> Page:
        today = today or self.clock.today()
        body = self.body(item)
        parts = [f'<h1 class="page-title">{escape(item.title)}</h1>']
        parts.extend(notices(self.model, item, self.tr))
        if item.kind == "story":
            parts.append(
                _banner(
                    "notice", escape(self.tr("Illustrative composite story: not a real person."))
                )
            )
        overdue = bool(item.next_review and item.next_review < today)
        if overdue:
            parts.append(
                _banner(
                    "overdue",
                    escape(
                        self.tr("This page is overdue for review: some details may be out of date.")
                    ),
                )
            )
        parts.append(self._card(item, today))
        if item.kind == "scheme":
            parts.append(f"<p>{escape(item.summary)}</p>")
            if item.get("volatile"):
                parts.append(self._volatile_note())
        if item.kind == "term":
            parts.append(f"<p>{self._linked_text(str(item.get('definition', '')))}</p>")
        if item.kind == "question":
            parts.append(self._answer(item))
        parts.append(body.html)
        headings = body.headings
        if item.id == "glossary":
            parts.append(self._glossary_list())
        if item.id == QUESTIONS_PAGE_ID:
            html, topic_headings = self._questions_list()
            parts.append(html)
            headings = headings + topic_headings
        if item.kind == "scheme":
            url = str(item.get("url", ""))
            parts.append(
                f"<p>{escape(self.tr('Scheme page'))}: "
                f'<a class="external" href="{escape(url)}" title="{escape(url)}">{escape(url)}</a></p>'
            )
        parts.append(self._sources(item))
        if item.kind == "scheme":
            parts.append(self._check_due(item, today))
        parts.append(self._review(item, overdue))
        return Page(item.id, item.title, "\n".join(p for p in parts if p), headings, overdue)

    def _volatile_note(self) -> str:
        text = self.tr(
            "Names, dates and rules for this scheme change from year to year: "
            "check the current year's details on the funder's site."
        )
        return _banner("notice", escape(text))

    def _card(self, item: Item, today: dt.date) -> str:
        rows = []
        for name, label in CARD_FIELDS.get(item.kind, ()):
            value = item.fields.get(name)
            if value in (None, "", ()):
                continue
            if name == "rounds":
                shown = self._rounds(value, today)
            elif name == "last_checked" and item.kind == "scheme":
                shown = escape(freshness(item.get("source_date"), value))
            else:
                shown = self._value(name, value)
            rows.append(f'<tr><th align="left">{escape(self.tr(label))}</th><td>{shown}</td></tr>')
        if not rows:
            return ""
        return '<table class="card" width="100%">' + "".join(rows) + "</table>"

    def _rounds(self, value: object, today: dt.date) -> str:
        """The status sentence, then each known round labelled past, open or coming."""
        status = f"<strong>{escape(round_status(value, today))}</strong>"
        lines = [escape(r.describe(today)) for r in rounds_to_show(value, today)]
        if not lines:
            return status
        return status + "<br/>" + "<br/>".join(lines)

    def _check_due(self, item: Item, today: dt.date) -> str:
        text = next_check_text(item.get("next_check"), today)
        return f'<p class="review">{escape(text)}</p>' if text else ""

    def _value(self, name: str, value: object) -> str:
        if name == "stages":
            # The loader checked that "stages" is a list of stage ids.
            return ", ".join(self._link_to(v) for v in cast("list[str]", value))
        if name == "stage":
            stage = next((s for s in self.model.checklist_stages if s.id == value), None)
            return escape(stage.title if stage else str(value))
        if isinstance(value, (list, tuple)):
            return escape(", ".join(str(v) for v in value))
        if isinstance(value, dt.date):
            return escape(day_text(value))
        return escape(str(value))

    def _link_to(self, item_id: str) -> str:
        target = self.model.get(item_id)
        title = target.title if target else item_id
        return f'<a class="internal" href="{internal_href(item_id)}">{escape(title)}</a>'

    def _linked_text(self, text: str) -> str:
        return self.renderer.markdown_html(text).html.removeprefix("<p>").removesuffix("</p>")

    def _answer(self, item: Item) -> str:
        """A question's short answer, then where to read more."""
        answer = f'<p class="answer">{self._linked_text(str(item.get("answer", "")))}</p>'
        return answer + self._read_more(item)

    def _read_more(self, item: Item) -> str:
        links = []
        for link in item.get("links") or ():
            target_id, _, anchor = str(link).partition("#")
            target = self.model.get(target_id)
            title = target.title if target else target_id
            if anchor and target is not None:
                heading = self._heading_title(target, anchor)
                title = f"{title}: {heading}" if heading else title
            links.append(
                f'<a class="internal" href="{internal_href(target_id, anchor)}">{escape(title)}</a>'
            )
        if not links:
            return ""
        return f"<p>{escape(self.tr('Read more'))}: {' · '.join(links)}</p>"

    def _heading_title(self, target: Item, anchor: str) -> str:
        # Many questions link into the same few sections: render each one's headings once.
        headings = self._headings_of.get(target.id)
        if headings is None:
            headings = self._headings_of[target.id] = self.body(target).headings
        return next((h.title for h in headings if h.anchor == anchor), "")

    def _questions_list(self) -> tuple[str, tuple[Heading, ...]]:
        """Every question, grouped under its topic, each with its answer and links."""
        parts: list[str] = []
        headings: list[Heading] = []
        for topic, questions in questions_by_topic(self.model):
            anchor = topic_anchor(topic)
            headings.append(Heading(2, anchor, topic))
            parts.append(f'<h2 id="{escape(anchor)}">{escape(topic)}</h2>')
            for question in questions:
                parts.append(
                    f'<h3 id="{escape(question.id)}"><a class="internal" '
                    f'href="{internal_href(question.id)}">{escape(question.title)}</a></h3>'
                )
                parts.append(self._answer(question))
        return "\n".join(parts), tuple(headings)

    def _glossary_list(self) -> str:
        terms = sorted(self.model.of_kind("term"), key=lambda t: t.title.lower())
        rows = [
            f'<dt id="{escape(t.id)}"><a class="internal" href="{internal_href(t.id)}">'
            f"<strong>{escape(t.title)}</strong></a> — {escape(str(t.get('expansion', '')))}</dt>"
            f"<dd>{escape(str(t.get('definition', '')))}</dd>"
            for t in terms
        ]
        return '<dl class="glossary">' + "".join(rows) + "</dl>" if rows else ""

    def _sources(self, item: Item) -> str:
        sources = item.get("sources") or ()
        if not sources:
            return ""
        entries = "".join(
            f'<li>{escape(s["title"])}: <a class="external" href="{escape(s["url"])}" '
            f'title="{escape(s["url"])}">{escape(s["url"])}</a>'
            + (f" — {escape(s['note'])}" if s.get("note") else "")
            + "</li>"
            for s in sources
        )
        return (
            f'<h2 id="sources">{escape(self.tr("Sources"))}</h2><ul class="sources">{entries}</ul>'
        )

    def _review(self, item: Item, overdue: bool) -> str:
        last, due = item.last_reviewed, item.next_review
        if not last and not due:
            return ""
        bits = []
        if last:
            bits.append(f"{self.tr('Page last reviewed')}: {day_text(last)}")
        if due and overdue:
            bits.append(f"{self.tr('Review was due')}: {day_text(due)}")
        elif due:
            bits.append(f"{self.tr('Next review due')}: {day_text(due)}")
        text = escape(" · ".join(bits))
        flag = ""
        if overdue:
            flag = _banner(
                "overdue",
                f"<strong>{escape(self.tr('This page is overdue for review.'))}</strong> "
                f"{escape(self.tr('Some details may be out of date: check the sources.'))}",
            )
        return f'<hr/><p class="review">{text}</p>{flag}'


def _default_clock() -> Clock:
    """The app's clock when none is passed: ``GUIDE_TODAY`` if set and valid, else the
    system's (the command line reports a bad ``GUIDE_TODAY`` itself)."""
    try:
        return from_environment()
    except ValueError:
        return Clock()

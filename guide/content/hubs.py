"""Hub pages: a group of the contents tree (career stories, a stage's schemes, the
pathway stages) shown as cards, one per page beneath it, with stage and nation filters.

Qt-free. The navigation tree says what sits beneath a group; this module decides
what each card says (title, a line of summary, stages, nations), which cards a
filter keeps, and writes the HTML the reader shows. Cards are one-cell tables
(the reader, a QTextDocument, pads and colours table cells but not paragraphs)
stacked down the page, so they read in order with a screen reader and need no
horizontal room. Filters are ordinary links (``guide:group:stories?nation=Wales``),
so Tab reaches them, Enter applies them and Back undoes them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import NamedTuple
from urllib.parse import parse_qs, urlencode

from guide.content.links import internal_href
from guide.content.model import NATIONS

Translate = Callable[[str], str]

QUERY = "?"
"""Between a hub's id and its filters: ``group:stories?stage=pre-doctoral``."""


class Card(NamedTuple):
    """One page (or view) beneath a hub."""

    id: str
    title: str
    summary: str = ""
    kind: str = ""
    """``story``, ``scheme``, ``section``, ``page``...; ``view`` for the app's own views."""
    stages: tuple[str, ...] = ()
    nations: tuple[str, ...] = ()


class Subgroup(NamedTuple):
    """A group inside the hub ("By stage"), listed as a link with how many pages it holds."""

    id: str
    title: str
    page_count: int


class Filters(NamedTuple):
    stage: str = ""
    nation: str = ""

    def keeps(self, card: Card) -> bool:
        # A card that names no nation applies everywhere (a guide section).
        if self.stage and self.stage not in card.stages:
            return False
        return not (self.nation and card.nations and self.nation not in card.nations)

    def href(self, hub_id: str, **change: str) -> str:
        values = {"stage": self.stage, "nation": self.nation, **change}
        query = urlencode({k: v for k, v in values.items() if v})
        return internal_href(hub_id + (QUERY + query if query else ""))


def split_hub_id(item_id: str) -> tuple[str, Filters]:
    """``group:stories?nation=Wales`` → (``group:stories``, nation Wales). Unknown keys are
    ignored, so an old bookmark or a hand-typed link still opens the hub."""
    base, _, query = item_id.partition(QUERY)
    values = parse_qs(query)
    return base, Filters(
        stage=(values.get("stage") or [""])[0], nation=(values.get("nation") or [""])[0]
    )


def _kind_label(kind: str, tr: Translate) -> str:
    labels = {
        "story": "Career story",
        "scheme": "Funding scheme",
        "section": "Guide section",
        "page": "Page",
        "question": "Question",
        "view": "Tool",
    }
    return tr(labels[kind]) if kind in labels else ""


def _nations_text(nations: Sequence[str], tr: Translate) -> str:
    if set(NATIONS) <= set(nations):
        return tr("All UK nations")
    return ", ".join(tr(n) for n in nations)


def _card_html(card: Card, stage_titles: dict[str, str], tr: Translate, kind: bool) -> str:
    facts = [_kind_label(card.kind, tr)] if kind else []
    stages = [stage_titles.get(s, s) for s in card.stages]
    if stages:
        facts.append(tr("Stages: %1").replace("%1", ", ".join(stages)))
    if card.nations:
        facts.append(tr("Nations: %1").replace("%1", _nations_text(card.nations, tr)))
    meta = " · ".join(escape(f) for f in facts if f)
    summary = f"<br/>{escape(card.summary)}" if card.summary else ""
    return (
        '<table class="card hub-card" width="100%" cellspacing="0" cellpadding="6"><tr><td>'
        f'<a class="internal" href="{internal_href(card.id)}"><b>{escape(card.title)}</b></a>'
        f"{summary}"
        + (f'<br/><span class="meta">{meta}</span>' if meta else "")
        + "</td></tr></table>"
    )


def _choices(
    label: str,
    options: list[tuple[str, str, int]],
    current: str,
    all_text: str,
    href: Callable[[str], str],
    tr: Translate,
) -> str:
    """One filter line: "Nation: All · England (5) · Wales (2)"; the chosen one is bold
    text rather than a link, and says "(shown)" so it is not told by weight alone."""

    def choice(value: str, text: str, count: int = -1) -> str:
        if value == current:
            return f"<b>{escape(text)}</b> {escape(tr('(shown)'))}"
        if count == 0:  # plain text: a link to an empty list would be a dead end
            return escape(text)
        return f'<a class="internal" href="{href(value)}">{escape(text)}</a>'

    parts = [choice("", all_text)]
    parts += [choice(value, f"{text} ({count})", count) for value, text, count in options]
    return f"<p><b>{escape(label)}</b> " + " · ".join(parts) + "</p>"


def _varies(values: list[tuple[str, ...]]) -> bool:
    """Whether a filter on these values would ever narrow the cards down."""
    every = {v for value in values for v in value}
    return len(every) > 1 and any(set(value) != every for value in values)


def hub_html(
    hub_id: str,
    title: str,
    cards: Sequence[Card],
    *,
    subgroups: Sequence[Subgroup] = (),
    trail: Sequence[tuple[str, str]] = (),
    filters: Filters | None = None,
    stage_titles: dict[str, str] | None = None,
    tr: Translate = lambda text: text,
) -> str:
    """The hub's page: where it sits, its groups, its filters and the cards they keep."""
    filters = filters or Filters()
    stage_titles = stage_titles or {}
    parts = []
    if trail:
        links = [f'<a class="internal" href="{internal_href(i)}">{escape(t)}</a>' for i, t in trail]
        parts.append(f'<p class="review">{" › ".join(links)}</p>')
    parts.append(f'<h1 class="page-title">{escape(title)}</h1>')
    if subgroups:
        links = [
            f'<a class="internal" href="{internal_href(g.id)}">{escape(g.title)}</a> ({g.page_count})'
            for g in subgroups
        ]
        parts.append(f"<p><b>{escape(tr('Browse:'))}</b> " + " · ".join(links) + "</p>")

    shown_stage = [c for c in cards if Filters(nation=filters.nation).keeps(c)]
    shown_nation = [c for c in cards if Filters(stage=filters.stage).keeps(c)]
    if _varies([c.stages for c in cards]):
        order = list(stage_titles)
        stages = sorted(
            {s for c in cards for s in c.stages},
            key=lambda s: order.index(s) if s in order else len(order),
        )
        options = [
            (s, stage_titles.get(s, s), sum(s in c.stages for c in shown_stage)) for s in stages
        ]
        parts.append(
            _choices(
                tr("Stage:"),
                options,
                filters.stage,
                tr("All stages"),
                lambda v: filters.href(hub_id, stage=v),
                tr,
            )
        )
    if _varies([c.nations for c in cards if c.nations]):
        options = [
            (n, tr(n), sum(Filters(nation=n).keeps(c) for c in shown_nation))
            for n in NATIONS
            if any(n in c.nations for c in cards)
        ]
        parts.append(
            _choices(
                tr("Nation:"),
                options,
                filters.nation,
                tr("All nations"),
                lambda v: filters.href(hub_id, nation=v),
                tr,
            )
        )

    kept = [c for c in cards if filters.keeps(c)]
    if filters != Filters():
        count = tr("Showing %1 of %2.").replace("%1", str(len(kept))).replace("%2", str(len(cards)))
        clear = f'<a class="internal" href="{internal_href(hub_id)}">{escape(tr("Show all"))}</a>'
        parts.append(f"<p>{escape(count)} {clear}</p>")
    if not kept and cards:
        parts.append(f"<p>{escape(tr('Nothing here matches both choices.'))}</p>")
    # "Career story" on every card of Career stories says nothing; in a mixed hub it helps.
    mixed = len({c.kind for c in cards}) > 1
    parts += [_card_html(c, stage_titles, tr, mixed) for c in kept]
    return "\n".join(parts)

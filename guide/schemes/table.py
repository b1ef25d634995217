"""The scheme finder's table: one row per funding scheme, filtered and sorted (no Qt).

Rows are read from the same catalogue entries as the scheme pages, so the
table never says something a page does not. ``SchemeTable.from_model`` builds
the rows; ``table.select(...)`` filters and sorts them::

    table = SchemeTable.from_model(model, clock)
    rows = table.select(stage="early-post-doctoral", nation="Wales", sort="next_round")

"Next round" and "open now or soon" come from a scheme's ``rounds`` field (a
list of rounds with ``closes`` and optional ``opens`` and ``label``, or the
words "no fixed timetable" or "dates not known"), judged against the injected
clock, never the machine's own date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from guide.clock import Clock
from guide.content.model import NATIONS, ContentModel, Item

# A round opening within this many days counts as "soon".
SOON_DAYS = 60
NO_FIXED_TIMETABLE = "no fixed timetable"
DATES_NOT_KNOWN = "dates not known"

SORT_KEYS = ("name", "funder", "stage", "nations", "length", "research_time", "next_round")

_YEARS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:to\s*\d+\s*)?(years?|months?)", re.IGNORECASE)
_PERCENT = re.compile(r"(\d{1,3})\s*%")
_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,9})\)")
_LEAD_SPLIT = re.compile(r",| with | through | led by | part of ")


def lead_funder(funder: str) -> str:
    """The funder a trainee would name: "NIHR" for "National Institute for Health and
    Care Research (NIHR), with NHS England"; "Wellcome" for "Wellcome, with universities"."""
    first = _LEAD_SPLIT.split(funder, maxsplit=1)[0].strip()
    acronym = _ACRONYM.search(first)
    if acronym:
        return acronym.group(1)
    return first.split(" and ", 1)[0].strip()


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.search(r"(?<=[.!?])\s", text)
    return text[: match.start()] if match else text


def _months(text: str) -> float | None:
    """The first length in a duration, in months, for sorting ("Up to 4 years" -> 48)."""
    match = _YEARS.search(text)
    if not match:
        return None
    number = float(match.group(1))
    return number * 12 if match.group(2).lower().startswith("year") else number


def _percent(text: str) -> int | None:
    match = _PERCENT.search(text)
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class Round:
    """One application round of a scheme."""

    closes: dt.date
    opens: dt.date | None = None
    label: str = ""

    def state(self, today: dt.date) -> str:
        """ "past", "open", "coming", or "closing" (not closed, opening date unknown)."""
        if self.closes < today:
            return "past"
        if self.opens is None:
            return "closing"
        return "coming" if self.opens > today else "open"


def _rounds(value: object) -> tuple[Round, ...]:
    if isinstance(value, str) or not isinstance(value, Sequence):
        return ()
    out = []
    for entry in value:
        if isinstance(entry, Mapping) and isinstance(entry.get("closes"), dt.date):
            opens = entry.get("opens")
            out.append(
                Round(
                    entry["closes"],
                    opens if isinstance(opens, dt.date) else None,
                    str(entry.get("label", "")),
                )
            )
    return tuple(sorted(out, key=lambda r: r.closes))


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def day_text(day: dt.date) -> str:
    """12 March 2027, without the locale (month names are the guide's own)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class NextRound:
    """What the table says about a scheme's next round, and how it sorts."""

    text: str
    # open, closing, coming, past, none (no fixed timetable), unknown (no dates held)
    state: str
    # The next date that matters (opening, or closing if open), for sorting; None last.
    when: dt.date | None = None

    def soon(self, today: dt.date, days: int = SOON_DAYS) -> bool:
        """Open now, or opening within ``days``."""
        if self.state in ("open", "closing"):
            return True
        return self.state == "coming" and self.when is not None and (self.when - today).days <= days


def next_round(item: Item, today: dt.date) -> NextRound:
    """The round a trainee should look at next: one open now, else the next to open,
    else the last one we know of (named as past, never as current)."""
    value = item.get("rounds")
    if isinstance(value, str) and value.strip().lower() == NO_FIXED_TIMETABLE:
        return NextRound("No fixed timetable", "none")
    rounds = _rounds(value)
    if not rounds:
        return NextRound("Check the funder's current call", "unknown")
    live = [r for r in rounds if r.state(today) in ("open", "closing")]
    if live:
        first = live[0]
        prefix = "Open now" if first.state(today) == "open" else "Check it has opened"
        return NextRound(
            f"{prefix}: closes {day_text(first.closes)}", first.state(today), first.closes
        )
    coming = [r for r in rounds if r.state(today) == "coming"]
    if coming:
        first = min(coming, key=lambda r: r.opens or r.closes)
        assert first.opens is not None
        return NextRound(
            f"Opens {day_text(first.opens)}, closes {day_text(first.closes)}",
            "coming",
            first.opens,
        )
    last = rounds[-1]
    return NextRound(f"Last known round closed {day_text(last.closes)}", "past")


@dataclass(frozen=True)
class SchemeRow:
    """One scheme as the finder shows it."""

    id: str
    name: str
    funder: str
    lead_funder: str
    stages: tuple[str, ...]
    stage_titles: tuple[str, ...]
    nations: tuple[str, ...]
    length: str
    research_time: str
    next_round: NextRound
    item: Item = field(repr=False, compare=False)

    @property
    def nations_text(self) -> str:
        return "UK-wide" if set(self.nations) >= set(NATIONS) else ", ".join(self.nations)

    @property
    def stage_text(self) -> str:
        return ", ".join(self.stage_titles)

    def sort_key(self, key: str) -> tuple[Any, ...]:
        """A key that sorts this row by column ``key``; rows without a value go last."""
        if key == "name":
            return (self.name.casefold(),)
        if key == "funder":
            return (self.lead_funder.casefold(), self.name.casefold())
        if key == "stage":
            return (self._stage_order, self.name.casefold())
        if key == "nations":
            return (-len(self.nations), self.nations_text, self.name.casefold())
        if key == "length":
            months = _months(self.length)
            return (months is None, months or 0, self.name.casefold())
        if key == "research_time":
            percent = _percent(self.research_time)
            return (percent is None, -(percent or 0), self.name.casefold())
        if key == "next_round":
            when = self.next_round.when
            return (when is None, when or dt.date.max, self.name.casefold())
        raise ValueError(f"unknown column {key!r}; use one of {', '.join(SORT_KEYS)}")

    _stage_order: int = field(default=99, repr=False, compare=False)


class SchemeTable:
    """Every scheme of a content model, as rows, with the stages they may be filtered by."""

    def __init__(
        self, rows: Iterable[SchemeRow], stages: Sequence[tuple[str, str]], today: dt.date
    ):
        self.rows = tuple(rows)
        # (section id, title) in pathway order, for the stage filter.
        self.stages = tuple(stages)
        self.today = today

    @classmethod
    def from_model(cls, model: ContentModel, clock: Clock) -> SchemeTable:
        today = clock.today()
        sections = sorted(model.of_kind("section"), key=lambda s: (s.get("order", 99), s.title))
        order = {s.id: i for i, s in enumerate(sections)}
        titles = {s.id: s.title for s in sections}
        rows = []
        for item in model.of_kind("scheme"):
            stages = tuple(s for s in item.get("stages", ()) if s in titles) or tuple(
                item.get("stages", ())
            )
            row = SchemeRow(
                id=item.id,
                name=item.title,
                funder=str(item.get("funder", "")),
                lead_funder=lead_funder(str(item.get("funder", ""))),
                stages=stages,
                stage_titles=tuple(titles.get(s, s) for s in stages),
                nations=item.nations,
                length=_first_sentence(str(item.get("duration", ""))),
                research_time=_first_sentence(str(item.get("research_time", ""))),
                next_round=next_round(item, today),
                item=item,
                _stage_order=min((order.get(s, 99) for s in stages), default=99),
            )
            rows.append(row)
        used = {s for r in rows for s in r.stages}
        return cls(rows, [(s.id, s.title) for s in sections if s.id in used], today)

    def funders(self) -> list[str]:
        """The lead funders, most schemes first, for the funder filter."""
        counts: dict[str, int] = {}
        for row in self.rows:
            counts[row.lead_funder] = counts.get(row.lead_funder, 0) + 1
        return sorted(counts, key=lambda f: (-counts[f], f.casefold()))

    def select(
        self,
        *,
        stage: str | None = None,
        nation: str | None = None,
        funder: str | None = None,
        open_soon: bool = False,
        sort: str = "name",
        descending: bool = False,
    ) -> list[SchemeRow]:
        """The rows that pass every filter given, sorted by column ``sort``."""
        if nation and nation not in NATIONS:
            raise ValueError(f"unknown nation {nation!r}; use one of {', '.join(NATIONS)}")
        if sort not in SORT_KEYS:
            raise ValueError(f"unknown column {sort!r}; use one of {', '.join(SORT_KEYS)}")
        rows = [
            r
            for r in self.rows
            if (not stage or stage in r.stages)
            and (not nation or nation in r.nations)
            and (not funder or r.lead_funder == funder)
            and (not open_soon or r.next_round.soon(self.today))
        ]
        rows.sort(key=lambda r: r.sort_key(sort), reverse=descending)
        if descending:
            # Rows without a value stay last either way.
            rows.sort(key=lambda r: r.sort_key(sort)[0] is True)
        return rows

    def get(self, scheme_id: str) -> SchemeRow | None:
        return next((r for r in self.rows if r.id == scheme_id), None)

"""Dates that know what day it is: application rounds, freshness stamps and review dates,
worded relative to an injected ``today``.

Content holds dates as data (a scheme's ``rounds``, its ``source_date``, ``last_checked``
and ``next_check``); this module turns them into sentences such as "Open now, until
12 March 2027 (closes in 9 days)" or "The last round we know of closed on 15 January
2025: check the funder for the next one." Nothing here reads the real date, so the same
page can be checked at any day, and nothing here is ever cached: the page composer calls
it on every compose, outside the rendered-body cache.

Dates are written with English month names from this module, not ``strftime``, so the
wording never depends on the computer's locale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The two values a scheme's ``rounds`` may take instead of a list of rounds.
NO_FIXED_TIMETABLE = "no fixed timetable"
DATES_NOT_KNOWN = "dates not known"
# The value ``source_date`` takes when the source page carries no date.
UNDATED = "undated"
# Up to this many days away, a date also says "in N days"; further off, the date alone.
COUNTDOWN_DAYS = 60


def day_text(day: dt.date) -> str:
    """12 March 2027."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_text(day: dt.date) -> str:
    """March 2027."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def _in_days(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


class Round(NamedTuple):
    """One application round: when it opens (if known) and closes, and what it was called."""

    closes: dt.date
    opens: dt.date | None = None
    label: str = ""

    @classmethod
    def from_field(cls, value: Mapping[str, Any]) -> Round:
        return cls(closes=value["closes"], opens=value.get("opens"), label=value.get("label", ""))

    def state(self, today: dt.date) -> str:
        """``"past"``, ``"open"``, ``"coming"`` or ``"closing"`` (not yet closed, but we do
        not know when it opened, so we cannot say it is open). A round is open on its
        closing day."""
        if self.closes < today:
            return "past"
        if self.opens is None:
            return "closing"
        if self.opens > today:
            return "coming"
        return "open"

    def describe(self, today: dt.date) -> str:
        """One line for the list of rounds, labelled past, open or coming by itself."""
        name = f"{self.label}: " if self.label else ""
        state = self.state(today)
        if state == "past":
            span = f"opened {day_text(self.opens)}, " if self.opens else ""
            return f"Past round, for example only. {name}{span}closed {day_text(self.closes)}."
        if state in ("open", "closing"):
            days = (self.closes - today).days
            first = "Open now" if state == "open" else "Check that it has opened"
            when = f"closes {day_text(self.closes)}"
            if days <= COUNTDOWN_DAYS:
                when += f" ({_in_days(days)})"
            return f"{first}. {name}{when}."
        assert self.opens is not None
        days = (self.opens - today).days
        when = f"opens {day_text(self.opens)}"
        if days <= COUNTDOWN_DAYS:
            when += f" ({_in_days(days)})"
        return f"Coming up. {name}{when} and closes {day_text(self.closes)}."


def _closes_in(days: int) -> str:
    if days == 0:
        return "closes today"
    if days == 1:
        return "closes tomorrow"
    return f"closes in {days} days"


def rounds_to_show(value: object, today: dt.date) -> tuple[Round, ...]:
    """The rounds a reader should see, most useful first: open now, then the next to open
    or close, then past rounds, most recent first. A single past round is left out: the
    status sentence already says when it closed."""
    rounds = rounds_of(value)
    if len(rounds) == 1 and rounds[0].state(today) == "past":
        return ()
    order = {"open": 0, "closing": 1, "coming": 1, "past": 2}

    def key(r: Round) -> tuple[int, int]:
        days = (r.closes - today).days
        return order[r.state(today)], -days if r.state(today) == "past" else days

    return tuple(sorted(rounds, key=key))


def rounds_of(value: object) -> tuple[Round, ...]:
    """The rounds in a ``rounds`` field, oldest closing date first (none for the two words)."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        return ()
    return tuple(sorted((Round.from_field(v) for v in value), key=lambda r: r.closes))


def round_status(value: object, today: dt.date) -> str:
    """The one sentence a reader needs first: open now, opening soon, or what we last knew.

    ``value`` is a ``rounds`` field: a list of rounds, ``NO_FIXED_TIMETABLE`` or
    ``DATES_NOT_KNOWN``.
    """
    if value == NO_FIXED_TIMETABLE:
        return "There is no fixed timetable: posts or calls are advertised when they come up."
    rounds = rounds_of(value)
    if not rounds:
        return "We hold no dates for this scheme's rounds: check the funder's current call."
    open_now = [r for r in rounds if r.state(today) == "open"]
    if open_now:
        first = open_now[0]
        days = (first.closes - today).days
        text = f"Open until {day_text(first.closes)}"
        if days <= COUNTDOWN_DAYS:
            text += f": {_closes_in(days)}"
        return text + "."
    closing = [r for r in rounds if r.state(today) == "closing"]
    if closing:
        first = closing[0]
        days = (first.closes - today).days
        return (
            f"The latest round we know of closes on {day_text(first.closes)} "
            f"({_closes_in(days)}): check with the funder that it is open."
        )
    coming = [r for r in rounds if r.state(today) == "coming"]
    if coming:
        first = min(coming, key=lambda r: r.opens or r.closes)
        assert first.opens is not None
        days = (first.opens - today).days
        text = f"The next round we know of opens on {day_text(first.opens)}"
        if days <= COUNTDOWN_DAYS:
            text += f" ({_in_days(days)})"
        return text + f" and closes on {day_text(first.closes)}."
    last = rounds[-1]
    return (
        f"The last round we know of closed on {day_text(last.closes)}: "
        "check the funder for the next one."
    )


def freshness(source_date: object, checked: dt.date | None) -> str:
    """ "Based on information published in January 2025; checked December 2026."

    Both dates matter: a fact checked last week against a page from two years ago is
    only as fresh as the page."""
    if isinstance(source_date, dt.date):
        based = f"Based on information published in {month_text(source_date)}"
    elif source_date == UNDATED:
        based = "Based on a source page that carries no date"
    elif checked is not None:
        return f"Checked {month_text(checked)}."
    else:
        return ""
    if checked is None:
        return based + "."
    return f"{based}; checked {month_text(checked)}."


def next_check_text(next_check: dt.date | None, today: dt.date) -> str:
    """When these details are next due to be checked, or that the check is overdue."""
    if next_check is None:
        return ""
    if next_check < today:
        return f"A re-check was due on {day_text(next_check)} and has not been done yet."
    return f"Next check due: {day_text(next_check)}."

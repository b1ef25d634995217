"""Dates as people in the UK type them, and the rules a checklist date must follow.

``parse_date`` reads the common UK forms, day first: "10 Aug 2026", "10 August 2026",
"10/08/2026", "10-8-26", "10.08.2026", "2026-08-10" (ISO, year first), and two-digit
years as 20YY. It is strict on purpose: anything it cannot read exactly (a missing
year, "31/02/2026", "08/10" with no year) raises ``DateError`` with a plain-words
reason instead of guessing, because a guessed date in someone's record is worse than
a question. (dateutil's parser was considered: it fills missing parts from today's
date and accepts a bare "10", which is the guessing this avoids.) No Qt here, so the
UI's date boxes and the command line read dates the same way.
"""

from __future__ import annotations

import datetime as dt
import re

# One list of month names for the whole guide: the content layer's.
from guide.content.dates import MONTHS as MONTH_NAMES

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    MONTHS[_name.lower()] = _number
    MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

FORMS_HINT = "for example 10 Aug 2026, 10/08/2026 or 2026-08-10"

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.,]*([a-z]+)\.?[\s\-/.,]*(\d{2}|\d{4})$")


class DateError(ValueError):
    """The text is not a date this can read, or the date breaks a rule; the message says why."""


def parse_date(text: str) -> dt.date:
    """The date ``text`` names, read day first (UK), or ``DateError`` saying why not."""
    cleaned = " ".join(str(text).strip().lower().split())
    if not cleaned:
        raise DateError("no date was given")
    if match := _ISO.match(cleaned):
        year, month, day = (int(g) for g in match.groups())
    elif match := _NUMERIC.match(cleaned):
        day, month = int(match[1]), int(match[2])
        year = _full_year(match[3])
    elif match := _WORDS.match(cleaned):
        day, year = int(match[1]), _full_year(match[3])
        month = MONTHS.get(match[2], 0)
        if not month:
            raise DateError(f"{text.strip()!r}: {match[2]!r} is not a month name")
    else:
        raise DateError(f"{text.strip()!r} is not a date this can read ({FORMS_HINT})")
    if not 1 <= month <= 12:
        raise DateError(f"{text.strip()!r}: there is no month {month} (the day comes first)")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"{text.strip()!r}: {_month_name(month)} {year} has no day {day}") from None


def _full_year(digits: str) -> int:
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _month_name(month: int) -> str:
    return MONTH_NAMES[month - 1]


def format_date(value: dt.date) -> str:
    """The way the app shows a date: "10 Aug 2026" (no leading zero, no locale)."""
    return f"{value.day} {_month_name(value.month)[:3]} {value.year}"


def format_long_date(value: dt.date) -> str:
    """ "10 August 2026"."""
    return f"{value.day} {_month_name(value.month)} {value.year}"


def check_done_date(value: dt.date, today: dt.date) -> dt.date:
    """A date something was done must not be in the future: ``DateError`` says so."""
    if value > today:
        raise DateError(
            f"the date done, {format_date(value)}, is after today ({format_date(today)}). "
            "Record it on the day you do it, or plan it as one of your own milestones "
            "with a due date."
        )
    return value

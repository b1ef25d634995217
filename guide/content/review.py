"""What is due for review: pages past (or near) ``next_review``, schemes past their next
check, schemes whose listed application rounds have all closed.

``due_for_review(model, today, within)`` lists them, each with the ``FILE:LINE`` of the
date to change, for ``guide review`` and as warnings in ``guide validate``. Today is
always passed in (from ``guide.clock``), never read here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from guide.content.model import ContentModel, Item, Problem

# A scheme with no ``next_check`` is due a year after it was last checked.
CHECK_EVERY = dt.timedelta(days=365)
DEFAULT_WITHIN = dt.timedelta(days=30)
_WITHIN = re.compile(r"^\s*(\d{1,4})\s*([dwmy]?)\s*$", re.IGNORECASE)
_UNIT_DAYS = {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}


@dataclass(frozen=True)
class Due:
    """One thing to review: where, why, and by when."""

    item_id: str
    kind: str
    title: str
    path: str
    line: int
    reason: str
    due: dt.date | None
    overdue: bool

    @property
    def status(self) -> str:
        return "overdue" if self.overdue else "due soon"

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.status}: {self.title} ({self.item_id}): {self.reason}"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.item_id,
            "kind": self.kind,
            "title": self.title,
            "file": self.path,
            "line": self.line,
            "status": "overdue" if self.overdue else "due-soon",
            "due": self.due.isoformat() if self.due else None,
            "reason": self.reason,
        }

    def problem(self, strict: bool = False) -> Problem:
        return Problem(
            self.path,
            self.line,
            f"{self.status}: {self.title} ({self.item_id}): {self.reason}",
            severity="error" if strict else "warning",
        )


def parse_within(text: str) -> dt.timedelta:
    """``60d``, ``8w``, ``2m`` (30-day months), ``1y`` or a plain number of days."""
    match = _WITHIN.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a period: write for example 60d, 8w, 2m or 1y")
    return dt.timedelta(days=int(match.group(1)) * _UNIT_DAYS[match.group(2).lower()])


def relative(day: dt.date, today: dt.date) -> str:
    """ "3 weeks ago", "in 2 months", "today": how far ``day`` is from ``today``."""
    days = (day - today).days
    if days == 0:
        return "today"
    size = abs(days)
    if size < 14:
        amount = f"{size} day{'s' if size != 1 else ''}"
    elif size < 60:
        amount = f"{size // 7} weeks"
    elif size < 730:
        amount = f"{size // 30} months"
    else:
        amount = f"{size // 365} years"
    return f"in {amount}" if days > 0 else f"{amount} ago"


def _long(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def _dated(item: Item, field: str, due: dt.date, what: str, today: dt.date, horizon: dt.date):
    if due > horizon:
        return None
    overdue = due < today
    when = f"was due on {_long(due)} ({relative(due, today)})" if overdue else (
        f"is due on {_long(due)} ({relative(due, today)})"
    )  # fmt: skip
    return Due(
        item.id,
        item.kind,
        item.title,
        item.path,
        item.field_lines.get(field, item.line),
        f"{what} {when}",
        due,
        overdue,
    )


def _past_rounds(item: Item, today: dt.date) -> Due | None:
    rounds = item.get("rounds")
    if not isinstance(rounds, (list, tuple)) or not rounds:
        return None
    listed = [r.get("closes") for r in rounds if isinstance(r, dict)]
    closes: list[dt.date] = [c for c in listed if isinstance(c, dt.date)]
    if not closes or max(closes) >= today:
        return None
    latest = max(closes)
    return Due(
        item.id,
        item.kind,
        item.title,
        item.path,
        item.field_lines.get("rounds", item.line),
        f"every application round listed has closed (the latest on {_long(latest)}, "
        f"{relative(latest, today)}): add the next round, or say the dates are not known",
        latest,
        True,
    )


def due_for_review(
    model: ContentModel, today: dt.date, within: dt.timedelta = DEFAULT_WITHIN
) -> list[Due]:
    """Everything overdue, or due within ``within`` of ``today``, most overdue first."""
    horizon = today + within
    found: list[Due] = []
    for item in model:
        due_review = item.next_review
        if isinstance(due_review, dt.date):
            note = _dated(item, "next_review", due_review, "the next review", today, horizon)
            if note:
                found.append(note)
        if item.kind == "scheme":
            next_check = item.get("next_check")
            checked = item.get("last_checked")
            if isinstance(next_check, dt.date):
                note = _dated(item, "next_check", next_check, "the next check", today, horizon)
            elif isinstance(checked, dt.date):
                note = _dated(
                    item,
                    "last_checked",
                    checked + CHECK_EVERY,
                    f"last checked on {_long(checked)}; the yearly check",
                    today,
                    horizon,
                )
            else:
                note = None
            if note:
                found.append(note)
        rounds = _past_rounds(item, today)
        if rounds:
            found.append(rounds)
    return sorted(found, key=lambda d: (not d.overdue, d.due or today, d.path, d.line))

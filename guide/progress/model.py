"""The user's progress record: profile, checklist entries and their own milestones.

Everything here is plain data with no Qt, so it can be tested, merged and saved
without a window. Each record carries a ``Stamp`` saying when it last changed;
merging two copies of the record (a second running copy of the app, or an
imported file) keeps, record by record, whichever change is newer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

STATUSES: tuple[str, ...] = ("not-started", "in-progress", "done", "not-applicable")
STATUS_LABELS: dict[str, str] = {
    "not-started": "Not started",
    "in-progress": "In progress",
    "done": "Done",
    "not-applicable": "Not applicable",
}
OWN_PREFIX = "own-"

# Free text is capped so a pasted document cannot bloat the file that is rewritten on every change.
MAX_TEXT = 20_000
MAX_TITLE = 300
MAX_REMIND_DAYS = 365

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


@dataclass(frozen=True, order=True)
class Stamp:
    """When a record last changed: a wall-clock time plus the document's revision counter.

    ``time`` comes from a hybrid logical clock (see ``Clock``): it never goes
    backwards within one record file, even if the computer's clock does, so
    "newest wins" stays right after a clock correction. ``rev`` breaks ties.
    """

    time: dt.datetime = _EPOCH
    rev: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"updated": format_time(self.time), "rev": self.rev}


def format_time(value: dt.datetime) -> str:
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)


@dataclass(frozen=True)
class Profile:
    """Who the checklist is for: it decides which milestones and dates come first."""

    name: str = ""  # shown on the supervisor summary; optional
    nation: str = ""
    stage: str = ""
    specialty: str = ""
    foundation_start: dt.date | None = None
    stamp: Stamp = field(default_factory=Stamp)


@dataclass(frozen=True)
class Entry:
    """The user's progress on one milestone (from the catalogue or their own)."""

    status: str = "not-started"
    date_done: dt.date | None = None
    notes: str = ""
    evidence: str = ""
    stamp: Stamp = field(default_factory=Stamp)

    @property
    def is_blank(self) -> bool:
        return (
            self.status == "not-started"
            and self.date_done is None
            and not self.notes
            and not self.evidence
        )


@dataclass(frozen=True)
class OwnMilestone:
    """A milestone the user added themselves. Deleting one leaves a tombstone so that
    another copy of the record cannot bring it back when the two are merged."""

    title: str
    stage: str
    timing: str = ""
    due: dt.date | None = None  # the user's own deadline: "coming up", the summary, the calendar
    remind_days: int | None = None  # a calendar reminder this many days before ``due``
    deleted: bool = False
    stamp: Stamp = field(default_factory=Stamp)


@dataclass(frozen=True)
class ProgressData:
    """The whole record. ``rev`` counts changes and only ever goes up."""

    profile: Profile = field(default_factory=Profile)
    entries: dict[str, Entry] = field(default_factory=dict)
    own: dict[str, OwnMilestone] = field(default_factory=dict)
    rev: int = 0
    clock: dt.datetime = _EPOCH

    def entry(self, milestone_id: str) -> Entry:
        return self.entries.get(milestone_id) or Entry()

    def live_own(self) -> dict[str, OwnMilestone]:
        return {key: own for key, own in self.own.items() if not own.deleted}

    def completed_ids(self) -> set[str]:
        return {key for key, entry in self.entries.items() if entry.status == "done"}

    def newest_stamp(self) -> Stamp:
        stamps = [self.profile.stamp]
        stamps += [e.stamp for e in self.entries.values()]
        stamps += [o.stamp for o in self.own.values()]
        return max(stamps)


class Clock:
    """A hybrid logical clock: each new stamp is the current time, or just after the
    newest stamp already in the record if the computer's clock says otherwise."""

    def __init__(self, now: Any = None) -> None:
        self._now = now or (lambda: dt.datetime.now(dt.timezone.utc))

    def next(self, data: ProgressData) -> tuple[Stamp, ProgressData]:
        newest = max(data.clock, data.newest_stamp().time)
        time = max(self._now(), newest + dt.timedelta(microseconds=1))
        rev = max(data.rev, data.newest_stamp().rev) + 1
        return Stamp(time, rev), replace(data, rev=rev, clock=time)

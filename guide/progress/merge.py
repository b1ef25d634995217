"""Merge two copies of a progress record, record by record, the newest change winning.

Used when saving (another running copy of the app may have saved in between)
and when importing a file. Each record (the profile, one entry, one own
milestone) is compared by its ``Stamp``; a tie keeps the local copy. Nothing is
ever dropped: a record only one side has is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TypeVar

from guide.progress.model import Entry, OwnMilestone, Profile, ProgressData

R = TypeVar("R", Profile, Entry, OwnMilestone)


@dataclass(frozen=True)
class Change:
    """One record the incoming copy changed: ``kind`` is profile, entry or own."""

    kind: str
    key: str
    before: Profile | Entry | OwnMilestone | None
    after: Profile | Entry | OwnMilestone


@dataclass(frozen=True)
class MergeResult:
    data: ProgressData
    changed: list[Change] = field(default_factory=list)
    kept_local: list[str] = field(default_factory=list)  # keys where the local copy was newer

    @property
    def added(self) -> list[Change]:
        return [c for c in self.changed if c.before is None]

    @property
    def updated(self) -> list[Change]:
        return [c for c in self.changed if c.before is not None]


def merge(local: ProgressData, incoming: ProgressData) -> MergeResult:
    changed: list[Change] = []
    kept: list[str] = []

    profile = _pick(local.profile, incoming.profile)
    _note("profile", "profile", local.profile, incoming.profile, profile, changed, kept)

    entries = dict(local.entries)
    for key, theirs in incoming.entries.items():
        ours = local.entries.get(key)
        entries[key] = chosen = theirs if ours is None else _pick(ours, theirs)
        if ours is None and theirs.is_blank:
            continue  # a blank entry changes nothing the user can see
        _note("entry", key, ours, theirs, chosen, changed, kept)

    own = dict(local.own)
    for key, theirs_own in incoming.own.items():
        ours_own = local.own.get(key)
        own[key] = chosen_own = theirs_own if ours_own is None else _pick(ours_own, theirs_own)
        _note("own", key, ours_own, theirs_own, chosen_own, changed, kept)

    data = ProgressData(
        profile=profile,
        entries=entries,
        own=own,
        rev=max(local.rev, incoming.rev),
        clock=max(local.clock, incoming.clock),
    )
    return MergeResult(data, changed, kept)


def _note(
    kind: str,
    key: str,
    ours: R | None,
    theirs: R,
    chosen: R,
    changed: list[Change],
    kept: list[str],
) -> None:
    if ours is None or _content(chosen) != _content(ours):
        changed.append(Change(kind, key, ours, chosen))
    elif _content(theirs) != _content(ours):
        kept.append(key)


def _pick(ours: R, theirs: R) -> R:
    """The newer of two versions of one record; ours on a tie or when they match."""
    if theirs.stamp > ours.stamp and _content(theirs) != _content(ours):
        return theirs
    if theirs.stamp > ours.stamp:
        return replace(ours, stamp=theirs.stamp)  # same content: just carry the newer stamp
    return ours


def _content(record: Profile | Entry | OwnMilestone) -> tuple[object, ...]:
    """A record's values without its stamp, to tell a real change from a re-save."""
    return tuple(v for k, v in vars(record).items() if k != "stamp")

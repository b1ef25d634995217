"""The checklist as the user sees it: catalogue milestones plus their own, grouped by
stage, with per-stage progress and what is coming up in the next 90 days.

Pure functions over the content model and a ``ProgressData``; no Qt, no files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from guide.content.model import ChecklistStage, ContentModel, Item
from guide.progress.dates import MONTH_NAMES, format_long_date
from guide.progress.model import Entry, ProgressData

COMING_UP_DAYS = 90


@dataclass(frozen=True)
class Milestone:
    """One line of the checklist: a catalogue milestone or one of the user's own."""

    id: str
    title: str
    stage: str
    timing: str = ""
    months: tuple[int, ...] = ()
    why: str = ""
    evidence: str = ""
    nations: tuple[str, ...] = ()
    volatile: bool = False
    source: str = ""
    links: tuple[str, ...] = ()
    own: bool = False
    # Nations whose usual months differ from ``months``: ((nation, months), ...).
    nation_months: tuple[tuple[str, tuple[int, ...]], ...] = ()
    due: dt.date | None = None  # own milestones only
    remind_days: int | None = None

    def applies_to(self, nation: str) -> bool:
        """Own milestones and an unset nation show everything."""
        return self.own or not nation or not self.nations or nation in self.nations

    def months_for(self, nation: str) -> tuple[int, ...]:
        """The usual months in ``nation``: its own window if the data give one, else the
        default. With no nation chosen, every nation's months count."""
        if not nation:
            merged = set(self.months).union(*(m for _, m in self.nation_months))
            return tuple(sorted(merged))
        return dict(self.nation_months).get(nation, self.months)


@dataclass(frozen=True)
class Row:
    milestone: Milestone
    entry: Entry


@dataclass(frozen=True)
class StageGroup:
    stage: ChecklistStage
    rows: tuple[Row, ...]

    @property
    def done(self) -> int:
        return sum(1 for r in self.rows if r.entry.status == "done")

    @property
    def total(self) -> int:
        """Milestones that count: those not marked not applicable."""
        return sum(1 for r in self.rows if r.entry.status != "not-applicable")

    @property
    def badge(self) -> str:
        return f"{self.done}/{self.total}" if self.rows else ""


@dataclass(frozen=True)
class ComingUp:
    """A catalogue milestone's usual month, or the due date of one of the user's own."""

    milestone: Milestone
    year: int
    month: int
    starts_in_days: int  # 0 when it is already this month; below 0 when a due date has passed
    due: dt.date | None = None

    @property
    def when(self) -> str:
        if self.due is not None:
            return format_long_date(self.due)
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.starts_in_days < 0


def _split_months(
    value: object,
) -> tuple[tuple[int, ...], tuple[tuple[str, tuple[int, ...]], ...]]:
    """A ``months`` field (a list, or a mapping by nation with ``UK`` for the rest) as the
    default months and the nations that differ."""
    if isinstance(value, Mapping):
        default = tuple(value.get("UK", ()))
        own = tuple((str(n), tuple(m)) for n, m in value.items() if n != "UK")
        return default, own
    return tuple(value or ()), ()  # type: ignore[arg-type]


def catalogue(model: ContentModel) -> list[Milestone]:
    out = []
    for item in model.of_kind("milestone"):
        months, nation_months = _split_months(item.get("months"))
        out.append(_milestone(item, months, nation_months))
    return out


def _milestone(
    item: Item, months: tuple[int, ...], nation_months: tuple[tuple[str, tuple[int, ...]], ...]
) -> Milestone:
    return Milestone(
        id=item.id,
        title=item.title,
        stage=str(item.get("stage", "")),
        timing=str(item.get("timing", "")),
        months=months,
        nation_months=nation_months,
        why=str(item.get("why", "")),
        evidence=str(item.get("evidence", "")),
        nations=tuple(item.get("nations", ()) or ()),
        volatile=bool(item.get("volatile", False)),
        source=str(item.get("source", "") or ""),
        links=tuple(item.get("links", ()) or ()),
    )


def all_milestones(model: ContentModel, data: ProgressData) -> list[Milestone]:
    own = [
        Milestone(
            id=key,
            title=o.title,
            stage=o.stage,
            timing=o.timing,
            own=True,
            due=o.due,
            remind_days=o.remind_days,
        )
        for key, o in data.live_own().items()
    ]
    return catalogue(model) + sorted(own, key=lambda m: (m.title.lower(), m.id))


def stage_groups(
    model: ContentModel, data: ProgressData, nation: str | None = None
) -> list[StageGroup]:
    """Every checklist stage in order with its milestones for the nation (profile's by default).

    An own milestone whose stage no longer exists goes under the first stage rather than vanish.
    """
    nation = data.profile.nation if nation is None else nation
    stages = list(model.checklist_stages)
    known = {s.id for s in stages}
    by_stage: dict[str, list[Row]] = {s.id: [] for s in stages}
    for milestone in all_milestones(model, data):
        if not milestone.applies_to(nation):
            continue
        stage = milestone.stage if milestone.stage in known else (stages[0].id if stages else "")
        if stage in by_stage:
            by_stage[stage].append(Row(milestone, data.entry(milestone.id)))
    return [StageGroup(s, tuple(by_stage[s.id])) for s in stages]


def find(model: ContentModel, data: ProgressData, milestone_id: str) -> Milestone | None:
    for milestone in all_milestones(model, data):
        if milestone.id == milestone_id:
            return milestone
    return None


def infer_stage(model: ContentModel, foundation_start: dt.date | None, today: dt.date) -> str:
    """A likely stage from the foundation start date, when the user has not chosen one."""
    if foundation_start is None:
        return ""
    days = (today - foundation_start).days
    guess = "medical-school" if days < 0 else "f1" if days < 365 else "f2" if days < 730 else ""
    if not guess:
        guess = "pre-doctoral"
    return guess if any(s.id == guess for s in model.checklist_stages) else ""


def current_stage(model: ContentModel, data: ProgressData, today: dt.date) -> str:
    profile = data.profile
    if profile.stage and any(s.id == profile.stage for s in model.checklist_stages):
        return profile.stage
    return infer_stage(model, profile.foundation_start, today)


def coming_up(
    model: ContentModel, data: ProgressData, today: dt.date, days: int = COMING_UP_DAYS
) -> list[ComingUp]:
    """What is coming up in the next ``days`` days, soonest first: unfinished milestones of
    the user's stage and nation whose usual months fall in that time (including the
    current month), and the user's own milestones due by then, of any stage (those whose
    due date has passed first, so they are not forgotten)."""
    found = own_due(data, today, days)
    stage = current_stage(model, data, today)
    if stage:
        window = months_ahead(today, days)
        for milestone in catalogue(model):
            if milestone.stage != stage or not milestone.applies_to(data.profile.nation):
                continue
            if data.entry(milestone.id).status in ("done", "not-applicable"):
                continue
            for year, month, starts_in in window:
                if month in usual_months(milestone, data.profile.nation):
                    found.append(ComingUp(milestone, year, month, starts_in))
                    break
    return sorted(found, key=lambda c: (c.starts_in_days, c.milestone.title.lower()))


def own_due(data: ProgressData, today: dt.date, days: int | None = None) -> list[ComingUp]:
    """The user's own unfinished milestones with a due date (up to ``days`` ahead if given)."""
    found = []
    for key, own in sorted(data.live_own().items()):
        if own.due is None or data.entry(key).status in ("done", "not-applicable"):
            continue
        starts_in = (own.due - today).days
        if days is not None and starts_in > days:
            continue
        milestone = Milestone(
            id=key,
            title=own.title,
            stage=own.stage,
            timing=own.timing,
            own=True,
            due=own.due,
            remind_days=own.remind_days,
        )
        found.append(ComingUp(milestone, own.due.year, own.due.month, starts_in, own.due))
    return found


def usual_months(milestone: Milestone, nation: str) -> tuple[int, ...]:
    """The months ``milestone`` usually falls in for ``nation``. One place, so that
    nation-specific windows in the content can be read here without touching callers."""
    return milestone.months_for(nation)


def months_ahead(today: dt.date, days: int) -> list[tuple[int, int, int]]:
    """(year, month, days until it starts) for each month touching [today, today + days]."""
    end = today + dt.timedelta(days=days)
    out = []
    year, month = today.year, today.month
    while (year, month) <= (end.year, end.month):
        start = dt.date(year, month, 1)
        out.append((year, month, max(0, (start - today).days)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def next_steps(
    model: ContentModel, data: ProgressData, today: dt.date, count: int = 3
) -> list[Milestone]:
    """The next ``count`` things to do: what is coming up first (an own deadline that has
    passed, then the soonest), then the unfinished milestones of the user's stage in order."""
    found: list[Milestone] = []
    for c in coming_up(model, data, today):
        if c.milestone.id not in {m.id for m in found}:
            found.append(c.milestone)
    stage = current_stage(model, data, today)
    for group in stage_groups(model, data):
        if group.stage.id != stage:
            continue
        for row in group.rows:
            if row.entry.status in ("not-started", "in-progress") and row.milestone.id not in {
                m.id for m in found
            }:
                found.append(row.milestone)
    return found[:count]

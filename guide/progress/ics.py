"""The coming dates as an iCalendar (.ics) file that Outlook, Google Calendar and others import.

Two kinds of event, all-day and marked "free" so they never block a diary:

* each catalogue milestone of the user's stage and nation that is not done yet gets its
  next usual window (months [11, 12, 1] give 1 November to 31 January), if that window
  has not ended and starts within the next year;
* each of the user's own unfinished milestones with a due date from today on gets an
  event on that day, with a reminder when they asked for one.

Every event says what it is, when it usually happens, why it matters and what evidence to
keep; dates that change every year say that this year's date must be checked, and where.
UIDs are stable (milestone id and window start), so importing a newer export updates
events instead of doubling them. The ``icalendar`` library writes the format (folding,
escaping, line endings); no Qt here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from guide.content.model import ContentModel
from guide.progress.checklist import Milestone, catalogue, current_stage, own_due, usual_months
from guide.progress.dates import MONTH_NAMES, format_long_date
from guide.progress.model import ProgressData

PRODUCT_ID = "-//Clinical Academic Pathway Guide//Checklist//EN"
UID_DOMAIN = "clinical-academic-guide"
HORIZON_DAYS = 366
CATEGORY = "Clinical academic checklist"


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event: ``end`` is the last day it covers (inclusive)."""

    uid: str
    title: str
    start: dt.date
    end: dt.date
    description: str
    remind_days: int | None = None
    url: str = ""


def calendar_events(model: ContentModel, data: ProgressData, today: dt.date) -> list[CalendarEvent]:
    """The events the export holds, soonest first."""
    events: list[CalendarEvent] = []
    nation = data.profile.nation
    stage = current_stage(model, data, today)
    for milestone in catalogue(model) if stage else ():
        if milestone.stage != stage or not milestone.applies_to(nation):
            continue
        if data.entry(milestone.id).status in ("done", "not-applicable"):
            continue
        for window in next_windows(usual_months(milestone, nation), today):
            start, end = window
            events.append(
                CalendarEvent(
                    uid=f"{milestone.id}-{start:%Y%m}@{UID_DOMAIN}",
                    title=milestone.title,
                    start=start,
                    end=end,
                    description=_describe(milestone, window),
                    url=milestone.source,
                )
            )
    for coming in own_due(data, today):
        if coming.due is None or coming.due < today:
            continue  # a passed deadline is shown in the app, not added to a diary
        milestone = coming.milestone
        events.append(
            CalendarEvent(
                uid=f"{milestone.id}@{UID_DOMAIN}",
                title=milestone.title,
                start=coming.due,
                end=coming.due,
                description=_describe(milestone, None),
                remind_days=milestone.remind_days,
            )
        )
    return sorted(events, key=lambda e: (e.start, e.title.lower()))


def next_windows(months: tuple[int, ...], today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """For each run of consecutive ``months`` (wrapping over the new year), the first and
    last day of its next occurrence that has not ended by ``today`` and starts within
    ``HORIZON_DAYS``; soonest first."""
    wanted = set(months) & set(range(1, 13))
    if not wanted or len(wanted) == 12:
        return []  # "any time of year" is not a date for a calendar
    horizon = today + dt.timedelta(days=HORIZON_DAYS)
    # Runs of consecutive months, wrapping over the new year, each named by its first month.
    firsts = [m for m in sorted(wanted) if (m - 2) % 12 + 1 not in wanted]
    found = []
    for first in firsts:
        length = 1
        while (first + length - 1) % 12 + 1 in wanted:
            length += 1
        candidates = []
        for year in (today.year - 1, today.year, today.year + 1):
            start = dt.date(year, first, 1)
            end = _month_end(start, length)
            if end >= today and start <= horizon:
                candidates.append((start, end))
        if candidates:
            found.append(min(candidates))
    return sorted(found)


def _month_end(start: dt.date, months: int) -> dt.date:
    """The last day of the ``months``-long run of months beginning at ``start``."""
    index = start.year * 12 + start.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)


def _describe(milestone: Milestone, window: tuple[dt.date, dt.date] | None) -> str:
    parts = []
    if milestone.own:
        parts.append(
            f"Your own milestone, due {format_long_date(milestone.due)}."
            if milestone.due
            else "Your own milestone."
        )
    else:
        parts.append("A milestone from your clinical academic checklist.")
    if window is not None:
        first, last = MONTH_NAMES[window[0].month - 1], MONTH_NAMES[window[1].month - 1]
        span = first if first == last else f"{first} to {last}"
        parts.append(f"It usually falls in {span}.")
    if milestone.timing:
        parts.append(f"When: {milestone.timing}")
    text = " ".join(parts)
    if milestone.why:
        text += f"\n\nWhy it matters: {milestone.why}"
    if milestone.evidence:
        text += f"\n\nEvidence to keep: {milestone.evidence}"
    if milestone.volatile:
        text += (
            "\n\nThese dates change every year, so the dates in this calendar are the usual "
            "months, not this year's. Check this year's dates with the organiser"
            + (f": {milestone.source}" if milestone.source else ".")
        )
    elif milestone.source and not milestone.own:
        text += f"\n\nMore: {milestone.source}"
    text += (
        "\n\nFrom the Clinical Academic Pathway Guide (a personal planner, not an official record)."
    )
    return text


def to_ics(model: ContentModel, data: ProgressData, today: dt.date, now: dt.datetime) -> bytes:
    """The iCalendar file for ``calendar_events``; ``now`` stamps it (DTSTAMP)."""
    import icalendar  # imported here: only this export needs it, and start-up stays quick

    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Clinical academic checklist")
    stamp = now.astimezone(dt.timezone.utc).replace(microsecond=0)
    for item in calendar_events(model, data, today):
        event = icalendar.Event()
        event.add("uid", item.uid)
        # Set directly, not with add(): add() converts through a time-zone database, which a
        # Windows PC has only if the tzdata package came along; a UTC stamp needs none.
        event["dtstamp"] = icalendar.vDatetime(stamp)
        event.add("summary", item.title)
        event.add("dtstart", item.start)
        event.add("dtend", item.end + dt.timedelta(days=1))  # all-day DTEND is exclusive
        event.add("description", item.description)
        event.add("transp", "TRANSPARENT")
        event.add("categories", [CATEGORY])
        if item.url:
            event.add("url", item.url)
        if item.remind_days is not None:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Reminder: {item.title}")
            alarm.add("trigger", -dt.timedelta(days=item.remind_days))
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()

"""At several chosen days, no rendered page and no "coming up" list presents a past date
as if it were still ahead.

Every full date ("15 January 2025") and month ("January 2025") in the text of every page
is found. One that lies before the chosen day is a problem when its clause speaks of
it as ahead (opens, closes, deadline, apply, until, next, due, ...) and nothing in the
clause says it is past (closed, was, last, past, checked, ...). Dates cited as the age
of a source ("guidance of March 2022") are history, not news. The days include
2026-12-01, the day the issue that asked for this was checked against, and days either
side of the usual recruitment rounds (March, October). Pages are composed with the same
composer the reader uses, driven by a fixed clock rather than today's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pytest

from guide.clock import Clock
from guide.content import ContentModel
from guide.content.dates import MONTHS
from guide.content.pages import PageComposer
from guide.content.render import html_to_text
from guide.progress.checklist import coming_up
from guide.progress.model import Profile, ProgressData
from guide.progress.summary import summary_html

DAYS = (
    dt.date(2025, 6, 1),
    dt.date(2026, 12, 1),
    dt.date(2027, 3, 1),
    dt.date(2027, 4, 1),
    dt.date(2027, 10, 15),
    dt.date(2029, 1, 15),
)
NATIONS = ("", "England", "Scotland", "Wales", "Northern Ireland")
# Every kind of page a reader can open; the walk must reach each one.
PAGE_KINDS = {"page", "section", "story", "scheme", "milestone", "term", "question"}
_MONTH = "|".join(MONTHS)
FULL_DATE = re.compile(rf"\b(\d{{1,2}}) ({_MONTH}) (\d{{4}})\b")
MONTH_YEAR = re.compile(rf"(?<!\d )\b({_MONTH}) (\d{{4}})\b")
# Words that mark a clause as being about the past (or about when we looked).
PAST_MARKERS = re.compile(
    r"\b(closed|was|were|ran|past|last|launched|began|opened|started|since|checked|"
    r"reviewed|published|based on|earlier|previous|had|came in|commissioned|followed|called for|could|led)\b",
    re.IGNORECASE,
)
# Words that present a date as still to come.
UPCOMING_CUES = re.compile(
    r"\b(close|closes|closing|open|opens|opening|deadline|apply|until|will|next|due|"
    r"starts?|begins?|coming)\b",
    re.IGNORECASE,
)
# A date in brackets after a source's name, "(version 1.1, March 2022)", gives its age.
CITED_DATE = re.compile(rf"\([^()]{{0,40}}\b({_MONTH}) \d{{4}}\)")
CLAUSE_END = re.compile(r"(?<=[.;!?])\s+|\n| · ")
# The page's list of sources dates each source ("(January 2025)"): a citation, not news.
SOURCES_HEADING = "\nSources\n"


def _past_dates(text: str, today: dt.date) -> list[tuple[str, str]]:
    """(date text, clause) for every past date in ``text`` whose clause does not say so."""
    found = []
    for clause in CLAUSE_END.split(text):
        clause = CITED_DATE.sub("", clause)
        dates: list[tuple[str, dt.date]] = []
        for m in FULL_DATE.finditer(clause):
            month = MONTHS.index(m.group(2)) + 1
            dates.append((m.group(0), dt.date(int(m.group(3)), month, int(m.group(1)))))
        for m in MONTH_YEAR.finditer(clause):
            year, month = int(m.group(2)), MONTHS.index(m.group(1)) + 1
            last_day = calendar.monthrange(year, month)[1]
            dates.append((m.group(0), dt.date(year, month, last_day)))
        for shown, day in dates:
            if day < today and UPCOMING_CUES.search(clause) and not PAST_MARKERS.search(clause):
                found.append((shown, clause.strip()))
    return found


def test_the_checker_catches_a_past_date_shown_as_current() -> None:
    today = dt.date(2026, 12, 1)
    assert _past_dates("Applications close on 15 January 2025.", today)
    assert _past_dates("The next call opens in March 2026.", today)
    assert _past_dates("Next review due: 25 May 2026", today)
    assert not _past_dates("The NIHR guidance (March 2022) allows up to 24 months.", today)
    assert not _past_dates("The last round closed on 15 January 2025.", today)
    assert not _past_dates("Applications close on 15 January 2027.", today)


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_no_page_shows_a_past_date_as_upcoming(shipped_model: ContentModel, today: dt.date) -> None:
    composer = PageComposer(shipped_model, clock=Clock.fixed(today))
    problems = []
    walked = set()
    for item in shipped_model:
        walked.add(item.kind)
        text = html_to_text(composer.compose(item).html)
        if SOURCES_HEADING in text:
            before, _, after = text.partition(SOURCES_HEADING)
            text = before + "\n" + after.split("\n\n", 1)[-1]
        problems += [
            f"{item.id}: {shown!r} in {clause!r}" for shown, clause in _past_dates(text, today)
        ]
    assert walked >= PAGE_KINDS, f"pages of these kinds were not walked: {PAGE_KINDS - walked}"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_no_coming_up_list_shows_a_past_month_or_date(
    shipped_model: ContentModel, today: dt.date
) -> None:
    problems = []
    listed = 0
    for nation in NATIONS:
        for stage in shipped_model.checklist_stages:
            data = ProgressData(profile=Profile(nation=nation, stage=stage.id))
            for entry in coming_up(shipped_model, data, today):
                listed += 1
                if (entry.year, entry.month) < (today.year, today.month):
                    problems.append(f"{nation} {stage.id}: {entry.milestone.id} in {entry.when}")
                for shown, clause in _past_dates(entry.milestone.timing, today):
                    problems.append(f"{entry.milestone.id}: {shown!r} in {clause!r}")
    assert listed, "no milestone came up at all, so nothing was checked"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_no_progress_summary_shows_a_past_date_as_coming_up(
    shipped_model: ContentModel, today: dt.date
) -> None:
    """The printable summary's "coming up" list, for every nation and stage."""
    problems = []
    for nation in NATIONS:
        for stage in shipped_model.checklist_stages:
            data = ProgressData(profile=Profile(nation=nation, stage=stage.id))
            text = html_to_text(summary_html(shipped_model, data, today, include_all=True))
            problems += [
                f"{nation or 'no nation'} {stage.id}: {shown!r} in {clause!r}"
                for shown, clause in _past_dates(text, today)
            ]
    assert not problems, "\n".join(problems)

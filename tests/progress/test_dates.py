"""Typed dates in the common UK forms, and the rule that a date done is not in the future."""

from __future__ import annotations

import datetime as dt

import pytest

from guide.progress.dates import DateError, check_done_date, format_date, parse_date

AUG_10 = dt.date(2026, 8, 10)


@pytest.mark.parametrize(
    "text",
    [
        "10 Aug 2026",
        "10 August 2026",
        "10 aug 26",
        "10th August 2026",
        "10-Aug-2026",
        "10/08/2026",
        "10/8/2026",
        "10-8-26",
        "10.08.2026",
        " 10 / 08 / 2026 ",
        "2026-08-10",
    ],
)
def test_common_uk_forms_read_day_first(text):
    assert parse_date(text) == AUG_10


def test_day_first_is_not_read_as_the_american_month_first():
    assert parse_date("01/07/2026") == dt.date(2026, 7, 1)
    assert parse_date("5 Sept 2026") == dt.date(2026, 9, 5)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no date"),
        ("10 Aug", "not a date this can read"),
        ("08/10", "not a date this can read"),
        ("31/02/2026", "February 2026 has no day 31"),
        ("10/13/2026", "no month 13"),
        ("10 Smarch 2026", "not a month name"),
        ("next Tuesday", "not a date this can read"),
    ],
)
def test_what_cannot_be_read_exactly_is_refused_with_a_reason(text, reason):
    with pytest.raises(DateError, match=reason):
        parse_date(text)


def test_dates_are_shown_without_leading_zeros_or_locale():
    assert format_date(dt.date(2026, 8, 1)) == "1 Aug 2026"


def test_a_date_done_after_today_is_refused_and_today_is_accepted():
    today = dt.date(2026, 11, 25)
    assert check_done_date(today, today) == today
    with pytest.raises(DateError, match=r"26 Nov 2026, is after today \(25 Nov 2026\)"):
        check_done_date(dt.date(2026, 11, 26), today)

"""The guide's clock: fixed and shifted clocks, and GUIDE_TODAY."""

from __future__ import annotations

import datetime as dt

import pytest

from guide.clock import Clock, from_environment

BASE = Clock.fixed(dt.date(2026, 12, 1))


def test_a_fixed_clock_says_the_same_day_and_an_aware_utc_time():
    assert BASE.today() == dt.date(2026, 12, 1)
    assert BASE.now().tzinfo is dt.timezone.utc


def test_guide_today_moves_both_the_date_and_the_time():
    moved = from_environment({"GUIDE_TODAY": "2030-01-15"}, base=BASE)
    assert moved.today() == dt.date(2030, 1, 15)
    assert moved.now().date() == dt.date(2030, 1, 15)


def test_without_guide_today_the_base_clock_is_used():
    assert from_environment({}, base=BASE) is BASE


def test_a_guide_today_that_is_not_a_date_is_explained():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        from_environment({"GUIDE_TODAY": "31/12/2026"}, base=BASE)

"""The guide's clock: fixed and shifted clocks, and GUIDE_TODAY."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from guide.clock import Clock, file_system_now_ns, from_environment

A_YEAR_NS = 365 * 24 * 3600 * 10**9

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


def test_the_file_systems_clock_is_the_stamp_a_file_written_in_the_folder_gets(
    tmp_path: Path,
) -> None:
    before = tmp_path / "before"
    before.write_bytes(b"")
    now = file_system_now_ns(tmp_path)
    after = tmp_path / "after"
    after.write_bytes(b"")
    assert before.stat().st_mtime_ns <= now <= after.stat().st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["after", "before"]  # no probe left


def test_the_file_systems_clock_does_not_follow_a_computer_clock_a_year_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ahead = time.time_ns() + A_YEAR_NS
    monkeypatch.setattr(time, "time_ns", lambda: ahead)
    assert file_system_now_ns(tmp_path) < ahead - A_YEAR_NS // 2


def test_a_folder_that_cannot_be_written_falls_back_to_the_computers_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "time_ns", lambda: 42)
    assert file_system_now_ns(tmp_path / "missing") == 42

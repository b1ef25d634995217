"""Lock and temporary-file ages are measured by the folder's own clock, so a computer whose
clock disagrees with the drive's (a file server's, or a wrong date) breaks no one's lock."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest

from guide.progress import files

A_YEAR = 365 * 24 * 3600.0


@pytest.fixture
def clock_a_year_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    real, real_ns = time.time, time.time_ns
    monkeypatch.setattr(time, "time", lambda: real() + A_YEAR)
    monkeypatch.setattr(time, "time_ns", lambda: real_ns() + int(A_YEAR * 1e9))


def _lock(folder: Path, host: str, pid: int) -> Path:
    lock = folder / "progress.json.lock"
    lock.write_text(json.dumps({"pid": pid, "host": host}), encoding="utf-8")
    return lock


def test_a_lock_held_now_is_not_stale_when_this_computers_clock_is_ahead(
    tmp_path: Path, clock_a_year_ahead: None
) -> None:
    assert not files._lock_is_stale(_lock(tmp_path, socket.gethostname(), os.getpid()))
    assert not files._lock_is_stale(_lock(tmp_path, "another-pc", 12345))


def test_a_lock_left_long_ago_is_stale_whatever_the_clock_says(tmp_path: Path) -> None:
    lock = _lock(tmp_path, "another-pc", 12345)
    old = lock.stat().st_mtime - 10 * files.STALE_LOCK_SECONDS
    os.utime(lock, (old, old))
    assert files._lock_is_stale(lock)


def test_a_temporary_file_being_written_now_survives_a_clock_that_is_ahead(
    tmp_path: Path, clock_a_year_ahead: None
) -> None:
    fresh = tmp_path / ".progress-abc.tmp"
    fresh.write_bytes(b"half a save")
    left = tmp_path / ".progress-old.tmp"
    left.write_bytes(b"from a crash")
    old = left.stat().st_mtime - 3600
    os.utime(left, (old, old))
    files.remove_stale_temp_files(tmp_path, "progress")
    assert fresh.exists() and not left.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".progress-abc.tmp"]  # no probe left


def test_an_empty_lock_left_by_a_writer_stopped_mid_creation_is_stale_after_a_second(
    tmp_path: Path,
) -> None:
    lock = tmp_path / "progress.json.lock"
    lock.write_bytes(b"")
    assert not files._lock_is_stale(lock)  # its writer may be about to fill it in
    old = lock.stat().st_mtime - 2
    os.utime(lock, (old, old))
    assert files._lock_is_stale(lock)

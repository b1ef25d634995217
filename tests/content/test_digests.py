"""The second look after start-up: content files whose bytes changed while their size and
times did not are found by their digests, and the cache is then forgotten."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from guide.content import digests, freshness, load_content
from guide.content.cache import cache_path, load_cached
from guide.paths import bundled_data_dir

# A fixed time long before any test runs: the files are not "racily new" for the cache.
OLD_NS = 1_700_000_000 * 1_000_000_000
PAGE = """---
id: trust-office
kind: page
title: Research office
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

Ask us about {word}.
"""


@pytest.fixture
def windows_times(monkeypatch):
    """File times as on Windows, where the "change time" is the creation time: rewriting a
    file and setting its modification time back leaves its size and times as they were."""
    real = freshness.scan

    def scan(roots):
        return {name: (s[0], s[1], 0, s[3]) for name, s in real(roots).items()}

    monkeypatch.setattr(freshness, "scan", scan)


@pytest.fixture
def trust(tmp_path: Path) -> Path:
    root = tmp_path / "trust"
    (root / "pages").mkdir(parents=True)
    page = root / "pages" / "office.md"
    page.write_text(PAGE.format(word="zanzibarium"), encoding="utf-8")
    os.utime(page, ns=(OLD_NS, OLD_NS))
    return root


def _same_size_edit(page: Path, word: str) -> None:
    before = page.stat().st_size
    page.write_text(PAGE.format(word=word), encoding="utf-8")
    os.utime(page, ns=(OLD_NS, OLD_NS))
    assert page.stat().st_size == before


def _cached(trust: Path, cache: Path):
    return load_cached([bundled_data_dir(), trust], cache)


def test_a_model_read_from_the_files_needs_no_second_look(trust):
    assert digests.recheck_for(load_content([bundled_data_dir(), trust])) is None


def test_a_same_size_edit_that_keeps_its_time_is_found(trust, tmp_path, windows_times):
    cache = tmp_path / "cache"
    _cached(trust, cache)  # the first start writes the cache
    check = digests.recheck_for(_cached(trust, cache))
    assert check is not None
    assert digests.changed_files(check) == []  # ...and its check records the digests
    assert check.record.is_file()

    page = trust / "pages" / "office.md"
    _same_size_edit(page, "quokkamanda")
    stale = _cached(trust, cache)
    assert "zanzibarium" in stale.get("trust-office").body  # sizes and times cannot tell
    check = digests.recheck_for(stale)
    assert digests.changed_files(check) == [page]
    assert digests.changed_files(check) == [page]  # no record was taken of the changed bytes
    # Forgotten, so the next start reads the files instead of the stale model.
    digests.forget(check)
    assert not cache_path(cache, (bundled_data_dir(), trust)).exists()
    assert not check.record.exists()
    fresh = _cached(trust, cache)
    assert "quokkamanda" in fresh.get("trust-office").body
    assert digests.changed_files(digests.recheck_for(fresh)) == []


def test_unchanged_files_are_not_reported(trust, tmp_path, windows_times):
    cache = tmp_path / "cache"
    _cached(trust, cache)
    check = digests.recheck_for(_cached(trust, cache))
    assert digests.changed_files(check) == []
    assert digests.changed_files(check) == []  # with the record, the same answer
    assert cache_path(cache, (bundled_data_dir(), trust)).exists()


def test_before_any_record_the_cache_tables_digest_of_a_new_file_is_used(trust, tmp_path):
    # Just written, so "racily new": the cache's table took its digest.
    page = trust / "pages" / "office.md"
    page.write_text(PAGE.format(word="zanzibarium"), encoding="utf-8")
    cache = tmp_path / "cache"
    model = _cached(trust, cache)
    check = digests.recheck_for(model)
    [name] = [n for n in check.table if n.endswith("office.md")]
    assert check.table[name][1]
    stat = page.stat()
    page.write_text(PAGE.format(word="quokkamanda"), encoding="utf-8")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert digests.changed_files(check) == [page]


def test_a_page_saved_just_before_a_start_is_new_even_if_the_computers_clock_is_ahead(
    trust, tmp_path, monkeypatch
):
    page = trust / "pages" / "office.md"
    page.write_text(PAGE.format(word="zanzibarium"), encoding="utf-8")
    ahead = time.time_ns() + 366 * 24 * 3600 * 10**9
    monkeypatch.setattr(time, "time_ns", lambda: ahead)
    check = digests.recheck_for(_cached(trust, tmp_path / "cache"))
    [name] = [n for n in check.table if n.endswith("office.md")]
    assert check.table[name][1]  # checked by its bytes, as on a computer with the right date


def test_a_damaged_record_is_ignored(trust, tmp_path, windows_times):
    cache = tmp_path / "cache"
    _cached(trust, cache)
    check = digests.recheck_for(_cached(trust, cache))
    digests.changed_files(check)
    check.record.write_bytes(check.record.read_bytes()[:-3] + b"xyz")
    assert digests.read_record(check.record, check.content) is None
    assert digests.changed_files(check) == []  # the table decides, and the record is rewritten
    assert digests.read_record(check.record, check.content) is not None


def test_added_and_removed_files_are_reported(trust, tmp_path, windows_times):
    cache = tmp_path / "cache"
    _cached(trust, cache)
    check = digests.recheck_for(_cached(trust, cache))
    added = trust / "pages" / "new.md"
    added.write_text(PAGE.replace("trust-office", "trust-new").format(word="x"), "utf-8")
    removed = trust / "pages" / "office.md"
    removed.unlink()
    assert sorted(digests.changed_files(check)) == sorted([added, removed])

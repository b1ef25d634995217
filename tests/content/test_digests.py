"""The one look at the content files after start-up: edits, including those that keep a
file's size and times, and added and removed files are found; the changed files are read
again and the cache written anew, so the next start opens on the new text."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from guide.content import digests, load_content
from guide.content.cache import cache_path, load_cached
from guide.paths import bundled_data_dir
from tests.pages import PAGE, office_page, same_size_edit, write_old


@pytest.fixture
def trust(tmp_path: Path) -> Path:
    root = tmp_path / "trust"
    write_old(root / "pages" / "office.md", office_page("zanzibarium"))
    return root


def _cached(trust: Path, cache: Path, **kwargs):
    return load_cached([bundled_data_dir(), trust], cache, **kwargs)


def test_a_model_read_from_the_files_needs_no_second_look(trust):
    assert digests.recheck_for(load_content([bundled_data_dir(), trust])) is None


def test_a_same_size_edit_that_keeps_its_time_is_found(trust, tmp_path, windows_file_times):
    cache = tmp_path / "cache"
    _cached(trust, cache)  # the first start writes the cache
    check = digests.recheck_for(_cached(trust, cache))
    assert check is not None
    assert digests.changed_files(check) == []  # ...and its check records the digests
    assert check.record.is_file()

    page = trust / "pages" / "office.md"
    same_size_edit(page, office_page("quokkamanda"))
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


def test_rereading_shows_the_edit_and_rewrites_the_cache_for_the_next_start(
    trust, tmp_path, windows_file_times
):
    cache = tmp_path / "cache"
    _cached(trust, cache)
    assert digests.changed_files(digests.recheck_for(_cached(trust, cache))) == []
    page = trust / "pages" / "office.md"
    same_size_edit(page, office_page("quokkamanda"))
    stale = _cached(trust, cache, check_files=False)
    check = digests.recheck_for(stale)
    fresh = digests.reread(check, stale, digests.changed_files(check))
    assert "quokkamanda" in fresh.model.get("trust-office").body
    assert not check.record.exists()  # the old digests would pass the old bytes again
    assert digests.remember(check, fresh)
    # The next start trusts the cache without looking, and it holds the new text.
    again = _cached(trust, cache, check_files=False)
    assert "quokkamanda" in again.get("trust-office").body
    assert digests.changed_files(digests.recheck_for(again)) == []


def test_unchanged_files_are_not_reported(trust, tmp_path, windows_file_times):
    cache = tmp_path / "cache"
    _cached(trust, cache)
    check = digests.recheck_for(_cached(trust, cache))
    assert digests.changed_files(check) == []
    assert digests.changed_files(check) == []  # with the record, the same answer
    assert cache_path(cache, (bundled_data_dir(), trust)).exists()


def test_before_any_record_the_cache_tables_digest_of_a_new_file_is_used(trust, tmp_path):
    # Just written, so "racily new": the cache's table took its digest.
    page = trust / "pages" / "office.md"
    page.write_text(office_page("zanzibarium"), encoding="utf-8")
    cache = tmp_path / "cache"
    model = _cached(trust, cache)
    check = digests.recheck_for(model)
    [name] = [n for n in check.table if n.endswith("office.md")]
    assert check.table[name][1]
    stat = page.stat()
    page.write_text(office_page("quokkamanda"), encoding="utf-8")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert digests.changed_files(check) == [page]


def test_a_page_saved_just_before_a_start_is_new_even_if_the_computers_clock_is_ahead(
    trust, tmp_path, monkeypatch
):
    page = trust / "pages" / "office.md"
    page.write_text(office_page("zanzibarium"), encoding="utf-8")
    ahead = time.time_ns() + 366 * 24 * 3600 * 10**9
    monkeypatch.setattr(time, "time_ns", lambda: ahead)
    check = digests.recheck_for(_cached(trust, tmp_path / "cache"))
    [name] = [n for n in check.table if n.endswith("office.md")]
    assert check.table[name][1]  # checked by its bytes, as on a computer with the right date


def test_a_damaged_record_is_ignored(trust, tmp_path, windows_file_times):
    cache = tmp_path / "cache"
    _cached(trust, cache)
    check = digests.recheck_for(_cached(trust, cache))
    digests.changed_files(check)
    check.record.write_bytes(check.record.read_bytes()[:-3] + b"xyz")
    assert digests.read_record(check.record, check.content) is None
    assert digests.changed_files(check) == []  # the table decides, and the record is rewritten
    assert digests.read_record(check.record, check.content) is not None


def test_added_and_removed_files_are_reported(trust, tmp_path, windows_file_times):
    cache = tmp_path / "cache"
    _cached(trust, cache)
    check = digests.recheck_for(_cached(trust, cache))
    added = trust / "pages" / "new.md"
    added.write_text(PAGE.format(id="trust-new", title="Research office", body="x"), "utf-8")
    removed = trust / "pages" / "office.md"
    removed.unlink()
    assert sorted(digests.changed_files(check)) == sorted([added, removed])


def test_rereading_an_added_and_a_removed_page_gives_what_a_full_load_gives(trust, tmp_path):
    cache = tmp_path / "cache"
    _cached(trust, cache)
    write_old(trust / "pages" / "new.md", PAGE.format(id="trust-new", title="New", body="x"))
    (trust / "pages" / "office.md").unlink()
    stale = _cached(trust, cache, check_files=False)
    check = digests.recheck_for(stale)
    fresh = digests.reread(check, stale, digests.changed_files(check))
    full = load_content([bundled_data_dir(), trust])
    assert list(fresh.model.items) == list(full.items)
    assert "trust-new" in fresh.model and "trust-office" not in fresh.model
    assert digests.remember(check, fresh)
    assert list(_cached(trust, cache, check_files=False).items) == list(full.items)

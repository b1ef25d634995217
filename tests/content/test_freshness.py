"""The cache's file table: sizes and times decide freshness, and files changed close to the
snapshot are checked by their bytes (git's "racily clean" rule)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from guide.content import freshness

OLD_NS = 1_600_000_000 * 10**9  # September 2020


def _folder(tmp_path: Path) -> tuple[tuple[Path, ...], Path]:
    root = tmp_path / "content"
    (root / "pages").mkdir(parents=True)
    page = root / "pages" / "a.md"
    page.write_text("---\nid: a\n---\nfirst\n", encoding="utf-8")
    (root / "notes.txt").write_text("not content", encoding="utf-8")
    return (root,), page


def test_scan_lists_content_files_by_root_and_relative_path(tmp_path):
    roots, page = _folder(tmp_path)
    stats = freshness.scan((*roots, tmp_path / "missing"))
    assert list(stats) == ["0/pages/a.md"]
    assert stats["0/pages/a.md"][0] == page.stat().st_size


def test_an_old_file_is_trusted_by_its_stat_and_a_new_one_checked_by_its_bytes(tmp_path):
    roots, page = _folder(tmp_path)
    os.utime(page, ns=(OLD_NS, OLD_NS))
    later = time.time_ns() + 2 * freshness.RACY_NS  # a snapshot taken well after the edit
    old = freshness.table_for(freshness.scan(roots), roots, now_ns=later)
    assert old["0/pages/a.md"][1] == b""  # not racy: no digest needed
    new = freshness.table_for(freshness.scan(roots), roots)  # just after the edit
    assert new["0/pages/a.md"][1] != b""


def test_a_file_saved_a_moment_ago_is_new_when_the_computers_clock_is_a_year_ahead(
    tmp_path, monkeypatch
):
    # The snapshot's time comes from the clock that stamps the files: by this computer's
    # clock, a year ahead (a wrong date, or a moved clock), the file would look a year old
    # and be trusted by its stat alone.
    roots, _page = _folder(tmp_path)
    ahead = time.time_ns() + 366 * 24 * 3600 * 10**9
    monkeypatch.setattr(time, "time_ns", lambda: ahead)
    table = freshness.table_for(freshness.scan(roots), roots, clock_folder=tmp_path)
    assert table["0/pages/a.md"][1] != b""


def test_a_same_size_edit_inside_the_clock_resolution_is_caught(tmp_path):
    roots, page = _folder(tmp_path)
    table = freshness.table_for(freshness.scan(roots), roots)
    before = page.stat()
    page.write_text("---\nid: a\n---\nfirst\n".replace("first", "fir5t"), encoding="utf-8")
    # As if the file system's clock had not moved: same size, same times.
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    stats = freshness.scan(roots)
    stats = {k: (v[0], before.st_mtime_ns, table[k][0][2], v[3]) for k, v in stats.items()}
    assert not freshness.unchanged(table, stats, roots)


def test_adding_or_removing_a_file_is_a_change(tmp_path):
    roots, page = _folder(tmp_path)
    table = freshness.table_for(freshness.scan(roots), roots)
    assert freshness.unchanged(table, freshness.scan(roots), roots)
    (page.parent / "b.md").write_text("x", encoding="utf-8")
    assert not freshness.unchanged(table, freshness.scan(roots), roots)
    (page.parent / "b.md").unlink()
    page.unlink()
    assert not freshness.unchanged(table, freshness.scan(roots), roots)


def test_the_snapshot_id_follows_the_table(tmp_path):
    roots, page = _folder(tmp_path)
    one = freshness.table_id(freshness.table_for(freshness.scan(roots), roots))
    page.write_text("longer text than before\n", encoding="utf-8")
    two = freshness.table_id(freshness.table_for(freshness.scan(roots), roots))
    assert one != two

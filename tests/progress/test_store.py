"""Saving and loading the record: backups, damaged files, read-only folders, full disks,
two copies of the app at once, and a clock set backwards."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat

import pytest

from guide.progress import files
from guide.progress import store as store_module
from guide.progress.document import SCHEMA_VERSION, loads
from tests.progress.conftest import TODAY


def test_a_change_is_saved_at_once_and_read_back(open_store, isolated_home):
    store = open_store()
    assert store.set_status("m-a", "done")
    assert store.update_entry("m-a", notes="Talked to my ES", evidence="Certificate")
    again = open_store()
    entry = again.entry("m-a")
    assert (entry.status, entry.date_done) == ("done", TODAY)
    assert (entry.notes, entry.evidence) == ("Talked to my ES", "Certificate")
    assert not list(isolated_home.glob(".progress-*.tmp"))


def test_done_keeps_an_explicit_date_and_other_statuses_clear_it(open_store):
    store = open_store()
    store.set_status("m-a", "done", dt.date(2026, 2, 3))
    assert store.entry("m-a").date_done == dt.date(2026, 2, 3)
    store.set_status("m-a", "in-progress")
    assert store.entry("m-a").date_done is None
    with pytest.raises(ValueError, match="one of"):
        store.set_status("m-a", "finished")


def test_backups_roll_and_only_the_newest_ten_are_kept(open_store, isolated_home):
    store = open_store()
    for n in range(14):
        store.update_entry("m-a", notes=f"version {n}")
    kept = files.backups(store.path)
    assert len(kept) == files.KEEP_BACKUPS
    # The newest backup is what was saved last; the oldest kept is ten saves back.
    assert loads(kept[0].read_bytes()).entry("m-a").notes == "version 13"
    assert loads(kept[-1].read_bytes()).entry("m-a").notes == "version 4"


def test_corrupt_file_is_set_aside_and_backup_restored(open_store, isolated_home):
    store = open_store()
    store.update_entry("m-a", notes="first")
    store.update_entry("m-a", notes="second")
    damaged = b'{"app": "clinical-academic-guide", "kind": "progress", "sch'
    store.path.write_bytes(damaged)

    again = open_store()
    assert again.entry("m-a").notes == "second"  # from the newest backup: nothing lost
    assert len(again.notices) == 1
    assert "could not be read" in again.notices[0]
    assert "restored from the backup" in again.notices[0]
    aside = files.set_aside_files(store.path)
    assert len(aside) == 1
    assert aside[0].read_bytes() == damaged  # kept exactly, never overwritten
    assert aside[0].name in again.notices[0]
    assert loads(store.path.read_bytes()).entry("m-a").notes == "second"


def test_corrupt_file_with_no_backup_starts_empty_and_says_so(open_store, isolated_home):
    (isolated_home / "progress.json").write_text("not json at all", encoding="utf-8")
    store = open_store()
    assert store.data.entries == {}
    assert "No backup could be read" in store.notices[0]
    assert files.set_aside_files(store.path)


def test_a_damaged_backup_is_skipped_for_an_older_good_one(open_store):
    store = open_store()
    for n in range(3):
        store.update_entry("m-a", notes=f"v{n}")
    files.backups(store.path)[0].write_text("{broken", encoding="utf-8")
    store.path.write_text("{broken", encoding="utf-8")
    assert open_store().entry("m-a").notes == "v1"


def test_a_missing_file_is_restored_from_the_backups(open_store):
    store = open_store()
    store.update_entry("m-a", notes="one")
    store.update_entry("m-a", notes="two")
    store.path.unlink()
    again = open_store()
    assert again.entry("m-a").notes == "two"
    assert "missing" in again.notices[0]
    assert store.path.exists()


@pytest.mark.skipif(
    os.name == "nt" or os.geteuid() == 0, reason="permissions do not bind this user"
)
def test_read_only_folder_keeps_the_change_and_saves_it_when_writable(open_store, isolated_home):
    store = open_store()
    store.set_status("m-a", "done")
    isolated_home.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert not store.set_status("m-b", "in-progress")
        assert store.pending
        assert "read-only" in store.error
    finally:
        isolated_home.chmod(stat.S_IRWXU)
    assert store.retry()
    assert open_store().entry("m-b").status == "in-progress"


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.EROFS, "read-only"), (errno.EACCES, "permission"), (errno.ENOSPC, "disk is full")],
)
def test_a_failed_save_keeps_the_change_in_memory_and_retries(open_store, monkeypatch, code, words):
    store = open_store()
    store.set_status("m-a", "done")
    real_write = files.atomic_write

    def failing(path, data):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files, "atomic_write", failing)
    assert not store.set_status("m-b", "in-progress")
    assert store.pending
    assert words in store.error
    assert "kept" in store.error
    assert store.entry("m-b").status == "in-progress"  # still in memory
    assert not store.retry()
    assert open_store().entry("m-b").status == "not-started"  # nothing half-written

    monkeypatch.setattr(files, "atomic_write", real_write)
    assert store.update_entry("m-c", notes="the next change saves both")
    assert not store.pending and store.error is None
    again = open_store()
    assert again.entry("m-b").status == "in-progress"
    assert again.entry("m-c").notes == "the next change saves both"


def test_two_instances_at_once_never_lose_each_others_changes(open_store):
    first = open_store()
    second = open_store()  # both opened before either changed anything
    first.set_status("m-a", "done")
    second.set_status("m-b", "in-progress")
    first.update_entry("m-c", notes="from the first")
    second.set_profile(nation="Wales")
    first_own = first.add_own("Journal club", "f1")
    second.update_entry("m-a", notes="second adds a note to the first's milestone")

    final = open_store()
    assert final.entry("m-a").status == "done"
    assert final.entry("m-a").notes.startswith("second adds")
    assert final.entry("m-b").status == "in-progress"
    assert final.entry("m-c").notes == "from the first"
    assert final.profile.nation == "Wales"
    assert first_own in final.own_milestones()
    # Each copy also sees the other's changes once it has saved.
    assert first.profile.nation == "Wales" or second.entry("m-c").notes == "from the first"


def test_a_deleted_own_milestone_does_not_come_back_from_another_copy(open_store):
    first = open_store()
    own_id = first.add_own("Temporary", "f2")
    second = open_store()
    first.delete_own(own_id)
    second.update_entry("m-z", notes="an unrelated change")
    assert own_id not in open_store().own_milestones()


def test_clock_set_backwards_still_lets_the_latest_change_win(open_store, clock):
    store = open_store()
    store.update_entry("m-a", notes="before the clock went back")
    first = store.entry("m-a").stamp
    clock.time -= dt.timedelta(days=400)
    store.update_entry("m-a", notes="after the clock went back")
    second = store.entry("m-a").stamp
    assert second > first
    assert second.rev > first.rev
    other = open_store()  # a second copy, also on the wrong clock
    other.update_entry("m-a", notes="latest of all")
    assert open_store().entry("m-a").notes == "latest of all"


def test_a_file_from_a_newer_version_is_never_overwritten(open_store, isolated_home):
    doc = {"app": "clinical-academic-guide", "kind": "progress", "schema": SCHEMA_VERSION + 5}
    path = isolated_home / "progress.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    store = open_store()
    assert "newer version" in store.notices[0]
    assert not store.set_status("m-a", "done")
    assert "newer version" in store.error
    assert json.loads(path.read_text(encoding="utf-8")) == doc


def test_a_stale_lock_from_a_crashed_copy_is_broken(open_store, isolated_home):
    store = open_store()
    lock = store.lock_path
    lock.write_text(json.dumps({"pid": 999_999_999, "host": "elsewhere"}), encoding="utf-8")
    old = lock.stat().st_mtime - files.STALE_LOCK_SECONDS - 5
    os.utime(lock, (old, old))
    assert store.set_status("m-a", "done")
    assert not lock.exists()


def test_a_live_lock_makes_the_save_wait_then_report(open_store, monkeypatch):
    store = open_store()
    monkeypatch.setattr(files, "LOCK_TIMEOUT_SECONDS", 0.05)
    monkeypatch.setattr(files, "_lock_is_stale", lambda path: False)
    store.lock_path.write_text("{}", encoding="utf-8")
    assert not store.set_status("m-a", "done")
    assert "Another copy" in store.error
    store.lock_path.unlink()
    assert store.retry()


def test_delete_my_data_removes_the_file_backups_and_set_aside_copies(open_store, isolated_home):
    store = open_store()
    store.set_status("m-a", "done")
    store.set_status("m-b", "done")
    (isolated_home / "progress.json").write_text("{oops", encoding="utf-8")
    store = open_store()  # sets the damaged file aside
    store.delete_all()
    assert store.data.entries == {}
    leftovers = [p for p in isolated_home.rglob("*") if p.is_file()]
    assert leftovers == []
    assert open_store().data.entries == {}


def test_store_module_names_its_file():
    assert store_module.FILE_NAME == "progress.json"


def test_sync_takes_in_another_copys_saves_without_writing(open_store):
    first = open_store()
    second = open_store()
    second.set_status("m-a", "done")
    before = first.path.read_bytes()
    assert first.sync()
    assert first.entry("m-a").status == "done"
    assert first.path.read_bytes() == before
    assert not first.sync()  # nothing new the second time


def test_an_unreadable_file_is_moved_aside_and_the_backup_restored(open_store, isolated_home):
    store = open_store()
    store.update_entry("m-a", notes="earlier")
    store.update_entry("m-a", notes="kept in a backup")
    store.path.unlink()
    store.path.mkdir()  # cannot be read as a file, whatever the permissions
    again = open_store()
    assert again.entry("m-a").notes == "kept in a backup"
    assert "could not be read" in again.notices[0]
    assert any(p.is_dir() for p in files.set_aside_files(store.path))
    assert store.path.is_file()
    again.delete_all()
    assert list(isolated_home.iterdir()) == []


def test_an_oversized_import_is_refused_before_it_is_read(open_store, tmp_path, monkeypatch):
    from guide.progress import store as store_mod
    from guide.progress.document import ProgressFormatError

    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2048)
    monkeypatch.setattr(store_mod, "MAX_IMPORT_BYTES", 1024)
    with pytest.raises(ProgressFormatError, match="too large"):
        open_store().import_file(big)

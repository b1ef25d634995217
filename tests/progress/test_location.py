"""The record follows the trainee: a chosen folder, a safe move, an unreachable folder with
changes on both sides, and copies left by sync tools (OneDrive and Dropbox styles)."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import pytest

from guide.clock import Clock
from guide.progress import files
from guide.progress.document import dumps, loads
from guide.progress.location import (
    LOCAL_COPY,
    LOCATION_FILE,
    MERGED_DIR,
    MoveError,
    conflict_copies,
    delete_record,
    move_record,
    open_record,
    read_location,
    reconnect,
)
from guide.progress.merge import merge
from guide.progress.model import Entry, ProgressData, Stamp
from guide.progress.store import FILE_NAME, ProgressStore
from tests.progress.conftest import TODAY, make_model

MODEL = make_model(
    {"id": "t-one", "title": "First milestone", "stage": "f1"},
    {"id": "t-two", "title": "Second milestone", "stage": "f1"},
)


@pytest.fixture
def ticking(clock) -> Clock:
    return Clock(today=lambda: TODAY, now=clock)


def _open(home: Path, ticking: Clock):
    return open_record(home, clock=ticking)


def test_moving_copies_verifies_then_switches_and_remembers(isolated_home, tmp_path, ticking):
    opened = _open(isolated_home, ticking)
    opened.store.set_profile(name="Sam Jones")
    opened.store.set_status("t-one", "done", TODAY)
    onedrive = tmp_path / "OneDrive - NHS"
    onedrive.mkdir()
    moved = move_record(opened, onedrive, clock=ticking)
    assert moved.folder == onedrive
    assert loads((onedrive / FILE_NAME).read_bytes()).profile.name == "Sam Jones"
    assert (isolated_home / FILE_NAME).exists()  # the old copy is kept until proven
    assert read_location(isolated_home).folder == onedrive
    moved.store.set_status("t-two", "in-progress")
    # Next session: the choice is remembered, and the old copy is now renamed, not deleted.
    again = _open(isolated_home, ticking)
    assert again.folder == onedrive and not again.offline
    assert again.store.entry("t-two").status == "in-progress"
    assert not (isolated_home / FILE_NAME).exists()
    assert list(isolated_home.glob("progress.moved-*.json"))
    assert any("old copy has been renamed" in n for n in again.notices)


def test_moving_into_a_folder_that_already_holds_a_record_merges_both(
    isolated_home, tmp_path, ticking
):
    usb = tmp_path / "usb"
    other = open_record(usb, clock=ticking)  # a record made on another PC, on the stick
    other.store.set_status("t-two", "done", TODAY)
    opened = _open(isolated_home, ticking)
    opened.store.set_status("t-one", "done", TODAY)
    moved = move_record(opened, usb, clock=ticking)
    assert {"t-one", "t-two"} <= moved.store.completed_ids()


def test_a_move_that_cannot_be_written_switches_nothing(
    isolated_home, tmp_path, ticking, monkeypatch
):
    opened = _open(isolated_home, ticking)
    opened.store.set_status("t-one", "done", TODAY)
    with pytest.raises(MoveError, match="does not exist"):
        move_record(opened, tmp_path / "no-such-drive", clock=ticking)
    full = tmp_path / "full-stick"
    full.mkdir()
    real_write = files.atomic_write

    def refuse(path, data):
        if Path(path).parent == full:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(path, data)

    monkeypatch.setattr(files, "atomic_write", refuse)
    with pytest.raises(MoveError, match="could not be written"):
        move_record(opened, full, clock=ticking)
    monkeypatch.undo()
    assert read_location(isolated_home).folder is None
    assert _open(isolated_home, ticking).store.entry("t-one").status == "done"


def test_an_unreachable_folder_keeps_changes_locally_and_merges_both_sides_when_back(
    isolated_home, tmp_path, ticking
):
    drive = tmp_path / "H-drive"
    drive.mkdir()
    opened = move_record(_open(isolated_home, ticking), drive, clock=ticking)
    opened.store.set_status("t-one", "in-progress")
    opened.store.update_entry("t-one", notes="Started in the first trust")
    away = tmp_path / "H-drive-unplugged"
    drive.rename(away)  # the drive goes offline
    offline = _open(isolated_home, ticking)
    assert offline.offline and offline.folder == isolated_home / LOCAL_COPY
    assert any("cannot be reached" in n and "Nothing will be lost" in n for n in offline.notices)
    assert offline.store.entry("t-one").notes == "Started in the first trust"  # last known
    offline.store.set_status("t-two", "done", TODAY)  # a change on this PC
    assert reconnect(offline, clock=ticking) is offline  # still away
    # Meanwhile another PC changed the record in the folder.
    elsewhere = open_record(away, clock=ticking)
    elsewhere.store.update_entry("t-one", notes="Carried on in the second trust")
    away.rename(drive)  # the drive is back
    back = reconnect(offline, clock=ticking)
    assert not back.offline and back.folder == drive
    assert back.store.entry("t-two").status == "done"  # the local change
    assert back.store.entry("t-one").notes == "Carried on in the second trust"  # the other PC's
    report = back.merge_report(MODEL)
    assert report[0].startswith("Changes kept on this computer")
    assert "  Second milestone: Not started to done" in report
    assert loads((drive / FILE_NAME).read_bytes()).entry("t-two").status == "done"


def _copy_with(base: ProgressData, key: str, entry: Entry) -> bytes:
    stamp = Stamp(dt.datetime(2026, 11, 25, 12, tzinfo=dt.timezone.utc), base.rev + 50)
    entries = {**base.entries, key: Entry(entry.status, entry.date_done, entry.notes, stamp=stamp)}
    return dumps(ProgressData(base.profile, entries, base.own, base.rev + 50, stamp.time))


@pytest.mark.parametrize(
    "name",
    [
        "progress-NHS-PC-0423.json",  # OneDrive
        "progress (Sam Jones's conflicted copy 2026-11-25).json",  # Dropbox
    ],
)
def test_sync_tool_conflict_copies_are_merged_kept_and_reported(
    isolated_home, tmp_path, ticking, name
):
    folder = tmp_path / "sync"
    folder.mkdir()
    opened = move_record(_open(isolated_home, ticking), folder, clock=ticking)
    opened.store.set_status("t-one", "done", TODAY)
    copy = folder / name
    copy.write_bytes(_copy_with(opened.store.data, "t-two", Entry("in-progress", notes="PC 2")))
    assert conflict_copies(folder) == [copy]
    again = _open(isolated_home, ticking)
    assert again.store.entry("t-one").status == "done"  # nothing of ours lost
    assert again.store.entry("t-two").notes == "PC 2"  # theirs merged in
    assert not copy.exists() and (folder / MERGED_DIR / name).exists()
    report = again.merge_report(MODEL)
    assert name in report[0] and "merged in" in report[0]
    assert "  Second milestone: Not started to in progress" in report
    assert conflict_copies(folder) == []  # not merged again next time


def test_an_unreadable_conflict_copy_is_left_alone_and_mentioned(isolated_home, ticking):
    (isolated_home / "progress-OTHER-PC.json").write_text("{not json")
    opened = _open(isolated_home, ticking)
    assert (isolated_home / "progress-OTHER-PC.json").exists()
    assert any("could not be read" in n for n in opened.notices)


def test_backups_and_set_aside_files_are_not_taken_for_conflict_copies(isolated_home, ticking):
    opened = _open(isolated_home, ticking)
    for n in range(3):
        opened.store.update_entry("t-one", notes=f"n{n}")  # makes backups/progress-r….json
    (isolated_home / "progress.damaged-20261125T000000Z.json").write_text("x")
    assert conflict_copies(isolated_home) == []


def test_merge_of_a_local_copy_is_idempotent(isolated_home, tmp_path, ticking):
    folder = tmp_path / "f"
    folder.mkdir()
    opened = move_record(_open(isolated_home, ticking), folder, clock=ticking)
    opened.store.set_status("t-one", "done", TODAY)
    local = loads((isolated_home / LOCAL_COPY / FILE_NAME).read_bytes())
    assert merge(opened.store.data, local).changed == []  # the local copy kept up
    assert _open(isolated_home, ticking).merged == []


def test_changes_still_saved_in_the_old_folder_are_merged_in(isolated_home, tmp_path, ticking):
    folder = tmp_path / "OneDrive"
    folder.mkdir()
    move_record(_open(isolated_home, ticking), folder, clock=ticking)
    # An older version of the guide on this PC knows nothing of the move and saves as before.
    old = ProgressStore.open(isolated_home, clock=ticking)
    old.set_status("t-two", "done", TODAY)
    again = _open(isolated_home, ticking)
    assert again.folder == folder and again.store.entry("t-two").status == "done"
    assert "old folder" in again.merge_report(MODEL)[0]


def test_moving_and_reconnecting_keep_the_same_store_object(isolated_home, tmp_path, ticking):
    """The window and its features hold the store: after a move they must save to the new
    folder without being handed a new object."""
    folder = tmp_path / "OneDrive"
    folder.mkdir()
    opened = _open(isolated_home, ticking)
    store = opened.store
    moved = move_record(opened, folder, clock=ticking)
    assert moved.store is store and store.home == folder
    store.set_status("t-one", "done", TODAY)
    assert loads((folder / FILE_NAME).read_bytes()).entry("t-one").status == "done"
    away = tmp_path / "away"
    folder.rename(away)
    offline = _open(isolated_home, ticking)
    held = offline.store
    away.rename(folder)
    back = reconnect(offline, clock=ticking)
    assert back.store is held and held.home == folder and not back.offline


def test_delete_my_data_leaves_no_copy_in_the_folder_merged_copies_or_this_computer(
    isolated_home, tmp_path, ticking
):
    folder = tmp_path / "OneDrive"
    folder.mkdir()
    opened = move_record(_open(isolated_home, ticking), folder, clock=ticking)
    opened.store.set_status("t-one", "done", TODAY)
    (folder / "progress-OTHER-PC.json").write_bytes(dumps(opened.store.data))
    again = _open(isolated_home, ticking)
    assert (folder / MERGED_DIR / "progress-OTHER-PC.json").exists()
    assert (isolated_home / LOCAL_COPY / FILE_NAME).exists()
    again.store.delete_all()
    left = [p for p in (*folder.rglob("*.json"), *(isolated_home / LOCAL_COPY).rglob("*.json"))]
    assert left == []


def test_delete_my_data_straight_after_a_move_removes_the_old_copy_too(
    isolated_home, tmp_path, ticking
):
    folder = tmp_path / "H-drive"
    folder.mkdir()
    opened = _open(isolated_home, ticking)
    opened.store.set_status("t-one", "done", TODAY)
    moved = move_record(opened, folder, clock=ticking)
    assert (isolated_home / FILE_NAME).exists()  # not yet proven, so still there
    delete_record(moved)
    left = [p.name for p in isolated_home.glob("progress*.json")]
    assert left == [LOCATION_FILE] and not (isolated_home / "backups").exists()
    assert _open(isolated_home, ticking).store.completed_ids() == set()  # nothing comes back


def test_the_remembered_choice_is_not_taken_for_a_sync_copy(isolated_home, tmp_path, ticking):
    folder = tmp_path / "USB"
    folder.mkdir()
    moved = move_record(_open(isolated_home, ticking), folder, clock=ticking)
    back = move_record(moved, isolated_home, clock=ticking)  # back to the default folder
    assert (isolated_home / LOCATION_FILE).exists()
    assert conflict_copies(isolated_home) == []
    again = _open(isolated_home, ticking)
    assert again.folder == isolated_home and back.folder == isolated_home
    assert not any("sync program" in n for n in again.notices)

"""Importing a JSON export: validated, merged item by item with the newest change winning,
and a plain report of what changed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from guide.progress.document import ProgressFormatError
from guide.progress.export import describe_import


def test_import_merge_keeps_the_newest_change_of_each_item(open_store, tmp_path, shipped_model):
    work = open_store(tmp_path / "work-pc")
    work.set_status("ms-summer-studentship", "in-progress")  # older here
    work.update_entry("m-local", notes="only on the work PC")
    work.update_entry("m-both", notes="older on the work PC")

    laptop = open_store(tmp_path / "laptop")
    laptop.update_entry("m-both", notes="newer on the laptop")
    laptop.set_status("ms-summer-studentship", "done", dt.date(2026, 11, 20))
    laptop.set_profile(nation="Scotland")
    own_id = laptop.add_own("Present at journal club", "f1")
    exported = tmp_path / "export.json"
    laptop.export_json(exported)

    work.update_entry("m-both", notes="newest, back on the work PC")
    result = work.import_file(exported)

    assert work.entry("ms-summer-studentship").status == "done"
    assert work.entry("m-local").notes == "only on the work PC"
    assert work.entry("m-both").notes == "newest, back on the work PC"
    assert work.profile.nation == "Scotland"
    assert own_id in work.own_milestones()
    assert "m-both" in result.kept_local
    lines = describe_import(shipped_model, work.data, result)
    assert "Apply for a summer research studentship: In progress to done" in lines
    assert "Present at journal club: your own milestone added" in lines
    assert lines[-1].startswith("3 changes imported.")
    assert "1 kept as they were here" in lines[-1]
    # ...and it was saved.
    assert open_store(tmp_path / "work-pc").entry("ms-summer-studentship").status == "done"


def test_importing_the_same_file_twice_changes_nothing(open_store, tmp_path, shipped_model):
    source = open_store(tmp_path / "a")
    source.set_status("m-1", "done")
    exported = tmp_path / "a.json"
    source.export_json(exported)
    target = open_store(tmp_path / "b")
    assert len(target.import_file(exported).changed) == 1
    again = target.import_file(exported)
    assert again.changed == [] and again.kept_local == []
    assert describe_import(shipped_model, target.data, again) == ["Nothing new to import."]


def test_an_invalid_import_is_refused_and_changes_nothing(open_store, tmp_path):
    store = open_store()
    store.set_status("m-1", "done")
    bad = tmp_path / "bad.json"
    doc = json.loads(store.path.read_text(encoding="utf-8"))
    doc["entries"]["m-1"]["status"] = "finished"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ProgressFormatError, match="finished"):
        store.import_file(bad)
    assert store.entry("m-1").status == "done"
    assert open_store().entry("m-1").status == "done"

"""Preferences: a JSON file in the user's folder, written atomically, tolerant of damage."""

from __future__ import annotations

import json

from guide.ui.preferences import FILE_NAME, Preferences


def test_values_are_saved_and_read_back(tmp_path):
    prefs = Preferences(tmp_path)
    prefs.set("zoom", 130)
    prefs.set("bookmarks", ["glossary"])
    again = Preferences(tmp_path)
    assert again.zoom == 130
    assert again.bookmarks == ["glossary"]
    assert json.loads((tmp_path / FILE_NAME).read_text())["zoom"] == 130


def test_corrupt_file_is_set_aside_and_defaults_used(tmp_path):
    (tmp_path / FILE_NAME).write_text("{not json", encoding="utf-8")
    prefs = Preferences(tmp_path)
    assert prefs.zoom == 100
    assert "set aside" in prefs.problem
    assert (tmp_path / (FILE_NAME + ".corrupt")).read_text() == "{not json"
    prefs.set("theme", "dark")
    assert Preferences(tmp_path).get("theme") == "dark"


def test_wrong_types_and_out_of_range_values_are_ignored(tmp_path):
    (tmp_path / FILE_NAME).write_text(
        json.dumps({"zoom": "huge", "bookmarks": "glossary", "theme": 3, "future": 1})
    )
    prefs = Preferences(tmp_path)
    assert prefs.zoom == 100
    assert prefs.bookmarks == []
    assert prefs.get("theme") == "system"
    prefs.set("zoom", 9000)
    assert prefs.zoom == 300
    # a newer version's settings are kept, not wiped
    assert json.loads((tmp_path / FILE_NAME).read_text())["future"] == 1


def test_save_leaves_no_temporary_files(tmp_path):
    prefs = Preferences(tmp_path)
    for zoom in range(60, 200, 10):
        prefs.set("zoom", zoom)
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]


def test_unwritable_folder_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    prefs = Preferences(blocker / "home")
    assert prefs.save() is False
    assert "could not save" in prefs.problem


def test_screenshot_mode_never_writes(tmp_path):
    prefs = Preferences(tmp_path, persist=False)
    prefs.set("zoom", 150)
    assert not (tmp_path / FILE_NAME).exists()


def test_saving_unchanged_preferences_leaves_the_file_alone(tmp_path):
    Preferences(tmp_path).set("zoom", 130)
    path = tmp_path / FILE_NAME
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a mark
    prefs = Preferences(tmp_path)
    prefs.set("zoom", 130)  # the same value: nothing to write
    assert path.read_text(encoding="utf-8").endswith("}\n")
    prefs.set("zoom", 140)
    assert json.loads(path.read_text(encoding="utf-8"))["zoom"] == 140
    assert not path.read_text(encoding="utf-8").endswith("}\n")


def test_a_file_missing_defaults_or_with_bad_values_is_rewritten_on_save(tmp_path):
    path = tmp_path / FILE_NAME
    path.write_text(json.dumps({"zoom": "huge"}), encoding="utf-8")
    Preferences(tmp_path).save()
    assert json.loads(path.read_text(encoding="utf-8"))["zoom"] == 100

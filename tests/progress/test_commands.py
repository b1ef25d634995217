"""``guide progress`` list, set, profile, export and import, run in-process."""

from __future__ import annotations

import csv
import json

import pytest

from guide.cli import main

MILESTONE = "ms-summer-studentship"


def _list(capsys) -> dict[str, dict]:
    capsys.readouterr()
    assert main(["progress", "list", "--json"]) == 0
    return {row["id"]: row for row in json.loads(capsys.readouterr().out)}


def test_list_json_gives_every_milestone_with_its_status(capsys, shipped_model):
    rows = _list(capsys)
    assert set(rows) == {m.id for m in shipped_model.of_kind("milestone")}
    row = rows[MILESTONE]
    assert {"id", "title", "stage", "status", "date_done", "notes"} <= set(row)
    assert (row["status"], row["date_done"], row["notes"]) == ("not-started", None, "")


def test_set_then_list_shows_the_change(capsys):
    assert main(["progress", "set", MILESTONE, "done", "--date", "2026-07-01", "--note", "Hi"]) == 0
    row = _list(capsys)[MILESTONE]
    assert (row["status"], row["date_done"], row["notes"]) == ("done", "2026-07-01", "Hi")
    assert main(["progress", "set", MILESTONE, "in-progress"]) == 0
    row = _list(capsys)[MILESTONE]
    assert (row["status"], row["date_done"], row["notes"]) == ("in-progress", None, "Hi")


@pytest.mark.parametrize(
    "argv",
    [
        ["progress", "set", MILESTONE, "finished"],
        ["progress", "set", MILESTONE, "done", "--date", "31/02/2026"],
        ["progress", "set", MILESTONE, "done", "--date", "next Tuesday"],
    ],
)
def test_a_bad_status_or_date_is_a_one_line_error(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error" in err


def test_unknown_milestone_and_date_without_done_are_one_line_errors(capsys):
    assert main(["progress", "set", "no-such-milestone", "done"]) == 1
    assert "no milestone" in capsys.readouterr().err
    assert main(["progress", "set", MILESTONE, "in-progress", "--date", "2026-01-01"]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_export_json_then_import_into_another_home(capsys, tmp_path):
    main(["progress", "set", MILESTONE, "done"])
    main(["progress", "profile", "--nation", "Wales", "--stage", "f1"])
    out = tmp_path / "mine.json"
    assert main(["progress", "export", "--format", "json", "-o", str(out)]) == 0
    other = tmp_path / "other-home"
    capsys.readouterr()
    assert main(["progress", "import", str(out), "--home", str(other)]) == 0
    report = capsys.readouterr().out
    assert "Apply for a summer research studentship: Not started to done" in report
    assert "2 changes imported." in report
    assert main(["progress", "profile", "--home", str(other)]) == 0
    assert "nation: Wales" in capsys.readouterr().out


def test_export_csv_and_pdf(capsys, tmp_path, qapp):
    main(["progress", "set", MILESTONE, "done"])
    csv_path, pdf_path = tmp_path / "c.csv", tmp_path / "p.pdf"
    assert main(["progress", "export", "--format", "csv", "-o", str(csv_path)]) == 0
    rows = list(csv.DictReader(csv_path.read_text(encoding="utf-8-sig").splitlines()))
    assert any(r["id"] == MILESTONE and r["status"] == "done" for r in rows)
    assert main(["progress", "export", "--format", "pdf", "-o", str(pdf_path)]) == 0
    assert pdf_path.read_bytes().startswith(b"%PDF")


def test_import_of_a_bad_file_is_a_one_line_error(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    assert main(["progress", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not valid JSON" in err
    assert main(["progress", "import", str(tmp_path / "missing.json")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_profile_name_and_own_milestone_with_a_due_date_from_the_command_line(capsys, monkeypatch):
    monkeypatch.setenv("GUIDE_TODAY", "2026-11-25")
    assert main(["progress", "profile", "--name", "Sam Jones", "--nation", "Wales"]) == 0
    assert "name: Sam Jones" in capsys.readouterr().out
    argv = ["progress", "add", "Submit audit abstract", "--stage", "f1", "--due", "10 Dec 2026"]
    assert main([*argv, "--remind", "7"]) == 0
    own_id = capsys.readouterr().out.strip()
    row = _list(capsys)[own_id]
    assert (row["due"], row["remind_days"], row["own"]) == ("2026-12-10", 7, True)
    assert main(["progress", "coming"]) == 0
    assert "due 10 December 2026" in capsys.readouterr().out
    assert main(["progress", "edit", own_id, "--due", "none"]) == 0
    row = _list(capsys)[own_id]
    assert (row["due"], row["remind_days"]) == (None, None)


def test_moving_an_own_milestone_to_an_unknown_stage_names_the_stages_and_keeps_it(capsys):
    assert main(["progress", "add", "Submit audit abstract", "--stage", "f1"]) == 0
    own_id = capsys.readouterr().out.strip()
    assert main(["progress", "edit", own_id, "--stage", "nosuch"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'nosuch'" in err
    assert "f1" in err and "post-doctoral" in err
    assert _list(capsys)[own_id]["stage"] == "f1"


def test_a_future_date_done_is_refused_in_one_line(capsys, monkeypatch):
    monkeypatch.setenv("GUIDE_TODAY", "2026-11-25")
    assert main(["progress", "set", MILESTONE, "done", "--date", "26/11/2026"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "after today" in err
    assert _list(capsys)[MILESTONE]["status"] == "not-started"


def test_folder_moves_the_record_and_later_commands_use_it(capsys, tmp_path, isolated_home):
    assert main(["progress", "set", MILESTONE, "done", "--date", "1 Jul 2026"]) == 0
    stick = tmp_path / "USB"
    stick.mkdir()
    assert main(["progress", "folder", str(stick)]) == 0
    out, err = capsys.readouterr()
    assert f"kept in: {stick}" in out and "now kept in" in err
    assert main(["progress", "set", "ms-find-mentor", "in-progress"]) == 0
    assert json.loads((stick / "progress.json").read_text())["entries"]["ms-find-mentor"]
    assert _list(capsys)[MILESTONE]["status"] == "done"
    assert main(["progress", "folder", "--default"]) == 0
    assert "(the default)" in capsys.readouterr().out
    assert _list(capsys)["ms-find-mentor"]["status"] == "in-progress"
    assert main(["progress", "folder", str(tmp_path / "missing")]) == 1
    assert "does not exist" in capsys.readouterr().err

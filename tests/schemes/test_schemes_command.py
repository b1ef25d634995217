"""``guide schemes``: filtered lists, CSV files, comparisons and clear one-line errors."""

from __future__ import annotations

import csv
import io

from guide.cli import main


def test_wales_post_doctoral_lists_welsh_and_uk_wide_schemes(capsys):
    assert main(["schemes", "--nation", "Wales", "--stage", "early-post-doctoral"]) == 0
    out = capsys.readouterr().out
    assert "hcrw-advanced-fellowship" in out
    assert "nihr-clinical-lectureship" not in out  # England only


def test_csv_to_a_file_has_one_line_per_scheme(tmp_path, capsys):
    target = tmp_path / "schemes.csv"
    assert main(["schemes", "--funder", "BHF", "--csv", str(target)]) == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "Scheme"
    assert rows[1:] and all(r[1] == "BHF" for r in rows[1:])


def test_compare_prints_each_field_for_each_scheme(capsys):
    assert main(["schemes", "--compare", "nihr-acf", "wcat"]) == 0
    out = capsys.readouterr().out
    assert "Research time:" in out and "  nihr-acf: " in out and "  wcat: " in out


def test_compare_as_csv_on_stdout(capsys):
    assert main(["schemes", "--compare", "nihr-acf", "wcat", "--csv", "-"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][0] == "Field" and len(rows[0]) == 3


def test_comparing_one_scheme_is_a_one_line_error(capsys):
    assert main(["schemes", "--compare", "wcat"]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_unknown_scheme_funder_and_stage_are_one_line_errors(capsys):
    for args in (["--compare", "wcat", "nope"], ["--funder", "Acme"], ["--stage", "retired"]):
        assert main(["schemes", *args]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err


def test_open_soon_follows_guide_today(capsys, monkeypatch):
    monkeypatch.setenv("GUIDE_TODAY", "2026-12-01")
    assert main(["schemes", "--open-soon", "--csv", "-"]) == 0
    monkeypatch.setenv("GUIDE_TODAY", "not a date")
    assert main(["schemes", "--open-soon"]) == 1

"""Comparing two to four schemes field by field, and CSV that spreadsheets read safely."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from guide.clock import Clock
from guide.schemes import (
    SchemeTable,
    compare,
    comparison_csv,
    comparison_html,
    table_csv,
    write_csv,
)


@pytest.fixture(scope="module")
def table(shipped_model) -> SchemeTable:
    return SchemeTable.from_model(shipped_model, Clock.fixed(dt.date(2026, 12, 1)))


def _rows(table, *ids):
    return [table.get(i) for i in ids]


def test_comparison_lines_schemes_up_field_by_field(table):
    rows = _rows(table, "nihr-clinical-lectureship", "screds-lectureship", "ni-acl")
    lines = compare(rows)
    by_label = {line.label: line.values for line in lines}
    assert by_label["Scheme"] == tuple(r.name for r in rows)
    assert by_label["Nations"] == ("England", "Scotland", "Northern Ireland")
    assert by_label["Research time"][0] == rows[0].item.get("research_time")
    assert {"Funder", "Stage", "Length", "Who can apply", "Next round", "Web address"} <= set(
        by_label
    )
    assert next(line for line in lines if line.label == "Nations").differs


@pytest.mark.parametrize("count", [0, 1, 5])
def test_comparing_fewer_than_two_or_more_than_four_is_refused(table, count):
    with pytest.raises(ValueError, match="2 to 4"):
        compare(table.rows[:count])


def test_the_same_scheme_twice_is_refused(table):
    row = table.get("wcat")
    with pytest.raises(ValueError, match="once"):
        compare([row, row])


def test_table_csv_has_a_header_and_one_line_per_row_in_the_order_shown(table):
    rows = table.select(nation="Wales", sort="name")
    parsed = list(csv.reader(io.StringIO(table_csv(rows))))
    assert parsed[0][:3] == ["Scheme", "Funder", "Stage"]
    assert [line[0] for line in parsed[1:]] == [r.name for r in rows]
    assert [line[-1] for line in parsed[1:]] == [r.id for r in rows]


def test_comparison_csv_has_a_column_per_scheme(table):
    rows = _rows(table, "nihr-acf", "wcat")
    parsed = list(csv.reader(io.StringIO(comparison_csv(rows))))
    assert parsed[0] == ["Field", rows[0].name, rows[1].name]
    assert [line[0] for line in parsed[1:]][:2] == ["Scheme", "Funder"]


def test_cells_that_look_like_formulas_are_made_plain_text(table):
    from guide.schemes.compare import _csv

    parsed = list(csv.reader(io.StringIO(_csv([['=HYPERLINK("x")', "+1", "ok"]]))))
    assert parsed == [['\'=HYPERLINK("x")', "'+1", "ok"]]


def test_csv_files_start_with_a_byte_order_mark_for_excel(tmp_path, table):
    path = tmp_path / "schemes.csv"
    write_csv(str(path), table_csv(table.rows[:2]))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert path.read_text(encoding="utf-8-sig") == table_csv(table.rows[:2]).replace("\r\n", "\n")


def test_comparison_html_escapes_and_names_every_scheme(table):
    rows = _rows(table, "nihr-acf", "wcat")
    html = comparison_html(rows, "1 December 2026")
    for row in rows:
        assert row.name in html
    assert "<script" not in html and "Printed 1 December 2026" in html

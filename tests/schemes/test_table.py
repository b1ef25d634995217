"""The scheme finder's table: rows from the catalogue, filters, sorting and next rounds."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

import pytest

from guide.clock import Clock
from guide.content.model import NATIONS, Item
from guide.schemes import SORT_KEYS, SchemeTable, lead_funder
from guide.schemes.table import next_round

DAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def table(shipped_model) -> SchemeTable:
    return SchemeTable.from_model(shipped_model, Clock.fixed(DAY))


def _scheme(rounds: object) -> Item:
    return Item("x", "scheme", "X", "", "x.yaml", 1, fields=MappingProxyType({"rounds": rounds}))


def test_every_scheme_in_the_catalogue_has_a_row(table, shipped_model):
    assert {r.id for r in table.rows} == {s.id for s in shipped_model.of_kind("scheme")}
    for row in table.rows:
        assert row.name == row.item.title
        assert row.funder == row.item.get("funder")
        assert row.length and row.research_time


def test_wales_post_doctoral_lists_only_those_schemes(table, shipped_model):
    rows = table.select(stage="early-post-doctoral", nation="Wales")
    expected = {
        s.id
        for s in shipped_model.of_kind("scheme")
        if "early-post-doctoral" in s.get("stages") and "Wales" in s.nations
    }
    assert rows and {r.id for r in rows} == expected
    assert "nihr-clinical-lectureship" not in expected  # England only


def test_funder_filter_uses_the_name_trainees_use(table):
    rows = table.select(funder="NIHR")
    assert rows and all("(NIHR)" in r.funder or r.funder.startswith("NIHR") for r in rows)
    assert table.funders()[0] == "NIHR"  # the funder with the most schemes comes first


@pytest.mark.parametrize(
    ("funder", "lead"),
    [
        ("National Institute for Health and Care Research (NIHR), with NHS England", "NIHR"),
        ("Wellcome, with universities", "Wellcome"),
        ("Queen's University Belfast and NIMDTA", "Queen's University Belfast"),
        ("Health Education and Improvement Wales (HEIW), with Bangor", "HEIW"),
        ("Diabetes UK", "Diabetes UK"),
    ],
)
def test_lead_funder(funder, lead):
    assert lead_funder(funder) == lead


@pytest.mark.parametrize("key", SORT_KEYS)
def test_every_column_sorts_both_ways(table, key):
    up = table.select(sort=key)
    down = table.select(sort=key, descending=True)
    assert len(up) == len(down) == len(table.rows)
    assert {r.id for r in up} == {r.id for r in down}


def test_length_sorts_by_months_with_unknown_lengths_last(table):
    rows = table.select(sort="length")
    from guide.schemes.table import _months

    months = [_months(r.length) for r in rows]
    known = [m for m in months if m is not None]
    assert known == sorted(known)
    assert months[: len(known)] == known  # every unknown after every known
    down = [_months(r.length) for r in table.select(sort="length", descending=True)]
    assert [m for m in down if m is not None] == sorted(known, reverse=True)
    assert down[len(known) :] == [None] * (len(months) - len(known))


def test_research_time_sorts_most_research_first(table):
    from guide.schemes.table import _percent

    values = [_percent(r.research_time) for r in table.select(sort="research_time")]
    known = [v for v in values if v is not None]
    assert known == sorted(known, reverse=True) and known


def test_unknown_filter_values_are_refused(table):
    with pytest.raises(ValueError, match="nation"):
        table.select(nation="Atlantis")
    with pytest.raises(ValueError, match="column"):
        table.select(sort="colour")


def test_nations_read_uk_wide_for_all_four(table):
    rows = {r.id: r for r in table.rows}
    assert rows["mrc-crtf"].nations_text == "UK-wide"
    assert rows["wcat"].nations_text == "Wales"
    assert set(NATIONS) >= set(rows["wcat"].nations)


# --- next round and "open now or soon" ----------------------------------------------------


def test_an_open_round_says_so_with_its_closing_date():
    found = next_round(
        _scheme([{"opens": DAY - dt.timedelta(days=5), "closes": dt.date(2027, 1, 12)}]), DAY
    )
    assert found.state == "open" and found.text == "Open now: closes 12 January 2027"
    assert found.soon(DAY)


def test_a_round_opening_soon_counts_as_soon_and_a_distant_one_does_not():
    near = next_round(
        _scheme([{"opens": dt.date(2027, 1, 10), "closes": dt.date(2027, 2, 1)}]), DAY
    )
    far = next_round(_scheme([{"opens": dt.date(2027, 9, 1), "closes": dt.date(2027, 10, 1)}]), DAY)
    assert near.state == far.state == "coming"
    assert near.soon(DAY) and not far.soon(DAY)
    assert near.text == "Opens 10 January 2027, closes 1 February 2027"


def test_a_past_round_is_named_as_past_never_as_next():
    found = next_round(_scheme([{"closes": dt.date(2025, 1, 15)}]), DAY)
    assert found.state == "past" and not found.soon(DAY)
    assert found.text == "Last known round closed 15 January 2025"


def test_the_earliest_live_round_wins_over_later_ones():
    rounds = [
        {"closes": dt.date(2024, 5, 1)},
        {"opens": dt.date(2027, 3, 1), "closes": dt.date(2027, 4, 1)},
        {"opens": dt.date(2026, 11, 1), "closes": dt.date(2026, 12, 20)},
    ]
    assert next_round(_scheme(rounds), DAY).when == dt.date(2026, 12, 20)


def test_no_timetable_and_no_dates_are_said_plainly():
    assert next_round(_scheme("no fixed timetable"), DAY).text == "No fixed timetable"
    assert next_round(_scheme(None), DAY).state == "unknown"


def test_the_clock_decides_what_is_open(shipped_model):
    rounds = [{"opens": dt.date(2027, 1, 10), "closes": dt.date(2027, 2, 1)}]
    item = _scheme(rounds)
    assert next_round(item, dt.date(2027, 1, 20)).state == "open"
    assert next_round(item, dt.date(2027, 3, 1)).state == "past"


def test_open_soon_filter_keeps_only_rows_open_or_opening_soon(table):
    rows = table.select(open_soon=True)
    assert all(r.next_round.soon(DAY) for r in rows)

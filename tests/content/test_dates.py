"""Round dates, freshness and review stamps worded relative to a chosen today."""

from __future__ import annotations

import datetime as dt

import pytest

from guide.content.dates import (
    DATES_NOT_KNOWN,
    NO_FIXED_TIMETABLE,
    Round,
    day_text,
    freshness,
    next_check_text,
    round_status,
    rounds_to_show,
)

D = dt.date
ROUNDS = (
    {"label": "2026 call", "opens": D(2026, 9, 1), "closes": D(2026, 10, 15)},
    {"label": "2027 call", "opens": D(2027, 2, 1), "closes": D(2027, 3, 12)},
)


def test_a_day_is_written_without_a_leading_zero_or_the_locale() -> None:
    assert day_text(D(2027, 3, 5)) == "5 March 2027"


def test_an_open_round_says_until_when_and_counts_down_near_the_end() -> None:
    assert round_status(ROUNDS, D(2027, 3, 3)) == "Open until 12 March 2027: closes in 9 days."
    assert round_status(ROUNDS, D(2027, 3, 12)) == "Open until 12 March 2027: closes today."
    assert round_status(ROUNDS, D(2027, 3, 11)) == "Open until 12 March 2027: closes tomorrow."


def test_an_open_round_far_from_closing_gives_the_date_alone() -> None:
    long_round = ({"opens": D(2026, 6, 1), "closes": D(2026, 10, 15)},)
    assert round_status(long_round, D(2026, 6, 2)) == "Open until 15 October 2026."


def test_between_rounds_the_next_known_opening_is_given() -> None:
    assert round_status(ROUNDS, D(2026, 12, 1)) == (
        "The next round we know of opens on 1 February 2027 and closes on 12 March 2027."
    )
    assert "(in 31 days)" in round_status(ROUNDS, D(2027, 1, 1))


def test_after_the_last_known_round_the_reader_is_sent_to_the_funder() -> None:
    assert round_status(ROUNDS, D(2027, 3, 13)) == (
        "The last round we know of closed on 12 March 2027: check the funder for the next one."
    )


def test_a_round_whose_opening_we_do_not_know_is_never_called_open() -> None:
    rounds = ({"closes": D(2026, 1, 13)},)
    status = round_status(rounds, D(2026, 1, 10))
    assert "Open" not in status
    assert "closes on 13 January 2026 (closes in 3 days)" in status
    assert "check with the funder that it is open" in status
    assert Round.from_field(rounds[0]).describe(D(2026, 1, 10)).startswith("Check that it")


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (D(2026, 8, 1), "Coming up. 2026 call: opens 1 September 2026 (in 31 days)"),
        (D(2026, 9, 20), "Open now. 2026 call: closes 15 October 2026 (in 25 days)"),
        (D(2026, 10, 16), "Past round, for example only. 2026 call: opened 1 September 2026"),
    ],
)
def test_each_round_labels_itself_past_open_or_coming(today: dt.date, start: str) -> None:
    assert Round.from_field(ROUNDS[0]).describe(today).startswith(start)


def test_rounds_are_listed_open_first_then_next_then_most_recent_past() -> None:
    rounds = (*ROUNDS, {"label": "2025 call", "closes": D(2025, 10, 1)})
    shown = [r.label for r in rounds_to_show(rounds, D(2027, 2, 10))]
    assert shown == ["2027 call", "2026 call", "2025 call"]
    assert rounds_to_show(rounds[2:], D(2027, 2, 10)) == ()  # the status already says it


def test_schemes_without_dates_say_why() -> None:
    today = D(2026, 12, 1)
    assert "no fixed timetable" in round_status(NO_FIXED_TIMETABLE, today)
    assert "no dates" in round_status(DATES_NOT_KNOWN, today)


def test_freshness_gives_the_age_of_the_source_and_of_the_check() -> None:
    assert freshness(D(2025, 1, 20), D(2026, 12, 1)) == (
        "Based on information published in January 2025; checked December 2026."
    )
    assert "carries no date" in freshness("undated", D(2026, 12, 1))
    assert freshness(None, D(2026, 12, 1)) == "Checked December 2026."


def test_next_check_says_when_it_is_overdue() -> None:
    assert next_check_text(D(2027, 3, 1), D(2026, 12, 1)) == "Next check due: 1 March 2027."
    assert "was due on 1 March 2027" in next_check_text(D(2027, 3, 1), D(2027, 3, 2))

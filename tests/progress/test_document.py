"""The progress file format: every field round-trips, old files migrate, bad files are refused."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide.progress.document import (
    SCHEMA_VERSION,
    NewerFormatError,
    ProgressFormatError,
    dumps,
    loads,
    to_document,
)
from guide.progress.model import (
    STATUSES,
    Entry,
    OwnMilestone,
    Profile,
    ProgressData,
    Stamp,
)

T = dt.datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=dt.timezone.utc)


def full_record() -> ProgressData:
    return ProgressData(
        profile=Profile(
            nation="Wales",
            stage="f2",
            specialty="Paediatrics",
            foundation_start=dt.date(2025, 8, 6),
            stamp=Stamp(T, 3),
        ),
        entries={
            "ms-summer-studentship": Entry(
                status="done",
                date_done=dt.date(2026, 1, 31),
                notes="Supervisor: Dr A. Line two\nwith “quotes” and ü",
                evidence="Poster PDF on my H: drive",
                stamp=Stamp(T, 5),
            ),
            "own-abc123": Entry(status="not-applicable", stamp=Stamp(T, 7)),
        },
        own={
            "own-abc123": OwnMilestone(
                title="Journal club talk", stage="f1", timing="Spring", stamp=Stamp(T, 6)
            ),
            "own-gone": OwnMilestone(title="Old", stage="f1", deleted=True, stamp=Stamp(T, 8)),
        },
        rev=8,
        clock=T,
    )


def test_every_field_round_trips():
    data = full_record()
    assert loads(dumps(data, T)) == data


@given(
    status=st.sampled_from(STATUSES),
    notes=st.text(max_size=200),
    evidence=st.text(max_size=200),
    day=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))),
    rev=st.integers(0, 10**9),
)
def test_property_any_entry_round_trips(status, notes, evidence, day, rev):
    data = ProgressData(
        entries={"m-1": Entry(status, day, notes, evidence, Stamp(T, rev))}, rev=rev, clock=T
    )
    assert loads(dumps(data, T)) == data


@given(st.binary(max_size=300))
def test_property_any_bytes_either_load_or_give_a_plain_error(raw):
    try:
        loads(raw)
    except ProgressFormatError as exc:
        assert str(exc)


def test_a_schema_1_file_migrates_with_every_value_kept():
    old = {
        "version": 1,
        "saved": "2025-06-01T10:00:00Z",
        "profile": {"nation": "Scotland", "stage": "f1", "specialty": "Surgery"},
        "milestones": {
            "ms-summer-studentship": {"done": True, "date": "2025-05-30", "note": "Great"},
            "f1-gcp": {"done": False, "note": ""},
        },
    }
    data = loads(json.dumps(old))
    assert data.profile.nation == "Scotland"
    assert data.profile.specialty == "Surgery"
    done = data.entry("ms-summer-studentship")
    assert (done.status, done.date_done, done.notes) == ("done", dt.date(2025, 5, 30), "Great")
    assert data.entry("f1-gcp").status == "not-started"
    assert done.stamp.time == dt.datetime(2025, 6, 1, 10, tzinfo=dt.timezone.utc)
    assert to_document(data, T)["schema"] == SCHEMA_VERSION


def test_a_file_from_a_newer_version_is_refused_as_newer():
    doc = to_document(full_record(), T)
    doc["schema"] = SCHEMA_VERSION + 1
    with pytest.raises(NewerFormatError, match="newer version"):
        loads(json.dumps(doc))


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("entries", "ms-summer-studentship", "status"), "finished", "status 'finished'"),
        (("entries", "ms-summer-studentship", "date_done"), "31/01/2026", "YYYY-MM-DD"),
        (("profile", "nation"), "France", "profile nation"),
        (("own", "own-abc123", "title"), "", "title is empty"),
        (("entries", "ms-summer-studentship", "notes"), 42, "notes must be text"),
    ],
)
def test_invalid_values_are_refused_with_a_reason(path, value, message):
    doc = to_document(full_record(), T)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ProgressFormatError, match=message):
        loads(json.dumps(doc))


def test_counters_never_sit_behind_the_records_they_hold():
    doc = to_document(full_record(), T)
    doc["rev"] = 0
    doc["clock"] = "2000-01-01T00:00:00Z"
    data = loads(json.dumps(doc))
    assert data.rev == 8
    assert data.clock == T

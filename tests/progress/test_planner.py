"""The record as a planner: the trainee's name, own milestones with due dates and reminders,
what "coming up" makes of them, and the refusal of a date done in the future."""

from __future__ import annotations

import datetime as dt

import pytest

from guide.progress.checklist import coming_up
from guide.progress.dates import DateError
from guide.progress.document import dumps, loads
from guide.progress.model import Entry, OwnMilestone, Profile, ProgressData
from tests.progress.conftest import TODAY, make_model

MODEL = make_model({"id": "t-acf", "title": "Apply for an ACF", "stage": "f2", "months": (12,)})


def test_the_name_due_date_and_reminder_are_saved_and_read_back(open_store):
    store = open_store()
    store.set_profile(name="  Dr   Sam Jones ")
    own_id = store.add_own("Submit audit abstract", "f1", due=dt.date(2027, 1, 31), remind_days=7)
    again = open_store()
    assert again.profile.name == "Dr Sam Jones"
    own = again.own_milestones()[own_id]
    assert (own.due, own.remind_days) == (dt.date(2027, 1, 31), 7)


def test_a_schema_2_file_reads_with_no_name_and_no_due_dates():
    data = ProgressData(own={"own-1": OwnMilestone("Poster", "f1")})
    doc = dumps(data).decode().replace('"schema": 3', '"schema": 2')
    doc = doc.replace('"name": "", ', "").replace('"due": null, "remind_days": null, ', "")
    back = loads(doc)
    assert back.profile.name == "" and back.own["own-1"].due is None


def test_a_reminder_needs_a_due_date_and_a_sensible_number_of_days(open_store):
    store = open_store()
    with pytest.raises(ValueError, match="needs a due date"):
        store.add_own("Poster", "f1", remind_days=3)
    with pytest.raises(ValueError, match="0 to 365 days"):
        store.add_own("Poster", "f1", due=dt.date(2027, 1, 1), remind_days=-1)
    own_id = store.add_own("Poster", "f1", due=dt.date(2027, 1, 1), remind_days=3)
    store.update_own(own_id, due=None)  # clearing the due date clears its reminder
    assert store.own_milestones()[own_id].remind_days is None


def test_a_date_done_in_the_future_is_refused_and_nothing_changes(open_store):
    store = open_store()
    with pytest.raises(DateError, match="after today"):
        store.set_status("t-acf", "done", TODAY + dt.timedelta(days=1))
    with pytest.raises(DateError):
        store.update_entry("t-acf", status="done", date_done=TODAY + dt.timedelta(days=30))
    assert store.entry("t-acf").status == "not-started"
    store.set_status("t-acf", "done", TODAY)
    assert store.entry("t-acf").date_done == TODAY


def test_own_due_dates_come_up_with_overdue_ones_first_and_far_ones_left_out():
    data = ProgressData(
        profile=Profile(nation="England", stage="f2"),
        own={
            "own-late": OwnMilestone("Sign off audit", "f1", due=dt.date(2026, 11, 20)),
            "own-soon": OwnMilestone("Submit abstract", "doctoral", due=dt.date(2026, 12, 3)),
            "own-far": OwnMilestone("Write up", "f2", due=dt.date(2027, 6, 1)),
            "own-done": OwnMilestone("Poster", "f2", due=dt.date(2026, 12, 1)),
            "own-none": OwnMilestone("No date", "f2"),
        },
        entries={"own-done": Entry("done", date_done=dt.date(2026, 11, 1))},
    )
    found = coming_up(MODEL, data, TODAY)
    assert [(c.milestone.id, c.when, c.starts_in_days) for c in found] == [
        ("own-late", "20 November 2026", -5),
        ("t-acf", "December 2026", 6),
        ("own-soon", "3 December 2026", 8),
    ]
    assert found[0].overdue and not found[2].overdue


def test_the_next_three_things_are_what_is_coming_then_the_rest_of_this_stage():
    from guide.progress.checklist import next_steps

    model = make_model(
        {"id": "t-a", "title": "A", "stage": "f2", "months": (12,)},
        {"id": "t-b", "title": "B", "stage": "f2"},
        {"id": "t-c", "title": "C", "stage": "f2"},
        {"id": "t-d", "title": "D", "stage": "f2"},
    )
    data = ProgressData(
        profile=Profile(stage="f2"),
        entries={"t-b": Entry("done", date_done=dt.date(2026, 10, 1))},
        own={"own-x": OwnMilestone("Late thing", "f1", due=dt.date(2026, 11, 1))},
    )
    assert [m.id for m in next_steps(model, data, TODAY)] == ["own-x", "t-a", "t-c"]

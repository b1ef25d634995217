"""The checklist view of the record: grouping, per-stage progress, nations, coming up."""

from __future__ import annotations

import datetime as dt

from guide.progress.checklist import coming_up, infer_stage, stage_groups
from guide.progress.model import Entry, OwnMilestone, Profile, ProgressData
from tests.progress.conftest import make_model

MILESTONES = (
    {
        "id": "t-acf-apply",
        "title": "Apply for an ACF",
        "stage": "f2",
        "months": (10, 11),
        "volatile": True,
    },
    {
        "id": "t-wales-only",
        "title": "A Welsh milestone",
        "stage": "f2",
        "months": (2,),
        "nations": ("Wales",),
    },
    {"id": "t-summer", "title": "Summer project", "stage": "f2", "months": (7,)},
)


def _model(_unused=None):
    return make_model(*MILESTONES)


def test_stage_progress_counts_done_and_leaves_out_not_applicable():
    model = _model()
    data = ProgressData(
        profile=Profile(nation="England"),
        entries={"t-acf-apply": Entry("done"), "t-summer": Entry("not-applicable")},
        own={"own-1": OwnMilestone("My poster", "f2")},
    )
    f2 = next(g for g in stage_groups(model, data) if g.stage.id == "f2")
    ids = [r.milestone.id for r in f2.rows]
    assert "t-wales-only" not in ids  # another nation's milestone is left out
    assert "own-1" in ids
    assert (f2.done, f2.total, f2.badge) == (1, 2, "1/2")


def test_coming_up_lists_this_stage_and_nation_within_90_days():
    model = _model()
    data = ProgressData(profile=Profile(nation="Wales", stage="f2"))
    found = coming_up(model, data, dt.date(2026, 11, 25))
    assert [(c.milestone.id, c.when, c.starts_in_days) for c in found] == [
        ("t-acf-apply", "November 2026", 0),
        ("t-wales-only", "February 2027", 68),
    ]
    assert found[0].milestone.volatile  # shown with "check the current year"


def test_coming_up_skips_done_items_other_nations_and_far_off_months():
    model = _model()
    data = ProgressData(
        profile=Profile(nation="England", stage="f2"), entries={"t-acf-apply": Entry("done")}
    )
    assert coming_up(model, data, dt.date(2026, 11, 25)) == []
    assert [c.milestone.id for c in coming_up(model, data, dt.date(2027, 5, 1))] == ["t-summer"]


def test_foundation_start_date_suggests_the_stage_when_none_is_chosen():
    model = _model()
    start = dt.date(2025, 8, 6)
    assert infer_stage(model, start, dt.date(2025, 6, 1)) == "medical-school"
    assert infer_stage(model, start, dt.date(2026, 1, 1)) == "f1"
    assert infer_stage(model, start, dt.date(2026, 11, 25)) == "f2"
    data = ProgressData(profile=Profile(nation="England", foundation_start=start))
    assert [c.milestone.id for c in coming_up(model, data, dt.date(2026, 11, 25))] == [
        "t-acf-apply"
    ]


def test_coming_up_uses_each_nations_own_month_window():
    model = make_model(
        {
            "id": "t-local-selection",
            "title": "Local selection",
            "stage": "f2",
            "months": {"UK": (10,), "Scotland": (3,)},
        }
    )
    day = dt.date(2026, 10, 5)
    scotland = ProgressData(profile=Profile(nation="Scotland", stage="f2"))
    england = ProgressData(profile=Profile(nation="England", stage="f2"))
    anyone = ProgressData(profile=Profile(stage="f2"))
    assert coming_up(model, scotland, day) == []
    assert [c.when for c in coming_up(model, england, day)] == ["October 2026"]
    assert [c.when for c in coming_up(model, scotland, dt.date(2027, 1, 10))] == ["March 2027"]
    assert [c.when for c in coming_up(model, anyone, day)] == ["October 2026"]

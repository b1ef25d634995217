"""``view#part`` opens a view at a part of itself: the checklist at a milestone, the scheme
finder comparing schemes (what links, history and ``guide screenshot`` pass)."""

from __future__ import annotations

import datetime as dt

from guide.clock import Clock
from tests.ui.helpers import make_window

DAY = dt.date(2026, 12, 1)


def test_checklist_anchor_chooses_that_milestone(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model, clock=Clock.fixed(DAY))
    window.open_id("checklist#ms-summer-studentship")
    assert window.current_id == "checklist"
    detail = window.view_widget("checklist").detail
    assert detail.milestone is not None and detail.milestone.id == "ms-summer-studentship"


def test_an_unknown_milestone_opens_the_checklist_as_it_was(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model, clock=Clock.fixed(DAY))
    window.open_id("checklist#no-such-milestone")
    assert window.current_id == "checklist"


def test_schemes_anchor_compares_the_named_schemes(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model, clock=Clock.fixed(DAY))
    window.open_id("schemes#compare=nihr-acf,wcat,screds-lectureship")
    finder = window.view_widget("schemes")
    assert [r.id for r in finder.compared] == ["nihr-acf", "wcat", "screds-lectureship"]
    window.open_id("schemes#compare=ni-acf,ni-acl")  # a new pair replaces the old ticks
    assert [r.id for r in finder.compared] == ["ni-acf", "ni-acl"]

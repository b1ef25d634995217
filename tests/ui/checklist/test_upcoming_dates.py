"""The checklist's "Coming up" list and the "My progress" page, read as a doctor sees
them, never present a past date as still ahead, on a few chosen days (a fixed clock, not
today's date), for every nation and stage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from guide.clock import Clock
from guide.content import ContentModel
from guide.content.render import html_to_text
from guide.progress import ProgressStore
from guide.ui.checklist.overview import overview_html
from guide.ui.checklist.view import ChecklistView
from tests.content.test_no_past_date_as_upcoming import NATIONS, _past_dates

# Either side of the usual recruitment rounds, and the day the issue was checked.
DAYS = (dt.date(2026, 12, 1), dt.date(2027, 3, 1), dt.date(2027, 10, 15))


def _upcoming_texts(view: ChecklistView) -> list[str]:
    texts = []
    for row in range(view.upcoming.count()):
        item = view.upcoming.item(row)
        texts += [item.text(), item.toolTip()]
    return texts


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_no_coming_up_entry_or_progress_page_shows_a_past_date_as_ahead(
    qtbot, shipped_model: ContentModel, tmp_path: Path, today: dt.date
) -> None:
    store = ProgressStore.open(tmp_path, clock=Clock.fixed(today))
    view = ChecklistView(shipped_model, store)
    qtbot.addWidget(view)
    problems, shown = [], 0
    for nation in NATIONS:
        for stage in shipped_model.checklist_stages:
            store.set_profile(nation=nation, stage=stage.id)
            view.refresh()
            texts = _upcoming_texts(view)
            shown += view.upcoming.count()
            texts.append(html_to_text(overview_html(shipped_model, store, today, lambda s: s)))
            for text in texts:
                problems += [
                    f"{nation or 'no nation'} {stage.id}: {date!r} in {clause!r}"
                    for date, clause in _past_dates(text, today)
                ]
    assert shown, "the coming-up list was empty for every profile, so nothing was checked"
    assert not problems, "\n".join(problems)

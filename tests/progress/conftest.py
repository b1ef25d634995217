"""Fixtures for progress tests: a store in the isolated home, with a fixed clock and date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

import pytest

from guide.clock import Clock
from guide.content.model import NATIONS, ChecklistStage, ContentModel, Item
from guide.progress import ProgressStore

TODAY = dt.date(2026, 11, 25)


class FakeClock:
    """A wall clock the test moves by hand (forwards or backwards)."""

    def __init__(self, start: dt.datetime) -> None:
        self.time = start

    def __call__(self) -> dt.datetime:
        self.time += dt.timedelta(seconds=1)
        return self.time


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc))


@pytest.fixture
def open_store(isolated_home: Path, clock: FakeClock) -> Callable[..., ProgressStore]:
    def factory(home: Path | None = None, **kwargs) -> ProgressStore:
        kwargs.setdefault("clock", Clock(today=lambda: TODAY, now=clock))
        return ProgressStore.open(home or isolated_home, **kwargs)

    return factory


def make_model(*milestones: dict) -> ContentModel:
    """A content model holding only the checklist stages and the given milestones."""
    stages = tuple(
        ChecklistStage(id=sid, title=title, section=None, order=n)
        for n, (sid, title) in enumerate(
            [
                ("medical-school", "Medical school"),
                ("f1", "Foundation year 1"),
                ("f2", "Foundation year 2"),
            ]
        )
    )
    items = {}
    for spec in milestones:
        fields = {"timing": "Sometime.", "why": "Why.", "evidence": "Evidence.", "nations": NATIONS}
        fields.update({k: v for k, v in spec.items() if k not in ("id", "title")})
        items[spec["id"]] = Item(
            id=spec["id"],
            kind="milestone",
            title=spec["title"],
            body="",
            path="t.yaml",
            line=1,
            fields=MappingProxyType(fields),
        )
    return ContentModel(items=items, checklist_stages=stages)

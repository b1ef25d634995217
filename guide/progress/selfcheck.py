"""The ``--self-test`` check for progress storage: save, reload, merge and back up in a
temporary folder, so the user's own record is never touched."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from guide.progress import files
from guide.progress.store import ProgressStore


def check_progress_storage(args: argparse.Namespace | None = None) -> str:
    with tempfile.TemporaryDirectory(prefix="guide-selftest-") as folder:
        home = Path(folder)
        first = ProgressStore.open(home)
        second = ProgressStore.open(home)
        if not first.set_status("selftest-a", "done") or not second.set_status(
            "selftest-b", "in-progress"
        ):
            raise RuntimeError(first.error or second.error or "could not save")
        again = ProgressStore.open(home)
        if (
            again.entry("selftest-a").status != "done"
            or again.entry("selftest-b").status != "in-progress"
        ):
            raise RuntimeError("a saved change did not come back when the record was read again")
        if not files.backups(again.path):
            raise RuntimeError("no backup was made")
    return "saved, merged and read back in a temporary folder"


def check_progress_exports(args: argparse.Namespace) -> str:
    """The calendar and summary exports for a made-up trainee: proves ``icalendar`` (loaded
    only when exporting) came along in a frozen build and reads back what it wrote."""
    import datetime as dt

    import icalendar

    from guide.commands.common import load_model
    from guide.progress.ics import to_ics
    from guide.progress.model import OwnMilestone, Profile, ProgressData
    from guide.progress.summary import summary_markdown

    model = load_model(args)
    today = dt.date(2026, 11, 25)
    data = ProgressData(
        profile=Profile(name="Self test", nation="England", stage="f1"),
        own={"own-selftest": OwnMilestone("Self-test deadline", "f1", due=dt.date(2026, 12, 1))},
    )
    now = dt.datetime(2026, 11, 25, 12, tzinfo=dt.timezone.utc)
    events = icalendar.Calendar.from_ical(to_ics(model, data, today, now)).walk("VEVENT")
    if not any(str(e.get("summary")) == "Self-test deadline" for e in events):
        raise RuntimeError("the calendar export did not hold the own milestone's due date")
    if "Self test" not in summary_markdown(model, data, today):
        raise RuntimeError("the summary did not name the trainee")
    return f"calendar ({len(events)} events) and summary written and read back"

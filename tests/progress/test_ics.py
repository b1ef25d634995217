"""The calendar export: usual windows for the trainee's stage and nation, own due dates with
reminders, and a real calendar program (Debian's calcurse) importing the file."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from guide.content.model import NATIONS
from guide.progress.ics import calendar_events, next_windows, to_ics
from guide.progress.model import Entry, OwnMilestone, Profile, ProgressData
from tests.progress.conftest import TODAY, make_model

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)
PER_NATION_MONTH = {"England": 1, "Scotland": 3, "Wales": 5, "Northern Ireland": 7}
MODEL = make_model(
    {
        "id": "t-acf",
        "title": "Apply for an academic post",
        "stage": "f2",
        "months": (11, 12, 1),
        "volatile": True,
        "source": "https://example.org/dates",
    },
    *(
        {
            "id": f"t-{nation.lower().replace(' ', '-')}",
            "title": f"{nation} only: local meeting",
            "stage": "f2",
            "months": (month,),
            "nations": (nation,),
        }
        for nation, month in PER_NATION_MONTH.items()
    ),
    {"id": "t-f1", "title": "An F1 milestone", "stage": "f1", "months": (12,)},
    {"id": "t-done", "title": "Already done", "stage": "f2", "months": (12,)},
)


def _trainee(nation: str) -> ProgressData:
    return ProgressData(
        profile=Profile(name="Sam Jones", nation=nation, stage="f2"),
        entries={"t-done": Entry("done", date_done=dt.date(2026, 10, 1))},
        own={
            "own-abstract": OwnMilestone(
                "Submit audit abstract", "f2", due=dt.date(2027, 2, 14), remind_days=7
            ),
            "own-passed": OwnMilestone("An old deadline", "f2", due=dt.date(2026, 11, 1)),
        },
    )


def _expected(nation: str) -> dict[str, tuple[dt.date, dt.date]]:
    month = PER_NATION_MONTH[nation]
    year = 2027 if month < 11 else 2026
    last = (dt.date(year, month % 12 + 1, 1) if month < 12 else dt.date(year + 1, 1, 1)) - (
        dt.timedelta(days=1)
    )
    return {
        "Apply for an academic post": (dt.date(2026, 11, 1), dt.date(2027, 1, 31)),
        f"{nation} only: local meeting": (dt.date(year, month, 1), last),
        "Submit audit abstract": (dt.date(2027, 2, 14), dt.date(2027, 2, 14)),
    }


def test_windows_run_over_the_new_year_and_each_comes_once():
    assert next_windows((11, 12, 1), TODAY) == [(dt.date(2026, 11, 1), dt.date(2027, 1, 31))]
    assert next_windows((3, 4, 9), dt.date(2026, 4, 15)) == [
        (dt.date(2026, 3, 1), dt.date(2026, 4, 30)),  # still open today
        (dt.date(2026, 9, 1), dt.date(2026, 9, 30)),
    ]
    assert next_windows((), TODAY) == [] and next_windows(tuple(range(1, 13)), TODAY) == []


def test_each_event_says_what_it_is_why_it_matters_and_to_check_this_years_date():
    events = {e.title: e for e in calendar_events(MODEL, _trainee("Wales"), TODAY)}
    acf = events["Apply for an academic post"].description
    assert "usually falls in November to January" in acf
    assert "Why it matters: Why." in acf and "Evidence to keep: Evidence." in acf
    assert "Check this year's dates" in acf and "https://example.org/dates" in acf
    own = events["Submit audit abstract"]
    assert "due 14 February 2027" in own.description and own.remind_days == 7
    assert "Already done" not in events and "An old deadline" not in events
    assert "An F1 milestone" not in events and "England only: local meeting" not in events


def test_the_file_is_valid_icalendar_with_stable_ids_and_the_reminder():
    raw = to_ics(MODEL, _trainee("England"), TODAY, NOW)
    cal = icalendar.Calendar.from_ical(raw)
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    acf = events["Apply for an academic post"]
    assert str(acf["uid"]) == "t-acf-202611@clinical-academic-guide"
    assert acf.decoded("dtend") == dt.date(2027, 2, 1)  # exclusive end of an all-day event
    (alarm,) = events["Submit audit abstract"].walk("VALARM")
    assert alarm.decoded("trigger") == -dt.timedelta(days=7)
    assert raw == to_ics(MODEL, _trainee("England"), TODAY, NOW)  # same input, same file


CALCURSE = shutil.which("calcurse")


def _calcurse(folder: Path, *args: str) -> str:
    done = subprocess.run(
        [CALCURSE or "calcurse", "-D", str(folder), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


@pytest.mark.skipif(CALCURSE is None, reason="calcurse is not installed (.ci/run installs it)")
@pytest.mark.parametrize("nation", NATIONS)
def test_calcurse_imports_the_file_with_the_expected_events_and_dates(tmp_path, nation):
    ics = tmp_path / "checklist.ics"
    ics.write_bytes(to_ics(MODEL, _trainee(nation), TODAY, NOW))
    folder = tmp_path / "calcurse"
    folder.mkdir()
    report = _calcurse(folder, "-i", str(ics))
    assert "3 events" in report and "0 skipped" in report
    listing = _calcurse(
        folder,
        "--input-datefmt",
        "4",
        "--output-datefmt",
        "%Y-%m-%d",
        "-Q",
        "--from",
        "2026-10-01",
        "--days",
        "400",
        "--format-event",
        "%m\n",
        "--format-recur-event",
        "%m\n",
    )
    seen: dict[str, list[dt.date]] = {}
    day = None
    for line in listing.splitlines():
        if line.endswith(":") and line[:4].isdigit():
            day = dt.date.fromisoformat(line[:-1])
        elif line.strip() and day is not None:
            seen.setdefault(line.strip(), []).append(day)
    assert {title: (min(days), max(days)) for title, days in seen.items()} == _expected(nation)
    start = _expected(nation)["Apply for an academic post"][0].isoformat()
    notes = _calcurse(
        folder,
        "--input-datefmt",
        "4",
        "-Q",
        "--from",
        start,
        "--days",
        "1",
        "--format-recur-event",
        "%m %N\n",
    )
    assert "Check this year's dates" in notes


def test_the_export_needs_no_time_zone_database(tmp_path):
    """Windows has no system time-zone files; the export must not depend on the tzdata
    package having been bundled."""
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] == 'tzdata': raise ImportError('no tzdata here')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from tests.progress.test_ics import MODEL, NOW, TODAY, _trainee\n"
        "from guide.progress.ics import to_ics\n"
        "sys.stdout.write(to_ics(MODEL, _trainee('Wales'), TODAY, NOW).decode())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PYTHONTZPATH": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "DTSTAMP:20261125T120000Z" in done.stdout

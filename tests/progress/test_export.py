"""CSV and PDF exports (the summary itself: test_summary.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from guide.progress.export import to_csv
from guide.progress.model import Entry, OwnMilestone, Profile, ProgressData
from guide.progress.pdf import write_pdf

DATA = ProgressData(
    profile=Profile(nation="England", stage="medical-school", specialty="Cardiology"),
    entries={
        "ms-summer-studentship": Entry("done", dt.date(2026, 7, 1), "=SUM(A1)", "Poster"),
        "own-1": Entry("in-progress", notes="Line one\nline two"),
    },
    own={"own-1": OwnMilestone("Write <my> case report", "f1")},
)


def test_csv_has_one_row_per_milestone_and_defuses_formulas(shipped_model):
    rows = list(csv.DictReader(io.StringIO(to_csv(shipped_model, DATA))))
    by_id = {row["id"]: row for row in rows}
    studentship = by_id["ms-summer-studentship"]
    assert studentship["status"] == "done"
    assert studentship["date_done"] == "2026-07-01"
    assert studentship["notes"] == "'=SUM(A1)"
    assert studentship["evidence"] == "Poster"
    assert by_id["own-1"]["notes"] == "Line one\nline two"
    assert by_id["own-1"]["own_milestone"] == "yes"


def test_pdf_export_writes_a_pdf(shipped_model, tmp_path, qapp):
    out = tmp_path / "summary.pdf"
    write_pdf(shipped_model, DATA, out, dt.date(2026, 11, 25))
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 1000
    assert not list(tmp_path.glob("*.pdf.tmp")) and len(list(tmp_path.iterdir())) == 1

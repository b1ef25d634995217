"""CSV and PDF exports, and the summary they are built from."""

from __future__ import annotations

import csv
import datetime as dt
import io

from guide.progress.checklist import stage_groups
from guide.progress.export import summary_html, to_csv
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


def test_summary_groups_by_stage_and_escapes_user_text(shipped_model):
    html = summary_html(shipped_model, DATA, dt.date(2026, 11, 25))
    groups = stage_groups(shipped_model, DATA)
    for group in groups:
        done = 1 if group.stage.id == "medical-school" else 0
        assert f"{group.stage.title}: {done} of {group.total} done" in html
    assert "Write &lt;my&gt; case report (my own)" in html
    assert "Cardiology" in html


def test_pdf_export_writes_a_pdf(shipped_model, tmp_path, qapp):
    out = tmp_path / "summary.pdf"
    write_pdf(shipped_model, DATA, out, dt.date(2026, 11, 25))
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 1000
    assert not list(tmp_path.glob("*.pdf.tmp")) and len(list(tmp_path.iterdir())) == 1

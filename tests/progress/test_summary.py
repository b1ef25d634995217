"""The supervisor summary: built around the trainee, in a PDF whose rows never split across
pages (read back page by page with poppler's pdftotext), and as Markdown."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from guide.progress.checklist import find, stage_groups
from guide.progress.dates import format_date
from guide.progress.model import STATUS_LABELS, Entry, OwnMilestone, Profile, ProgressData
from guide.progress.pdf import BAND_MM, MARGIN_MM, Unit, paginate, write_pdf
from guide.progress.summary import build_summary, summary_html, summary_markdown

TODAY = dt.date(2026, 11, 25)
DONE = {
    "f1-first-supervisor-meeting": (dt.date(2026, 8, 12), "PDP agreed with Dr Patel's team."),
    "f1-life-support": (dt.date(2026, 9, 3), "ILS certificate uploaded to Turas."),
    "f1-psa": (dt.date(2026, 6, 20), "PSA pass letter saved."),
}
TRAINEE = ProgressData(
    profile=Profile(
        name="Sam Jones",
        nation="Scotland",
        stage="f1",
        specialty="Cardiology",
        foundation_start=dt.date(2026, 8, 5),
    ),
    entries={
        **{key: Entry("done", day, evidence=note) for key, (day, note) in DONE.items()},
        "f1-qi-participation": Entry("in-progress", notes="Sepsis QIP: cycle 1 data in."),
        "ms-research-project": Entry("done", dt.date(2026, 5, 1), evidence="BSc project report"),
        "f2-lead-qi": Entry("done", dt.date(2026, 11, 1), evidence="Not this stage"),
        "own-abstract": Entry("not-started"),
    },
    own={"own-abstract": OwnMilestone("Submit audit abstract", "f1", due=dt.date(2027, 1, 10))},
)


def test_the_summary_is_the_trainees_current_and_previous_stage_then_what_is_coming(
    shipped_model,
):
    summary = build_summary(shipped_model, TRAINEE, TODAY)
    assert dict(summary.facts)["Name"] == "Sam Jones"
    assert [s.group.stage.id for s in summary.sections] == ["f1", "medical-school"]
    f1 = summary.sections[0]
    assert [r.milestone.id for r in f1.active] == [
        *sorted(DONE, key=lambda k: DONE[k][0]),
        "f1-qi-participation",
    ]
    assert "own-abstract" in [c.milestone.id for c in summary.coming]
    assert summary.all_stages == ()  # only when asked for
    html = summary_html(shipped_model, TRAINEE, TODAY)
    assert "Not this stage" not in html  # F2 is neither current nor previous
    assert "Not this stage" in summary_html(shipped_model, TRAINEE, TODAY, include_all=True)


def test_with_all_stages_every_stage_is_listed_with_its_count(shipped_model):
    html = summary_html(shipped_model, TRAINEE, TODAY, include_all=True)
    for group in stage_groups(shipped_model, TRAINEE):
        assert f"{group.stage.title}: {group.done} of {group.total} done" in html


def test_user_text_is_escaped_in_html_and_markdown(shipped_model):
    data = ProgressData(
        profile=Profile(name="<b>Sam</b>", stage="f1"),
        entries={"own-1": Entry("in-progress", notes="*not bold* # nor a heading")},
        own={"own-1": OwnMilestone("Write <my> case report", "f1")},
    )
    assert "Write &lt;my&gt; case report (my own)" in summary_html(shipped_model, data, TODAY)
    markdown = summary_markdown(shipped_model, data, TODAY)
    assert "# Clinical academic progress: <b>Sam</b>" in markdown.splitlines()[0]
    assert r"\*not bold\* \# nor a heading" in markdown


def test_the_markdown_copy_reads_as_plain_text(shipped_model):
    text = summary_markdown(shipped_model, TRAINEE, TODAY)
    assert text.startswith("# Clinical academic progress: Sam Jones\n")
    assert "- Pass the Prescribing Safety Assessment (PSA): Done 20 Jun 2026" in text
    assert "  - Evidence: ILS certificate uploaded to Turas." in text
    assert "- Submit audit abstract: due 10 January 2027" in text
    assert "|" not in text  # no tables: they paste badly into a reflection


def test_pagination_breaks_between_units_and_keeps_headings_with_what_follows():
    units = [Unit(0, 40), Unit(40, 50, keep_with_next=True), Unit(50, 80), Unit(80, 130)]
    assert paginate(units, 60) == [(0, 40), (40, 80), (80, 130)]
    assert paginate([Unit(0, 150)], 60) == [(0, 60), (60, 120), (120, 150)]  # cut as it must


PDFTOTEXT = shutil.which("pdftotext")


def _pages(pdf: Path) -> list[str]:
    """The text of each page, in drawing order, with ligatures and spacing normalised."""
    count = int(
        re.search(
            r"Pages:\s+(\d+)",
            subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
            ).stdout,
        )[1]
    )
    pages = []
    for n in range(1, count + 1):
        raw = subprocess.run(
            ["pdftotext", "-raw", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages.append(" ".join(unicodedata.normalize("NFKC", raw).split()))
    return pages


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils is not installed (.ci/run does)")
@pytest.mark.parametrize("include_all", [False, True])
def test_pdf_page_one_has_the_name_and_done_items_and_no_row_splits(
    shipped_model, tmp_path, qapp, include_all
):
    out = tmp_path / "summary.pdf"
    count = write_pdf(shipped_model, TRAINEE, out, TODAY, include_all=include_all)
    pages = _pages(out)
    assert len(pages) == count and (count >= 3 if include_all else count >= 1)
    first = pages[0]
    assert "Sam Jones" in first
    for key, (day, note) in DONE.items():
        title = find(shipped_model, TRAINEE, key).title
        assert f"{title} Done {format_date(day)} {note}" in first, key
    for n, page in enumerate(pages, start=1):
        assert page.startswith("Clinical academic progress: Sam Jones")
        assert f"Page {n} of {count}" in page
    # Every table row is read, whole and in order, on a single page: its title, status, date
    # and notes in sequence. A row cut by a page break would be drawn (clipped) on both pages,
    # so its text would be read twice.
    summary = build_summary(shipped_model, TRAINEE, TODAY, include_all=include_all)
    tables = [s.active for s in summary.sections] + [g.rows for g in summary.all_stages]
    expected: dict[str, int] = {}
    for rows in tables:
        for row in rows:
            entry = row.entry
            title = row.milestone.title + (" (my own)" if row.milestone.own else "")
            when = (
                format_date(entry.date_done)
                if entry.date_done
                else (f"due {format_date(row.milestone.due)}" if row.milestone.due else "")
            )
            cells = [title, STATUS_LABELS[entry.status], when, entry.evidence, entry.notes]
            text = " ".join(" ".join(c for c in cells if c).split())
            expected[text] = expected.get(text, 0) + 1
    for text, times in expected.items():
        assert sum(page.count(text) for page in pages) == times, text
    assert _words_cut_by_a_page_edge(out) == []


def _words_cut_by_a_page_edge(pdf: Path) -> list[str]:
    """Words drawn across the top or bottom edge of a page's body (other than the header and
    footer lines): what a row split by a page break leaves, half on each page."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    mm = 72 / 25.4
    cut = []
    for n, page in enumerate(html.split("<page ")[1:], start=1):
        height = float(re.search(r'height="([\d.]+)"', page)[1])
        words = [
            (float(a), float(b), w)
            for a, b, w in re.findall(
                r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', page
            )
        ]
        header_y = words[0][0]
        footer_y = next(b for a, b, w in words if w == "Page")
        top = (MARGIN_MM + BAND_MM) * mm - 0.5
        bottom = height - (MARGIN_MM + BAND_MM) * mm + 0.5
        for y_min, y_max, word in words:
            if abs(y_min - header_y) < 0.5 or abs(y_max - footer_y) < 0.5:
                continue
            if y_min < top or y_max > bottom:
                cut.append(f"page {n}: {word}")
    return cut

"""Exports that need no Qt: CSV for a spreadsheet, and the words saying what an import
changed. The supervisor summary is ``summary.py`` (``pdf.py`` lays it out as a PDF), the
calendar is ``ics.py``, and JSON export is the record itself (``ProgressStore.export_json``)
so it can be imported again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from guide.content.model import ContentModel
from guide.progress.checklist import find, stage_groups
from guide.progress.merge import MergeResult
from guide.progress.model import STATUS_LABELS, Entry, OwnMilestone, ProgressData
from guide.progress.summary import summary_html

__all__ = ["describe_import", "summary_html", "to_csv"]

CSV_COLUMNS = (
    "stage",
    "id",
    "title",
    "status",
    "date_done",
    "notes",
    "evidence",
    "own_milestone",
)
# Spreadsheets run cells starting with these as formulas; a leading apostrophe stops that.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(model: ContentModel, data: ProgressData) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for group in stage_groups(model, data):
        for row in group.rows:
            entry = row.entry
            writer.writerow(
                [
                    _cell(group.stage.title),
                    row.milestone.id,
                    _cell(row.milestone.title),
                    entry.status,
                    entry.date_done.isoformat() if entry.date_done else "",
                    _cell(entry.notes),
                    _cell(entry.evidence),
                    "yes" if row.milestone.own else "no",
                ]
            )
    return out.getvalue()


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def describe_import(
    model: ContentModel,
    data: ProgressData,
    result: MergeResult,
    tr: Callable[[str], str] = lambda s: s,
) -> list[str]:
    """Plain-words lines saying what an import changed, then a one-line summary."""
    lines = []
    for change in result.changed:
        if change.kind == "profile":
            lines.append(tr("Your profile was updated."))
            continue
        milestone = find(model, data, change.key)
        title = milestone.title if milestone else change.key
        if change.kind == "own":
            own = change.after
            verb = (
                tr("removed")
                if isinstance(own, OwnMilestone) and own.deleted
                else tr("added")
                if change.before is None
                else tr("updated")
            )
            lines.append(tr("{title}: your own milestone {verb}").format(title=title, verb=verb))
            continue
        before = change.before.status if isinstance(change.before, Entry) else "not-started"
        after = change.after.status if isinstance(change.after, Entry) else "not-started"
        detail = (
            tr("{before} to {after}").format(
                before=tr(STATUS_LABELS[before]), after=tr(STATUS_LABELS[after]).lower()
            )
            if before != after
            else tr("notes or date updated")
        )
        lines.append(f"{title}: {detail}")
    count = len(result.changed)
    summary = (
        tr("Nothing new to import.")
        if not count
        else tr("1 change imported.")
        if count == 1
        else tr("{n} changes imported.").format(n=count)
    )
    if result.kept_local:
        summary += " " + tr(
            "{n} kept as they were here, because they were changed here more recently."
        ).format(n=len(result.kept_local))
    lines.append(summary)
    return lines

"""Exports that need no Qt: CSV for a spreadsheet, and the HTML of the supervisor summary
(``pdf.py`` lays that HTML out as a PDF). JSON export is the record itself
(``ProgressStore.export_json``) so it can be imported again.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
from collections.abc import Callable

from guide.content.model import ContentModel
from guide.progress.checklist import coming_up, current_stage, find, stage_groups
from guide.progress.merge import MergeResult
from guide.progress.model import STATUS_LABELS, Entry, OwnMilestone, ProgressData

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


def summary_html(
    model: ContentModel,
    data: ProgressData,
    today: dt.date,
    tr: Callable[[str], str] = lambda s: s,
) -> str:
    """A printable summary by stage for a supervisor meeting."""
    e = html.escape
    profile = data.profile
    stage_id = current_stage(model, data, today)
    stage_title = next((s.title for s in model.checklist_stages if s.id == stage_id), "")
    facts = [
        (tr("Nation"), profile.nation or tr("not set")),
        (tr("Current stage"), stage_title or tr("not set")),
        (tr("Specialty interest"), profile.specialty or tr("not set")),
    ]
    if profile.foundation_start:
        facts.append((tr("Foundation start"), _long_date(profile.foundation_start)))
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt;'>",
        f"<h1>{e(tr('Clinical academic progress summary'))}</h1>",
        f"<p>{e(tr('Prepared on'))} {e(_long_date(today))}. ",
        e(tr("A personal record to discuss with a supervisor; not an official portfolio.")),
        "</p><table cellpadding='3'>",
        *(f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in facts),
        "</table>",
    ]
    upcoming = coming_up(model, data, today)
    if upcoming:
        parts.append(f"<h2>{e(tr('Coming up in the next 90 days'))}</h2><ul>")
        for c in upcoming:
            note = f" ({e(tr('check the current year'))})" if c.milestone.volatile else ""
            parts.append(f"<li>{e(c.milestone.title)}: {e(c.when)}{note}</li>")
        parts.append("</ul>")
    for group in stage_groups(model, data):
        if not group.rows:
            continue
        heading = tr("{stage}: {done} of {total} done").format(
            stage=group.stage.title, done=group.done, total=group.total
        )
        parts.append(f"<h2 style='margin-top: 16px;'>{e(heading)}</h2>")
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>"
            + "".join(
                f"<th align='left' width='{w}%'>{e(h)}</th>"
                for h, w in (
                    (tr("Milestone"), 42),
                    (tr("Status"), 13),
                    (tr("Date done"), 13),
                    (tr("Notes and evidence"), 32),
                )
            )
            + "</tr>"
        )
        for row in group.rows:
            entry = row.entry
            title = row.milestone.title + (f" ({tr('my own')})" if row.milestone.own else "")
            notes = "<br>".join(
                e(text).replace("\n", "<br>") for text in (entry.notes, entry.evidence) if text
            )
            parts.append(
                f"<tr><td>{e(title)}</td><td>{e(tr(STATUS_LABELS[entry.status]))}</td>"
                f"<td>{e(_short_date(entry.date_done) if entry.date_done else '')}</td>"
                f"<td>{notes}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def _short_date(value: dt.date) -> str:
    return f"{value.day} {value.strftime('%b %Y')}"


def _long_date(value: dt.date) -> str:
    return f"{value.day} {value.strftime('%B %Y')}"


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

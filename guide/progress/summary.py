"""The supervisor summary: what it holds (``build_summary``) and two ways to write it out,
HTML (laid out as a PDF by ``pdf.py``) and Markdown (plain text that pastes into an
e-portfolio reflection and reads well as it is).

It is built around the trainee: who they are (name, nation, stage, specialty interest),
then what they have done and are doing in their current and previous stage, with dates
and evidence notes, then what is coming up. Other stages appear only when asked for
("include all stages"). No Qt here.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass

from guide.content.model import ContentModel
from guide.progress.checklist import (
    COMING_UP_DAYS,
    ComingUp,
    Row,
    StageGroup,
    coming_up,
    current_stage,
    stage_groups,
)
from guide.progress.dates import format_date, format_long_date
from guide.progress.model import STATUS_LABELS, ProgressData

Translate = Callable[[str], str]
ACTIVE = ("done", "in-progress")


@dataclass(frozen=True)
class StageSection:
    """Done and in-progress rows of one stage, plus how many of its milestones are still open."""

    group: StageGroup
    active: tuple[Row, ...]
    still_to_do: tuple[Row, ...]


@dataclass(frozen=True)
class Summary:
    name: str
    facts: tuple[tuple[str, str], ...]
    prepared: dt.date
    sections: tuple[StageSection, ...]  # current stage first, then the one before it
    coming: tuple[ComingUp, ...]
    all_stages: tuple[StageGroup, ...]  # empty unless "include all stages"


def build_summary(
    model: ContentModel,
    data: ProgressData,
    today: dt.date,
    tr: Translate = lambda s: s,
    include_all: bool = False,
) -> Summary:
    profile = data.profile
    groups = stage_groups(model, data)
    stage_id = current_stage(model, data, today)
    index = next((n for n, g in enumerate(groups) if g.stage.id == stage_id), None)
    if index is None:
        # No stage chosen or guessable: every stage with anything done or in progress.
        chosen = [g for g in groups if any(r.entry.status in ACTIVE for r in g.rows)]
    else:
        chosen = [groups[index]] + ([groups[index - 1]] if index > 0 else [])
    sections = tuple(
        StageSection(
            group=g,
            active=tuple(
                sorted(
                    (r for r in g.rows if r.entry.status in ACTIVE),
                    key=lambda r: (r.entry.status != "done", r.entry.date_done or today),
                )
            ),
            still_to_do=tuple(r for r in g.rows if r.entry.status == "not-started"),
        )
        for g in chosen
    )
    stage_title = groups[index].stage.title if index is not None else ""
    facts = [
        (tr("Name"), profile.name or tr("not given")),
        (tr("Nation"), profile.nation or tr("not set")),
        (tr("Current stage"), stage_title or tr("not set")),
        (tr("Specialty interest"), profile.specialty or tr("not set")),
    ]
    if profile.foundation_start:
        facts.append((tr("Foundation start"), format_long_date(profile.foundation_start)))
    facts.append((tr("Prepared on"), format_long_date(today)))
    return Summary(
        name=profile.name,
        facts=tuple(facts),
        prepared=today,
        sections=sections,
        coming=tuple(coming_up(model, data, today)),
        all_stages=tuple(g for g in groups if g.rows) if include_all else (),
    )


def title_of(summary: Summary, tr: Translate = lambda s: s) -> str:
    base = tr("Clinical academic progress")
    return f"{base}: {summary.name}" if summary.name else base


def _row_title(row: Row, tr: Translate) -> str:
    return row.milestone.title + (f" ({tr('my own')})" if row.milestone.own else "")


def _coming_text(c: ComingUp, tr: Translate) -> str:
    if c.due is not None:
        when = (tr("overdue since {date}") if c.overdue else tr("due {date}")).format(date=c.when)
    else:
        when = c.when
        if c.milestone.volatile:
            when += " (" + tr("usual month: check this year's date") + ")"
    return f"{c.milestone.title}: {when}"


def _heading(section: StageSection, tr: Translate) -> str:
    g = section.group
    return tr("{stage}: {done} of {total} done").format(
        stage=g.stage.title, done=g.done, total=g.total
    )


# ---------------------------------------------------------------- HTML (for the PDF)

# Print colours: black text on white, light grey only to mark header rows.
_TABLE = "border='1' cellspacing='0' cellpadding='5' width='100%' style='border-color: #808080;'"
_HEAD = "style='background-color: #e6e6e6; color: #000000;'"
# Qt's rich text ignores a heading's top margin straight after a table: a small empty line
# keeps one stage's table apart from the next stage's heading.
_SPACER = "<p style='font-size: 5pt;'>&nbsp;</p>"
_COLUMNS = (("Milestone", 37), ("Status", 14), ("Date", 14), ("Evidence and notes", 35))


def summary_html(
    model: ContentModel,
    data: ProgressData,
    today: dt.date,
    tr: Translate = lambda s: s,
    include_all: bool = False,
) -> str:
    return to_html(build_summary(model, data, today, tr, include_all), tr)


def to_html(summary: Summary, tr: Translate = lambda s: s) -> str:
    e = html.escape
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt; color: #000000;'>",
        f"<h1 style='font-size: 16pt;'>{e(title_of(summary, tr))}</h1>",
        "<table cellpadding='2'>",
        *(f"<tr><td><b>{e(k)}:</b></td><td>{e(v)}</td></tr>" for k, v in summary.facts),
        "</table>",
        f"<p>{e(tr('A personal record to discuss with a supervisor; not an official portfolio.'))}</p>",
    ]
    for section in summary.sections:
        parts.append(f"<h2 style='font-size: 13pt;'>{e(_heading(section, tr))}</h2>")
        if section.active:
            parts.append(_table(section.active, tr))
        else:
            parts.append(f"<p>{e(tr('Nothing marked done or in progress yet.'))}</p>")
    parts.append(
        f"<h2 style='font-size: 13pt;'>"
        f"{e(tr('Coming up in the next {n} days').format(n=COMING_UP_DAYS))}</h2>"
    )
    if summary.coming:
        parts.append("<ul>")
        parts += [f"<li>{e(_coming_text(c, tr))}</li>" for c in summary.coming]
        parts.append("</ul>")
    else:
        parts.append(f"<p>{e(tr('Nothing is due in the next 90 days.'))}</p>")
    for section in summary.sections[:1]:
        if section.still_to_do:
            parts.append(
                f"<h3 style='font-size: 11pt;'>"
                f"{e(tr('Not started yet in {stage}').format(stage=section.group.stage.title))}</h3><ul>"
            )
            parts += [f"<li>{e(_row_title(r, tr))}</li>" for r in section.still_to_do]
            parts.append("</ul>")
    if summary.all_stages:
        parts.append(f"<h2 style='font-size: 13pt;'>{e(tr('All stages'))}</h2>")
        for group in summary.all_stages:
            heading = tr("{stage}: {done} of {total} done").format(
                stage=group.stage.title, done=group.done, total=group.total
            )
            parts.append(f"<h3 style='font-size: 11pt;'>{e(heading)}</h3>")
            parts.append(_table(group.rows, tr))
            parts.append(_SPACER)
    parts.append("</body></html>")
    return "".join(parts)


def _table(rows: tuple[Row, ...], tr: Translate) -> str:
    e = html.escape
    head = "".join(f"<th align='left' width='{w}%' {_HEAD}>{e(tr(h))}</th>" for h, w in _COLUMNS)
    body = []
    for row in rows:
        entry = row.entry
        notes = "<br>".join(
            e(text).replace("\n", "<br>") for text in (entry.evidence, entry.notes) if text
        )
        when = format_date(entry.date_done) if entry.date_done else ""
        if not when and row.milestone.due:
            when = tr("due {date}").format(date=format_date(row.milestone.due))
        body.append(
            f"<tr><td>{e(_row_title(row, tr))}</td><td>{e(tr(STATUS_LABELS[entry.status]))}</td>"
            f"<td>{e(when)}</td><td>{notes}</td></tr>"
        )
    return f"<table {_TABLE}><tr>{head}</tr>{''.join(body)}</table>"


# ---------------------------------------------------------------- Markdown (plain text)


def summary_markdown(
    model: ContentModel,
    data: ProgressData,
    today: dt.date,
    tr: Translate = lambda s: s,
    include_all: bool = False,
) -> str:
    """The summary as Markdown that also reads as plain text (no tables: they paste badly)."""
    summary = build_summary(model, data, today, tr, include_all)
    lines = [f"# {title_of(summary, tr)}", ""]
    lines += [f"- {k}: {v}" for k, v in summary.facts]
    lines += ["", tr("A personal record to discuss with a supervisor; not an official portfolio.")]
    for section in summary.sections:
        lines += ["", f"## {_heading(section, tr)}", ""]
        if not section.active:
            lines.append(tr("Nothing marked done or in progress yet."))
        for row in section.active:
            lines += _md_row(row, tr)
    lines += ["", "## " + tr("Coming up in the next {n} days").format(n=COMING_UP_DAYS), ""]
    lines += [f"- {_coming_text(c, tr)}" for c in summary.coming] or [
        tr("Nothing is due in the next 90 days.")
    ]
    for section in summary.sections[:1]:
        if section.still_to_do:
            lines += [
                "",
                "### " + tr("Not started yet in {stage}").format(stage=section.group.stage.title),
                "",
            ]
            lines += [f"- {_row_title(r, tr)}" for r in section.still_to_do]
    if summary.all_stages:
        lines += ["", "## " + tr("All stages")]
        for group in summary.all_stages:
            lines += [
                "",
                "### "
                + tr("{stage}: {done} of {total} done").format(
                    stage=group.stage.title, done=group.done, total=group.total
                ),
                "",
            ]
            for row in group.rows:
                lines += _md_row(row, tr)
    return "\n".join(lines).rstrip() + "\n"


def _md_row(row: Row, tr: Translate) -> list[str]:
    entry = row.entry
    status = tr(STATUS_LABELS[entry.status])
    if entry.date_done:
        status += " " + format_date(entry.date_done)
    out = [f"- {_md_escape(_row_title(row, tr))}: {status}"]
    for label, text in ((tr("Evidence"), entry.evidence), (tr("Notes"), entry.notes)):
        if text:
            body = " ".join(_md_escape(text).split())
            out.append(f"  - {label}: {body}")
    return out


def _md_escape(text: str) -> str:
    """Keep the user's own text from turning into Markdown structure."""
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("#", "\\#")

"""Compare two to four schemes field by field, and write the table or a comparison as CSV.

``compare(rows)`` gives one ``ComparisonRow`` per field (name, funder, stage,
nations, length, research time, eligibility, timing, next round, web
address, last checked), each with one value per scheme, so a view can show
them side by side and a printout or CSV file can carry the same thing.
``comparison_html`` is the same comparison as a small HTML table for the
printing code (Qt's rich text), and ``table_csv``/``comparison_csv`` write
CSV that opens cleanly in Excel.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from guide.schemes.table import SchemeRow

MIN_COMPARE, MAX_COMPARE = 2, 4


def _text(row: SchemeRow, name: str) -> str:
    return " ".join(str(row.item.get(name, "") or "").split())


FIELDS: tuple[tuple[str, Callable[[SchemeRow], str]], ...] = (
    ("Scheme", lambda r: r.name),
    ("Funder", lambda r: r.funder),
    ("Stage", lambda r: r.stage_text),
    ("Nations", lambda r: r.nations_text),
    ("Length", lambda r: _text(r, "duration")),
    ("Research time", lambda r: _text(r, "research_time")),
    ("Who can apply", lambda r: _text(r, "eligibility")),
    ("When to apply", lambda r: _text(r, "timing")),
    ("Next round", lambda r: r.next_round.text),
    ("Web address", lambda r: _text(r, "url")),
    ("Last checked", lambda r: str(r.item.get("last_checked", "") or "")),
)

TABLE_COLUMNS: tuple[tuple[str, Callable[[SchemeRow], str]], ...] = (
    ("Scheme", lambda r: r.name),
    ("Funder", lambda r: r.lead_funder),
    ("Stage", lambda r: r.stage_text),
    ("Nations", lambda r: r.nations_text),
    ("Length", lambda r: r.length),
    ("Research time", lambda r: r.research_time),
    ("Next round", lambda r: r.next_round.text),
)


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    values: tuple[str, ...]

    @property
    def differs(self) -> bool:
        """Whether the schemes differ on this field (a view may mark the rows that do)."""
        return len(set(self.values)) > 1


def compare(rows: Sequence[SchemeRow]) -> list[ComparisonRow]:
    """Field-by-field rows for 2 to 4 schemes, in the order given."""
    if not MIN_COMPARE <= len(rows) <= MAX_COMPARE:
        raise ValueError(f"compare {MIN_COMPARE} to {MAX_COMPARE} schemes (got {len(rows)})")
    if len({r.id for r in rows}) != len(rows):
        raise ValueError("each scheme can be compared only once")
    return [ComparisonRow(label, tuple(get(r) for r in rows)) for label, get in FIELDS]


def _safe(value: str) -> str:
    # A cell starting with = + - @ (or a tab or carriage return) is run as a formula
    # by spreadsheets; a leading apostrophe makes it plain text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv(rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    return buffer.getvalue()


def table_csv(rows: Sequence[SchemeRow]) -> str:
    """The finder's table as shown (its filters and order), one scheme a line."""
    header = [label for label, _ in TABLE_COLUMNS] + ["Web address", "Id"]
    body = [[get(r) for _, get in TABLE_COLUMNS] + [_text(r, "url"), r.id] for r in rows]
    return _csv([header, *body])


def comparison_csv(rows: Sequence[SchemeRow]) -> str:
    """A comparison: a column per scheme, a line per field."""
    table = compare(rows)
    return _csv([["Field", *(r.name for r in rows)]] + [[c.label, *c.values] for c in table])


def write_csv(path: str, text: str) -> None:
    """Write CSV with a byte-order mark, so Excel on Windows reads it as UTF-8 (£, –)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        handle.write(text)


def comparison_html(rows: Sequence[SchemeRow], today_text: str = "") -> str:
    """The comparison as an HTML document for printing and PDF (Qt rich text)."""
    table = compare(rows)
    width = f"{80 // len(rows)}%"
    head = "".join(f'<th width="{width}">{escape(r.name)}</th>' for r in rows)
    lines = []
    for row in table[1:]:
        cells = "".join(f"<td>{escape(v)}</td>" for v in row.values)
        lines.append(f'<tr><th align="left" width="20%">{escape(row.label)}</th>{cells}</tr>')
    when = f"<p>Printed {escape(today_text)}. " if today_text else "<p>"
    return (
        "<html><body>"
        "<h1>Comparing schemes</h1>"
        f"{when}Names, rules and dates change every year: check each funder's current "
        "call before you apply.</p>"
        '<table border="1" cellspacing="0" cellpadding="4" width="100%">'
        f'<tr><th width="20%"></th>{head}</tr>' + "".join(lines) + "</table></body></html>"
    )


def table_html(rows: Sequence[SchemeRow], title: str = "Funding schemes", note: str = "") -> str:
    """The finder's table (as filtered and sorted) as an HTML document for printing."""
    head = "".join(f"<th>{escape(label)}</th>" for label, _ in TABLE_COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(get(r))}</td>" for _, get in TABLE_COLUMNS) + "</tr>"
        for r in rows
    )
    extra = f"<p>{escape(note)}</p>" if note else ""
    return (
        f"<html><body><h1>{escape(title)}</h1>{extra}"
        "<p>Names, rules and dates change every year: check each funder's current call "
        "before you apply.</p>"
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
        f"<tr>{head}</tr>{body}</table></body></html>"
    )

"""Wide tables, stacked: each row of a grid as its own small two-column table.

A table of stages by nation needs about 650 pixels before its longest words fit,
and the reader beside the contents tree and "On this page" on a 1024-pixel
screen is about 440. Rather than scroll sideways (and hide the last column),
the reader swaps in this stacked form while it is too narrow: the row's first
cell becomes a heading row and every other cell is labelled by its column's
heading ("Wales: WCAT"). Screen readers read it in the same order.

Qt-free; the reader decides when (``guide.ui.reader.view``). Tables come from
Python-Markdown's tables extension (``<table>``, ``<thead>``, ``<tbody>``); the
cards and banners the page composer makes carry a class and are left alone.
"""

from __future__ import annotations

import re

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t([hd])(?:\s[^>]*)?>(.*?)</t\1>", re.S)

MIN_COLUMNS = 3
"""Narrower tables already fit; stacking a two-column table gains nothing."""


def _rows(table: str) -> list[list[str]]:
    return [[cell for _kind, cell in _CELL.findall(row)] for row in _ROW.findall(table)]


def _stack(match: re.Match[str]) -> str:
    rows = _rows(match.group(1))
    if len(rows) < 2 or len(rows[0]) < MIN_COLUMNS:
        return match.group(0)
    header, body = rows[0], rows[1:]
    out = []
    for row in body:
        lines = [f'<tr><th colspan="2" align="left">{row[0]}</th></tr>'] if row else []
        for label, cell in zip(header[1:], row[1:], strict=False):
            if cell.strip():  # an empty cell says nothing on its own line
                lines.append(f'<tr><td class="label" width="30%">{label}</td><td>{cell}</td></tr>')
        out.append(
            '<table class="stacked" width="100%" cellspacing="0" cellpadding="4">'
            + "".join(lines)
            + "</table>"
        )
    return "\n".join(out)


def has_wide_table(html: str) -> bool:
    """Whether ``html`` holds a table that stacking would change."""
    return any(
        len(rows) >= 2 and len(rows[0]) >= MIN_COLUMNS
        for rows in (_rows(m.group(1)) for m in _TABLE.finditer(html))
    )


def stack_wide_tables(html: str) -> str:
    """``html`` with every Markdown table of three or more columns stacked by row."""
    return _TABLE.sub(_stack, html)

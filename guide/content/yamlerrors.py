"""YAML mistakes explained in plain words, with the offending line quoted and a caret.

The parser's own messages ("did not find expected '-' indicator", "found character
that cannot start any token") mean nothing to a content editor who is not a
programmer. ``explain`` turns the usual mistakes (a tab, a line indented differently
from its neighbours, a colon inside a value, an unclosed quote or bracket) into a
sentence saying what to change, and ``excerpt`` quotes the line with a caret under
the place, so the editor can find it without counting lines.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

TAB_SHOWN = "[TAB]"


@dataclass(frozen=True)
class Explained:
    """A YAML problem for people: the file line, the sentence, and the quoted line."""

    line: int
    message: str
    detail: str


def quote_line(raw: str, number: int, column: int | None = None) -> str:
    """``NUMBER | text`` with a caret under ``column`` (0-based; by default under the first
    character that is not a space). Tabs are shown as ``[TAB]`` so they can be seen."""
    if column is None:
        column = len(raw) - len(raw.lstrip(" "))
    shown = raw.replace("\t", TAB_SHOWN)
    if len(shown) > 160:  # a very long line is cut around the caret
        shown = shown[:160] + " ..."
    column = max(0, min(column, len(raw)))
    caret_at = min(len(raw[:column].replace("\t", TAB_SHOWN)), 160)
    gutter = f"{number} | "
    return f"{gutter}{shown}\n{' ' * len(gutter)}{' ' * caret_at}^"


def excerpt(lines: list[str], line: int, column: int | None = 0, offset: int = 0) -> str:
    """The 0-based ``line`` of ``lines`` quoted (see ``quote_line``), numbered as file line
    ``line + 1 + offset``; empty when there is no such line."""
    if not 0 <= line < len(lines):
        return ""
    return quote_line(lines[line], line + 1 + offset, column)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _previous_content_line(lines: list[str], index: int) -> int | None:
    for i in range(index - 1, -1, -1):
        stripped = lines[i].strip()
        if stripped and not stripped.startswith("#"):
            return i
    return None


def _first_tab(lines: list[str], upto: int) -> int | None:
    """The first line (0-based, at or before ``upto``) whose indentation holds a tab."""
    for i, text in enumerate(lines[: upto + 1]):
        lead = text[: len(text) - len(text.lstrip(" \t"))]
        if "\t" in lead:
            return i
    return None


def explain(exc: yaml.MarkedYAMLError, text: str, line_offset: int = 0) -> Explained:
    """Explain a YAML error in ``text`` (which starts ``line_offset`` lines into its file)."""
    lines = text.splitlines()
    mark = exc.problem_mark or exc.context_mark
    index = min(mark.line, max(len(lines) - 1, 0)) if mark else 0
    column = mark.column if mark else 0
    problem = (exc.problem or exc.context or "").lower()
    context = (exc.context or "").lower()

    def result(at: int, col: int, message: str) -> Explained:
        return Explained(at + 1 + line_offset, message, excerpt(lines, at, col, line_offset))

    tab = _first_tab(lines, index)
    if tab is not None or "tab" in problem:
        at = tab if tab is not None else index
        return result(
            at,
            lines[at].index("\t") if "\t" in lines[at] else column,
            f"line {at + 1 + line_offset} starts with a tab: indent with spaces instead "
            "(YAML does not allow tabs for indenting)",
        )
    if "end of stream" in problem and "quoted" in context and exc.context_mark:
        start = exc.context_mark
        quote = lines[start.line][start.column] if start.line < len(lines) else '"'
        return result(
            start.line,
            start.column,
            f"the quotation mark ({quote}) opened on line {start.line + 1 + line_offset} "
            "is never closed: add the closing one at the end of the value",
        )
    if "flow sequence" in context or "flow mapping" in context:
        opened = exc.context_mark or mark
        bracket = "]" if "sequence" in context else "}"
        at = opened.line if opened else index
        return result(
            at,
            opened.column if opened else column,
            f"the list opened with {'[' if bracket == ']' else '{'} on line "
            f"{at + 1 + line_offset} is not closed: end it with {bracket} on the same line",
        )
    if "cannot start any token" in problem and index < len(lines):
        char = lines[index][column : column + 1] or "?"
        return result(
            index,
            column,
            f"a value on line {index + 1 + line_offset} starts with {char!r}, which YAML "
            f'keeps for itself: put the whole value in double quotes ("...")',
        )
    if "mapping values are not allowed" in problem and index < len(lines):
        before = lines[index][:column]
        if ": " in before or before.rstrip().endswith(":"):
            return result(
                index,
                column,
                f"line {index + 1 + line_offset} has a second colon in its value: if the colon "
                "is part of the text, put the whole value in double quotes, for example "
                'title: "Research: a guide"',
            )
    if index < len(lines) and (
        "indicator" in problem
        or "expected key" in problem
        or "block end" in problem
        or "mapping values" in problem
        or "expected ':'" in problem
        or "simple key" in problem
    ):
        previous = _previous_content_line(lines, index)
        here = _indent(lines[index])
        if previous is not None and _indent(lines[previous]) != here:
            # Report the line out of step with the list or mapping it belongs to.
            return result(
                index,
                here,
                f"line {index + 1 + line_offset} is indented differently from the lines around "
                f"it ({here} spaces here, {_indent(lines[previous])} on line "
                f"{previous + 1 + line_offset}): line up the fields of one entry exactly, "
                "and start each entry of a list with '- ' at the same place",
            )
        return result(
            index,
            here,
            f"line {index + 1 + line_offset} does not fit the lines above it: check its "
            "indentation, and that the line above is a complete 'field: value'",
        )
    return result(
        index,
        column,
        f"the file could not be read as YAML at line {index + 1 + line_offset} "
        f"({exc.problem or exc.context}): check the spacing and punctuation there",
    )

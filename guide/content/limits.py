"""Shape limits for Markdown bodies, so no page can hang or crash the renderer.

Python-Markdown is quadratic on some inputs (thousands of unmatched ``[`` in
one paragraph take seconds) and recursive on deep nesting (hundreds of nested
list levels raise RecursionError). Real pages come nowhere near these limits;
a body that breaks one is reported by the validator and shown as plain text.
"""

from __future__ import annotations

MAX_LINE_CHARS = 20_000
MAX_BRACKETS_PER_PARAGRAPH = 400
MAX_INDENT = 120
MAX_QUOTE_DEPTH = 40


def body_problems(body: str) -> list[tuple[int, str]]:
    """(line offset within the body, message) for each limit the body breaks."""
    problems: list[tuple[int, str]] = []
    brackets = 0
    paragraph_start = 0
    for offset, line in enumerate(body.splitlines()):
        if not line.strip():
            brackets, paragraph_start = 0, offset + 1
            continue
        if len(line) > MAX_LINE_CHARS:
            problems.append((offset, f"line is over {MAX_LINE_CHARS} characters long"))
        stripped = line.lstrip(" \t")
        if len(line) - len(stripped) > MAX_INDENT:
            problems.append((offset, "nested too deeply (over 120 spaces of indentation)"))
        quote_depth = len(stripped) - len(stripped.lstrip("> "))
        if stripped.replace(" ", "")[:quote_depth].count(">") > MAX_QUOTE_DEPTH:
            problems.append((offset, f"quotes nested more than {MAX_QUOTE_DEPTH} deep"))
        brackets += line.count("[")
        if brackets > MAX_BRACKETS_PER_PARAGRAPH:
            problems.append(
                (paragraph_start, f"over {MAX_BRACKETS_PER_PARAGRAPH} '[' in one paragraph")
            )
            brackets = -(10**9)  # report once per paragraph
    return problems

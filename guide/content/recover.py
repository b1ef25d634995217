"""Read what can be read from a catalogue whose YAML is broken somewhere.

One wrong indentation in a 53-scheme catalogue used to hide all 53. When the whole
file does not parse, the catalogue is cut into its top-level part (``kind``,
``stages``) and one piece per entry of ``items:`` (each ``- `` line at the list's
own indentation starts one), and each piece is parsed on its own, numbered by its
real lines. A mistake then loses only the entry it is in; the others load as usual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from guide.content.yamlsafe import ContentFileError, LineDict, parse_yaml

_ITEMS_LINE = re.compile(r"^items\s*:\s*(#.*)?$")
_ENTRY_START = re.compile(r"^( *)-( |$)")
_ID_FIELD = re.compile(r"^[ -]*id\s*:\s*['\"]?([a-z0-9][a-z0-9-]*)['\"]?\s*(#.*)?$")


@dataclass
class Recovered:
    """The parts of a broken catalogue that parsed, and the entries that did not."""

    head: LineDict
    entries: list[LineDict] = field(default_factory=list)
    # (the error, the id the entry meant to define if it can be seen) per lost entry
    lost: list[tuple[ContentFileError, str | None]] = field(default_factory=list)


def _entry_spans(lines: list[str], items_at: int) -> tuple[list[tuple[int, int]], int]:
    """(start, end) line spans of each entry after ``items:``, and where the list ends."""
    starts: list[int] = []
    indent: int | None = None
    end = len(lines)
    for i in range(items_at + 1, len(lines)):
        text = lines[i]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if not text[0].isspace() and not text.startswith("-"):
            end = i  # the next top-level key ends the list
            break
        match = _ENTRY_START.match(text.replace("\t", " "))
        if match is None:
            continue
        here = len(match.group(1))
        if indent is None:
            indent = here
        # An entry's own lists sit two or more spaces deeper; one space out is a slip.
        if here <= indent + 1:
            starts.append(i)
    spans = list(zip(starts, [*starts[1:], end], strict=False))
    return spans, end


def entry_id(lines: list[str]) -> str | None:
    """The id an entry's text means to define (its first ``id:`` line), if any."""
    for text in lines:
        match = _ID_FIELD.match(text)
        if match:
            return match.group(1)
    return None


def recover(text: str) -> Recovered | None:
    """Parse a catalogue piece by piece; ``None`` when it has no ``items:`` list to cut up
    or its top-level part is broken too (the caller then reports the whole file)."""
    lines = text.splitlines()
    items_at = next((i for i, t in enumerate(lines) if _ITEMS_LINE.match(t)), None)
    if items_at is None:
        return None
    spans, end = _entry_spans(lines, items_at)
    head_lines = [*lines[:items_at], "items: []", *([""] * (end - items_at - 1)), *lines[end:]]
    try:
        head = parse_yaml("\n".join(head_lines))
    except ContentFileError:
        return None
    if not isinstance(head, LineDict):
        return None
    result = Recovered(head)
    for start, stop in spans:
        piece = lines[start:stop]
        try:
            value: Any = parse_yaml("\n".join(piece), line_offset=start)
        except ContentFileError as exc:
            result.lost.append((exc, entry_id(piece)))
            continue
        if isinstance(value, list):
            result.entries.extend(value)
    return result

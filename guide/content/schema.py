"""The content schema: which fields each kind of item takes, and how each is checked.

This is the one place a developer changes to add a field; ``data/README.md``
documents the same table for content editors. Values are checked and
converted field by field, and every failure becomes a ``Problem`` with a line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from guide.content.dates import DATES_NOT_KNOWN, NO_FIXED_TIMETABLE, UNDATED
from guide.content.model import NATIONS

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
URL_PATTERN = re.compile(r"^https?://[^\s<>\"']+$")


class FieldError(ValueError):
    """A field's value is not acceptable; the message is shown to a content editor."""


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise FieldError("must be text")
    text = str(value).strip()
    if not text:
        raise FieldError("must not be empty")
    return text


_DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        raise FieldError(f"must be a date written YYYY-MM-DD{_date_hint(value)}")
    raise FieldError("must be a date written YYYY-MM-DD")


def _date_hint(text: str) -> str:
    """How to write a British day/month/year date (31/12/2026) the way the guide reads it."""
    match = _DAY_MONTH_YEAR.match(text)
    if not match:
        return ""
    day, month, year = (int(g) for g in match.groups())
    try:
        meant = dt.date(year, month, day)
    except ValueError:
        return ""
    return f": for {text.strip()} write {meant.isoformat()} (year, month, day)"


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise FieldError("must be true or false")


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError("must be a whole number")
    return value


def _text_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise FieldError("must be a list of text")
    return tuple(_text(v) for v in value)


def _url(value: Any) -> str:
    text = _text(value)
    if not URL_PATTERN.match(text):
        raise FieldError("must be a web address starting with https:// or http://")
    return text


def _nations(value: Any) -> tuple[str, ...]:
    if value == "UK" or value == ["UK"]:
        return NATIONS
    names = _text_list(value)
    unknown = [n for n in names if n not in NATIONS]
    if unknown:
        raise FieldError(f"unknown nation {unknown[0]!r}; use UK or any of {', '.join(NATIONS)}")
    return tuple(n for n in NATIONS if n in names)


def _month_list(value: Any) -> tuple[int, ...]:
    if not isinstance(value, list) or not value:
        raise FieldError("must be a list of month numbers 1-12")
    months = tuple(_int(v) for v in value)
    if any(not 1 <= m <= 12 for m in months):
        raise FieldError("month numbers run from 1 to 12")
    return months


def _months(value: Any) -> tuple[int, ...] | dict[str, tuple[int, ...]]:
    """A list of months for every nation, or a mapping from nation (or ``UK``, meaning
    every nation not named) to its own list, for windows that differ by nation."""
    if not isinstance(value, dict):
        return _month_list(value)
    if not value:
        raise FieldError("must name at least one nation and its months")
    out: dict[str, tuple[int, ...]] = {}
    for nation, months in value.items():
        if nation != "UK" and nation not in NATIONS:
            raise FieldError(f"unknown nation {nation!r}; use UK or any of {', '.join(NATIONS)}")
        try:
            out[str(nation)] = _month_list(months)
        except FieldError as exc:
            raise FieldError(f"{nation}: {exc}") from None
    return out


ROUND_KEYS = frozenset({"label", "opens", "closes"})


def _rounds(value: Any) -> str | tuple[dict[str, Any], ...]:
    """Application rounds with their dates, or one of two words saying why there are none.

    Each round has ``closes`` and optionally ``opens`` and a ``label``; a past round
    stays in the list and is shown as an example from the past, never as current."""
    if isinstance(value, str) and value.strip().lower() in (NO_FIXED_TIMETABLE, DATES_NOT_KNOWN):
        return value.strip().lower()
    if not isinstance(value, list) or not value:
        raise FieldError(
            f"must be a list of rounds (each with closes, and optionally opens and label), "
            f"or {NO_FIXED_TIMETABLE!r}, or {DATES_NOT_KNOWN!r}"
        )
    out = []
    for entry in value:
        if not isinstance(entry, dict) or "closes" not in entry or set(entry) - ROUND_KEYS:
            raise FieldError("each round takes closes, and optionally opens and label")
        try:
            closes = _date(entry["closes"])
            opens = _date(entry["opens"]) if "opens" in entry else None
        except FieldError as exc:
            raise FieldError(f"a round's opens and closes: {exc}") from None
        if opens is not None and opens > closes:
            raise FieldError(f"a round opens ({opens}) after it closes ({closes})")
        one: dict[str, Any] = {"closes": closes}
        if opens is not None:
            one["opens"] = opens
        if "label" in entry:
            one["label"] = _text(entry["label"])
        out.append(one)
    return tuple(out)


def _date_or_undated(value: Any) -> dt.date | str:
    if isinstance(value, str) and value.strip().lower() == UNDATED:
        return UNDATED
    try:
        return _date(value)
    except FieldError:
        raise FieldError(f"must be a date written YYYY-MM-DD, or {UNDATED!r}") from None


def _sources(value: Any) -> tuple[dict[str, str], ...]:
    if not isinstance(value, list) or not value:
        raise FieldError("must be a list of sources, each with a title and a url")
    out = []
    for entry in value:
        if not isinstance(entry, dict) or set(entry) - {"title", "url", "note"}:
            raise FieldError("each source takes title, url and an optional note")
        source = {"title": _text(entry.get("title")), "url": _url(entry.get("url"))}
        if "note" in entry:
            source["note"] = _text(entry["note"])
        out.append(source)
    return tuple(out)


# A sentence ends at . ! or ? followed by a space and a capital, digit or opening quote,
# so "e.g. a PhD" stays one sentence while "It is. The next" is two.
_SENTENCE_END = re.compile(r"[.!?][)\"'’”]?\s+(?=[A-Z0-9\"'‘“(£])")
ANSWER_SENTENCES = (2, 4)
ANSWER_MAX_CHARS = 900


def sentence_count(text: str) -> int:
    """How many sentences a short answer holds (see ``_SENTENCE_END``)."""
    return len(_SENTENCE_END.findall(text.strip())) + 1 if text.strip() else 0


def _answer(value: Any) -> str:
    text = " ".join(_text(value).split())
    low, high = ANSWER_SENTENCES
    count = sentence_count(text)
    if not low <= count <= high:
        raise FieldError(
            f"a short answer has {low} to {high} sentences (this one has {count}); "
            "put the detail in the section it links to"
        )
    if len(text) > ANSWER_MAX_CHARS:
        raise FieldError(
            f"a short answer is at most {ANSWER_MAX_CHARS} characters (this one has {len(text)})"
        )
    return text


def _link_list(value: Any) -> tuple[str, ...]:
    """Page ids, each optionally with a heading: ``pay-contracts-leave#maternity-leave``."""
    links = _text_list(value)
    if not links:
        raise FieldError("must list at least one page id")
    for link in links:
        item_id, _, anchor = link.partition("#")
        if not ID_PATTERN.match(item_id) or (anchor and not ID_PATTERN.match(anchor)):
            raise FieldError(
                f"{link!r} is not a page id (lower-case letters, digits and hyphens), "
                "optionally followed by #heading-anchor"
            )
    return links


def _true(value: Any) -> bool:
    if value is not True:
        raise FieldError("must be true: every career story is an illustrative composite")
    return True


class FieldSpec(NamedTuple):
    """One field: its converter, whether it is required, and which ids it refers to.

    ``refers_to`` names what the value's ids must be: ``"item"`` (any item id),
    ``"section"`` (a section id), ``"scheme"``, ``"checklist-stage"``, or ``"link"``
    (an item id or app view, optionally with ``#anchor``).
    """

    convert: Callable[[Any], Any]
    required: bool = False
    refers_to: str | None = None


REVIEW = {
    "last_reviewed": FieldSpec(_date, required=True),
    "next_review": FieldSpec(_date, required=True),
}

SCHEMA: dict[str, dict[str, FieldSpec]] = {
    "page": {
        "order": FieldSpec(_int),
        "summary": FieldSpec(_text),
        "sources": FieldSpec(_sources),
        **REVIEW,
    },
    "section": {
        "order": FieldSpec(_int, required=True),
        "summary": FieldSpec(_text, required=True),
        "sources": FieldSpec(_sources, required=True),
        **REVIEW,
    },
    "story": {
        "order": FieldSpec(_int),
        "summary": FieldSpec(_text, required=True),
        "specialty": FieldSpec(_text, required=True),
        "nations": FieldSpec(_nations, required=True),
        "stages": FieldSpec(_text_list, required=True, refers_to="section"),
        "routes": FieldSpec(_text_list),
        "schemes": FieldSpec(_text_list, refers_to="scheme"),
        "illustrative": FieldSpec(_true, required=True),
        **REVIEW,
    },
    "scheme": {
        "funder": FieldSpec(_text, required=True),
        "nations": FieldSpec(_nations, required=True),
        "stages": FieldSpec(_text_list, required=True, refers_to="section"),
        "summary": FieldSpec(_text, required=True),
        "duration": FieldSpec(_text, required=True),
        "research_time": FieldSpec(_text, required=True),
        "eligibility": FieldSpec(_text, required=True),
        "timing": FieldSpec(_text, required=True),
        "url": FieldSpec(_url, required=True),
        "sources": FieldSpec(_sources),
        # Optional here so a trust's local scheme loads without them; the bundled content
        # must give all three (tests/content/test_sources.py), and guide review falls back
        # to a yearly check when next_check is missing.
        "rounds": FieldSpec(_rounds),
        "source_date": FieldSpec(_date_or_undated),
        "last_checked": FieldSpec(_date, required=True),
        "next_check": FieldSpec(_date),
        "former_names": FieldSpec(_text_list),
        "volatile": FieldSpec(_bool),
        "note": FieldSpec(_text),
    },
    "milestone": {
        "stage": FieldSpec(_text, required=True, refers_to="checklist-stage"),
        "timing": FieldSpec(_text, required=True),
        "months": FieldSpec(_months),
        "rounds": FieldSpec(_rounds),
        "why": FieldSpec(_text, required=True),
        "evidence": FieldSpec(_text, required=True),
        "nations": FieldSpec(_nations, required=True),
        "volatile": FieldSpec(_bool),
        "source": FieldSpec(_url),
        "links": FieldSpec(_text_list, refers_to="item"),
    },
    # A question trainees ask, in their words (the title), with a short direct answer and
    # links to the sections that answer it in full. The questions page lists them by topic.
    "question": {
        "topic": FieldSpec(_text, required=True),
        "answer": FieldSpec(_answer, required=True),
        "links": FieldSpec(_link_list, required=True, refers_to="link"),
        "also_asked": FieldSpec(_text_list),
        "sources": FieldSpec(_sources, required=True),
        "stages": FieldSpec(_text_list, refers_to="section"),
        "nations": FieldSpec(_nations),
        **REVIEW,
    },
    "term": {
        "expansion": FieldSpec(_text, required=True),
        "definition": FieldSpec(_text, required=True),
        "aliases": FieldSpec(_text_list),
        "see": FieldSpec(_text_list, refers_to="item"),
    },
}

# Fields every item has, handled by the loader itself rather than the schema.
COMMON_FIELDS = ("id", "kind", "title")
# Catalogue items may carry Markdown in ``body``; page files carry it after the front matter.
BODY_FIELD = "body"

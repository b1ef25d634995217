"""Search synonyms that content editors keep in a data file, and word forms found in the text.

A ``kind: synonyms`` file (the guide's own is ``data/search/synonyms.yaml``)
says which words a searcher may use for which::

    kind: synonyms
    same:
      GP: [general practice, general practitioner]
      doctorate: [PhD, MD]
    question_words: [worth, tips]

Each key under ``same`` finds each of its phrases, and each phrase finds the
key: ``GP`` finds "general practice" and "general practice" finds ``GP``. The
phrases of one key do not find one another ("PhD" does not find "MD"), so a
broader word can list narrower ones safely. ``question_words`` frame a
question ("is a PhD worth it") without being its subject: they need not match.

The loader validates the file (``validate_synonyms``), naming FILE:LINE for
each problem; every content folder's file adds to the bundled one.

Word forms that the stemmer does not join (lecturer and lectureship, fellow
and fellowship) are found in the indexed text itself by ``word_forms``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from guide.content.model import Problem
from guide.search.text import STOPWORDS, tokens

# As long as a query phrase can be (query.MAX_PHRASE; not imported, to keep this light).
MAX_WORDS = 6
_TOP_KEYS = {"kind", "same", "question_words"}


@dataclass(frozen=True)
class SynonymData:
    """What the synonym files say: (key, phrase) pairs that find each other, and question words."""

    pairs: tuple[tuple[str, str], ...] = ()
    question_words: frozenset[str] = frozenset()

    def merge(self, other: SynonymData) -> SynonymData:
        """This file's entries and another's (a later content folder adds to earlier ones)."""
        return SynonymData(self.pairs + other.pairs, self.question_words | other.question_words)


def _phrase_problem(text: Any) -> str | None:
    if not isinstance(text, str) or not text.strip():
        return "must be a word or phrase written as text"
    words = tokens(text)
    if not words:
        return f"{text!r} has no letters or digits to search for"
    if len(words) > MAX_WORDS:
        return f"{text!r} is longer than {MAX_WORDS} words"
    if all(w in STOPWORDS for w in words):
        return f"{text!r} is made only of common words that search ignores"
    return None


def validate_synonyms(data: Any, path: str) -> tuple[SynonymData | None, list[Problem]]:
    """Check a ``kind: synonyms`` file; return what it says and every problem, with lines."""
    problems: list[Problem] = []

    def report(line: int, message: str) -> None:
        problems.append(Problem(path, line, message))

    for key in sorted(set(data) - _TOP_KEYS, key=str):
        report(data.line_of(key), f"unknown top-level key {key!r}; use same or question_words")
    pairs: list[tuple[str, str]] = []
    same = data.get("same", {})
    if not hasattr(same, "line_of"):
        report(data.line_of("same"), "'same' must be a list of 'WORD: [other words]' lines")
        same = {}
    for key, phrases in same.items():
        line = same.line_of(key)
        problem = _phrase_problem(key)
        if problem:
            report(line, problem)
            continue
        if isinstance(phrases, str):
            phrases = [phrases]
        if not isinstance(phrases, list) or not phrases:
            report(line, f"{key}: give a list of words or phrases in [square brackets]")
            continue
        for phrase in phrases:
            problem = _phrase_problem(phrase)
            if problem:
                report(line, f"{key}: {problem}")
            elif tokens(phrase) == tokens(key):
                report(line, f"{key}: {phrase!r} is the same as the word itself")
            else:
                pairs.append((str(key), str(phrase)))
    words: set[str] = set()
    raw_words = data.get("question_words", [])
    if isinstance(raw_words, str) or not isinstance(raw_words, list):
        report(data.line_of("question_words"), "'question_words' must be a list in [brackets]")
        raw_words = []
    for word in raw_words:
        found = tokens(word) if isinstance(word, str) else []
        if len(found) != 1:
            report(data.line_of("question_words"), f"{word!r}: question words are single words")
        else:
            words.add(found[0])
    return SynonymData(tuple(pairs), frozenset(words)), problems


# Derived nouns the Porter stemmer leaves apart from their base word.
_SHIP = "ship"


def word_forms(vocabulary: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of indexed words that are forms of one another: fellow and fellowship,
    lecturer and lectureship (a person and their post), leader and leadership.

    Only pairs whose both halves occur in the text are returned, so a rule can
    never invent a word.
    """
    words = set(vocabulary)
    pairs: list[tuple[str, str]] = []
    for word in words:
        if not word.endswith(_SHIP) or len(word) <= len(_SHIP) + 2:
            continue
        base = word[: -len(_SHIP)]
        for person in (base, base + "r", base + "er"):
            if person in words and person != word:
                pairs.append((person, word))
    return sorted(pairs)

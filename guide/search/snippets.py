"""Snippets: a short window of a document's text with the matched words marked.

A snippet is plain text plus ``(start, end)`` spans of the matched words, so
the UI can make them bold in HTML and the command line can mark them with
``**``. The same word patterns drive highlighting in the opened page.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from guide.search.query import Plan
from guide.search.text import STOPWORDS, stem

SNIPPET_CHARS = 180


@dataclass(frozen=True)
class Snippet:
    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def marked(self, start: str = "**", end: str = "**") -> str:
        out, pos = [], 0
        for a, b in self.spans:
            out += [self.text[pos:a], start, self.text[a:b], end]
            pos = b
        out.append(self.text[pos:])
        return "".join(out)

    def html(self) -> str:
        out, pos = [], 0
        for a, b in self.spans:
            out += [escape(self.text[pos:a]), "<b>", escape(self.text[a:b]), "</b>"]
            pos = b
        out.append(escape(self.text[pos:]))
        return "".join(out)


def _word_pattern(word: str, prefix: bool) -> str:
    root = stem(word)
    if root.endswith("y") and root != word:  # studies -> study: match studi-es and study
        root = root[:-1]
    if prefix:
        return re.escape(word) + r"\w*"
    if len(root) >= 4:
        return re.escape(root) + r"\w{0,3}"
    return re.escape(word) + r"(?:s|es)?"


def highlight_pattern(plan: Plan, *, typed_only: bool = False) -> re.Pattern[str] | None:
    """One regex for every word the plan looks for, longest first.

    ``typed_only`` leaves out synonyms, for placing a snippet where the user's
    own words are rather than where a common word of an expansion happens to be.
    """
    words: dict[str, bool] = {}
    for group in plan.groups:
        if group.optional:
            continue
        for i, phrase in enumerate(group.alternatives[:1] if typed_only else group.alternatives):
            for j, word in enumerate(phrase):
                if word in STOPWORDS and len(phrase) > 1:
                    continue  # "of" in "out of programme" is not worth bold
                prefix = group.prefix and i == 0 and j == len(phrase) - 1
                words[word] = words.get(word, False) or prefix
    if not words:
        return None
    parts = sorted((_word_pattern(w, p) for w, p in words.items()), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def make_snippet(
    flat: str,
    pattern: re.Pattern[str] | None,
    size: int = SNIPPET_CHARS,
    anchor: re.Pattern[str] | None = None,
) -> Snippet:
    """The window of flattened text around the first match of ``anchor`` (the user's own
    words; else the text's start), with every match of ``pattern`` marked."""
    if not flat:
        return Snippet("")
    finder = anchor or pattern
    first = finder.search(flat) if finder else None
    start = 0
    if first and first.start() > size // 3:
        start = flat.rfind(" ", 0, first.start() - size // 3) + 1
    end = min(len(flat), start + size)
    if end < len(flat):
        cut = flat.rfind(" ", start, end)
        end = cut if cut > start else end
    piece = flat[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    spans: Iterable[tuple[int, int]] = ()
    if pattern:
        spans = [(m.start() + len(prefix), m.end() + len(prefix)) for m in pattern.finditer(piece)]
    return Snippet(prefix + piece + suffix, tuple(spans))


def highlight_terms(plan: Plan) -> Sequence[str]:
    """What to highlight in an opened page: word stems, and synonym phrases whole.

    The reader highlights every occurrence of each string, ignoring case, so
    words shorter than three letters are left out (they would light up inside
    other words), and an expansion such as "academic clinical fellowship" is
    passed as one phrase rather than as three common words.
    """
    out: list[str] = []
    for group in plan.groups:
        if group.optional:
            continue
        for phrase in group.alternatives:
            term = stem(phrase[0]) if len(phrase) == 1 else " ".join(phrase)
            if len(term) >= 3 and term not in out:
                out.append(term)
    return out


@functools.lru_cache(maxsize=512)
def _phrase_pattern(phrase: tuple[str, ...]) -> re.Pattern[str] | None:
    words = [w for w in phrase if not (w in STOPWORDS and len(phrase) > 1)]
    if not words:
        return None
    # Words of a phrase in order, with anything that is not a letter or digit between
    # ("out-of-programme", "out of programme"); stop words inside may be any word.
    parts = [_word_pattern(w, False) if w in words else r"\w+" for w in phrase]
    return re.compile(r"(?<!\w)" + r"\W+".join(parts) + r"(?!\w)", re.IGNORECASE)


def matched_words(plan: Plan, text: str, limit: int = 40) -> list[str]:
    """The words and phrases of ``plan`` exactly as they are written in ``text``.

    The opened page highlights these, so a match always covers whole words:
    "screds" rather than the stem "scred" (the page matches them as whole
    words, so "gp" never lights up inside "GPARTS"). A synonym phrase such as
    "academic clinical fellowship" is kept whole rather than lighting up every
    "clinical" on the page.
    """
    found: dict[str, str] = {}
    for group in plan.groups:
        if group.optional:
            continue
        for i, phrase in enumerate(group.alternatives):
            pattern: re.Pattern[str] | None
            if group.prefix and i == 0 and len(phrase) == 1:
                pattern = re.compile(
                    r"(?<!\w)" + re.escape(phrase[0]) + r"\w*(?!\w)", re.IGNORECASE
                )
            else:
                pattern = _phrase_pattern(phrase)
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                written = " ".join(match.group(0).split()).lower()
                if len(written) >= 2:
                    found.setdefault(written, written)
                if len(found) >= limit:
                    break
    # Lower case: the page's find ignores case, and one form per word is enough.
    return sorted(found, key=lambda w: (-len(w), w))

"""From what a user typed to a query plan: words, synonyms, typo corrections.

Nothing a user types is passed to SQLite as syntax. The text is reduced to
words (letters and digits); quotes, ``*``, ``-``, ``:``, brackets and the
operators ``AND``/``OR``/``NOT``/``NEAR`` become ordinary words or vanish. The
plan is a list of groups; each group is matched if any of its alternative
phrases is present. Acronyms and their expansions (from the glossary) and old
and new scheme names are alternatives of one another, so ``ACF`` also finds
"Academic Clinical Fellowship" and ``AFP`` finds the Specialised Foundation
Programme.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from guide.search.text import STOPWORDS, fold, stem, tokens

Phrase = tuple[str, ...]

MAX_QUERY_CHARS = 200
MAX_TOKENS = 12
MAX_PHRASE = 6
# Longer "words" are pasted junk, not typos; the distance-2 lookup grows with length squared.
MAX_CORRECTABLE = 24


@dataclass(frozen=True)
class Group:
    """One part of a query: matched when any alternative phrase is present."""

    alternatives: tuple[Phrase, ...]
    # The last word as typed may be unfinished: match it as a prefix.
    prefix: bool = False
    # A stop word: need not match.
    optional: bool = False


@dataclass(frozen=True)
class Plan:
    groups: tuple[Group, ...]
    # The whole query, normalised after corrections, then its synonyms. The first
    # ``typed`` entries are the query as typed and its word forms ("clinical lecturer",
    # "clinical lectureship"); the rest are synonyms ("cl").
    whole: tuple[str, ...]
    suggestion: str | None
    # Words and phrases worth highlighting in results and the opened page.
    terms: tuple[str, ...]
    typed: int = 1
    # "definition" for "what is an ACF" or "what does OOPR mean"; "question" for other
    # questions ("is a PhD worth it", "how to get a CL"); "" for plain words.
    asks: str = ""

    @property
    def empty(self) -> bool:
        return not self.groups


class Vocabulary:
    """The index's words with document frequencies, for typo tolerance.

    Corrections use a symmetric-delete lookup (as in SymSpell): every word is
    stored under each string made by deleting one of its letters, so the
    candidates for a misspelling are found by a few dictionary lookups rather
    than by comparing it with every word.
    """

    def __init__(self, frequencies: Counter[str]) -> None:
        self.df = frequencies
        self.sorted = sorted(frequencies)
        self.stems = {stem(w) for w in frequencies}
        self._deletes: dict[str, list[str]] = {}
        for word in frequencies:
            if len(word) >= 4 and not word.isdigit():
                for variant in _deletes(word):
                    self._deletes.setdefault(variant, []).append(word)

    def __contains__(self, word: object) -> bool:
        return word in self.df or (isinstance(word, str) and stem(word) in self.stems)

    def has_prefix(self, prefix: str) -> bool:
        i = bisect.bisect_left(self.sorted, prefix)
        return i < len(self.sorted) and self.sorted[i].startswith(prefix)

    def correct(self, word: str) -> str | None:
        """The likeliest intended word within 1 edit (2 for long words), or None."""
        if not 4 <= len(word) <= MAX_CORRECTABLE or word.isdigit():
            return None
        limit = 2 if len(word) >= 7 else 1
        seen: set[str] = set()
        probes = {word, *_deletes(word)}
        if limit == 2:
            probes |= {d2 for d1 in list(probes) for d2 in _deletes(d1)}
        for probe in probes:
            if probe in self.df:
                seen.add(probe)
            seen.update(self._deletes.get(probe, ()))
        best: tuple[int, int, str] | None = None
        for candidate in seen:
            distance = edit_distance(word, candidate, limit)
            if distance > limit:
                continue
            key = (distance, -self.df[candidate], candidate)
            if best is None or key < best:
                best = key
        return best[2] if best else None


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours costs 1), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


MAX_VARIANTS = 8


class Synonyms:
    """Phrases that mean the same: acronym and expansion, alias, former and current name.

    Word forms (lecturer and lectureship) are kept apart from synonyms: a form
    counts as the word the user typed, so it can stand in for a word inside a
    longer phrase and still rank as the user's own words.
    """

    def __init__(self) -> None:
        self._map: dict[Phrase, set[Phrase]] = {}
        self._forms: dict[str, set[str]] = {}

    def add_pair(self, one: str, other: str) -> None:
        """Two phrases that find each other (and nothing else through this pair).

        Each is also filed under its singular ("jobs" finds what "job" finds).
        """
        a, b = tuple(tokens(one)), tuple(tokens(other))
        if _usable(a) and _usable(b) and a != b:
            for key in {a, _singular(a)}:
                self._map.setdefault(key, set()).add(b)
            for key in {b, _singular(b)}:
                self._map.setdefault(key, set()).add(a)

    def add_forms(self, one: str, other: str) -> None:
        """Two forms of one word (fellow, fellowship)."""
        if one != other:
            self._forms.setdefault(one, set()).add(other)
            self._forms.setdefault(other, set()).add(one)

    def forms(self, word: str) -> tuple[str, ...]:
        return tuple(sorted(self._forms.get(word, ())))

    def variants(self, phrase: Phrase) -> list[Phrase]:
        """``phrase`` and the phrases made by putting a form in place of one of its words."""
        out = [phrase]
        for i, word in enumerate(phrase):
            for form in self.forms(word):
                out.append((*phrase[:i], form, *phrase[i + 1 :]))
        return out[:MAX_VARIANTS]

    def add_group(self, names: Iterable[str]) -> None:
        phrases = {p for p in (tuple(tokens(n)) for n in names) if _usable(p)}
        for phrase in phrases:
            self._map.setdefault(phrase, set()).update(phrases - {phrase})

    def get(self, phrase: Phrase) -> tuple[Phrase, ...]:
        found = self._map.get(phrase)
        if found is None:
            found = self._map.get(_singular(phrase), set())
        return tuple(sorted(found))

    def __contains__(self, phrase: object) -> bool:
        return phrase in self._map or (
            isinstance(phrase, tuple) and len(phrase) == 1 and phrase[0] in self._forms
        )

    def longest_at(self, words: list[str], start: int) -> int:
        """Length of the longest known phrase starting at ``words[start]`` (0 if none)."""
        for length in range(min(MAX_PHRASE, len(words) - start), 0, -1):
            phrase = tuple(words[start : start + length])
            if phrase in self._map or _singular(phrase) in self._map:
                return length
        return 1 if words[start] in self._forms else 0


def _singular(phrase: Phrase) -> Phrase:
    return tuple(stem(w) for w in phrase)


def _usable(phrase: Phrase) -> bool:
    if not phrase or len(phrase) > MAX_PHRASE:
        return False
    return not (len(phrase) == 1 and (phrase[0] in STOPWORDS or len(phrase[0]) < 2))


_UNIT = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def _units(text: str) -> tuple[list[str], dict[int, int]]:
    """The words of ``text``, and where hyphenated compounds start (index -> word count)."""
    words: list[str] = []
    compounds: dict[int, int] = {}
    for match in _UNIT.finditer(fold(text)):
        parts = match.group(0).split("-")
        if len(parts) > 1:
            compounds[len(words)] = len(parts)
        words.extend(parts)
    return words, compounds


_QUESTION_STARTS = frozenset(
    {"how", "why", "when", "where", "which", "who", "should", "can", "could", "is", "are", "do",
     "does", "will", "would", "what", "whats"}
)  # fmt: skip
_DEFINITION_CUES = frozenset(
    {"mean", "means", "meaning", "define", "definition", "stand", "stands"}
)


def _asks(words: list[str], question_words: frozenset[str]) -> str:
    """What kind of question the words make: "definition", "question" or ""."""
    if (words[:1] == ["whats"] or words[:2] in (["what", "is"], ["what", "are"])) or any(
        w in _DEFINITION_CUES for w in words
    ):
        return "definition"
    if words[0] in _QUESTION_STARTS or any(w in question_words for w in words):
        return "question"
    return ""


def _alternatives(phrase: Phrase, synonyms: Synonyms) -> tuple[Phrase, ...]:
    """A phrase, its word forms, and its synonyms (with their word forms), no repeats."""
    out: dict[Phrase, None] = dict.fromkeys(synonyms.variants(phrase))
    for synonym in synonyms.get(phrase):
        out.update(dict.fromkeys(synonyms.variants(synonym)))
    return tuple(out)


def _typed_wholes(synonyms: Synonyms, words: list[str]) -> list[str]:
    """The whole query as typed and with word forms in place ("clinical lectureship")."""
    wholes = [words]
    for i, word in enumerate(words):
        for form in synonyms.forms(word):
            wholes.append([*words[:i], form, *words[i + 1 :]])
    return list(dict.fromkeys(" ".join(w) for w in wholes[:MAX_VARIANTS]))


def plan_query(
    text: str,
    vocabulary: Vocabulary,
    synonyms: Synonyms,
    *,
    short_prefixes: bool = True,
    question_words: frozenset[str] = frozenset(),
) -> Plan:
    """Reduce a user's text to a plan. Never raises on any input.

    ``short_prefixes=False`` stops a two-letter last word from being matched as a
    prefix (on a big index "re*" matches half the vocabulary and costs tens of ms).
    ``question_words`` ("worth", "tips") need not match, like stop words.
    """
    text = text[:MAX_QUERY_CHARS]
    words, compounds = _units(text)
    words = words[:MAX_TOKENS]
    if not words:
        return Plan((), (), None, ())
    typing = not text[-1:].isspace()
    corrected = list(words)
    for i, word in enumerate(words):
        last = i == len(words) - 1
        if (
            word in STOPWORDS
            or word in question_words
            or word in vocabulary
            or (word,) in synonyms
            or (last and typing and vocabulary.has_prefix(word))
        ):
            continue
        fix = vocabulary.correct(word)
        if fix:
            corrected[i] = fix
    suggestion = " ".join(corrected) if corrected != words else None

    skippable = STOPWORDS | question_words
    only_stopwords = all(w in skippable for w in corrected)
    groups: list[Group] = []
    i = 0
    shortest_prefix = 2 if short_prefixes else 3
    while i < len(corrected):
        span = compounds.get(i, 0)
        if span > 1 and i + span <= len(corrected) and not synonyms.longest_at(corrected, i):
            # "pre-doctoral": the words in a row, or written as one ("predoctoral").
            phrase = tuple(corrected[i : i + span])
            at_end = i + span == len(corrected)
            prefix = at_end and typing and len(phrase[-1]) >= shortest_prefix
            groups.append(Group((phrase, ("".join(phrase),)), prefix=prefix))
            i += span
            continue
        length = synonyms.longest_at(corrected, i)
        word = corrected[i]
        optional = word in skippable and not only_stopwords and length <= 1
        if length and not optional:
            phrase = tuple(corrected[i : i + length])
            last = i + length == len(corrected)
            # An unfinished last word stays a prefix ("fellow" while typing "fellowship").
            prefix = length == 1 and last and typing and len(word) >= shortest_prefix
            groups.append(Group(_alternatives(phrase, synonyms), prefix=prefix))
            i += length
            continue
        last = i == len(corrected) - 1
        prefix = last and typing and len(word) >= shortest_prefix and corrected[i] == words[i]
        groups.append(Group(((word,),), prefix=prefix, optional=optional))
        i += 1

    typed = _typed_wholes(synonyms, corrected)
    whole = tuple(
        dict.fromkeys(
            [*typed, *(" ".join(p) for w in typed for p in synonyms.get(tuple(w.split())))]
        )
    )
    terms: list[str] = []
    for group in groups:
        if group.optional:
            continue
        for alternative in group.alternatives:
            joined = " ".join(alternative)
            if joined not in terms:
                terms.append(joined)
    return Plan(
        tuple(groups),
        whole,
        suggestion,
        tuple(terms),
        typed=len(typed),
        asks=_asks(corrected, question_words),
    )

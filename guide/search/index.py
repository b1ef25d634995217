"""The search index and its ranking: exact names first, then name prefixes, then BM25.

Ranking, best first:

1. the whole query is exactly an item's title, alias or former name (or a
   synonym or word form of one of these);
2. the query starts one of those names or a run of its words ("academic
   clin" -> "NIHR Academic Clinical Fellowship"). A glossary entry found by
   its expansion or a synonym rather than by its own acronym ranks here too,
   below the concept's own pages: "clinical lecturer" opens the lectureship
   before the glossary's "CL", while "CL" alone still opens the glossary;
3. documents that contain every meaningful word (words found in most
   documents, such as "research", may be missing at a small cost);
4. documents that contain only some of the words.

Within 3 and 4 the order mixes BM25 (title above keywords above body), how
much of the query the title covers (rare words weigh more; short titles that
are all answer beat long ones), and the kind: a section or page before a
glossary entry, and for a question ("is a PhD worth it") more so.

Usage::

    index = SearchIndex.build(model)
    response = index.search("research after CCT", limit=10, kinds={"section"})
    for result in response.results: ...
"""

from __future__ import annotations

import bisect
import functools
import gc
import heapq
import logging
import math
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from guide.content.model import KINDS, NATIONS, ContentModel
from guide.search import backends
from guide.search.backends import SMALL_INDEX, Filter, Fts5Backend, ScanBackend
from guide.search.documents import Doc, model_docs
from guide.search.query import Group, Plan, Synonyms, Vocabulary, plan_query
from guide.search.snippets import Snippet, highlight_pattern, make_snippet, matched_words
from guide.search.synonyms import SynonymData, word_forms
from guide.search.text import STOPWORDS, root, tokens

log = logging.getLogger(__name__)

FALLBACK_NOTICE = (
    "This Python's SQLite has no FTS5 full-text search, so search uses a slower plain scan."
)
# Set to 1 to force the plain scan (for testing the fallback from the command line).
NO_FTS5_ENV = "GUIDE_SEARCH_NO_FTS5"
_told_fallback = False

EXACT, PREFIX, ALL_WORDS, SOME_WORDS = 4.0, 3.0, 2.0, 1.0
# A query that starts more names than this is a topic, not a name (see _rank).
GENERIC_NAME = 12
# Among equally good name matches, reference items (what a thing is) come before
# checklist milestones and stories (what to do about it, one person's route).
KIND_BONUS = {"term": 0.08, "scheme": 0.06, "section": 0.04, "page": 0.02}
# Among word matches, a concept's own page or section comes before its glossary
# entry, and both before one person's story.
WORD_KIND_BONUS = {
    "question": 0.06, "section": 0.08, "page": 0.08, "scheme": 0.06, "term": 0.03, "milestone": 0.03,
}  # fmt: skip
# A question other than "what is" is answered by a page, a scheme's page (its length,
# research time and who can apply are its fields) or a question's own answer, seldom by a
# one-line definition.
QUESTION_KIND_BONUS = {
    **WORD_KIND_BONUS, "question": 0.12, "section": 0.12, "page": 0.12, "scheme": 0.12,
    "term": -0.12,
}  # fmt: skip
# A glossary entry found by its expansion or a synonym, not by its own name, ranks
# with the name prefixes: "clinical lecturer" opens the lectureship before "CL".
TERM_BY_MEANING = PREFIX + 0.2
# Kinds whose titles are names ("NIHR Academic Clinical Fellowship"); stories and
# milestones have sentences for titles, where a run of words inside is no name.
NAME_KINDS = frozenset({"term", "scheme", "section", "page"})
# A word in more than this share of documents need not match (see _strong); tiny
# indexes (tests, a trust's few pages) keep every word required.
COMMON_FRACTION = 0.4
WEAK_MISSING = 0.1
COMMON_MIN_DOCS = 100
# Order of kinds when browsing with filters and no words.
BROWSE_ORDER = {"section": 0, "page": 1, "scheme": 2, "story": 3, "milestone": 4, "term": 5}


@dataclass(frozen=True)
class SearchResult:
    id: str
    kind: str
    title: str
    snippet: Snippet
    score: float
    item_id: str

    @property
    def anchor(self) -> str:
        return self.id.partition("#")[2]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "snippet": self.snippet.marked(),
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class SearchResponse:
    query: str
    results: tuple[SearchResult, ...] = ()
    # "Did you mean ...": the query with misspelt words corrected, if any were.
    suggestion: str | None = None
    # True when there were no words to search for and the results list everything
    # the filters allow (browsing, say, every scheme for Wales).
    browsing: bool = False
    # item id -> the matched words as that item writes them; worked out only when a
    # result is opened (scanning every result's page as you type would be wasted).
    _terms_of: Callable[[str], tuple[str, ...]] | None = field(
        default=None, compare=False, repr=False
    )

    def __len__(self) -> int:
        return len(self.results)

    def terms_for(self, result: SearchResult | str) -> tuple[str, ...]:
        """What the page a result opens should highlight: the whole words and phrases
        that matched, as that page writes them ("SCREDS", "lectureships")."""
        item_id = result if isinstance(result, str) else result.item_id
        return self._terms_of(item_id) if self._terms_of else ()

    @property
    def terms(self) -> tuple[str, ...]:
        """Every result's highlight terms together."""
        return tuple(dict.fromkeys(t for r in self.results for t in self.terms_for(r)))

    def ids(self) -> list[str]:
        return [r.id for r in self.results]


def _sorted_in_slices(rows: list[tuple[str, int, bool, bool]], size: int = 5000) -> list:
    """``sorted(rows)``, in slices merged by Python code.

    One big ``sort()`` holds the GIL for 100 ms or more on a large index; the
    index builds on a worker thread, and that would freeze the window. Short
    sorts joined by ``heapq.merge`` (a Python generator) let the UI thread in.
    """
    slices = [sorted(rows[i : i + size]) for i in range(0, len(rows), size)]
    return list(heapq.merge(*slices))


def _roots(text: str) -> frozenset[str]:
    """The Porter roots of a text's meaningful words (stop words left out)."""
    return frozenset(root(w) for w in tokens(text) if w not in STOPWORDS)


def _squash(relevance: float) -> float:
    """Map a BM25 score (0..inf) into 0..1, so it only orders results within a tier."""
    return relevance / (relevance + 10.0) if relevance > 0 else 0.0


class SearchIndex:
    """Every document of a content model, ready to search. Build it once, off the UI thread."""

    def __init__(
        self, docs: Sequence[Doc], backend: Fts5Backend | ScanBackend, model: ContentModel
    ) -> None:
        self.docs = list(docs)
        # Bodies are already one line (documents._one_line); no second copy.
        self._flat = [d.body or d.title for d in self.docs]
        self.backend = backend
        self.stage_ids = {s.id for s in model.checklist_stages} | {
            s.id for s in model.of_kind("section")
        }
        self.notice = FALLBACK_NOTICE if backend.name == "scan" else None
        self.synonyms = Synonyms()
        for item in model:
            if item.kind == "term":
                self.synonyms.add_group(
                    [item.title, str(item.get("expansion", "")), *item.get("aliases", ())]
                )
            elif item.kind == "scheme" and item.get("former_names"):
                self.synonyms.add_group([item.title, *item.get("former_names", ())])
        extra = model.extras.get("synonyms") if "synonyms" in model.extras else None
        data = extra if isinstance(extra, SynonymData) else SynonymData()
        for key, phrase in data.pairs:
            self.synonyms.add_pair(key, phrase)
        self.question_words = data.question_words
        frequencies: Counter[str] = Counter()
        for doc in self.docs:
            frequencies.update(set(tokens(f"{doc.search_title} {doc.keywords} {doc.body}")))
        self.vocabulary = Vocabulary(frequencies)
        for one, other in word_forms(frequencies):
            self.synonyms.add_forms(one, other)
        # Title words (as the Porter stemmer reduces them), for how well a title answers
        # the query; a subsection's page title and a term's expansion count half. Worked
        # out for a document the first time it is a candidate: stemming every title at
        # build time would hold the GIL (and delay the window) for no query yet.
        self._title_roots: dict[int, tuple[list[frozenset[str]], frozenset[str]]] = {}
        self._item_docs: dict[str, list[int]] = {}
        self._kind_bonus = WORD_KIND_BONUS
        for index, doc in enumerate(self.docs):
            self._item_docs.setdefault(doc.item_id, []).append(index)
        self._names: dict[str, list[tuple[int, float]]] = {}
        suffixes: list[tuple[str, int, bool, bool]] = []
        for index, doc in enumerate(self.docs):
            for rank, name in enumerate(doc.names):
                self._names.setdefault(name, []).append((index, 0.5 if rank == 0 else 0.3))
                words = name.split()
                for start in range(len(words)):
                    suffixes.append((" ".join(words[start:]), index, start == 0, rank == 0))
        self._suffixes = _sorted_in_slices(suffixes)
        self._suffix_keys = [s[0] for s in self._suffixes]

    @classmethod
    def build(cls, model: ContentModel, *, fts5: bool | None = None) -> SearchIndex:
        """Index ``model``; ``fts5=False`` forces the plain scan, ``None`` probes for FTS5."""
        global _told_fallback
        if fts5 is None:
            fts5 = os.environ.get(NO_FTS5_ENV) != "1" and backends.fts5_available()
        if not fts5 and not _told_fallback:
            _told_fallback = True
            log.warning(FALLBACK_NOTICE)
        # Building allocates hundreds of thousands of objects, which sets off full
        # garbage collections that hold the GIL for 100 ms or more and freeze the UI
        # thread; nothing built here forms reference cycles, so pause the collector.
        collecting = gc.isenabled()
        gc.disable()
        docs: list[Doc] = []
        try:
            docs = model_docs(model)
            backend: Fts5Backend | ScanBackend = Fts5Backend(docs) if fts5 else ScanBackend(docs)
            return cls(docs, backend, model)
        finally:
            if len(docs) >= SMALL_INDEX:
                # A big index is a million long-lived objects; the first full collection
                # after re-enabling would walk them all with the GIL held (~200 ms of
                # frozen window). Move them out of the collector's sight instead.
                gc.freeze()
            if collecting:
                gc.enable()

    @property
    def backend_name(self) -> str:
        return self.backend.name

    def __len__(self) -> int:
        return len(self.docs)

    def plan(self, query: str) -> Plan:
        return plan_query(
            query,
            self.vocabulary,
            self.synonyms,
            short_prefixes=len(self.docs) < SMALL_INDEX,
            question_words=self.question_words,
        )

    def _filter(self, kinds: Iterable[str] | None, stage: str | None, nation: str | None) -> Filter:
        kind_set = frozenset(kinds or ())
        unknown = kind_set - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kind {sorted(unknown)[0]!r}; use one of {', '.join(KINDS)}")
        if stage and stage not in self.stage_ids:
            raise ValueError(f"unknown stage {stage!r}")
        if nation and nation not in NATIONS:
            raise ValueError(f"unknown nation {nation!r}; use one of {', '.join(NATIONS)}")
        return Filter(kind_set, stage or "", nation or "")

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        kinds: Iterable[str] | None = None,
        stage: str | None = None,
        nation: str | None = None,
    ) -> SearchResponse:
        """Ranked results for what a user typed. Never raises on the query text."""
        where = self._filter(kinds, stage, nation)
        plan = self.plan(query)
        if limit <= 0:
            return SearchResponse(query, suggestion=plan.suggestion)
        if plan.empty:
            if not where.active or query.strip():
                return SearchResponse(query, suggestion=plan.suggestion)
            return self._browse(query, where, limit)
        scores = self._rank(plan, where, limit)
        best = sorted(scores.items(), key=lambda kv: (-kv[1], self.docs[kv[0]].title))[:limit]
        pattern = highlight_pattern(plan)
        typed = highlight_pattern(plan, typed_only=True)
        results = tuple(
            SearchResult(
                id=doc.id,
                kind=doc.kind,
                title=doc.title,
                snippet=make_snippet(self._flat[i], pattern, anchor=typed),
                score=score,
                item_id=doc.item_id,
            )
            for i, doc, score in ((i, self.docs[i], s) for i, s in best)
        )
        return SearchResponse(
            query,
            results,
            plan.suggestion,
            _terms_of=functools.cache(partial(self._item_terms, plan)),
        )

    def _browse(self, query: str, where: Filter, limit: int) -> SearchResponse:
        """Everything the filters allow, one entry per item, with no words to rank by."""
        chosen = [
            i for i, doc in enumerate(self.docs) if doc.id == doc.item_id and where.allows(doc)
        ]
        chosen.sort(key=lambda i: (BROWSE_ORDER.get(self.docs[i].kind, 9), self.docs[i].title))
        results = tuple(
            SearchResult(
                id=self.docs[i].id,
                kind=self.docs[i].kind,
                title=self.docs[i].title,
                snippet=make_snippet(self._flat[i], None),
                score=0.0,
                item_id=self.docs[i].item_id,
            )
            for i in chosen[:limit]
        )
        return SearchResponse(query, results, browsing=True)

    def _item_terms(self, plan: Plan, item_id: str) -> tuple[str, ...]:
        """The words and phrases of ``plan`` as they are written in an item's text."""
        texts = [self.docs[i].title for i in self._item_docs.get(item_id, ())[:1]]
        texts += [self._flat[i] for i in self._item_docs.get(item_id, ())]
        return tuple(matched_words(plan, "\n".join(texts)))

    def _rank(self, plan: Plan, where: Filter, limit: int) -> dict[int, float]:
        fetch = max(3 * limit, 60)
        required = [g for g in plan.groups if not g.optional]
        title_score = self._title_scorer(required)
        self._kind_bonus = QUESTION_KIND_BONUS if plan.asks == "question" else WORD_KIND_BONUS
        relevance = dict(self.backend.match(plan.groups, any_group=False, where=where, limit=fetch))
        scores = {i: ALL_WORDS + self._within(i, r, title_score) for i, r in relevance.items()}
        strong = self._strong(plan.groups)
        if strong != list(plan.groups):
            # Documents with every word but the commonest rank just below those with all.
            for i, r in self.backend.match(strong, any_group=False, where=where, limit=fetch):
                if i not in scores:
                    relevance[i] = r
                    scores[i] = ALL_WORDS - WEAK_MISSING + self._within(i, r, title_score)
        if len(scores) < limit and len(plan.groups) > 1:
            for i, r in self.backend.match(plan.groups, any_group=True, where=where, limit=fetch):
                if i not in scores:
                    relevance[i] = r
                    # Partial matches rank below full ones, more words matched first.
                    within = self._within(i, r, title_score)
                    scores[i] = SOME_WORDS + within * (0.5 if len(required) > 1 else 1.0)
        for rank, name in enumerate(plan.whole):
            synonym = rank >= plan.typed
            for i, bonus in self._names.get(name, ()):
                doc = self.docs[i]
                if not where.allows(doc):
                    continue
                if doc.kind == "term" and (synonym or bonus < 0.5):
                    # Found by what the acronym means: the concept's own pages come first.
                    score = TERM_BY_MEANING + 0.1 * _squash(relevance.get(i, 0))
                else:
                    score = (
                        EXACT
                        + (0.1 if synonym else bonus)
                        + KIND_BONUS.get(doc.kind, 0.0)
                        + 0.1 * _squash(relevance.get(i, 0))
                    )
                scores[i] = max(scores.get(i, 0.0), score)
            if synonym and " " not in name:
                # A one-word synonym is an acronym ("pi" for "principal investigator"):
                # only the whole acronym counts, never names that start with it ("PIA").
                continue
            prefixed = list(self._prefixed(name)) if len(name) >= 2 else []
            if len({p[0] for p in prefixed}) > GENERIC_NAME:
                # "fellowship" is part of a hundred names: that is a topic, not a name,
                # so leave the order to BM25 (titles still weigh most there).
                prefixed = [p for p in prefixed if p[1]] if " " in name else []
            for i, at_start, fraction, is_title in prefixed:
                doc = self.docs[i]
                if not where.allows(doc) or not (at_start or doc.kind in NAME_KINDS):
                    continue
                if doc.kind == "term" and not is_title:
                    # The words start a glossary entry's expansion, not its name.
                    score = TERM_BY_MEANING + 0.1 * _squash(relevance.get(i, 0))
                    scores[i] = max(scores.get(i, 0.0), score)
                    continue
                score = (
                    PREFIX
                    + (0.0 if synonym else 0.3)
                    + (0.05 if at_start else 0.0)
                    + KIND_BONUS.get(doc.kind, 0.0)
                    + 0.25 * fraction
                    + 0.35 * _squash(relevance.get(i, 0))
                )
                scores[i] = max(scores.get(i, 0.0), score)
        return scores

    def _strong(self, groups: Sequence[Group]) -> list[Group]:
        """The groups a document must match to count as having every word.

        A word in most documents ("research", "clinical") says little about which
        page answers: "mentor for research" should find "Find an academic mentor",
        whose text never says "research". Such words become optional, unless the
        query has nothing else.
        """
        if len(self.docs) < COMMON_MIN_DOCS:
            return list(groups)
        limit = COMMON_FRACTION * len(self.docs)
        common = [
            not g.optional and all(self.vocabulary.df.get(w, 0) > limit for w in g.alternatives[0])
            for g in groups
        ]
        if all(c or g.optional for c, g in zip(common, groups, strict=True)):
            return list(groups)
        return [
            Group(g.alternatives, g.prefix, True) if c else g
            for c, g in zip(common, groups, strict=True)
        ]

    def _within(self, i: int, relevance: float, title_score: Any) -> float:
        """Order within a tier (0..1): BM25, how well the title answers, and the kind."""
        return (
            0.5 * _squash(relevance)
            + 0.35 * title_score(i)
            + self._kind_bonus.get(self.docs[i].kind, 0.0)
        )

    def _title_scorer(self, groups: Sequence[Group]) -> Any:
        """A function giving how much of the query a document's title covers (0..1).

        Each group weighs by how rare its rarest word is, so "gp" in a title counts
        for more than "academic". A title word found only in the page's title or a
        term's expansion counts half. Short titles that are all answer ("General
        practice") beat long ones that merely mention the words.
        """
        total = len(self.docs) + 1
        wanted: list[tuple[list[frozenset[str]], float]] = []
        for group in groups:
            alternatives = [_roots(" ".join(p)) for p in group.alternatives]
            alternatives = [a for a in alternatives if a]
            if not alternatives:
                continue
            rarest = max(
                (
                    math.log(total / (self.vocabulary.df.get(w, 0) + 1))
                    for w in group.alternatives[0]
                ),
                default=1.0,
            )
            wanted.append((alternatives, max(0.5, rarest)))
        weight = sum(w for _, w in wanted) or 1.0

        def one(title: frozenset[str], aux: frozenset[str]) -> float:
            got, used = 0.0, set[str]()
            for alternatives, w in wanted:
                best = 0.0
                for n, roots in enumerate(alternatives):
                    if roots <= title:
                        # No break: every way of saying it that the title holds is answer,
                        # not noise ("NIHR Academic Clinical Fellowship (ACF)" for "acf").
                        best = 1.0
                        used |= roots
                    elif roots <= title | aux and (n == 0 or len(roots) > 1):
                        # The page's title counts half for the word as typed or a phrase, not
                        # a one-word synonym: "doctorate" (for "phd") stems to "doctor", as
                        # "post-doctoral" does, and every post-doctoral page is no PhD page.
                        best = max(best, 0.5)
                got += w * best
            precision = len(used) / len(title) if title else 0.0
            return got / weight * (0.6 + 0.4 * precision)

        def score(i: int) -> float:
            titles, aux = self._titles(i)
            return max(one(title, aux) for title in titles)

        return score

    def _titles(self, i: int) -> tuple[list[frozenset[str]], frozenset[str]]:
        """A document's title roots (and those of each other phrasing), and the roots of
        what counts half: its page's title and a term's expansion."""
        found = self._title_roots.get(i)
        if found is None:
            doc = self.docs[i]
            titles = [_roots(t) for t in (doc.search_title, *doc.phrasings)]
            found = (titles, _roots(" ".join([doc.parent_title, *doc.names[1:]])))
            self._title_roots[i] = found
        return found

    def _prefixed(self, name: str, cap: int = 300) -> Iterable[tuple[int, bool, float, bool]]:
        """Docs with a name that starts with ``name``, or with a run of words that does.

        The name may end mid-word, as while typing: "academic clin" still counts.
        """
        start = bisect.bisect_left(self._suffix_keys, name)
        for key, index, at_start, is_title in self._suffixes[start : start + cap]:
            if not key.startswith(name):
                break
            yield index, at_start, len(name) / max(len(key), 1), is_title

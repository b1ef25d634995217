"""The search index and its ranking: exact names first, then name prefixes, then BM25.

Ranking, best first:

1. the whole query is exactly an item's title, acronym, glossary expansion,
   alias or former name (or a synonym of one of these);
2. the query starts one of those names or a run of its words ("academic
   clin" -> "NIHR Academic Clinical Fellowship");
3. documents that contain every meaningful word, by BM25 (title above
   keywords above body);
4. documents that contain only some of the words, by BM25.

Usage::

    index = SearchIndex.build(model)
    response = index.search("research after CCT", limit=10, kinds={"section"})
    for result in response.results: ...
"""

from __future__ import annotations

import bisect
import gc
import heapq
import logging
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from guide.content.model import KINDS, NATIONS, ContentModel
from guide.search import backends
from guide.search.backends import SMALL_INDEX, Filter, Fts5Backend, ScanBackend
from guide.search.documents import Doc, model_docs
from guide.search.query import Plan, Synonyms, Vocabulary, plan_query
from guide.search.snippets import (
    Snippet,
    highlight_pattern,
    highlight_terms,
    make_snippet,
)
from guide.search.text import tokens

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
    # Words to highlight in the page a result opens.
    terms: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.results)

    def ids(self) -> list[str]:
        return [r.id for r in self.results]


def _sorted_in_slices(rows: list[tuple[str, int, bool]], size: int = 5000) -> list:
    """``sorted(rows)``, in slices merged by Python code.

    One big ``sort()`` holds the GIL for 100 ms or more on a large index; the
    index builds on a worker thread, and that would freeze the window. Short
    sorts joined by ``heapq.merge`` (a Python generator) let the UI thread in.
    """
    slices = [sorted(rows[i : i + size]) for i in range(0, len(rows), size)]
    return list(heapq.merge(*slices))


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
        frequencies: Counter[str] = Counter()
        for doc in self.docs:
            frequencies.update(set(tokens(f"{doc.search_title} {doc.keywords} {doc.body}")))
        self.vocabulary = Vocabulary(frequencies)
        self._names: dict[str, list[tuple[int, float]]] = {}
        suffixes: list[tuple[str, int, bool]] = []
        for index, doc in enumerate(self.docs):
            for rank, name in enumerate(doc.names):
                self._names.setdefault(name, []).append((index, 0.5 if rank == 0 else 0.3))
                words = name.split()
                for start in range(len(words)):
                    suffixes.append((" ".join(words[start:]), index, start == 0))
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
            query, self.vocabulary, self.synonyms, short_prefixes=len(self.docs) < SMALL_INDEX
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
        if plan.empty or limit <= 0:
            return SearchResponse(query, suggestion=plan.suggestion)
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
        return SearchResponse(query, results, plan.suggestion, tuple(highlight_terms(plan)))

    def _rank(self, plan: Plan, where: Filter, limit: int) -> dict[int, float]:
        fetch = max(3 * limit, 60)
        relevance = dict(self.backend.match(plan.groups, any_group=False, where=where, limit=fetch))
        scores = {i: ALL_WORDS + _squash(r) for i, r in relevance.items()}
        required = [g for g in plan.groups if not g.optional]
        if len(scores) < limit and len(plan.groups) > 1:
            for i, r in self.backend.match(plan.groups, any_group=True, where=where, limit=fetch):
                if i not in scores:
                    relevance[i] = r
                    # Partial matches rank below full ones, more words matched first.
                    scores[i] = SOME_WORDS + _squash(r) * (0.5 if len(required) > 1 else 1.0)
        for rank, name in enumerate(plan.whole):
            synonym = rank > 0
            for i, bonus in self._names.get(name, ()):
                if where.allows(self.docs[i]):
                    score = (
                        EXACT
                        + (0.1 if synonym else bonus)
                        + KIND_BONUS.get(self.docs[i].kind, 0.0)
                        + 0.1 * _squash(relevance.get(i, 0))
                    )
                    scores[i] = max(scores.get(i, 0.0), score)
            prefixed = list(self._prefixed(name)) if len(name) >= 2 else []
            if len({i for i, _, _ in prefixed}) > GENERIC_NAME:
                # "fellowship" is part of a hundred names: that is a topic, not a name,
                # so leave the order to BM25 (titles still weigh most there).
                prefixed = [p for p in prefixed if p[1]] if " " in name else []
            if prefixed:
                for i, at_start, fraction in prefixed:
                    if where.allows(self.docs[i]):
                        score = (
                            PREFIX
                            + (0.0 if synonym else 0.3)
                            + (0.05 if at_start else 0.0)
                            + KIND_BONUS.get(self.docs[i].kind, 0.0)
                            + 0.25 * fraction
                            + 0.35 * _squash(relevance.get(i, 0))
                        )
                        scores[i] = max(scores.get(i, 0.0), score)
        return scores

    def _prefixed(self, name: str, cap: int = 300) -> Iterable[tuple[int, bool, float]]:
        """Docs with a name that starts with ``name``, or with a run of words that does.

        The name may end mid-word, as while typing: "academic clin" still counts.
        """
        start = bisect.bisect_left(self._suffix_keys, name)
        for key, index, at_start in self._suffixes[start : start + cap]:
            if not key.startswith(name):
                break
            yield index, at_start, len(name) / max(len(key), 1)

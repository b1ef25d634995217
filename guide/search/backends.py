"""Where matching happens: SQLite FTS5 in memory, or a plain scan when FTS5 is missing.

Both backends take a query plan's groups and return ``(doc index, relevance)``
pairs, best first, relevance being a positive BM25 score with titles weighted
above keywords and keywords above body text. The FTS5 match expression is
built only from our own tokens, each inside double quotes, so user text can
never become FTS5 syntax.
"""

from __future__ import annotations

import logging
import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from guide.search.documents import Doc
from guide.search.query import Group
from guide.search.text import compounds, stem, tokens

log = logging.getLogger(__name__)

# Below this many documents, two-letter prefixes are cheap enough to match as you type.
SMALL_INDEX = 3000
# On a big index, a query matching more documents than this ranks title matches first.
MANY_MATCHES = 1500
TOKENIZER = "porter unicode61 remove_diacritics 2"
# Column weights for bm25: title, keywords (aliases, expansions, former names), body.
WEIGHTS = (10.0, 2.5, 1.0)


@dataclass(frozen=True)
class Filter:
    """Restrictions on results; empty fields restrict nothing."""

    kinds: frozenset[str] = frozenset()
    stage: str = ""
    nation: str = ""

    @property
    def active(self) -> bool:
        return bool(self.kinds or self.stage or self.nation)

    def allows(self, doc: Doc) -> bool:
        if self.kinds and doc.kind not in self.kinds:
            return False
        if self.stage and self.stage not in doc.stages:
            return False
        return not (self.nation and doc.nations and self.nation not in doc.nations)


def fts5_available() -> bool:
    """Whether this Python's SQLite can make an FTS5 table with our tokenizer."""
    try:
        con = sqlite3.connect(":memory:")
        try:
            con.execute(f"CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='{TOKENIZER}')")
            con.execute("INSERT INTO probe VALUES ('fellowships')")
            return (
                con.execute("SELECT count(*) FROM probe WHERE probe MATCH 'fellowship'").fetchone()[
                    0
                ]
                == 1
            )
        finally:
            con.close()
    except sqlite3.Error:
        return False


def body_for_index(doc: Doc) -> str:
    """Body text plus joined-up hyphenated words, so "predoctoral" finds "pre-doctoral"."""
    return doc.body + "\n" + " ".join(compounds(doc.body))


class Fts5Backend:
    name = "fts5"

    def __init__(self, docs: Sequence[Doc]) -> None:
        # Built on a worker thread, queried on the UI thread: one thread at a time.
        self.con = sqlite3.connect(":memory:", check_same_thread=False)
        # Prefix indexes speed up "fel*" but slow the build; a big index skips 2-letter ones
        # (and the query planner then never asks for them).
        self.large = len(docs) >= SMALL_INDEX
        prefixes = "3" if self.large else "2 3"
        # Contentless: the text lives in the Doc objects already, and FTS5 keeping its own
        # copy would cost as much memory again. Filter fields go in a plain table.
        self.con.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title, keywords, body, content='', "
            f"tokenize='{TOKENIZER}', prefix='{prefixes}')"
        )
        self.con.execute(
            "CREATE TABLE meta(id INTEGER PRIMARY KEY, kind TEXT, stages TEXT, nations TEXT)"
        )
        with self.con:
            self.con.executemany(
                "INSERT INTO docs(rowid, title, keywords, body) VALUES (?, ?, ?, ?)",
                ((i, d.search_title, d.keywords, body_for_index(d)) for i, d in enumerate(docs)),
            )
            self.con.executemany(
                "INSERT INTO meta(id, kind, stages, nations) VALUES (?, ?, ?, ?)",
                (
                    (
                        i,
                        d.kind,
                        "|" + "|".join(sorted(d.stages)) + "|",
                        "|" + "|".join(sorted(d.nations)) + "|" if d.nations else "",
                    )
                    for i, d in enumerate(docs)
                ),
            )
        self.con.execute("INSERT INTO docs(docs) VALUES ('optimize')")

    def match(
        self, groups: Sequence[Group], *, any_group: bool, where: Filter, limit: int
    ) -> list[tuple[int, float]]:
        expression = match_expression(groups, any_group=any_group)
        if not expression:
            return []
        if self.large and self._count(expression) > MANY_MATCHES:
            # bm25 costs about 2 µs per matching row (counting them costs far less), and
            # on a big index a common word matches thousands. Title and keyword matches
            # outrank body-only ones (weights 10 and 5 against 1), so rank those first
            # and rank the body too only when they do not fill the page of results.
            rows = self._ranked(f"{{title keywords}} : ({expression})", where, limit)
            if len(rows) >= limit:
                return rows
        return self._ranked(expression, where, limit)

    def _count(self, expression: str) -> int:
        try:
            return int(
                self.con.execute(
                    "SELECT count(*) FROM docs WHERE docs MATCH ?", (expression,)
                ).fetchone()[0]
            )
        except sqlite3.Error:
            return 0

    def _ranked(self, expression: str, where: Filter, limit: int) -> list[tuple[int, float]]:
        if where.active:
            sql = [
                "SELECT docs.rowid, bm25(docs, ?, ?, ?) AS r FROM docs "
                "JOIN meta ON meta.id = docs.rowid WHERE docs MATCH ?"
            ]
        else:
            sql = ["SELECT rowid, bm25(docs, ?, ?, ?) AS r FROM docs WHERE docs MATCH ?"]
        params: list[object] = [*WEIGHTS, expression]
        if where.kinds:
            sql.append(f"AND kind IN ({','.join('?' * len(where.kinds))})")
            params += sorted(where.kinds)
        if where.stage:
            sql.append("AND instr(stages, ?) > 0")
            params.append(f"|{where.stage}|")
        if where.nation:
            sql.append("AND (nations = '' OR instr(nations, ?) > 0)")
            params.append(f"|{where.nation}|")
        sql.append("ORDER BY r LIMIT ?")
        params.append(limit)
        try:
            rows = self.con.execute(" ".join(sql), params).fetchall()
        except sqlite3.Error as exc:  # defensive: our expression should always parse
            log.warning("search query %r failed: %s", expression, exc)
            return []
        return [(rowid, -score) for rowid, score in rows]


def _quoted(phrase: Sequence[str]) -> str:
    # Tokens are letters and digits only (see text.tokens), so quoting is safe.
    return '"' + " ".join(phrase) + '"'


def match_expression(groups: Sequence[Group], *, any_group: bool) -> str:
    """The FTS5 expression for a plan: groups joined by AND (or OR), alternatives by OR."""
    parts = []
    for group in groups:
        if group.optional:
            continue
        alternatives = [
            _quoted(p) + (" *" if i == 0 and group.prefix else "")
            for i, p in enumerate(group.alternatives)
        ]
        parts.append(
            alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})"
        )
    return (" OR " if any_group else " AND ").join(parts)


class ScanBackend:
    """A plain Python scan with BM25 scoring, for Pythons whose SQLite lacks FTS5."""

    name = "scan"
    K1, B = 1.2, 0.75

    def __init__(self, docs: Sequence[Doc]) -> None:
        self.docs = docs
        self.columns = [
            tuple(
                " " + " ".join(stem(t) for t in tokens(text)) + " "
                for text in (d.search_title, d.keywords, body_for_index(d))
            )
            for d in docs
        ]
        count = max(1, len(docs))
        self.average = [
            max(1.0, sum(c[k].count(" ") - 1 for c in self.columns) / count) for k in range(3)
        ]

    def _needles(self, group: Group) -> list[str]:
        needles = []
        for i, phrase in enumerate(group.alternatives):
            if i == 0 and group.prefix:
                needles.append(" " + " ".join([*(stem(t) for t in phrase[:-1]), phrase[-1]]))
            else:
                needles.append(" " + " ".join(stem(t) for t in phrase) + " ")
        return needles

    def match(
        self, groups: Sequence[Group], *, any_group: bool, where: Filter, limit: int
    ) -> list[tuple[int, float]]:
        wanted = [g for g in groups if not g.optional]
        needles = [self._needles(g) for g in wanted]
        if not needles:
            return []
        hits: list[tuple[int, list[tuple[int, ...]]]] = []
        df = [0] * len(needles)
        for index, columns in enumerate(self.columns):
            if where.active and not where.allows(self.docs[index]):
                continue
            counts = [
                tuple(sum(col.count(n) for n in group) for col in columns) for group in needles
            ]
            present = [any(c) for c in counts]
            if not (any(present) if any_group else all(present)):
                continue
            for g, is_present in enumerate(present):
                df[g] += is_present
            hits.append((index, counts))
        total = len(self.columns)
        # FTS5's own idf, floored the same way, so both backends rank alike.
        idf = [max(1e-6, math.log((total - n + 0.5) / (n + 0.5))) for n in df]
        scored = []
        for index, counts in hits:
            lengths = [c.count(" ") - 1 for c in self.columns[index]]
            score = 0.0
            for g, per_column in enumerate(counts):
                for k, tf in enumerate(per_column):
                    if tf:
                        norm = 1 - self.B + self.B * lengths[k] / self.average[k]
                        score += WEIGHTS[k] * idf[g] * tf * (self.K1 + 1) / (tf + self.K1 * norm)
            scored.append((index, score))
        scored.sort(key=lambda pair: -pair[1])
        return scored[:limit]

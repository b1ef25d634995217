"""Without FTS5 the index falls back to a plain scan, says so once, and still ranks well."""

from __future__ import annotations

import logging

from guide.search import SearchIndex, backends
from guide.search import index as index_module
from tests.search.test_relevance import QUERIES


def test_missing_fts5_falls_back_to_the_scan_and_says_so_once(shipped_model, monkeypatch, caplog):
    monkeypatch.setattr(backends, "fts5_available", lambda: False)
    monkeypatch.setattr(index_module, "_told_fallback", False)
    with caplog.at_level(logging.WARNING, logger="guide.search.index"):
        first = SearchIndex.build(shipped_model)
        second = SearchIndex.build(shipped_model)
    assert first.backend_name == second.backend_name == "scan"
    assert first.notice and "FTS5" in first.notice
    warnings = [r for r in caplog.records if "FTS5" in r.getMessage()]
    assert len(warnings) == 1


def test_environment_variable_forces_the_scan(shipped_model, monkeypatch):
    monkeypatch.setenv(index_module.NO_FTS5_ENV, "1")
    assert SearchIndex.build(shipped_model).backend_name == "scan"


def test_probe_reports_fts5_on_this_python():
    assert backends.fts5_available() is True


def test_fts5_index_has_no_notice(shipped_index):
    assert shipped_index.notice is None


def test_scan_finds_nearly_every_relevance_target_in_the_top_five(scan_index):
    # The scan's stemmer is lighter than FTS5's Porter stemmer and its BM25 sees the
    # words slightly differently, so it may miss the odd one; it must not miss many.
    misses = []
    for query, expected in QUERIES:
        found = [r.item_id for r in scan_index.search(query, limit=5).results]
        if expected not in found:
            misses.append((query, expected, found))
    assert len(misses) <= len(QUERIES) // 10, misses


def test_scan_and_fts5_agree_on_exact_names(shipped_index, scan_index, shipped_model):
    for term in shipped_model.of_kind("term"):
        assert (
            shipped_index.search(term.title, limit=1).ids()
            == scan_index.search(term.title, limit=1).ids()
        ), term.title

"""Fixtures for search tests: indexes of the shipped content, with FTS5 and with the plain scan."""

from __future__ import annotations

import pytest

from guide.content import ContentModel
from guide.search import SearchIndex


@pytest.fixture(scope="session")
def shipped_index(shipped_model: ContentModel) -> SearchIndex:
    index = SearchIndex.build(shipped_model)
    assert index.backend_name == "fts5", "these tests expect a Python whose SQLite has FTS5"
    return index


@pytest.fixture(scope="session")
def scan_index(shipped_model: ContentModel) -> SearchIndex:
    return SearchIndex.build(shipped_model, fts5=False)

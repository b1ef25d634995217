"""The ``guide --self-test`` check for search: FTS5 is present and the index answers."""

from __future__ import annotations

import argparse

from guide.search.backends import fts5_available
from guide.search.index import SearchIndex


def check_search(args: argparse.Namespace) -> str:
    """Fail if SQLite lacks FTS5 (a broken bundle), or if a search of a title misses it."""
    if not fts5_available():
        raise RuntimeError(
            "SQLite FTS5 is missing from this Python; the app falls back to a slower plain "
            "scan, but a release build should include FTS5"
        )
    from guide.commands.common import load_model

    model = load_model(args)
    index = SearchIndex.build(model, fts5=True)
    probe = next(iter(model), None)
    if probe is not None and probe.id not in index.search(probe.title, limit=50).ids():
        raise RuntimeError(f"searching for {probe.title!r} did not find {probe.id!r}")
    return f"FTS5 available; {len(index)} documents indexed"

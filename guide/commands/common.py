"""Helpers shared by subcommands: the content roots the user asked for, and the clock."""

from __future__ import annotations

import argparse
from functools import lru_cache
from pathlib import Path

from guide.clock import Clock, from_environment
from guide.content import ContentModel
from guide.paths import bundled_data_dir


def content_roots(args: argparse.Namespace) -> list[Path]:
    """The bundled content first, then each ``--content`` folder in order."""
    return [bundled_data_dir(), *(Path(p) for p in (getattr(args, "content", None) or []))]


@lru_cache(maxsize=4)
def _load(roots: tuple[Path, ...]) -> ContentModel:
    from guide.content import load_content  # the loader pulls in YAML: only when needed

    return load_content(roots)


def load_model(args: argparse.Namespace, *, cached: bool = False) -> ContentModel:
    """The content of the bundled and ``--content`` roots. ``cached=True`` (the app) goes
    through the content cache in the user's cache folder: the same model, without re-reading
    and re-checking every file when nothing changed."""
    roots = tuple(content_roots(args))
    if not cached:
        return _load(roots)
    from guide.content.cache import default_cache_folder, load_cached

    return load_cached(roots, default_cache_folder(getattr(args, "home", None)))


def clock_of(args: argparse.Namespace) -> Clock:
    """The clock ``guide.cli.main`` built once for this run (``GUIDE_TODAY`` honoured)."""
    clock = getattr(args, "clock", None)
    return clock if clock is not None else from_environment()

"""Helpers shared by subcommands: finding and loading the content folders in use, and
the clock."""

from __future__ import annotations

import argparse
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from guide.clock import Clock, from_environment
from guide.content import ContentModel
from guide.content.folders import FolderChoice, Unreachable, choose_folders, reachable
from guide.paths import bundled_data_dir, executable_dir

BUNDLED_SOURCE = "bundled with the program"


def content_folders(args: argparse.Namespace) -> tuple[list[FolderChoice], list[Unreachable]]:
    """The extra folders in layering order (see ``guide.content.folders``) that answer, and
    those that were named but could not be reached."""
    from guide.paths import user_home

    choices = choose_folders(
        program_dir=executable_dir(),
        user_dir=user_home(getattr(args, "home", None)),
        cli=getattr(args, "content", None) or (),
    )
    return reachable(choices)


def content_roots(args: argparse.Namespace) -> list[Path]:
    """The bundled content first, then each extra folder that could be reached, in order."""
    good, _ = content_folders(args)
    return [bundled_data_dir(), *(choice.path for choice in good)]


@lru_cache(maxsize=4)
def _load(roots: tuple[Path, ...]) -> ContentModel:
    from guide.content import load_content  # the loader pulls in YAML: only when needed

    return load_content(roots)


def _annotated(
    model: ContentModel, good: list[FolderChoice], bad: list[Unreachable]
) -> ContentModel:
    """The model with each folder's source filled in and unreachable folders reported."""
    sources = [BUNDLED_SOURCE, *(choice.source for choice in good)]
    editions = tuple(
        edition._replace(source=source)
        for edition, source in zip(model.editions, sources, strict=False)
    )
    problems = (*(u.problem() for u in bad), *model.problems)
    return replace(model, editions=editions, problems=problems)


def load_model(
    args: argparse.Namespace, *, cached: bool = False, check_files: bool = True
) -> ContentModel:
    """The content of the bundled and extra folders. ``cached=True`` (the app) goes through
    the content cache in the user's cache folder: the same model, without re-reading and
    re-checking every file when nothing changed. ``check_files=False`` trusts the cache
    without looking at the files (see ``guide.content.cache.load_cached``)."""
    good, bad = content_folders(args)
    roots = (bundled_data_dir(), *(choice.path for choice in good))
    if not cached:
        return _annotated(_load(roots), good, bad)
    from guide.content.cache import default_cache_folder, load_cached

    folder = default_cache_folder(getattr(args, "home", None))
    model = load_cached(roots, folder, check_files=check_files)
    return _annotated(model, good, bad)


def clock_of(args: argparse.Namespace) -> Clock:
    """The clock ``guide.cli.main`` built once for this run (``GUIDE_TODAY`` honoured)."""
    clock = getattr(args, "clock", None)
    return clock if clock is not None else from_environment()

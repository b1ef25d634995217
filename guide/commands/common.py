"""Helpers shared by subcommands: loading the content roots the user asked for."""

from __future__ import annotations

import argparse
from functools import lru_cache
from pathlib import Path

from guide.content import ContentModel, load_content
from guide.paths import bundled_data_dir


def content_roots(args: argparse.Namespace) -> list[Path]:
    """The bundled content first, then each ``--content`` folder in order."""
    return [bundled_data_dir(), *(Path(p) for p in (getattr(args, "content", None) or []))]


@lru_cache(maxsize=4)
def _load(roots: tuple[Path, ...]) -> ContentModel:
    return load_content(roots)


def load_model(args: argparse.Namespace) -> ContentModel:
    return _load(tuple(content_roots(args)))

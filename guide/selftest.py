"""``guide --self-test``: prove that this installation works, then exit.

Checks, in order: the bundled content loads and validates; every page renders.
Later features add their own checks to ``CHECKS``. Prints one line per check
and exits non-zero naming the first failure.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from guide.commands.common import load_model
from guide.content.pages import PageComposer
from guide.progress.selfcheck import check_progress_storage
from guide.search.selfcheck import check_search


def _content(args: argparse.Namespace) -> str:
    model = load_model(args)
    if model.problems:
        raise RuntimeError(f"content has {len(model.problems)} problem(s): {model.problems[0]}")
    return f"{len(model)} items"


def _render(args: argparse.Namespace) -> str:
    model = load_model(args)
    composer = PageComposer(model)
    for item in model:
        composer.compose(item)
    return f"{len(model)} pages rendered"


CHECKS: list[tuple[str, Callable[[argparse.Namespace], str]]] = [
    ("content", _content),
    ("rendering", _render),
    ("progress storage", check_progress_storage),
    ("search", check_search),
]


def run_self_test(args: argparse.Namespace) -> int:
    for name, check in CHECKS:
        try:
            detail = check(args)
        except Exception as exc:  # a self-test reports any failure, whatever its type
            print(f"FAIL {name}: {exc}", file=sys.stderr)
            return 1
        print(f"ok   {name}: {detail}")
    print("self-test passed")
    return 0

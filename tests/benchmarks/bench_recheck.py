"""The after-first-paint check of the content files' bytes (``guide.content.digests``):
its cost on a worker thread once the window has painted. The first check of a cache
hashes every file and writes the record; later ones hash and compare. The files are in
the system's file cache here (just written), as on a second start.

``in_app`` starts the real app (``tests.benchmarks.after_paint``, a child process each
time) after a page was edited while it was closed: how long after the first paint the edit
shows, the longest the GUI thread was held up meanwhile, the check's own GUI-thread time,
and what the next start's content load then costs."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.proc import median


def measure(extra_content: Path | None = None, runs: int = 5) -> dict[str, float]:
    from guide.content import digests
    from guide.content.cache import load_cached
    from guide.paths import bundled_data_dir

    with tempfile.TemporaryDirectory() as tmp:
        roots = [bundled_data_dir()]
        if extra_content is not None:
            shutil.copytree(extra_content, Path(tmp) / "content")
            roots.append(Path(tmp) / "content")
        cache = Path(tmp) / "cache"
        load_cached(roots, cache)  # writes the cache
        model = load_cached(roots, cache)  # read from it, as a second start is
        check = digests.recheck_for(model)
        assert check is not None
        first: list[float] = []
        later: list[float] = []
        for _ in range(runs):
            check.record.unlink(missing_ok=True)
            started = time.perf_counter()
            assert digests.changed_files(check) == []
            first.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            assert digests.changed_files(check) == []
            later.append((time.perf_counter() - started) * 1000)
        files = len(check.file_table())
    return {
        "recheck_files": files,
        "recheck_first_ms": round(median(first), 1),
        "recheck_ms": round(median(later), 1),
        **in_app(extra_content),
    }


EDITED = """---
id: bench-edited
kind: page
title: {title}
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

The research office, {title}.
"""


def in_app(extra_content: Path | None = None, runs: int = 3) -> dict[str, float]:
    """The app's start after an edit made while it was closed (see ``after_paint``)."""
    from guide.commands.common import load_model
    from guide.content import digests

    figures: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        trust = Path(tmp) / "trust"
        (trust / "pages").mkdir(parents=True)
        folders = [str(trust)]
        if extra_content is not None:
            shutil.copytree(extra_content, Path(tmp) / "content")
            folders.insert(0, str(Path(tmp) / "content"))
        page = trust / "pages" / "edited.md"
        for run in range(runs):
            home = Path(tmp) / f"home-{run}"
            page.write_text(EDITED.format(title="Before"), encoding="utf-8")
            args = argparse.Namespace(content=folders, home=str(home))
            # An earlier session: it wrote the cache, and its check recorded the digests.
            assert digests.changed_files(digests.recheck_for(load_model(args, cached=True))) == []
            title = f"Edited while closed {run}"
            page.write_text(EDITED.format(title=title), encoding="utf-8")
            spec = Path(tmp) / "spec.json"
            spec.write_text(
                json.dumps({"content": folders, "home": str(home), "id": "bench-edited",
                            "title": title}),
                encoding="utf-8",
            )  # fmt: skip
            env = {**os.environ, "GUIDE_HOME": str(home)}
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
            done = subprocess.run(
                [sys.executable, "-m", "tests.benchmarks.after_paint", str(spec)],
                capture_output=True, text=True, env=env, check=False,
            )  # fmt: skip
            if done.returncode != 0:
                raise RuntimeError(
                    f"after_paint failed ({done.returncode}): {done.stdout}{done.stderr[-2000:]}"
                )
            for key, value in json.loads(done.stdout.strip().splitlines()[-1]).items():
                figures.setdefault(key, []).append(value)
    return {f"app_{key}": round(median(values), 1) for key, values in figures.items()}


if __name__ == "__main__":
    extra = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    for key, value in measure(extra).items():
        print(f"{key:<24} {value}")

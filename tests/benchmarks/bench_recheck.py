"""The after-first-paint check of the content files' bytes (``guide.content.digests``):
its cost on a worker thread once the window has painted. The first check of a cache
hashes every file and writes the record; later ones hash and compare. The files are in
the system's file cache here (just written), as on a second start."""

from __future__ import annotations

import shutil
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
    }


if __name__ == "__main__":
    for key, value in measure().items():
        print(f"{key:<24} {value}")

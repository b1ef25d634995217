"""Content load time, each in a fresh process (imports included) unless said otherwise.

- ``content_load_cold_ms``: the full load (read, parse YAML, validate, cross-check), no cache;
- ``content_cache_miss_ms``: the same through the content cache when it is empty or stale
  (a full load, plus hashing the files and writing the cache);
- ``content_cache_hit_ms``: through a fresh cache (hash the files, unpickle): the app's
  everyday start;
- ``content_load_warm_ms``: a full load repeated in a process that has already done one
  (imports done, files in the OS cache);
- ``content_key_ms``: hashing every content file and the loader's code (in-process).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from guide.content import load_content
from guide.content.cache import cache_path, content_key
from guide.paths import bundled_data_dir

_FULL = (
    "import time, sys; t=time.perf_counter(); "
    "from guide.content import load_content; from pathlib import Path; "
    "m=load_content([Path(p) for p in sys.argv[1:]]); "
    "print((time.perf_counter()-t)*1000)"
)
_CACHED = (
    "import time, sys; t=time.perf_counter(); "
    "from guide.content.cache import load_cached; from pathlib import Path; "
    "m=load_cached([Path(p) for p in sys.argv[2:]], Path(sys.argv[1])); "
    "print((time.perf_counter()-t)*1000)"
)


def _fresh_process(code: str, *args: object) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def measure(runs: int = 7, extra_content: Path | None = None) -> dict[str, float]:
    roots = [bundled_data_dir()] + ([extra_content] if extra_content else [])
    cold = [_fresh_process(_FULL, *roots) for _ in range(runs)]
    with tempfile.TemporaryDirectory() as folder:
        miss = []
        for _ in range(max(3, runs // 2)):
            cache_path(Path(folder), roots).unlink(missing_ok=True)
            miss.append(_fresh_process(_CACHED, folder, *roots))
        hit = [_fresh_process(_CACHED, folder, *roots) for _ in range(runs)]
        size = cache_path(Path(folder), roots).stat().st_size
    warm = []
    for _ in range(runs):
        started = time.perf_counter()
        model = load_content(roots)
        warm.append((time.perf_counter() - started) * 1000)
    key = []
    for _ in range(runs):
        started = time.perf_counter()
        content_key(roots)
        key.append((time.perf_counter() - started) * 1000)
    return {
        "items": len(model),
        "content_load_cold_ms": round(statistics.median(cold), 1),
        "content_cache_miss_ms": round(statistics.median(miss), 1),
        "content_cache_hit_ms": round(statistics.median(hit), 1),
        "content_load_warm_ms": round(statistics.median(warm), 1),
        "content_key_ms": round(statistics.median(key), 1),
        "content_cache_kb": round(size / 1024, 1),
    }


if __name__ == "__main__":
    extra = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    for key_name, value in measure(extra_content=extra).items():
        print(f"{key_name:<24} {value}")

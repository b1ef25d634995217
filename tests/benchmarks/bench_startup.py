"""Start-up to first paint and peak memory: the app against the bare PySide6 window.

Both run in the same venv, alternated run by run. The app runs with
GUIDE_QUIT_AFTER_FIRST_PAINT=1 (exit right after the first paint of the main
window with the start page) and its own temporary home. The warm-up runs leave
the content cache and preferences behind, so the timed runs are the everyday
start; ``startup_first_run_ms`` is a brand-new user's first start (empty home,
no cache), median of a few runs.

The project's modules are byte-compiled first, as an installed copy or the
bundle has them: this environment sets PYTHONDONTWRITEBYTECODE, which would
otherwise make every start recompile the app's sources (~100 ms) while the bare
window, a single small script, pays almost nothing for it.
"""

from __future__ import annotations

import compileall
import os
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.proc import alternate, median, run_once

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _app_command(extra_content: Path | None) -> list[str]:
    cmd = [sys.executable, "-m", "guide"]
    if extra_content is not None:
        cmd += ["--content", str(extra_content)]
    return cmd


def measure(runs: int = 15, extra_content: Path | None = None) -> dict[str, float]:
    compileall.compile_dir(ROOT / "guide", quiet=1)
    base = {**os.environ, "GUIDE_QUIT_AFTER_FIRST_PAINT": "1"}
    base.setdefault("QT_QPA_PLATFORM", "offscreen")
    app_cmd = _app_command(extra_content)
    with tempfile.TemporaryDirectory() as home:
        env = {**base, "GUIDE_HOME": home}
        results = alternate(
            {
                "app": (app_cmd, env),
                "bare": ([sys.executable, str(HERE / "bare_app.py")], env),
            },
            runs=runs,
        )
    first = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as home:
            first.append(run_once(app_cmd, {**base, "GUIDE_HOME": home}).wall_ms)
    app_wall = median([r.wall_ms for r in results["app"]])
    bare_wall = median([r.wall_ms for r in results["bare"]])
    app_cpu = median([r.cpu_ms for r in results["app"]])
    bare_cpu = median([r.cpu_ms for r in results["bare"]])
    app_rss = median([r.rss_mib for r in results["app"]])
    bare_rss = median([r.rss_mib for r in results["bare"]])
    return {
        "startup_app_ms": round(app_wall, 1),
        "startup_bare_ms": round(bare_wall, 1),
        "startup_ratio": round(app_wall / bare_wall, 3),
        "startup_first_run_ms": round(median(first), 1),
        "startup_cpu_app_ms": round(app_cpu, 1),
        "startup_cpu_bare_ms": round(bare_cpu, 1),
        "startup_cpu_ratio": round(app_cpu / bare_cpu, 3),
        "peak_rss_app_mib": round(app_rss, 1),
        "peak_rss_bare_mib": round(bare_rss, 1),
        "peak_rss_ratio": round(app_rss / bare_rss, 3),
    }


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    for key, value in measure(runs=count).items():
        print(f"{key:<24} {value}")

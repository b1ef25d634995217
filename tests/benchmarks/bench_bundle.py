"""Benchmark: the installable bundle's size, and its start-up against a frozen bare window.

The app is the bundle ``make bundle`` left in ``dist/`` (built fresh into ``build/bench-bundle/``
if there is none, or with ``--build``). The yardstick is ``bare_app.py`` (a main window with a
tree and a text browser, the floor ``bench_startup`` uses) frozen with the same spec
(``GUIDE_BUNDLE_BARE``: same exclusions, pruning and stripping) into ``build/bench-bundle/``,
rebuilt when the spec, its rules or the script change. Each executable starts ``runs`` times
after two warm-ups, alternating, with ``GUIDE_QUIT_AFTER_FIRST_PAINT=1``, a throwaway home and
no PYTHON* variables; wall time is launch to exit.

Budgets (issue 8): bundle at most 130 MiB; app median start-up at most 1.3x the bare median.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_bundle [--build]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.proc import alternate, median, percentile

ROOT = Path(__file__).resolve().parent.parent.parent
SPEC = ROOT / "build_installer.spec"
BARE_SCRIPT = Path(__file__).resolve().parent / "bare_app.py"
OUT = ROOT / "build" / "bench-bundle"
APP_NAME = "ClinicalAcademicGuide"
BARE_NAME = "BareWindow"
SIZE_BUDGET_MIB = 130.0
STARTUP_BUDGET_RATIO = 1.3


def _exe(dist: Path, name: str) -> Path:
    return dist / name / (name + (".exe" if sys.platform == "win32" else ""))


def build(name: str, bare: bool) -> Path:
    """Freeze the app (or the bare window) with the project's spec; returns the executable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GUIDE_BUNDLE_")}
    if bare:
        env["GUIDE_BUNDLE_BARE"] = str(BARE_SCRIPT)
        env["GUIDE_BUNDLE_NAME"] = name
    dist, work = OUT / "dist", OUT / f"work-{name}"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    cmd += ["--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"building {name} failed:\n{result.stderr[-3000:]}")
    print(f"  built {name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return _exe(dist, name)


def _bare_is_current(exe: Path) -> bool:
    sources = (SPEC, BARE_SCRIPT, ROOT / "packaging" / "bundle_rules.py")
    return exe.exists() and all(exe.stat().st_mtime > s.stat().st_mtime for s in sources)


def folder_mib(folder: Path) -> float:
    """Total size of the files in a folder, in MiB (links counted as links, as ``du`` does)."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return total / 2**20


def _run_env(home: str) -> dict[str, str]:
    # The bundle must not lean on the build machine's Python: drop its variables.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["GUIDE_QUIT_AFTER_FIRST_PAINT"] = "1"
    env["GUIDE_HOME"] = home
    return env


def measure(runs: int = 10, rebuild: bool = False) -> dict[str, Any]:
    """Figures for ``make bench`` (prefix ``bundle.``): sizes, start-up medians and ratio."""
    app = _exe(ROOT / "dist", APP_NAME)
    if rebuild or not app.exists():
        app = build(APP_NAME, bare=False)
    bare = _exe(OUT / "dist", BARE_NAME)
    if not _bare_is_current(bare):
        bare = build(BARE_NAME, bare=True)
    with tempfile.TemporaryDirectory(prefix="guide-bench-home-") as home:
        env = _run_env(home)
        results = alternate({"app": ([str(app)], env), "bare": ([str(bare)], env)}, runs=runs)
    app_ms = [r.wall_ms for r in results["app"]]
    bare_ms = [r.wall_ms for r in results["bare"]]
    app_mib, bare_mib = folder_mib(app.parent), folder_mib(bare.parent)
    ratio = median(app_ms) / median(bare_ms)
    return {
        "bundle_mib": round(app_mib, 1),
        "bundle_files": sum(1 for p in app.parent.rglob("*") if p.is_file()),
        "bare_bundle_mib": round(bare_mib, 1),
        "startup_app_ms": round(median(app_ms), 1),
        "startup_app_p90_ms": round(percentile(app_ms, 90), 1),
        "startup_bare_ms": round(median(bare_ms), 1),
        "startup_bare_p90_ms": round(percentile(bare_ms, 90), 1),
        "startup_ratio": round(ratio, 3),
        "peak_rss_app_mib": round(median([r.rss_mib for r in results["app"]]), 1),
        "peak_rss_bare_mib": round(median([r.rss_mib for r in results["bare"]]), 1),
        "runs": runs,
        "platform": env["QT_QPA_PLATFORM"],
        "app_bundle": str(app.parent.relative_to(ROOT)),
        "size_within_budget": app_mib <= SIZE_BUDGET_MIB,
        "startup_within_budget": ratio <= STARTUP_BUDGET_RATIO,
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description="Bundle size and frozen start-up.")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--build", action="store_true", help="build the app afresh instead of using dist/"
    )
    args = parser.parse_args(argv)
    f = measure(runs=args.runs, rebuild=args.build)
    print(f"\nBundle benchmark: {f['app_bundle']} ({f['platform']}, {f['runs']} runs)")
    print(f"{'':30}{'app':>12}{'bare window':>14}")
    print(f"{'folder size (MiB)':30}{f['bundle_mib']:>12}{f['bare_bundle_mib']:>14}")
    print(f"{'start-up median (ms)':30}{f['startup_app_ms']:>12}{f['startup_bare_ms']:>14}")
    print(f"{'start-up p90 (ms)':30}{f['startup_app_p90_ms']:>12}{f['startup_bare_p90_ms']:>14}")
    print(f"{'peak RSS median (MiB)':30}{f['peak_rss_app_mib']:>12}{f['peak_rss_bare_mib']:>14}")
    ok = {True: "ok", False: "OVER BUDGET"}
    print(
        f"start-up ratio app/bare: {f['startup_ratio']:.2f} "
        f"(budget {STARTUP_BUDGET_RATIO}: {ok[f['startup_within_budget']]})"
    )
    print(
        f"bundle size: {f['bundle_mib']} MiB "
        f"(budget {SIZE_BUDGET_MIB:.0f}: {ok[f['size_within_budget']]})"
    )
    return f


if __name__ == "__main__":
    figures = main()
    sys.exit(0 if figures["size_within_budget"] and figures["startup_within_budget"] else 1)

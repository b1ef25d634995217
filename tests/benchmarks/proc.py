"""Whole-process timing: wall time and peak RSS of a child process, stdlib only.

Peak RSS is ``ru_maxrss`` of the reaped child (the same figure as
``/usr/bin/time -v``'s "Maximum resident set size").
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    wall_ms: float
    rss_mib: float
    returncode: int
    cpu_ms: float = 0.0  # user + system CPU time: steadier than wall time on a busy machine


# The child is started by a small launcher process, not by the benchmark itself: Linux keeps
# the peak RSS across fork/vfork and exec, so a child spawned straight from a benchmark
# process that has grown to 185 MiB (5,000 pages loaded) reports at least 185 MiB, whatever
# it really used. The launcher is a bare interpreter (python -S, ~9 MiB), below any figure.
_LAUNCHER = """
import os, sys, time
null = os.open(os.devnull, os.O_RDWR)
quiet = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, null, 1)]
started = time.monotonic()
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ, file_actions=quiet)
_, status, usage = os.wait4(pid, 0)
wall = (time.monotonic() - started) * 1000
cpu = (usage.ru_utime + usage.ru_stime) * 1000
print(wall, cpu, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_once(cmd: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    """Wall time from spawn to reap, CPU time and peak RSS of one run of ``cmd``."""
    done = subprocess.run(
        [sys.executable, "-S", "-c", _LAUNCHER, *cmd],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=dict(env) if env is not None else None,
        check=False,
    )
    try:
        wall, cpu, rss_kib, code = done.stdout.split()
    except ValueError:
        raise RuntimeError(f"launcher failed: {done.stderr.decode(errors='replace')}") from None
    if int(code) != 0:
        err = done.stderr.decode(errors="replace")
        raise RuntimeError(f"{' '.join(cmd)} exited {code}: {err.strip()[-500:]}")
    return Run(float(wall), int(rss_kib) / 1024, int(code), float(cpu))


def alternate(
    commands: Mapping[str, tuple[Sequence[str], Mapping[str, str] | None]],
    runs: int,
    warmup: int = 2,
) -> dict[str, list[Run]]:
    """Run each command in turn, run by run, so drift on a noisy machine hits all alike."""
    for _ in range(warmup):
        for cmd, env in commands.values():
            run_once(cmd, env)
    results: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (cmd, env) in commands.items():
            results[name].append(run_once(cmd, env))
    return results


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]

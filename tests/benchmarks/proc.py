"""Whole-process timing: wall time and peak RSS of a child process, stdlib only.

Peak RSS is ``ru_maxrss`` of the reaped child (the same figure as
``/usr/bin/time -v``'s "Maximum resident set size").
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    wall_ms: float
    rss_mib: float
    returncode: int
    cpu_ms: float = 0.0  # user + system CPU time: steadier than wall time on a busy machine


def run_once(cmd: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    started = time.monotonic()
    proc = subprocess.Popen(
        list(cmd),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=dict(env) if env is not None else None,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = (time.monotonic() - started) * 1000
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        raise RuntimeError(f"{' '.join(cmd)} exited {code}: {err.strip()[-500:]}")
    if proc.stderr:
        proc.stderr.close()
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    return Run(wall, usage.ru_maxrss / 1024, code, cpu)


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

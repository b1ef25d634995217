"""Kill a writing process at random moments: the record must always load, with every change
the writer had finished saving still there. Also run two writers at once."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guide.progress import ProgressStore
from guide.progress.files import set_aside_files
from guide.progress.location import LOCAL_COPY, move_record, open_record

ROOT = Path(__file__).resolve().parents[2]


def _start(home: Path, first: int, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.progress.writer", str(home), str(first), str(count)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _acknowledged(output: str) -> list[int]:
    # The last line may be cut off by the kill; only whole lines count.
    lines = [line for line in output.split("\n")[:-1] if line != "ready"]
    assert not [line for line in lines if line.startswith("failed")], lines
    return [int(line) for line in lines]


@pytest.mark.slow
@pytest.mark.parametrize("where", ["default folder", "chosen folder"])
def test_writer_killed_at_random_moments_never_loses_a_finished_change(
    isolated_home, tmp_path, where
):
    folder = isolated_home
    if where == "chosen folder":  # "Keep my checklist in…" OneDrive, the H: drive, a stick
        folder = tmp_path / "OneDrive"
        folder.mkdir()
        move_record(open_record(isolated_home), folder)
    rng = random.Random(20261125)
    acknowledged: list[int] = []
    for run in range(12):
        proc = _start(isolated_home, run * 10_000, 10_000)
        assert proc.stdout is not None
        assert proc.stdout.readline() == "ready\n"
        # Wait for the first finished save, so that a busy machine still kills mid-stream
        # rather than before anything was saved; then somewhere in the stream of saves.
        first = proc.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.15))
        proc.kill()
        out, err = proc.communicate()
        assert "Traceback" not in err, err
        acknowledged += _acknowledged(first + out)

        store = ProgressStore.open(folder)  # the folder itself, not helped by the local copy
        assert store.notices == [], store.notices  # loads cleanly: no damage, no restore
        for n in acknowledged:
            entry = store.entry(f"m-{n}")
            assert entry.status == "done" and entry.notes == f"note {n}", n
    print(f"{len(acknowledged)} changes acknowledged across 12 kills")
    assert len(acknowledged) > 10, "the writers were killed before they could save anything"
    assert not set_aside_files(folder / "progress.json")
    if where == "chosen folder":
        local = ProgressStore.open(isolated_home / LOCAL_COPY)
        assert local.notices == [] and local.data.rev > 0  # the local copy is whole too


@pytest.mark.slow
def test_two_writer_processes_at_once_keep_every_change(isolated_home):
    procs = [_start(isolated_home, first, 15) for first in (0, 1000)]
    outputs = [proc.communicate(timeout=60) for proc in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    done = [n for out, _err in outputs for n in _acknowledged(out)]
    assert len(done) == 30
    store = ProgressStore.open(isolated_home)
    assert {f"m-{n}" for n in done} <= store.completed_ids()

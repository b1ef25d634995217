"""The ``--self-test`` check for progress storage: save, reload, merge and back up in a
temporary folder, so the user's own record is never touched."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from guide.progress import files
from guide.progress.store import ProgressStore


def check_progress_storage(args: argparse.Namespace | None = None) -> str:
    with tempfile.TemporaryDirectory(prefix="guide-selftest-") as folder:
        home = Path(folder)
        first = ProgressStore.open(home)
        second = ProgressStore.open(home)
        if not first.set_status("selftest-a", "done") or not second.set_status(
            "selftest-b", "in-progress"
        ):
            raise RuntimeError(first.error or second.error or "could not save")
        again = ProgressStore.open(home)
        if (
            again.entry("selftest-a").status != "done"
            or again.entry("selftest-b").status != "in-progress"
        ):
            raise RuntimeError("a saved change did not come back when the record was read again")
        if not files.backups(again.path):
            raise RuntimeError("no backup was made")
    return "saved, merged and read back in a temporary folder"

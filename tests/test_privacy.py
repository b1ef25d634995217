"""Privacy: the app writes only inside the user data folder, and never echoes notes to logs.

Each command runs in a child process whose HOME and XDG folders point into a
temporary directory, so any file written outside the user data folder shows
up. Fontconfig's own cache is the one exception: the system font library
writes it, not the app, and it holds no user data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SECRET = "NOTE-7f3a9c: discussed with supervisor"


def run(args: list[str], sandbox: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HOME": str(sandbox),
        "XDG_CONFIG_HOME": str(sandbox / ".config"),
        "XDG_CACHE_HOME": str(sandbox / ".cache"),
        "XDG_DATA_HOME": str(sandbox / ".local" / "share"),
        "GUIDE_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "GUIDE_QUIT_AFTER_FIRST_PAINT": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "guide", *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_a_session_writes_only_inside_the_user_data_folder(tmp_path):
    sandbox = tmp_path / "profile"
    sandbox.mkdir()
    home = sandbox / "guide-home"
    milestone = "ms-summer-studentship"
    outputs = []
    for args in (
        ["progress", "set", milestone, "done", "--date", "2026-11-01", "--note", SECRET],
        ["progress", "set", milestone, "in-progress"],
        [],  # open the window until its first paint
        ["screenshot", "checklist", "-o", str(tmp_path / "shot.png")],
        ["search", "ACF"],
        ["--self-test"],
    ):
        result = run(args, sandbox, home)
        assert result.returncode == 0, (args, result.stderr[-2000:])
        outputs.append(result.stdout + result.stderr)

    outside = {p for p in files_under(sandbox) - files_under(home) if "fontconfig" not in p.parts}
    assert outside == set()
    assert any(SECRET in p.read_text(errors="ignore") for p in files_under(home))
    # Nothing but `progress list` should ever print a note.
    assert not [out for out in outputs if SECRET in out]
    # The self-test used a throwaway home: the user's folder holds only what they made.
    assert (tmp_path / "shot.png").exists()


def test_progress_list_prints_notes_only_when_asked(tmp_path):
    sandbox = tmp_path / "p"
    sandbox.mkdir()
    home = sandbox / "h"
    assert (
        run(
            ["progress", "set", "ms-summer-studentship", "done", "--note", SECRET], sandbox, home
        ).returncode
        == 0
    )
    listed = run(["progress", "list", "--json"], sandbox, home)
    assert SECRET in listed.stdout and SECRET not in listed.stderr

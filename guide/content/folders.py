"""Which content folders are layered over the bundled content, and in what order.

Later folders add pages or replace bundled ones by id. The order, first to last:

1. the bundled content (``data/`` inside the program);
2. every folder named in ``content-folders.txt`` beside the program: what IT deploys,
   one folder per line (``#`` starts a comment; a relative path is taken from the
   file's own folder; ``%VARIABLES%`` / ``$VARIABLES`` are expanded);
3. the machine-wide folder, if it exists: ``%ProgramData%\\ClinicalAcademicGuide\\content``
   on Windows, ``/usr/local/share/ClinicalAcademicGuide/content`` elsewhere;
4. the user's own folder, if it exists: ``content`` in the user's data folder;
5. every folder in the ``GUIDE_CONTENT`` environment variable (separated by ``;`` on
   Windows, ``:`` elsewhere);
6. every ``--content DIR`` on the command line.

A folder that was named (2, 5, 6) but cannot be reached in time (a network share that
is down or slow, a path that does not exist) is skipped and reported: the app opens
with what it can read and says which folder it could not reach. Folders are only
read, never written, so a read-only share is fine. The same folder named twice is
loaded once, in its first place.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from guide import APP_SLUG
from guide.content.model import Problem

SETTINGS_FILE = "content-folders.txt"
ENV_VAR = "GUIDE_CONTENT"
USER_FOLDER = "content"
# How long to wait for a network folder to answer before opening without it.
REACH_TIMEOUT_S = 3.0


class FolderChoice(NamedTuple):
    """One content folder and how it was chosen (for About, validate and problems)."""

    path: Path
    source: str  # for people: "the settings file C:\\...\\content-folders.txt, line 3"
    where: str = ""  # FILE of the setting that named it, for FILE:LINE problems
    line: int = 1
    required: bool = True  # named explicitly: report it if it cannot be reached


class Unreachable(NamedTuple):
    choice: FolderChoice
    reason: str

    def problem(self) -> Problem:
        return Problem(
            self.choice.where or str(self.choice.path),
            self.choice.line,
            f"could not reach the content folder {self.choice.path} ({self.reason}), named by "
            f"{self.choice.source}: the guide opened without it and shows everything else",
            severity="warning",
        )


def machine_folder(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> Path:
    env = os.environ if environ is None else environ
    if platform.startswith("win"):
        base = env.get("ProgramData") or env.get("PROGRAMDATA") or r"C:\ProgramData"
        return Path(base) / APP_SLUG / "content"
    return Path("/usr/local/share") / APP_SLUG / "content"


def settings_folders(settings: Path) -> list[FolderChoice]:
    """The folders a ``content-folders.txt`` names, with the line each is on."""
    try:
        text = settings.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return []
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        folder = Path(os.path.expandvars(os.path.expanduser(line.strip('"'))))
        if not folder.is_absolute():
            folder = settings.parent / folder
        found.append(
            FolderChoice(
                folder,
                f"the settings file {settings}, line {number}",
                where=str(settings),
                line=number,
            )
        )
    return found


def choose_folders(
    *,
    program_dir: Path,
    user_dir: Path | None,
    cli: Sequence[str | os.PathLike[str]] = (),
    environ: Mapping[str, str] | None = None,
    machine_dir: Path | None = None,
) -> list[FolderChoice]:
    """Every extra content folder in layering order (see the module's docstring)."""
    env = os.environ if environ is None else environ
    choices = settings_folders(program_dir / SETTINGS_FILE)
    machine = machine_dir if machine_dir is not None else machine_folder(env)
    choices.append(FolderChoice(machine, "the machine-wide content folder", required=False))
    if user_dir is not None:
        choices.append(
            FolderChoice(user_dir / USER_FOLDER, "your own content folder", required=False)
        )
    for part in env.get(ENV_VAR, "").split(os.pathsep):
        if part.strip():
            choices.append(FolderChoice(Path(part.strip()), f"the {ENV_VAR} environment variable"))
    for folder in cli:
        choices.append(FolderChoice(Path(folder), "--content on the command line"))
    seen: set[str] = set()
    unique = []
    for choice in choices:
        key = os.path.normcase(os.path.abspath(choice.path))
        if key not in seen:
            seen.add(key)
            unique.append(choice)
    return unique


def _probe(path: Path) -> str:
    """ "" if ``path`` is a folder that can be listed, else why not."""
    try:
        if not path.is_dir():
            return "not found" if not path.exists() else "not a folder"
        with os.scandir(path) as entries:
            next(entries, None)
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    return ""


def reachable(
    choices: Iterable[FolderChoice], timeout: float = REACH_TIMEOUT_S
) -> tuple[list[FolderChoice], list[Unreachable]]:
    """The folders that answer within ``timeout`` seconds (all asked at once), and those
    that do not. A hung network share is left to its own daemon thread: it cannot keep the
    app from opening, or from quitting."""
    choices = list(choices)
    answers: dict[int, str] = {}

    def ask(index: int, path: Path) -> None:
        answers[index] = _probe(path)

    threads = [
        threading.Thread(target=ask, args=(i, c.path), daemon=True, name=f"probe-{i}")
        for i, c in enumerate(choices)
    ]
    for thread in threads:
        thread.start()
    deadline = _monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - _monotonic()))
    good, bad = [], []
    for index, choice in enumerate(choices):
        reason = answers.get(index)
        if reason == "":
            good.append(choice)
        elif choice.required:
            bad.append(Unreachable(choice, reason or f"no answer within {timeout:g} seconds"))
    return good, bad


def _monotonic() -> float:
    import time

    return time.monotonic()

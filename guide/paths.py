"""Where things live: the bundled content and resources, and the user's own data.

User data location, first match wins:
1. ``--home DIR`` on the command line;
2. the ``GUIDE_HOME`` environment variable;
3. portable mode: a ``portable.flag`` file beside the executable puts data in
   ``data-user/`` beside it, or in the folder the flag's first line names, relative to
   the executable (so the copy keeps working when a USB stick or network drive gets
   another letter); if that folder cannot be written, the normal place below is used;
4. Qt's per-user application data folder (``AppDataLocation``), which roams
   with a Windows profile: ``%APPDATA%\\ClinicalAcademicGuide`` on Windows,
   ``~/.local/share/ClinicalAcademicGuide`` on Linux.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from guide import APP_SLUG

PORTABLE_MARKER = "portable.flag"
PORTABLE_DATA = "data-user"
HOME_ENV = "GUIDE_HOME"


def install_root() -> Path:
    """The folder holding ``data/`` and ``resources/``: the repo, or the frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def bundled_data_dir() -> Path:
    return install_root() / "data"


def resources_dir() -> Path:
    return install_root() / "resources"


def executable_dir() -> Path:
    """The folder of the running program (the frozen exe, or the repo from source)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return install_root()


def portable_folder_name(marker: Path) -> str:
    """The data folder a portable marker names: its first line that is not blank or a
    ``#`` comment, if that is a relative path; otherwise ``data-user``.

    Absolute paths are ignored: they break as soon as the drive letter or mount point changes,
    which is the whole point of a portable copy.
    """
    try:
        text = marker.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return PORTABLE_DATA
    for line in text.splitlines():
        name = line.strip()
        if not name or name.startswith("#"):
            continue
        relative = not (Path(name).is_absolute() or name.startswith(("/", "\\")) or ":" in name[:2])
        return name if relative else PORTABLE_DATA
    return PORTABLE_DATA


def _writable(folder: Path) -> bool:
    """Really write a file: ``os.access`` says yes to read-only network shares and to folders
    an ACL denies on Windows."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
            pass
    except OSError:
        return False
    return True


def portable_home() -> Path | None:
    """The portable data folder, if a marker file sits beside the executable and the folder
    can be created and written; ``None`` otherwise (the caller falls back to AppData)."""
    base = executable_dir()
    marker = base / PORTABLE_MARKER
    if not marker.is_file():
        return None
    home = base / portable_folder_name(marker)
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return home if _writable(home) else None


def default_home() -> Path:
    # QtCore only (no widgets), imported here so commands that never touch user data stay fast.
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName(APP_SLUG)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / f".{APP_SLUG}"


def user_home(cli_home: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the user data folder (not created here; callers create it when they write)."""
    if cli_home:
        return Path(cli_home).expanduser().resolve()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return portable_home() or default_home()

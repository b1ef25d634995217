"""Where things live: the bundled content and resources, and the user's own data.

User data location, first match wins:
1. ``--home DIR`` on the command line;
2. the ``GUIDE_HOME`` environment variable;
3. portable mode: a ``portable.flag`` file beside the executable puts data in
   ``data-user/`` beside it (falling back to the normal place if read-only);
4. Qt's per-user application data folder (``AppDataLocation``), which roams
   with a Windows profile: ``%APPDATA%\\ClinicalAcademicGuide`` on Windows,
   ``~/.local/share/ClinicalAcademicGuide`` on Linux.
"""

from __future__ import annotations

import os
import sys
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


def portable_home() -> Path | None:
    """The portable data folder, if a marker file sits beside the executable and it is writable."""
    base = executable_dir()
    if not (base / PORTABLE_MARKER).is_file():
        return None
    home = base / PORTABLE_DATA
    try:
        home.mkdir(exist_ok=True)
    except OSError:
        return None
    return home if os.access(home, os.W_OK) else None


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

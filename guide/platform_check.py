"""Check, before Qt starts, that a window can be shown; say what to install if not.

Qt's own failure on a machine without a display or without the xcb libraries
is an abort with a message few doctors (or IT staff) can act on. This module
turns that into one plain paragraph and an install line. Run it directly
(``python -m guide.platform_check``, as ``make run`` does) to open the display
for real and check the libraries; the app itself runs only the cheap check of
the environment at start-up.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

# The one list of Debian/Ubuntu packages (packaging/linux/system-packages.sh installs them);
# present in a source checkout, not in the frozen bundle, which carries its own libraries.
PACKAGE_LIST = Path(__file__).resolve().parent.parent / "packaging/linux/debian-packages.txt"
XVFB_ADVICE = (
    "Without a desktop, run it under a virtual display (Debian/Ubuntu: apt-get install xvfb):\n"
    "  xvfb-run -a make run      (or xvfb-run -a followed by the program's path)\n"
    "The command line needs no display at all: guide --help."
)
NO_DISPLAY = (
    "No display found: the guide needs a desktop session to open its window.\n" + XVFB_ADVICE
)


def system_packages(path: Path = PACKAGE_LIST) -> list[str]:
    """The package names in the list (an empty list when it is not there)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [words[0] for line in lines if (words := line.partition("#")[0].split())]


def install_hint() -> str:
    """What to run to install the libraries Qt needs."""
    if PACKAGE_LIST.exists():
        return "sh packaging/linux/system-packages.sh   (installs what is missing, or says how)"
    return "your system's package manager (Qt's xcb libraries, libEGL, fontconfig, xkbcommon)"


def display_problem() -> str | None:
    """A message if, on Linux, no display is named and no other platform was chosen.

    Cheap (the app runs it at every start): it only looks at the environment."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY


def display_unreachable(environ: Mapping[str, str] | None = None) -> str | None:
    """A message if the display that is named cannot really be opened.

    Opens an X connection with libxcb (which Qt's xcb plugin uses too), so a DISPLAY left
    pointing at a stopped X server, or one this user may not use, is caught here rather than
    as an abort inside Qt. A Wayland display counts if its socket exists."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    wayland = env.get("WAYLAND_DISPLAY")
    if wayland:
        runtime = Path(env.get("XDG_RUNTIME_DIR", f"/run/user/{os.getuid()}"))
        if (runtime / wayland).exists() or Path(wayland).exists():
            return None
    display = env.get("DISPLAY")
    if not display:
        return NO_DISPLAY
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("xcb") or "libxcb.so.1"
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return None  # missing_libraries() names what is missing
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    failed = xcb.xcb_connection_has_error(connection)
    xcb.xcb_disconnect(connection)  # also frees a connection that failed
    if not failed:
        return None
    return (
        f"The display {display} cannot be opened: no X server answers there, or this user "
        "may not use it.\n" + XVFB_ADVICE
    )


def missing_libraries() -> list[str]:
    """Shared libraries the xcb plugin cannot find, as reported by ldd."""
    if not sys.platform.startswith("linux"):
        return []
    import subprocess  # here, not at the top: the app imports this module at every start

    try:
        import PySide6
    except ImportError:
        return ["PySide6 (run: make run, which installs it into .venv)"]
    qt = Path(PySide6.__file__).parent / "Qt"
    candidates = [qt / "plugins" / "platforms" / "libqxcb.so", *qt.glob("lib/libQt6XcbQpa.so*")]
    missing: set[str] = set()
    for lib in candidates:
        if not lib.exists():
            continue
        try:
            out = subprocess.run(
                ["ldd", str(lib)], capture_output=True, text=True, timeout=20, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return []
        missing.update(
            line.split("=>")[0].strip() for line in out.splitlines() if "not found" in line
        )
    return sorted(missing)


def main() -> int:
    problem = display_unreachable()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    missing = missing_libraries()
    if missing:
        print(
            "Qt cannot open a window: these libraries are missing: "
            + ", ".join(missing)
            + f"\nOn Debian or Ubuntu install them with:\n  {install_hint()}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

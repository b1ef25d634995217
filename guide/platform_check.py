"""Check, before Qt starts, that a window can be shown; say what to install if not.

Qt's own failure on a machine without a display or without the xcb libraries
is an abort with a message few doctors (or IT staff) can act on. This module
turns that into one plain paragraph and an install line. Run it directly
(``python -m guide.platform_check``) for the full library check; the app
itself runs only the cheap display check at start-up.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Debian/Ubuntu packages that Qt's xcb platform plugin needs at run time.
XCB_PACKAGES = (
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1", "libx11-xcb1",
    "libxkbcommon-x11-0", "libxkbcommon0", "libegl1", "libgl1", "libfontconfig1",
    "libdbus-1-3", "libglib2.0-0", "fonts-dejavu-core",
)  # fmt: skip
INSTALL_HINT = "sudo apt-get install -y " + " ".join(XCB_PACKAGES)


def display_problem() -> str | None:
    """A message if, on Linux, no display is reachable and no other platform was chosen."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "No display found: the guide needs a desktop session to open its window.\n"
        "Run it from a desktop, or use the command line (guide --help), "
        "or set QT_QPA_PLATFORM=offscreen for a headless run."
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
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    missing = missing_libraries()
    if missing:
        print(
            "Qt cannot open a window: these libraries are missing: "
            + ", ".join(missing)
            + f"\nOn Debian or Ubuntu install them with:\n  {INSTALL_HINT}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

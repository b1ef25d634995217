"""guide.platform_check: a display that cannot be opened, or missing packages, are reported
before Qt starts, with advice a person can follow."""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide import platform_check
from guide.platform_check import display_problem, display_unreachable, system_packages

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's")
needs_xcb = pytest.mark.skipif(not ctypes.util.find_library("xcb"), reason="no libxcb")


def _free_display() -> int:
    """A display number no X server is using on this machine."""
    for number in range(140, 400):
        if not any(
            Path(p).exists() for p in (f"/tmp/.X11-unix/X{number}", f"/tmp/.X{number}-lock")
        ):
            return number
    pytest.skip("no free display number")


@linux_only
def test_no_display_says_how_to_run_under_xvfb_and_that_the_command_line_works(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    message = display_problem()
    assert message is not None
    assert "xvfb-run" in message and "guide --help" in message
    assert "QT_QPA_PLATFORM" not in message


@linux_only
@needs_xcb
def test_a_display_with_no_x_server_behind_it_is_reported() -> None:
    number = _free_display()
    message = display_unreachable({"DISPLAY": f":{number}"})
    assert message is not None
    assert f":{number} cannot be opened" in message and "xvfb-run" in message


@linux_only
def test_a_chosen_qt_platform_needs_no_display() -> None:
    assert display_unreachable({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":1"}) is None


@linux_only
@needs_xcb
@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")
def test_a_display_that_answers_passes() -> None:
    # -displayfd: Xvfb picks a free display number itself and writes it once it is ready.
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        number = server.stdout.readline().strip()
        assert number.isdigit()
        assert display_unreachable({"DISPLAY": f":{number}"}) is None
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_the_package_list_is_one_file_the_script_and_the_check_share() -> None:
    names = system_packages()
    assert "libgssapi-krb5-2" in names  # lrelease needs it on Debian 13
    assert "libpython3.X" in names  # PyInstaller needs it with Debian's own Python
    assert {"make", "python3", "python3-venv", "libxcb-cursor0", "fonts-dejavu-core"} <= set(names)
    assert all(" " not in name for name in names)
    script = platform_check.PACKAGE_LIST.with_name("system-packages.sh")
    assert platform_check.PACKAGE_LIST.name in script.read_text(encoding="utf-8")
    assert os.access(script, os.X_OK)


def test_a_missing_list_gives_no_names(tmp_path: Path) -> None:
    assert system_packages(tmp_path / "nothing.txt") == []

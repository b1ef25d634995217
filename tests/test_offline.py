"""The app never touches the network: every entry point runs with IP sockets made to fail loudly.

Each command runs in a fresh interpreter whose ``socket`` module refuses to
create IPv4/IPv6 sockets, resolve names or connect (printing a marker if
anything tries). At exit the child also checks that neither the QtNetwork
binding nor Qt's network library was ever loaded, so a connection from C++
code is ruled out too, not just from Python.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

GUARD = r"""
import atexit, os, socket, sys

def _refuse(*args, **kwargs):
    sys.stderr.write("NETWORK-ATTEMPT\n")
    raise OSError("network access is disabled in this test")

class _GuardedSocket(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            _refuse()
        super().__init__(family, type, proto, fileno)

socket.socket = _GuardedSocket
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
socket.gethostbyname = _refuse

def _check_qt_network():
    loaded = "PySide6.QtNetwork" in sys.modules
    try:
        with open("/proc/self/maps") as maps:
            loaded = loaded or "libQt6Network" in maps.read()
    except OSError:
        pass
    if loaded:
        sys.stderr.write("QTNETWORK-LOADED\n")
        sys.stderr.flush()

atexit.register(_check_qt_network)
from guide.cli import main
code = main(sys.argv[1:])
_check_qt_network()
sys.exit(code)
"""


def run_guarded(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GUIDE_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env["GUIDE_QUIT_AFTER_FIRST_PAINT"] = "1"
    return subprocess.run(
        [sys.executable, "-c", GUARD, *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


def test_guard_catches_a_connection_attempt(tmp_path):
    # The guard itself must work, or the tests below prove nothing.
    env = {**os.environ, "GUIDE_HOME": str(tmp_path)}
    probe = GUARD.replace(
        "from guide.cli import main",
        "import urllib.request\ntry:\n urllib.request.urlopen('http://192.0.2.1/')\n"
        "except Exception:\n pass\nfrom guide.cli import main",
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, "--version"], capture_output=True, text=True, env=env,
        timeout=60, check=False,
    )  # fmt: skip
    assert "NETWORK-ATTEMPT" in result.stderr


COMMANDS = [
    pytest.param([], id="window-first-paint"),
    pytest.param(["--self-test"], id="self-test"),
    pytest.param(["list", "--json"], id="list"),
    pytest.param(["validate"], id="validate"),
    pytest.param(["show", "national-pathway", "--format", "html"], id="show"),
    pytest.param(["search", "ACF", "--json"], id="search"),
    pytest.param(["progress", "list", "--json"], id="progress-list"),
]


@pytest.mark.parametrize("args", COMMANDS)
def test_entry_point_makes_no_network_connection(args, tmp_path):
    result = run_guarded(args, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "NETWORK-ATTEMPT" not in result.stderr
    assert "QTNETWORK-LOADED" not in result.stderr


@pytest.mark.parametrize(
    ("view", "fmt"),
    [("overview", "png"), ("pathway-diagram", "png"), ("checklist", "png")],
)
def test_screenshots_make_no_network_connection(view, fmt, tmp_path):
    out = tmp_path / f"{view}.{fmt}"
    result = run_guarded(["screenshot", view, "-o", str(out)], tmp_path / "home")
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.stat().st_size > 1000
    assert "NETWORK-ATTEMPT" not in result.stderr
    assert "QTNETWORK-LOADED" not in result.stderr


@pytest.mark.parametrize("fmt", ["pdf", "csv", "json"])
def test_progress_exports_make_no_network_connection(fmt, tmp_path):
    out = tmp_path / f"progress.{fmt}"
    result = run_guarded(["progress", "export", "--format", fmt, "-o", str(out)], tmp_path / "h")
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.exists() and out.stat().st_size > 0
    assert "NETWORK-ATTEMPT" not in result.stderr
    assert "QTNETWORK-LOADED" not in result.stderr


def test_no_module_imports_qtnetwork():
    package = Path(__file__).resolve().parents[1] / "guide"
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "QtNetwork" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_hostile_content_folder_opens_inert_and_offline(tmp_path):
    # A trust's --content folder with every trick in it: the window still opens, renders
    # the page, and nothing reaches the network.
    from tests.content.test_hostile_content import HOSTILE_BODY

    content = tmp_path / "content"
    content.mkdir()
    (content / "hostile.md").write_text(
        "---\nid: hostile\nkind: page\ntitle: Hostile\nlast_reviewed: 2026-01-01\n"
        "next_review: 2027-01-01\n---\n" + HOSTILE_BODY,
        encoding="utf-8",
    )
    out = tmp_path / "hostile.png"
    result = run_guarded(
        ["--content", str(content), "screenshot", "hostile", "-o", str(out)], tmp_path / "home"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.stat().st_size > 1000
    assert "NETWORK-ATTEMPT" not in result.stderr
    assert "QTNETWORK-LOADED" not in result.stderr

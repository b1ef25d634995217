"""packaging/linux/system-packages.sh: installs the missing system packages when it may (root,
or sudo without a password), and otherwise prints the one line to run. Driven with stand-in
dpkg-query, apt-get, id and sudo commands, so it runs anywhere and installs nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from guide.platform_check import system_packages
from tests.packaging.conftest import PACKAGING

SCRIPT = PACKAGING / "linux" / "system-packages.sh"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")


def _stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def machine(tmp_path: Path):
    """A pretend Debian machine: ``installed`` lists the packages it has (one a line, with what
    each provides); apt-get "installs" by adding to it and records how it was called."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    installed = tmp_path / "installed"
    calls = tmp_path / "apt-calls"
    _stub(bin_dir, "dpkg-query", f'sed "s/^/ii  /" "{installed}"\n')
    _stub(
        bin_dir,
        "apt-get",
        f'echo "$*" >> "{calls}"\n'
        'if [ "$1" = install ]; then for p in "$@"; do case $p in -*|install) ;; '
        f'*) echo "$p" >> "{installed}" ;; esac; done; fi\n',
    )
    _stub(bin_dir, "apt-cache", "exit 0\n")

    def run(*args: str, uid: int = 1000, sudo: bool = False) -> subprocess.CompletedProcess[str]:
        _stub(bin_dir, "id", f"echo {uid}\n")
        _stub(
            bin_dir,
            "sudo",
            'if [ "$1" = -n ]; then shift; fi\n' + ('"$@"\n' if sudo else "exit 1\n"),
        )
        env = {
            "PATH": f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin",
            "PYTHON": sys.executable,
            "HOME": str(tmp_path),
        }
        return subprocess.run(
            ["sh", str(SCRIPT), *args], capture_output=True, text=True, env=env, check=False
        )

    return installed, calls, run


def _everything_but(*names: str) -> str:
    # The Python running the tests has venv and its own shared library, so those entries drop.
    wanted = [n for n in system_packages() if n not in ("libpython3.X", *names)]
    return "".join(f"{n} \n" for n in wanted)


def test_with_nothing_missing_it_says_nothing_and_succeeds(machine) -> None:
    installed, calls, run = machine
    installed.write_text(_everything_but())
    done = run("test")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert not calls.exists()


def test_without_root_or_sudo_it_prints_the_one_line_to_run(machine) -> None:
    installed, calls, run = machine
    installed.write_text(_everything_but("libxcb-cursor0", "fonts-dejavu-core"))
    done = run()
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    command = [line.strip() for line in lines if "apt-get install" in line]
    assert command == [
        "sudo apt-get install -y --no-install-recommends libxcb-cursor0 fonts-dejavu-core"
    ]
    assert not calls.exists()


def test_as_root_it_installs_only_what_is_missing(machine) -> None:
    installed, calls, run = machine
    installed.write_text(_everything_but("libgssapi-krb5-2", "calcurse"))
    done = run("test", uid=0)
    assert done.returncode == 0, done.stderr
    assert calls.read_text().splitlines() == [
        "update -qq",
        "install -y -qq --no-install-recommends libgssapi-krb5-2 calcurse",
    ]
    assert run("test", uid=0).stdout == ""  # and the next time there is nothing to do


def test_with_passwordless_sudo_it_installs(machine) -> None:
    installed, calls, run = machine
    installed.write_text(_everything_but("make"))
    assert run(sudo=True).returncode == 0
    assert "install -y -qq --no-install-recommends make" in calls.read_text()


def test_test_only_packages_are_left_to_make_test(machine) -> None:
    installed, _calls, run = machine
    installed.write_text(_everything_but("calcurse", "poppler-utils"))
    assert run("--check").returncode == 0
    done = run("--check", "test")
    assert done.returncode == 1 and "calcurse poppler-utils" in done.stderr


def test_a_name_another_package_provides_counts_as_installed(machine) -> None:
    installed, _calls, run = machine
    # Debian 13: libglib2.0-0t64 provides libglib2.0-0.
    text = _everything_but("libglib2.0-0") + "libglib2.0-0t64 libglib2.0-0 (= 2.84.0-1)\n"
    installed.write_text(text)
    assert run("--check").returncode == 0

"""``guide --self-test``: every check runs, failures are named, user data is never touched."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from guide import selftest


def _args(home: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(content=None, home=home)


def test_a_failing_check_is_named_and_the_later_checks_still_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[str] = []

    def broken(args: argparse.Namespace) -> str:
        ran.append("broken")
        raise OSError("disk on fire")

    def fine(args: argparse.Namespace) -> str:
        ran.append("fine")
        return "all good"

    monkeypatch.setattr(selftest, "CHECKS", [("storage", broken), ("search", fine)])
    assert selftest.run_self_test(_args()) == 1
    out, err = capsys.readouterr()
    assert ran == ["broken", "fine"]
    assert "FAIL storage: OSError: disk on fire" in err
    assert "ok   search: all good" in out
    assert err.strip().endswith("self-test failed: storage")
    assert "self-test passed" not in out


def test_checks_get_a_throwaway_home_not_the_users_folder(
    monkeypatch: pytest.MonkeyPatch, isolated_home: Path, tmp_path: Path
) -> None:
    seen: list[Path] = []

    def record(args: argparse.Namespace) -> str:
        home = Path(args.home)
        (home / "progress.json").write_text("{}")
        seen.append(home)
        return "wrote"

    monkeypatch.setattr(selftest, "CHECKS", [("progress", record)])
    assert selftest.run_self_test(_args(home=str(tmp_path / "mine"))) == 0
    assert seen and seen[0] not in (isolated_home, tmp_path / "mine")
    assert not seen[0].exists()  # deleted afterwards
    assert list(isolated_home.iterdir()) == []


def test_self_test_needs_no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setattr(selftest, "CHECKS", [])
    assert selftest.run_self_test(_args()) == 0
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"

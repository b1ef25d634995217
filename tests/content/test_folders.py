"""Content folders without arguments: the settings file beside the program, the machine-wide
and user folders, GUIDE_CONTENT, --content; unreachable folders skipped and reported."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from guide.cli import main
from guide.content import folders
from guide.content.folders import ENV_VAR, SETTINGS_FILE, choose_folders, reachable

TRUST_PAGE = """---
id: st-elsewhere-research-office
kind: page
title: Our research office
order: 1
last_reviewed: 2026-01-10
next_review: 2027-07-10
---

Come and see us about [the ACF](nihr-acf).
"""

OVERVIEW = """---
id: overview
kind: page
title: Welcome to St Elsewhere
last_reviewed: 2026-01-10
next_review: 2027-07-10
---

Our own start page.
"""


def trust_folder(base: Path) -> Path:
    root = base / "share" / "st-elsewhere"
    (root / "pages").mkdir(parents=True)
    (root / "content.yaml").write_text(
        "title: St Elsewhere NHS Trust\npublisher: Postgraduate centre\nedition: 2026-11-20\n"
        "changes:\n  - edition: 2026-11-20\n    notes: Added the research office page.\n",
        encoding="utf-8",
    )
    (root / "pages" / "research-office.md").write_text(TRUST_PAGE, encoding="utf-8")
    (root / "pages" / "overview.md").write_text(OVERVIEW, encoding="utf-8")
    return root


@pytest.fixture
def program_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder standing for the one the program is installed in."""
    folder = tmp_path / "program"
    folder.mkdir()
    monkeypatch.setattr("guide.commands.common.executable_dir", lambda: folder)
    monkeypatch.delenv(ENV_VAR, raising=False)
    return folder


def test_folders_are_layered_in_the_documented_order(tmp_path: Path):
    program = tmp_path / "program"
    program.mkdir()
    (program / SETTINGS_FILE).write_text(
        "# the trust's share\n\n  ../it-deployed  \n", encoding="utf-8"
    )
    chosen = choose_folders(
        program_dir=program,
        user_dir=tmp_path / "home",
        cli=[tmp_path / "cli"],
        environ={ENV_VAR: str(tmp_path / "env")},
        machine_dir=tmp_path / "machine",
    )
    assert [c.path for c in chosen] == [
        program / ".." / "it-deployed",
        tmp_path / "machine",
        tmp_path / "home" / "content",
        tmp_path / "env",
        tmp_path / "cli",
    ]
    assert chosen[0].where == str(program / SETTINGS_FILE) and chosen[0].line == 3
    assert [c.required for c in chosen] == [True, False, False, True, True]


def test_the_same_folder_named_twice_is_loaded_once(tmp_path: Path):
    chosen = choose_folders(
        program_dir=tmp_path,
        user_dir=None,
        cli=[tmp_path / "x", tmp_path / "x"],
        environ={ENV_VAR: str(tmp_path / "x")},
        machine_dir=tmp_path / "m",
    )
    assert [c.path for c in chosen].count(tmp_path / "x") == 1
    assert chosen[-1].source == f"the {ENV_VAR} environment variable"


def test_missing_optional_folders_are_skipped_quietly(tmp_path: Path):
    chosen = choose_folders(
        program_dir=tmp_path, user_dir=tmp_path / "home", environ={}, machine_dir=tmp_path / "m"
    )
    good, bad = reachable(chosen)
    assert good == [] and bad == []


def test_a_named_folder_that_is_missing_is_reported_not_fatal(tmp_path: Path):
    chosen = choose_folders(
        program_dir=tmp_path, user_dir=None, cli=[tmp_path / "gone"], environ={},
        machine_dir=tmp_path / "m",
    )  # fmt: skip
    good, bad = reachable(chosen)
    assert good == []
    [missing] = bad
    assert "not found" in missing.reason
    assert "could not reach the content folder" in missing.problem().message
    assert missing.problem().severity == "warning"


def test_a_slow_network_folder_does_not_hold_up_the_start(tmp_path, monkeypatch):
    fast = tmp_path / "fast"
    fast.mkdir()
    slow = tmp_path / "slow"
    real_probe = folders._probe

    def probe(path: Path) -> str:
        if path == slow:
            time.sleep(5)  # a share that never answers in time
        return real_probe(path)

    monkeypatch.setattr(folders, "_probe", probe)
    chosen = choose_folders(
        program_dir=tmp_path, user_dir=None, cli=[slow, fast], environ={},
        machine_dir=tmp_path / "m",
    )  # fmt: skip
    started = time.monotonic()
    good, bad = reachable(chosen, timeout=0.3)
    assert time.monotonic() - started < 2
    assert [c.path for c in good] == [fast]
    assert [u.choice.path for u in bad] == [slow]
    assert "no answer within 0.3 seconds" in bad[0].reason


def test_a_folder_named_in_the_settings_file_shows_with_no_arguments(
    program_dir: Path, tmp_path: Path, capsys
):
    """What IT deploys: a folder on a share, named in the settings file beside the program."""
    share = trust_folder(tmp_path)
    (program_dir / SETTINGS_FILE).write_text(f"{share}\n", encoding="utf-8")
    assert main(["list", "--json"]) == 0
    items = {i["id"]: i for i in json.loads(capsys.readouterr().out)}
    page = items["st-elsewhere-research-office"]
    assert page["origin"]["folder_title"] == "St Elsewhere NHS Trust"
    assert page["origin"]["local"] is True
    assert page["order"] == 1
    overview = items["overview"]
    assert overview["title"] == "Welcome to St Elsewhere"
    assert overview["origin"]["overrides"].endswith("data/pages/overview.md:2")


def test_validate_names_each_folder_its_source_and_what_it_replaces(
    program_dir: Path, tmp_path: Path, capsys
):
    share = trust_folder(tmp_path)
    (program_dir / SETTINGS_FILE).write_text(f"# IT\n{share}\n", encoding="utf-8")
    assert main(["validate"]) == 0
    err = capsys.readouterr().err
    assert "St Elsewhere NHS Trust (local, edition 2026-11-20, from Postgraduate centre)" in err
    assert f"the settings file {program_dir / SETTINGS_FILE}, line 2" in err
    assert "replaces 1 earlier item(s): overview (was " in err


def test_an_unreachable_settings_folder_still_opens_with_the_rest(
    program_dir: Path, tmp_path: Path, capsys
):
    (program_dir / SETTINGS_FILE).write_text(f"{tmp_path / 'offline-share'}\n", encoding="utf-8")
    assert main(["show", "pre-doctoral"]) == 0  # the bundled content is all there
    capsys.readouterr()
    assert main(["validate"]) == 0  # a warning: the folder may just be offline today
    out = capsys.readouterr().out
    assert f"{program_dir / SETTINGS_FILE}:1: warning: could not reach the content folder" in out
    assert main(["validate", "--strict"]) == 1


def test_the_environment_variable_and_user_folder_are_used(
    program_dir: Path, tmp_path: Path, isolated_home: Path, monkeypatch, capsys
):
    share = trust_folder(tmp_path)
    monkeypatch.setenv(ENV_VAR, str(share))
    own = isolated_home / "content" / "pages"
    own.mkdir(parents=True)
    (own / "mine.md").write_text(
        TRUST_PAGE.replace("st-elsewhere-research-office", "my-notes-page"), encoding="utf-8"
    )
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "st-elsewhere-research-office" in out and "my-notes-page" in out

"""The command line, run in-process through guide.cli.main."""

from __future__ import annotations

import json

import pytest

from guide import __version__
from guide.cli import main
from guide.content.model import FIXED_IDS


def test_version_prints_the_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_list_json_includes_the_ten_fixed_ids(capsys):
    assert main(["list", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    ids = {i["id"] for i in items}
    assert set(FIXED_IDS) <= ids
    assert all({"id", "kind", "title"} <= set(i) for i in items)


def test_show_prints_text_markdown_and_html(capsys):
    assert main(["show", "pre-doctoral"]) == 0
    assert "Pre-doctoral" in capsys.readouterr().out
    assert main(["show", "pre-doctoral", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# ")
    assert main(["show", "pre-doctoral", "--format", "html"]) == 0
    assert "<h1" in capsys.readouterr().out


def test_show_unknown_id_is_one_line_error(capsys):
    assert main(["show", "no-such-thing"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no-such-thing" in err


def test_bad_argument_is_one_line_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["show", "overview", "--format", "pdf"])
    assert exc.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_validate_passes_on_shipped_content(capsys):
    assert main(["validate"]) == 0


def test_validate_reports_malformed_file_with_name_and_line(content_dir, capsys):
    root, write = content_dir
    write("broken.md", "---\nid: broken\nkind: page\ntitle: x\nnext_review: soon\n---\n")
    assert main(["validate", "--content", str(root)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert any(line.startswith(f"{root / 'broken.md'}:5: ") for line in out)


def test_global_content_option_before_the_command(content_dir, capsys):
    root, write = content_dir
    write(
        "t.yaml",
        "kind: term\nitems:\n  - id: zzz\n    title: ZZZ\n    expansion: e\n    definition: d\n",
    )
    assert main(["--content", str(root), "show", "zzz"]) == 0
    assert "ZZZ" in capsys.readouterr().out


def test_self_test_passes_from_source(capsys):
    assert main(["--self-test"]) == 0
    assert "self-test passed" in capsys.readouterr().out


def test_no_arguments_gives_the_same_options_as_the_full_app_parser() -> None:
    from guide.cli import _app_arguments

    # The usual start skips building a parser; it must match what the parser would give.
    quick = _app_arguments([])
    parsed = _app_arguments(["--self-test"])
    assert quick is not None and parsed is not None
    assert vars(quick) == {**vars(parsed), "self_test": False}
    assert vars(quick) == {
        "content": None,
        "home": None,
        "self_test": False,
        "watch": False,
        "command": None,
    }


@pytest.mark.parametrize(
    ("argv", "choices"),
    [
        (["list", "--kind", "nosuch"], ["page", "scheme", "term"]),
        (["show", "overview", "--format", "nosuch"], ["text", "markdown", "html"]),
        (["search", "ACF", "--kind", "nosuch"], ["page", "story"]),
        (["search", "ACF", "--stage", "nosuch"], ["pre-doctoral", "phd-or-md"]),
        (["search", "ACF", "--nation", "nosuch"], ["England", "Wales"]),
        (["progress", "set", "some-id", "nosuch"], ["not-started", "done"]),
        (["progress", "profile", "--nation", "nosuch"], ["Scotland", "Northern Ireland"]),
        (["progress", "profile", "--stage", "nosuch"], ["f1", "f2"]),
        (["progress", "export", "--format", "nosuch", "-o", "x"], ["pdf", "csv", "json"]),
        (["progress", "add", "Audit", "--stage", "nosuch"], ["f1", "doctoral"]),
        (["schemes", "--nation", "nosuch"], ["England", "Northern Ireland"]),
        (["schemes", "--sort", "nosuch"], ["name", "funder", "next_round"]),
        (["schemes", "--stage", "nosuch"], ["pre-doctoral", "phd-or-md"]),
        (["schemes", "--funder", "nosuch"], ["NIHR", "MRC"]),
        (["screenshot", "overview", "-o", "x.png", "--theme", "nosuch"], ["dark", "light"]),
    ],
    ids=lambda value: "-".join(value) if isinstance(value, list) and "nosuch" in value else "",
)
def test_an_unknown_choice_is_one_line_naming_the_valid_choices(
    argv: list[str], choices: list[str], isolated_home, capsys
) -> None:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own check
        code = exc.code
    err = capsys.readouterr().err
    assert code not in (0, None)
    assert err.count("\n") == 1, err
    assert "'nosuch'" in err
    for choice in choices:
        assert choice in err


@pytest.mark.parametrize("zoom", ["0", "49", "301"])
def test_a_screenshot_text_size_the_app_does_not_offer_is_one_line_naming_the_range(
    zoom: str, tmp_path, capsys
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["screenshot", "overview", "-o", str(tmp_path / "x.png"), "--zoom", zoom])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"'{zoom}'" in err and "50 to 300" in err
    assert not (tmp_path / "x.png").exists()


def test_an_unknown_screenshot_view_names_the_views(isolated_home, tmp_path, capsys) -> None:
    assert main(["screenshot", "nosuch", "-o", str(tmp_path / "x.png")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'nosuch'" in err
    assert "checklist" in err and "pathway-diagram" in err and "guide list" in err


def test_guide_today_moves_the_day_every_command_reads(isolated_home, monkeypatch, capsys):
    main(["list", "--json"])
    reviewed = [i for i in json.loads(capsys.readouterr().out) if i.get("next_review")]
    item = reviewed[0]
    due = item["next_review"]
    overdue = "overdue for review"
    monkeypatch.setenv("GUIDE_TODAY", due)
    assert main(["show", item["id"]]) == 0
    assert overdue not in capsys.readouterr().out
    monkeypatch.setenv("GUIDE_TODAY", f"{int(due[:4]) + 1}{due[4:]}")
    assert main(["show", item["id"]]) == 0
    assert overdue in capsys.readouterr().out
    # The checklist's "done" date comes from the same clock.
    monkeypatch.setenv("GUIDE_TODAY", "2031-02-03")
    main(["progress", "list", "--json"])
    milestone = json.loads(capsys.readouterr().out)[0]["id"]
    assert main(["progress", "set", milestone, "done"]) == 0
    main(["progress", "list", "--json"])
    row = next(r for r in json.loads(capsys.readouterr().out) if r["id"] == milestone)
    assert row["date_done"] == "2031-02-03"


def test_a_guide_today_that_is_not_a_date_is_one_line_error(monkeypatch, capsys):
    monkeypatch.setenv("GUIDE_TODAY", "next tuesday")
    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "GUIDE_TODAY" in err and "YYYY-MM-DD" in err


def test_a_screenshot_prints_only_the_file_it_wrote(isolated_home, tmp_path) -> None:
    # The offscreen platform's "does not support propagateSizeHints()" notes are not for users.
    import os
    import subprocess
    import sys

    out = tmp_path / "overview.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "guide", "screenshot", "overview", "-o", str(out), "--size",
         "800x600"],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.strip() == str(out)
    assert out.read_bytes().startswith(b"\x89PNG")

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

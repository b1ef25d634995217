"""``guide search``: text, JSON and JSON-lines batch output; clear errors."""

from __future__ import annotations

import io
import json

import pytest

from guide.cli import main


def test_json_results_have_the_documented_fields(capsys):
    assert main(["search", "ACF", "--json", "--limit", "3"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert 1 <= len(results) <= 3
    for result in results:
        assert set(result) == {"id", "kind", "title", "snippet", "score"}
    assert results[0]["id"] == "acf"


def test_text_output_lists_id_kind_title_and_snippet(capsys):
    assert main(["search", "research", "after", "CCT"]) == 0
    out = capsys.readouterr().out
    assert "(story)" in out or "(section)" in out
    assert "**CCT**" in out


def test_kind_filter(capsys):
    assert main(["search", "fellowship", "--json", "--kind", "scheme", "--limit", "20"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert results and {r["kind"] for r in results} == {"scheme"}


def test_stdin_prints_one_json_array_per_query(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('ACF\n\n"NEAR(\nfellowhsip\n'))
    assert main(["search", "--stdin", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4
    arrays = [json.loads(line) for line in lines]
    assert arrays[0][0]["id"] == "acf"
    assert arrays[1] == []
    assert all(len(a) <= 2 for a in arrays)
    assert arrays[3]  # the typo still finds fellowships


def test_typo_suggestion_goes_to_stderr(capsys):
    assert main(["search", "fellowhsip", "--json"]) == 0
    captured = capsys.readouterr()
    assert "Did you mean: fellowship?" in captured.err
    json.loads(captured.out)


def test_no_query_is_a_one_line_error(capsys):
    assert main(["search"]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_filters_without_a_query_list_what_they_allow(capsys):
    args = ["search", "--kind", "scheme", "--nation", "Wales", "--stage", "early-post-doctoral"]
    assert main([*args, "--json", "--limit", "50"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert results and {r["kind"] for r in results} == {"scheme"}
    assert "hcrw-advanced-fellowship" in {r["id"] for r in results}


def test_unknown_stage_is_a_one_line_error(capsys):
    assert main(["search", "acf", "--stage", "retirement"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "retirement" in err


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_bad_limit_is_refused(capsys, limit):
    with pytest.raises(SystemExit) as exc:
        main(["search", "acf", "--limit", limit])
    assert exc.value.code == 2


def test_forced_fallback_notes_it_on_stderr(capsys, monkeypatch):
    monkeypatch.setenv("GUIDE_SEARCH_NO_FTS5", "1")
    assert main(["search", "ACF", "--json", "--limit", "1"]) == 0
    captured = capsys.readouterr()
    assert "FTS5" in captured.err
    assert json.loads(captured.out)[0]["id"] == "acf"


def test_extra_content_folder_is_searched(content_dir, capsys):
    root, write = content_dir
    write(
        "local.md",
        """
        ---
        id: local-research-day
        kind: page
        title: Our trust's research open day
        last_reviewed: 2026-01-01
        next_review: 2027-01-01
        ---

        ## Booking

        Book a place on the zebrafish workshop.
        """,
    )
    assert main(["search", "zebrafish", "--json", "--content", str(root)]) == 0
    results = json.loads(capsys.readouterr().out)
    assert results[0]["id"] == "local-research-day#booking"

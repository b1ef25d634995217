"""Each everyday mistake gives a message a non-programmer can act on, naming FILE:LINE and
quoting the line, and loses at most the entry concerned."""

from __future__ import annotations

import pytest

from guide.cli import main
from guide.content import load_content
from guide.paths import bundled_data_dir

SCHEME = """  - id: {id}
    title: {title}
    funder: St Elsewhere NHS Trust
    nations: [England]
    stages: [pre-doctoral]
    summary: Small grants for trainees.
    duration: 1 year
    research_time: none
    eligibility: trainees
    timing: March
    url: https://example.org/grants
    last_checked: 2026-11-01
"""


def schemes(*entries: str) -> str:
    return "kind: scheme\nitems:\n" + "".join(entries)


def scheme(n: int) -> str:
    return SCHEME.format(id=f"trust-scheme-{n}", title=f"Trust scheme {n}")


PAGE = """---
id: {id}
kind: page
title: A trust page
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

{body}
"""


def load(root):
    return load_content([bundled_data_dir(), root])


def only(model, root):
    """The model's problems in the test folder (the bundled content has none)."""
    return [p for p in model.problems if p.path.startswith(str(root))]


def test_wrong_indentation_loses_only_that_scheme(content_dir):
    root, write = content_dir
    broken = scheme(2).replace("    funder:", "     funder:")
    path = write("schemes.yaml", schemes(scheme(1), broken, scheme(3)))
    model = load(root)
    [problem] = only(model, root)
    assert (problem.path, problem.line) == (str(path), 17)
    assert "line 17 is indented differently from the lines around it" in problem.message
    assert problem.detail.splitlines()[0] == "17 |      funder: St Elsewhere NHS Trust"
    assert problem.detail.splitlines()[1].endswith("^")
    assert "trust-scheme-1" in model and "trust-scheme-3" in model
    assert "trust-scheme-2" not in model and "trust-scheme-2" in model.failed


def test_a_tab_is_named_and_shown(content_dir):
    root, write = content_dir
    write("tab.md", PAGE.format(id="tabbed", body="Text.").replace("title:", "\ttitle:"))
    [problem] = only(load(root), root)
    assert problem.line == 4
    assert "line 4 starts with a tab: indent with spaces instead" in problem.message
    assert problem.detail.startswith("4 | [TAB]title: A trust page")


def test_a_misspelt_field_suggests_the_right_one_and_keeps_the_page(content_dir):
    root, write = content_dir
    write("typo.md", PAGE.format(id="typo", body="Text.").replace("next_review", "next_reveiw"))
    model = load(root)
    messages = [str(p) for p in only(model, root)]
    assert any(":6: unknown field 'next_reveiw' for a page; did you mean 'next_review'?" in m
               for m in messages)  # fmt: skip
    assert any("missing required field 'next_review'" in m for m in messages)
    assert model.get("typo").title == "A trust page"  # still readable


def test_an_unknown_link_id_is_quoted_with_a_suggestion(content_dir):
    root, write = content_dir
    write("link.md", PAGE.format(id="linker", body="See [the stage](pre-doctorl) first."))
    [problem] = only(load(root), root)
    assert problem.line == 9
    assert problem.message == "link to unknown page id 'pre-doctorl'; did you mean 'pre-doctoral'?"
    quoted, caret = problem.detail.splitlines()
    assert quoted == "9 | See [the stage](pre-doctorl) first."
    assert caret.index("^") == quoted.index("pre-doctorl")


def test_a_british_date_says_how_to_write_it(content_dir):
    root, write = content_dir
    write("date.md", PAGE.format(id="dated", body="Text.").replace("2027-11-01", "31/12/2026"))
    model = load(root)
    [problem] = only(model, root)
    assert problem.line == 6
    assert "for 31/12/2026 write 2026-12-31" in problem.message
    assert "6 | next_review: 31/12/2026" in problem.detail
    assert "dated" in model  # the page stays readable without that date


def test_a_duplicate_id_loses_only_the_second(content_dir):
    root, write = content_dir
    path = write("dup.yaml", schemes(scheme(1), scheme(1).replace("Trust scheme 1", "Copy")))
    model = load(root)
    [problem] = only(model, root)
    assert problem.line == 15 and "duplicate id 'trust-scheme-1': first used at" in problem.message
    assert f"{path}:3" in problem.message
    assert model.get("trust-scheme-1").title == "Trust scheme 1"


def test_a_missing_field_keeps_the_scheme_and_says_what_to_add(content_dir):
    root, write = content_dir
    write("missing.yaml", schemes(scheme(1).replace("    timing: March\n", "")))
    model = load(root)
    [problem] = only(model, root)
    assert problem.line == 3
    assert "missing required field 'timing': add a line 'timing: ...'" in problem.message
    assert "trust-scheme-1" in model


def test_windows_1252_text_is_read_and_reported(content_dir):
    root, _ = content_dir
    text = PAGE.format(id="ansi", body="The trust\u2019s caf\u00e9.").replace(
        "A trust page", "Caf\u00e9"
    )
    (root / "ansi.md").write_bytes(text.encode("cp1252"))
    model = load(root)
    [problem] = only(model, root)
    assert problem.line == 4 and "looks like Windows-1252" in problem.message
    assert problem.detail.splitlines()[0] == "4 | title: Caf\u00e9"
    assert model.get("ansi").title == "Caf\u00e9"
    assert "trust\u2019s" in model.get("ansi").body


def test_an_image_with_the_wrong_case_says_did_you_mean(content_dir):
    root, write = content_dir
    (root / "images").mkdir()
    (root / "images" / "route.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    write("img.md", PAGE.format(id="pictured", body="![the route](images/Route.PNG)"))
    [problem] = only(load(root), root)
    assert problem.line == 9
    assert "did you mean 'images/route.png'? Names must match exactly" in problem.message
    assert problem.detail.startswith("9 | ![the route](images/Route.PNG)")


def test_an_image_that_matches_exactly_is_fine(content_dir):
    root, write = content_dir
    (root / "images").mkdir()
    (root / "images" / "route.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    write("img.md", PAGE.format(id="pictured", body="![the route](images/route.png)"))
    assert only(load(root), root) == []


def test_links_to_a_broken_item_are_grouped_under_its_cause(content_dir):
    root, write = content_dir
    write("schemes.yaml", schemes(scheme(1).replace("    funder:", "\tfunder:")))
    for n in range(5):
        write(f"p{n}.md", PAGE.format(id=f"links-{n}", body="See [it](trust-scheme-1)."))
    model = load(root)
    [cause] = only(model, root)
    assert len(cause.knock_on) == 5
    assert "and 5 more caused by the problem above" in cause.explained()


def test_a_broken_override_is_an_error_that_says_the_bundled_page_shows(content_dir):
    root, write = content_dir
    write("overview.md", "---\nid: overview\nkind: page\ntitle: [oops\n---\nText\n")
    model = load(root)
    messages = [p.message for p in only(model, root)]
    assert any("'overview' here was meant to replace the one at" in m for m in messages)
    assert model.get("overview").path.startswith(str(bundled_data_dir()))


def test_show_explains_why_an_item_failed_to_load(content_dir, capsys):
    root, write = content_dir
    write("bad.md", '---\nid: trust-bad\nkind: page\ntitle: "unclosed\n---\nText\n')
    assert main(["show", "trust-bad", "--content", str(root)]) == 1
    err = capsys.readouterr().err
    assert "'trust-bad' could not be loaded:" in err
    assert f"{root / 'bad.md'}:4:" in err and "is never closed" in err


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("title: Research: a guide", "put the whole value in double quotes"),
        ("title: @home", "starts with '@', which YAML keeps for itself"),
        ("nations: [England, Wales", "is not closed: end it with ]"),
    ],
)
def test_other_yaml_slips_are_explained(content_dir, line, expected):
    root, write = content_dir
    write("slip.md", PAGE.format(id="slip", body="Text.").replace("title: A trust page", line))
    [problem] = only(load(root), root)
    assert problem.line == 4 and expected in problem.message


def test_validate_prints_the_quote_under_the_problem(content_dir, capsys):
    root, write = content_dir
    write("tab.md", PAGE.format(id="tabbed", body="Text.").replace("title:", "\ttitle:"))
    assert main(["validate", "--content", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(out) if line.startswith(f"{root / 'tab.md'}:4: "))
    assert out[at + 1] == "    4 | [TAB]title: A trust page"
    assert out[at + 2].strip() == "^"


def test_one_file_per_scheme_folders_load(content_dir):
    root, write = content_dir
    body = "kind: scheme\n" + "\n".join(line[4:] for line in scheme(7).splitlines()) + "\n"
    write("schemes/trust-scheme-7.yaml", body.replace("- id:", "id:"))
    model = load(root)
    assert only(model, root) == []
    assert model.get("trust-scheme-7").get("funder") == "St Elsewhere NHS Trust"

"""The loader and validator: the shipped content, and one case per kind of problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.content import load_content
from guide.content.model import FIXED_IDS
from guide.paths import bundled_data_dir


def load_with(root: Path):
    return load_content([bundled_data_dir(), root])


def messages(model) -> list[str]:
    return [str(p) for p in model.problems]


def test_shipped_content_loads_without_problems(shipped_model):
    assert messages(shipped_model) == []


def test_shipped_content_has_every_fixed_id(shipped_model):
    for fixed in FIXED_IDS:
        assert fixed in shipped_model


def test_shipped_content_has_one_of_each_kind(shipped_model):
    for kind in ("section", "page", "story", "scheme", "milestone", "term"):
        assert shipped_model.of_kind(kind), kind


def test_model_is_immutable(shipped_model):
    with pytest.raises(TypeError):
        shipped_model.items["x"] = None  # type: ignore[index]
    with pytest.raises(AttributeError):
        shipped_model.get("overview").title = "changed"  # type: ignore[misc]


def test_malformed_yaml_reports_file_and_line(content_dir):
    root, write = content_dir
    write("bad.md", "---\nid: bad-page\nkind: page\ntitle: [unclosed\n---\nBody\n")
    problems = messages(load_with(root))
    assert len(problems) == 1
    assert problems[0].startswith(str(root / "bad.md") + ":")
    assert "is not closed" in problems[0]


def test_missing_front_matter_is_reported(content_dir):
    root, write = content_dir
    write("nofm.md", "Just some text\n")
    assert messages(load_with(root)) == [
        f"{root / 'nofm.md'}:1: a page must start with front matter: a line of ---"
    ]


def test_unknown_field_names_the_line(content_dir):
    root, write = content_dir
    write(
        "typo.md",
        """
        ---
        id: typo-page
        kind: page
        title: Typo
        sumary: misspelt
        last_reviewed: 2026-01-01
        next_review: 2027-01-01
        ---
        Body.
        """,
    )
    problems = messages(load_with(root))
    assert len(problems) == 1
    assert problems[0].startswith(f"{root / 'typo.md'}:5: unknown field 'sumary'")


def test_missing_required_field_is_reported(content_dir):
    root, write = content_dir
    write(
        "story.md",
        """
        ---
        id: a-story
        kind: story
        title: A story
        summary: s
        nations: [England]
        stages: [pre-doctoral]
        illustrative: true
        last_reviewed: 2026-01-01
        next_review: 2027-01-01
        ---
        Body.
        """,
    )
    assert any("missing required field 'specialty'" in m for m in messages(load_with(root)))


def test_story_must_be_marked_illustrative(content_dir):
    root, write = content_dir
    write(
        "story.md",
        """
        ---
        id: a-story
        kind: story
        title: A story
        summary: s
        specialty: Surgery
        nations: [England]
        stages: [pre-doctoral]
        illustrative: false
        last_reviewed: 2026-01-01
        next_review: 2027-01-01
        ---
        Body.
        """,
    )
    assert any("illustrative: must be true" in m for m in messages(load_with(root)))


def test_unknown_nation_and_bad_date_are_reported(content_dir):
    root, write = content_dir
    write(
        "terms.yaml",
        """
        kind: scheme
        items:
          - id: bad-scheme
            title: Bad scheme
            funder: Someone
            nations: [Englund]
            stages: [pre-doctoral]
            summary: s
            duration: d
            research_time: r
            eligibility: e
            timing: t
            url: https://example.org
            last_checked: 25/11/2026
        """,
    )
    problems = messages(load_with(root))
    assert any(":6: nations: unknown nation 'Englund'" in m for m in problems)
    assert any(":14: last_checked: must be a date written YYYY-MM-DD" in m for m in problems)


def test_duplicate_id_in_one_root_is_refused(content_dir):
    root, write = content_dir
    term = "kind: term\nitems:\n  - id: dup\n    title: DUP\n    expansion: e\n    definition: d\n"
    write("a.yaml", term)
    write("b.yaml", term)
    problems = messages(load_with(root))
    assert problems == [
        f"{root / 'b.yaml'}:3: duplicate id 'dup': first used at {root / 'a.yaml'}:3; "
        "give this one another id (only the first is shown)"
    ]


def test_later_root_overrides_item_by_id(content_dir):
    root, write = content_dir
    write(
        "overview.md",
        """
        ---
        id: overview
        kind: page
        title: Our trust's welcome
        last_reviewed: 2026-01-01
        next_review: 2027-01-01
        ---
        Local text.
        """,
    )
    model = load_with(root)
    assert model.ok, messages(model)
    assert model.get("overview").title == "Our trust's welcome"


def test_override_that_changes_kind_is_refused(content_dir):
    root, write = content_dir
    write(
        "o.yaml",
        "kind: term\nitems:\n  - id: overview\n    title: O\n    expansion: e\n    definition: d\n",
    )
    assert any("an override must keep the kind" in m for m in messages(load_with(root)))


def test_reserved_id_is_refused(content_dir):
    root, write = content_dir
    write(
        "c.yaml",
        "kind: term\nitems:\n  - id: checklist\n    title: C\n    expansion: e\n    definition: d\n",
    )
    assert any("used by the app itself" in m for m in messages(load_with(root)))


def test_broken_links_and_unsafe_schemes_are_reported(content_dir):
    root, write = content_dir
    write(
        "links.md",
        """
        ---
        id: links-page
        kind: page
        title: Links
        last_reviewed: 2026-01-01
        next_review: 2027-01-01
        ---
        See [nowhere](no-such-page).

        Try [this](javascript:alert(1)) and ![pic](https://example.org/x.png).
        """,
    )
    problems = messages(load_with(root))
    path = root / "links.md"
    assert f"{path}:8: link to unknown page id 'no-such-page'" in problems
    assert any(m.startswith(f"{path}:10: javascript: links are not allowed") for m in problems)
    assert (
        f"{path}:10: image 'https://example.org/x.png' must be a file under images/ "
        "(web images are not shown)" in problems
    )


def test_unknown_references_in_fields_are_reported(content_dir):
    root, write = content_dir
    write(
        "t.yaml",
        "kind: term\nitems:\n  - id: xyz\n    title: XYZ\n    expansion: e\n    definition: d\n    see: [nope]\n",
    )
    assert f"{root / 't.yaml'}:7: see: unknown item id 'nope'" in messages(load_with(root))


def test_yaml_alias_bomb_is_refused(content_dir):
    root, write = content_dir
    lines = ["kind: term", "a: &a [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        lines.append(f"a{n}: &a{n} [*a{'' if n == 1 else n - 1}, *a{'' if n == 1 else n - 1}]")
    write("bomb.yaml", "\n".join(lines) + "\n")
    problems = messages(load_with(root))
    assert len(problems) == 1
    assert "anchors and aliases" in problems[0]


def test_oversized_file_is_refused(content_dir):
    root, write = content_dir
    write("huge.md", "---\nid: huge\nkind: page\ntitle: H\n---\n" + "word " * 500_000)
    problems = messages(load_with(root))
    assert len(problems) == 1 and "content files may be at most" in problems[0]


def test_non_utf8_file_names_the_line(content_dir):
    root, _ = content_dir
    (root / "latin1.md").write_bytes(
        b"---\nid: l\nkind: page\ntitle: Caf\xe9\nlast_reviewed: 2026-01-01\n"
        b"next_review: 2027-01-01\n---\n"
    )
    model = load_with(root)
    [problem] = model.problems
    assert str(problem).startswith(f"{root / 'latin1.md'}:4: line 4 is not UTF-8 text")
    assert "Windows-1252" in problem.message
    # The page is still there, read the way it was written.
    assert model.get("l").title == "Café"


def test_every_problem_is_reported_at_once(content_dir):
    root, write = content_dir
    write("one.md", "no front matter\n")
    write("two.yaml", "kind: nonsense\n")
    write("three.md", "---\nid: Bad Id\nkind: page\ntitle: t\n---\n")
    assert len(load_with(root).problems) == 3


def test_missing_content_folder_is_reported(tmp_path):
    model = load_content([bundled_data_dir(), tmp_path / "absent"])
    assert messages(model) == [f"{tmp_path / 'absent'}:1: content folder not found"]


SCHEME_FIELDS = """
            funder: Someone
            nations: [England]
            stages: [pre-doctoral]
            summary: s
            duration: d
            research_time: r
            eligibility: e
            timing: Check the funder's current call.
            url: https://example.org/scheme
            source_date: 2026-01-20
            last_checked: 2026-11-25
            next_check: 2027-03-01
"""


def test_a_scheme_takes_dated_rounds_or_says_why_it_has_none(content_dir):
    root, write = content_dir
    write(
        "schemes.yaml",
        """
        kind: scheme
        items:
          - id: dated-scheme
            title: Dated scheme"""
        + SCHEME_FIELDS
        + """
            rounds:
              - label: 2027 call
                opens: 2026-12-01
                closes: 2027-03-12
          - id: open-scheme
            title: Open scheme"""
        + SCHEME_FIELDS
        + """
            rounds: no fixed timetable
        """,
    )
    model = load_with(root)
    assert messages(model) == []
    rounds = model.get("dated-scheme").get("rounds")
    assert rounds[0]["closes"].isoformat() == "2027-03-12" and rounds[0]["label"] == "2027 call"
    assert model.get("open-scheme").get("rounds") == "no fixed timetable"


def test_bad_rounds_are_reported_with_their_line(content_dir):
    root, write = content_dir
    write(
        "schemes.yaml",
        """
        kind: scheme
        items:
          - id: backwards-scheme
            title: Backwards scheme"""
        + SCHEME_FIELDS
        + """
            rounds:
              - opens: 2027-03-12
                closes: 2026-12-01
          - id: silent-scheme
            title: Silent scheme"""
        + SCHEME_FIELDS,
    )
    model = load_with(root)
    problems = messages(model)
    assert any(":18: rounds: a round opens (2027-03-12) after it closes" in m for m in problems)
    # A local scheme may leave its rounds out (the bundled ones may not: test_sources).
    assert model.get("silent-scheme") is not None


def test_milestone_months_may_differ_by_nation(content_dir):
    root, write = content_dir
    write(
        "milestones.yaml",
        """
        kind: milestone
        items:
          - id: local-selection
            title: Local selection
            stage: f2
            timing: After allocation.
            months: {UK: [10], Scotland: [3]}
            why: w
            evidence: e
            nations: UK
          - id: bad-months
            title: Bad months
            stage: f2
            timing: t
            months: {Wales: [13]}
            why: w
            evidence: e
            nations: UK
        """,
    )
    model = load_with(root)
    assert dict(model.get("local-selection").get("months")) == {"UK": (10,), "Scotland": (3,)}
    assert any("months: Wales: month numbers run from 1 to 12" in m for m in messages(model))

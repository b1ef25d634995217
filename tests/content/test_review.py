"""guide review: what is overdue or due soon, with FILE:LINE, on an injected day."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from guide.cli import main
from guide.content import load_content
from guide.content.review import due_for_review, parse_within, relative
from guide.paths import bundled_data_dir

TODAY = dt.date(2026, 12, 1)

PAGE = """---
id: {id}
kind: page
title: {title}
last_reviewed: 2025-01-10
next_review: {due}
---

Text.
"""

SCHEMES = """kind: scheme
items:
  - id: trust-grant
    title: Trust small grants
    funder: St Elsewhere NHS Trust
    nations: [England]
    stages: [pre-doctoral]
    summary: Small grants for trainees.
    duration: 1 year
    research_time: none
    eligibility: trainees
    timing: March
    url: https://example.org/grants
    last_checked: 2025-07-01
"""


@pytest.fixture
def due_folder(content_dir, monkeypatch):
    root, write = content_dir
    write(
        "pages/overdue.md", PAGE.format(id="trust-overdue", title="Overdue page", due="2026-06-01")
    )
    write("pages/soon.md", PAGE.format(id="trust-soon", title="Soon page", due="2027-01-15"))
    write("pages/later.md", PAGE.format(id="trust-later", title="Later page", due="2028-01-01"))
    write("catalogues/schemes.yaml", SCHEMES)
    monkeypatch.setenv("GUIDE_TODAY", TODAY.isoformat())
    return root


def ids(found) -> list[str]:
    return [d.item_id for d in found]


def test_an_overdue_page_and_an_unchecked_scheme_are_listed_with_file_and_line(due_folder):
    model = load_content([bundled_data_dir(), due_folder])
    found = [
        d
        for d in due_for_review(model, TODAY, dt.timedelta(0))
        if d.path.startswith(str(due_folder))
    ]
    assert ids(found) == ["trust-overdue", "trust-grant"]
    page, scheme = found
    assert str(page).startswith(f"{due_folder / 'pages/overdue.md'}:6: overdue: Overdue page")
    assert "was due on 1 June 2026 (6 months ago)" in page.reason
    assert scheme.line == 14 and "last checked on 1 July 2025" in scheme.reason


def test_within_adds_what_falls_due_soon(due_folder):
    model = load_content([bundled_data_dir(), due_folder])
    mine = lambda found: [d for d in found if d.path.startswith(str(due_folder))]  # noqa: E731
    assert "trust-soon" not in ids(mine(due_for_review(model, TODAY, dt.timedelta(days=30))))
    soon = mine(due_for_review(model, TODAY, parse_within("60d")))
    assert ids(soon) == ["trust-overdue", "trust-grant", "trust-soon"]
    assert soon[-1].status == "due soon" and "(in 6 weeks)" in soon[-1].reason


def test_a_scheme_whose_rounds_have_all_closed_is_due(content_dir):
    root, write = content_dir
    write(
        "s.yaml",
        SCHEMES.replace("last_checked: 2025-07-01", "last_checked: 2026-11-01"),
    )
    model = load_content([bundled_data_dir(), root])
    item = model.get("trust-grant")
    # Rounds come from the scheme schema (helper "facts"); build them here as it would.
    closed = ({"closes": dt.date(2026, 3, 1)},)
    fields = dict(item.fields, rounds=closed)
    from dataclasses import replace
    from types import MappingProxyType

    model = replace(model, items=MappingProxyType({"trust-grant": replace(item, fields=fields)}))
    [due] = due_for_review(model, TODAY, dt.timedelta(0))
    assert "every application round listed has closed (the latest on 1 March 2026" in due.reason


def test_review_command_prints_json(due_folder, capsys):
    assert main(["review", "--json", "--within", "8w", "--content", str(due_folder)]) == 0
    rows = [r for r in json.loads(capsys.readouterr().out) if r["file"].startswith(str(due_folder))]
    assert [(r["id"], r["status"]) for r in rows] == [
        ("trust-overdue", "overdue"),
        ("trust-grant", "overdue"),
        ("trust-soon", "due-soon"),
    ]
    assert rows[0]["line"] == 6 and rows[0]["due"] == "2026-06-01"


def test_review_rejects_a_period_it_cannot_read(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["review", "--within", "soon"])
    assert exc.value.code == 2
    assert "60d" in capsys.readouterr().err


def test_validate_warns_about_due_content_and_strict_fails(due_folder, capsys):
    assert main(["validate", "--content", str(due_folder)]) == 0
    out = capsys.readouterr().out
    assert f"{due_folder / 'pages/overdue.md'}:6: warning: overdue: Overdue page" in out
    assert main(["validate", "--strict", "--content", str(due_folder)]) == 1


def test_relative_dates_read_naturally():
    assert relative(TODAY, TODAY) == "today"
    assert relative(TODAY - dt.timedelta(days=1), TODAY) == "1 day ago"
    assert relative(TODAY + dt.timedelta(days=21), TODAY) == "in 3 weeks"
    assert relative(TODAY - dt.timedelta(days=800), TODAY) == "2 years ago"

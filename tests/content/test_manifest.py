"""content.yaml: a content folder's title, publisher, edition and what changed."""

from __future__ import annotations

import datetime as dt

from guide.content import load_content
from guide.content.manifest import read_manifest
from guide.paths import bundled_data_dir


def test_a_folder_describes_itself(tmp_path):
    (tmp_path / "content.yaml").write_text(
        "title: St Elsewhere NHS Trust\npublisher: Postgraduate centre\nedition: 2026-11-20\n"
        "scope: local\nchanges:\n"
        "  - edition: 2026-05-01\n    notes: First edition.\n"
        "  - edition: 2026-11-20\n    notes:\n      - Added the research office page.\n"
        "      - Updated the grants page.\n",
        encoding="utf-8",
    )
    edition, problems = read_manifest(tmp_path)
    assert problems == []
    assert (edition.title, edition.publisher, edition.edition, edition.scope) == (
        "St Elsewhere NHS Trust", "Postgraduate centre", dt.date(2026, 11, 20), "local",
    )  # fmt: skip
    # Newest edition first, whatever order they were written in.
    assert [c.edition for c in edition.changes] == [dt.date(2026, 11, 20), dt.date(2026, 5, 1)]
    assert edition.changes[0].notes == (
        "Added the research office page.",
        "Updated the grants page.",
    )


def test_a_folder_without_content_yaml_is_named_after_itself(tmp_path):
    folder = tmp_path / "trust-pages"
    folder.mkdir()
    edition, problems = read_manifest(folder)
    assert problems == [] and edition.title == "trust-pages" and edition.scope == "local"


def test_mistakes_in_content_yaml_name_the_line(tmp_path):
    (tmp_path / "content.yaml").write_text(
        "title: Trust\npublsher: X\nedition: 20/11/2026\nscope: regional\n", encoding="utf-8"
    )
    edition, problems = read_manifest(tmp_path)
    messages = [str(p) for p in problems]
    assert (
        f"{tmp_path / 'content.yaml'}:2: unknown field 'publsher'; did you mean 'publisher'?"
        in messages
    )
    assert any(m.startswith(f"{tmp_path / 'content.yaml'}:3: edition: must be a date") and
               "write 2026-11-20" in m for m in messages)  # fmt: skip
    assert any(":4: scope: must be local" in m for m in messages)
    assert edition.title == "Trust"


def test_content_yaml_is_not_read_as_a_catalogue(tmp_path):
    (tmp_path / "content.yaml").write_text("title: Trust\n", encoding="utf-8")
    model = load_content([bundled_data_dir(), tmp_path])
    assert model.problems == ()
    assert [e.title for e in model.editions][1] == "Trust"
    assert model.editions[0].scope == "national"

"""Reader-page notes: local schemes marked local, pages with a problem still shown with a
warning, and the "What's new" page listing each folder's edition and changes."""

from __future__ import annotations

import datetime as dt

from guide.content import load_content
from guide.content.notices import whats_new_html
from guide.content.pages import PageComposer
from guide.paths import bundled_data_dir

DAY = dt.date(2026, 12, 1)
SCHEME = """kind: scheme
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
    last_checked: 2026-11-01
"""


def test_a_trust_scheme_is_marked_local_and_a_national_one_is_not(content_dir):
    root, write = content_dir
    write("content.yaml", "title: St Elsewhere NHS Trust\n")
    write("schemes.yaml", SCHEME)
    model = load_content([bundled_data_dir(), root])
    composer = PageComposer(model)
    local = composer.compose(model.get("trust-grant"), DAY).html
    assert "A local scheme from St Elsewhere NHS Trust, not a national one." in local
    national = composer.compose(model.of_kind("scheme")[0], DAY).html
    assert "A local scheme" not in national


def test_an_updated_national_edition_is_not_marked_local(content_dir):
    root, write = content_dir
    write("content.yaml", "title: National edition, spring 2027\nscope: national\n")
    write("schemes.yaml", SCHEME)
    model = load_content([bundled_data_dir(), root])
    assert "A local scheme" not in PageComposer(model).compose(model.get("trust-grant"), DAY).html


def test_a_page_with_a_bad_field_is_shown_with_a_warning(content_dir):
    root, write = content_dir
    write("schemes.yaml", SCHEME.replace("last_checked: 2026-11-01", "last_checked: 01/11/2026"))
    model = load_content([bundled_data_dir(), root])
    html = PageComposer(model).compose(model.get("trust-grant"), DAY).html
    assert "Trust small grants" in html and "Small grants for trainees." in html
    assert "Part of this page could not be read" in html
    assert "schemes.yaml:14: last_checked: must be a date" in html


def test_whats_new_lists_each_folder_with_its_changes_newest_first(content_dir):
    root, write = content_dir
    write(
        "content.yaml",
        "title: St Elsewhere NHS Trust\nedition: 2026-11-20\nchanges:\n"
        "  - edition: 2026-05-01\n    notes: First edition.\n"
        "  - edition: 2026-11-20\n    notes: Added the research office page.\n",
    )
    model = load_content([bundled_data_dir(), root])
    html = whats_new_html(model, lambda s: s)
    assert "<h2>St Elsewhere NHS Trust</h2>" in html
    assert "Edition: 20 November 2026" in html
    assert html.index("Added the research office page.") < html.index("First edition.")


def test_a_lost_entry_after_a_scheme_is_not_blamed_on_it(content_dir):
    root, write = content_dir
    lost = "  - id: trust-lost\n    title: Lost\n     funder: X\n"
    write("schemes.yaml", SCHEME + lost)
    model = load_content([bundled_data_dir(), root])
    assert "trust-lost" in model.failed
    html = PageComposer(model).compose(model.get("trust-grant"), DAY).html
    assert "Part of this page could not be read" not in html

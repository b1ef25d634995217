"""Rendering: Markdown to safe HTML and plain text, and whole reader pages."""

from __future__ import annotations

import datetime as dt

from guide.content.pages import PageComposer
from guide.content.render import Renderer, html_to_text


def render(model, text: str) -> str:
    return Renderer(model).markdown_html(text).html


def test_raw_html_is_escaped_not_passed_through(shipped_model):
    out = render(
        shipped_model,
        'Hello <script>alert(1)</script> <b onclick="x()">bold</b>\n\n<div>block</div>',
    )
    assert "<script" not in out and "<b " not in out and "<div>" not in out
    assert "&lt;script&gt;" in out


def test_internal_id_links_become_guide_links(shipped_model):
    out = render(shipped_model, "See [pre-doctoral](pre-doctoral#typical-posts).")
    assert 'href="guide:pre-doctoral#typical-posts"' in out
    assert 'class="internal"' in out


def test_term_links_carry_their_expansion(shipped_model):
    out = render(shipped_model, "An [ACF](acf) post.")
    assert 'class="term"' in out
    assert "Academic Clinical Fellowship" in out


def test_unsafe_links_are_made_inert(shipped_model):
    for href in (
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,x",
        "no-such-id",
        "vbscript:x",
    ):
        out = render(shipped_model, f"[click]({href})")
        assert "href" not in out, href
        assert "click" in out


def test_external_links_are_kept_and_marked(shipped_model):
    out = render(shipped_model, "[NIHR](https://www.nihr.ac.uk)")
    assert 'href="https://www.nihr.ac.uk"' in out and 'class="external"' in out


def test_remote_images_are_never_loaded(shipped_model):
    out = render(shipped_model, "![tracker](https://example.org/pixel.png)")
    assert "<img" not in out and "[tracker]" in out


def test_headings_form_the_contents_list(shipped_model):
    body = Renderer(shipped_model).markdown_html("## First part\n\ntext\n\n### Detail\n\n## Second")
    assert [(h.level, h.title) for h in body.headings] == [
        (2, "First part"),
        (3, "Detail"),
        (2, "Second"),
    ]
    assert 'id="first-part"' in body.html


def test_plain_text_keeps_words_and_drops_markup(shipped_model):
    text = html_to_text(render(shipped_model, "# Title\n\n- one **bold**\n- two"))
    assert text == "Title\n\n- one bold\n- two"


def test_section_page_shows_sources_and_review_dates(shipped_model):
    composer = PageComposer(shipped_model)
    page = composer.compose(shipped_model.get("pre-doctoral"), today=dt.date(2026, 12, 1))
    assert "Sources" in page.html and "catch.ac.uk" in page.html
    assert "Page last reviewed" in page.html and "Next review due" in page.html
    assert not page.review_overdue


def test_page_past_its_review_date_is_flagged(shipped_model):
    item = shipped_model.get("pre-doctoral")
    page = PageComposer(shipped_model).compose(item, today=item.next_review + dt.timedelta(days=1))
    assert page.review_overdue and "overdue for review" in page.html


def test_story_page_is_labelled_illustrative(shipped_model):
    story = shipped_model.of_kind("story")[0]
    assert "Illustrative composite" in PageComposer(shipped_model).compose(story).html


def test_labels_go_through_the_translator(shipped_model):
    composer = PageComposer(shipped_model, tr=lambda s: s.upper())
    assert "FUNDER" in composer.compose(shipped_model.of_kind("scheme")[0]).html


def test_links_to_the_apps_own_views_are_allowed(shipped_model):
    out = render(
        shipped_model, "Open the [diagram](pathway-diagram) or your [checklist](checklist)."
    )
    assert 'href="guide:pathway-diagram"' in out and 'href="guide:checklist"' in out

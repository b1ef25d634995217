"""Text helpers: subsection anchors agree with the renderer; markup is stripped; typos fixed."""

from __future__ import annotations

from collections import Counter

import pytest

from guide.content.render import Renderer
from guide.search.documents import model_docs
from guide.search.query import Vocabulary, edit_distance
from guide.search.text import compounds, markdown_text, split_subsections, stem, tokens


def test_subsection_anchors_match_the_renderers_heading_ids(shipped_model):
    renderer = Renderer(shipped_model)
    checked = 0
    for item in shipped_model:
        if item.kind not in ("section", "page"):
            continue
        rendered = [h for h in renderer.body_html(item).headings if h.level in (2, 3)]
        ours = [s for s in split_subsections(item.body) if s.anchor]
        assert [(s.anchor, s.heading) for s in ours] == [(h.anchor, h.title) for h in rendered]
        checked += len(ours)
    assert checked >= 30


def test_plain_text_keeps_the_words_the_reader_shows(shipped_model):
    renderer = Renderer(shipped_model)
    for item in shipped_model:
        if item.kind not in ("section", "story"):
            continue
        shown = set(tokens(renderer.plain_text(item)))
        ours = set(tokens(markdown_text(item.body)))
        assert shown <= ours, (item.id, sorted(shown - ours)[:10])


def test_markdown_markup_is_stripped():
    text = markdown_text(
        "## Heading\n\nSee [the ACF](acf) and **bold** *it* `code`.\n\n"
        "| a | b |\n|---|---|\n| c | d |\n\n- item one\n1. item two\n> quoted\n"
    )
    assert "[" not in text and "*" not in text and "`" not in text and "|" not in text
    for word in ("Heading", "the ACF", "bold", "it", "code", "c d", "item one", "quoted"):
        assert word in text


def test_headings_inside_code_fences_do_not_split():
    parts = split_subsections("Intro\n\n```\n## not a heading\n```\n\n## Real\n\nBody\n")
    assert [p.heading for p in parts] == ["", "Real"]
    assert "not a heading" in parts[0].text


def test_repeated_headings_get_unique_anchors():
    parts = split_subsections("## Tips\n\na\n\n## Tips\n\nb\n")
    assert [p.anchor for p in parts] == ["tips", "tips_1"]


def test_every_document_id_opens_an_item(shipped_model):
    docs = model_docs(shipped_model)
    assert len({d.id for d in docs}) == len(docs)
    assert all(d.item_id in shipped_model for d in docs)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("fellowships", "fellowship"), ("studies", "study"), ("classes", "class"),
     ("focus", "focus"), ("thesis", "thesis"), ("nhs", "nhs"), ("2025", "2025")],
)  # fmt: skip
def test_light_stemmer_only_strips_plurals(word, expected):
    assert stem(word) == expected


def test_tokens_fold_case_and_accents_and_split_punctuation():
    assert tokens("Café MD(Res) pre-doctoral") == ["cafe", "md", "res", "pre", "doctoral"]
    assert compounds("pre-doctoral and post-doctoral") == ["predoctoral", "postdoctoral"]


def test_edit_distance_counts_a_swap_as_one():
    assert edit_distance("fellowhsip", "fellowship", 2) == 1
    assert edit_distance("lectureshp", "lectureship", 2) == 1
    assert edit_distance("abc", "xyz", 1) == 2  # capped at limit + 1


def test_vocabulary_prefers_the_commoner_word_among_equal_fixes():
    vocab = Vocabulary(Counter({"fellowship": 40, "fellowships": 3, "scholarship": 5}))
    assert vocab.correct("fellowshp") == "fellowship"
    assert vocab.correct("zzzzzz") is None
    assert vocab.correct("abc") is None  # too short to guess
    assert "fellowships" in vocab and vocab.has_prefix("fello")

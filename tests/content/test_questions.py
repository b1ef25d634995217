"""The question kind: what the validator accepts and refuses, and how questions are shown.

Questions live in a catalogue (``kind: question``); each has a short answer of two to
four sentences and links to the pages that answer it in full. The questions page lists
them all, grouped by topic, below its own text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from guide.content import ContentModel, load_content
from guide.content.model import QUESTIONS_PAGE_ID
from guide.content.pages import PageComposer
from guide.content.questions import questions_by_topic, topic_anchor
from guide.content.schema import sentence_count
from guide.paths import bundled_data_dir

TODAY = dt.date(2026, 12, 1)

QUESTION = """
kind: question
items:
  - id: q-test-one
    title: Can I test a question?
    topic: {topic}
    answer: {answer}
    links: [{links}]
    sources:
      - title: A source
        url: https://example.org/specific-page
    last_reviewed: 2026-12-01
    next_review: 2027-06-01
"""
GOOD_ANSWER = "Yes, you can. This is the second sentence."


def load_with(root: Path) -> ContentModel:
    return load_content([bundled_data_dir(), root])


def write_question(content_dir, **fields: str) -> tuple[Path, ContentModel]:
    root, write = content_dir
    values = {"topic": "Testing", "answer": GOOD_ANSWER, "links": "pre-doctoral", **fields}
    path = write("extra/questions.yaml", QUESTION.format(**values))
    return path, load_with(root)


def test_a_valid_question_loads_with_its_fields(content_dir) -> None:
    _, model = write_question(
        content_dir, links="pre-doctoral, pay-contracts-leave#who-employs-you"
    )
    assert model.ok, [str(p) for p in model.problems]
    item = model.get("q-test-one")
    assert item is not None and item.kind == "question"
    assert item.get("links") == ("pre-doctoral", "pay-contracts-leave#who-employs-you")
    assert item.get("answer") == GOOD_ANSWER


@pytest.mark.parametrize(
    "answer",
    ["Only one sentence here.", "One. Two. Three. Four. Five sentences is too many."],
)
def test_an_answer_outside_two_to_four_sentences_is_refused_with_its_line(
    content_dir, answer: str
) -> None:
    path, model = write_question(content_dir, answer=answer)
    messages = [str(p) for p in model.problems]
    assert any(
        m.startswith(f"{path}:6: answer: a short answer has 2 to 4 sentences") for m in messages
    )
    # The loader keeps the item (an editor loses nothing) but never the refused answer.
    item = model.get("q-test-one")
    assert item is None or item.get("answer") is None


def test_a_link_to_an_unknown_page_names_the_file_and_line(content_dir) -> None:
    path, model = write_question(content_dir, links="no-such-page#anywhere")
    assert f"{path}:7: links: unknown page id 'no-such-page#anywhere'" in [
        str(p) for p in model.problems
    ]


def test_a_malformed_link_is_refused(content_dir) -> None:
    path, model = write_question(content_dir, links="'Not An Id'")
    assert any(
        str(p).startswith(f"{path}:7: links: 'Not An Id' is not a page id") for p in model.problems
    )


def test_a_question_missing_its_answer_is_reported(content_dir) -> None:
    root, write = content_dir
    path = write(
        "q.yaml",
        QUESTION.format(topic="T", answer=GOOD_ANSWER, links="glossary").replace(
            f"    answer: {GOOD_ANSWER}\n", ""
        ),
    )
    model = load_with(root)
    assert any(
        str(p).startswith(f"{path}:3: q-test-one: missing required field 'answer'")
        for p in model.problems
    )


def test_sentence_count_ignores_abbreviations_inside_a_sentence() -> None:
    assert sentence_count("Funders, e.g. the MRC, pay salaries. They also pay costs.") == 2
    assert sentence_count("It moves back. The JCST says so! Does it? Yes.") == 4
    assert sentence_count("") == 0


def test_questions_group_by_topic_in_catalogue_order(shipped_model: ContentModel) -> None:
    groups = questions_by_topic(shipped_model)
    topics = [topic for topic, _ in groups]
    assert len(topics) == len(set(topics))
    first_seen = []
    for question in shipped_model.of_kind("question"):
        if question.get("topic") not in first_seen:
            first_seen.append(question.get("topic"))
    assert topics == first_seen
    assert sum(len(questions) for _, questions in groups) == len(shipped_model.of_kind("question"))


def test_questions_page_lists_every_question_under_its_topic(shipped_model: ContentModel) -> None:
    page_item = shipped_model.get(QUESTIONS_PAGE_ID)
    assert page_item is not None
    page = PageComposer(shipped_model).compose(page_item, TODAY)
    for question in shipped_model.of_kind("question"):
        assert f'id="{question.id}"' in page.html, question.id
    topic_headings = [h for h in page.headings if h.anchor.startswith("topic-")]
    assert [h.title for h in topic_headings] == [t for t, _ in questions_by_topic(shipped_model)]
    for topic, _ in questions_by_topic(shipped_model):
        assert f'id="{topic_anchor(topic)}"' in page.html


def test_a_question_page_shows_its_answer_links_and_sources(shipped_model: ContentModel) -> None:
    question = shipped_model.of_kind("question")[0]
    page = PageComposer(shipped_model).compose(question, TODAY)
    assert page.title == question.title
    assert "Read more" in page.html
    target_id, _, anchor = question.get("links")[0].partition("#")
    assert f'href="guide:{target_id}' + (f"#{anchor}" if anchor else "") in page.html
    assert question.get("sources")[0]["url"] in page.html
    assert "Next review due" in page.html


def test_read_more_links_name_the_heading_they_open(shipped_model: ContentModel) -> None:
    question = shipped_model.get("q-pay-drop-phd")
    assert question is not None
    html = PageComposer(shipped_model).compose(question, TODAY).html
    assert "Pay, contracts and leave: Out-of-hours pay during a PhD" in html


def test_topic_anchor_is_a_stable_slug() -> None:
    assert topic_anchor("Money and contracts") == "topic-money-and-contracts"
    assert topic_anchor("ARCP, CCT and lectureships") == "topic-arcp-cct-and-lectureships"

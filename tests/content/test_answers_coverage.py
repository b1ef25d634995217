"""The sections and questions added for issue 16 keep their coverage.

Issue 16 found that the guide answered only half of what trainees ask before they commit
(pay, leave, applications, time out of programme, ARCP, returning after a PhD, the less
common routes and the cost of each big choice). These tests stop a later edit from
silently shrinking that work: each new section keeps its length, sources, review dates,
its costs subsection and its link from the overview; the questions page keeps at least
50 questions across every cluster, each answered with sources and links that resolve.
"""

from __future__ import annotations

import re

import pytest

from guide.content import ContentModel
from guide.content.model import QUESTIONS_PAGE_ID
from guide.search.text import split_subsections

# The new sections, each with the fewest words it may shrink to.
ANSWER_SECTIONS = {
    "applying-and-interviews": 900,
    "pay-contracts-leave": 1100,
    "time-out-of-programme": 800,
    "academic-training-progress": 880,
    "other-routes": 700,
    "weighing-the-choices": 730,
}
# Sections that weigh a choice must say what it costs, under this heading.
COSTS_HEADING = "Costs and trade-offs"
COSTS_EXEMPT = {"weighing-the-choices"}  # costs are its whole subject, choice by choice
MIN_QUESTIONS = 50
# Every cluster of issue 16 is a topic on the questions page, with at least this many.
TOPICS = {
    "Money and contracts": 5,
    "Leave and life": 5,
    "Applying and interviews": 8,
    "Time out of programme": 5,
    "ARCP, CCT and lectureships": 5,
    "Returning after a PhD": 2,
    "Other routes": 4,
    "Weighing the choices": 5,
}

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_WORD = re.compile(r"[A-Za-z0-9£%'’]+(?:[-–][A-Za-z0-9£%'’]+)*")


def _words(body: str) -> int:
    text = _LINK.sub(r"\1", body)
    text = re.sub(r"^#+ .*$", "", text, flags=re.M)
    return len(_WORD.findall(text))


def _anchors(model: ContentModel, item_id: str) -> set[str]:
    item = model.get(item_id)
    assert item is not None
    return {part.anchor for part in split_subsections(item.body) if part.anchor}


@pytest.mark.parametrize(("section_id", "min_words"), ANSWER_SECTIONS.items())
def test_each_new_section_keeps_its_length_sources_and_dates(
    shipped_model: ContentModel, section_id: str, min_words: int
) -> None:
    item = shipped_model.get(section_id)
    assert item is not None and item.kind == "section"
    assert _words(item.body) >= min_words, f"{section_id} has {_words(item.body)} words"
    sources = item.get("sources") or ()
    assert len(sources) >= 5, f"{section_id} cites only {len(sources)} sources"
    assert all(str(s["url"]).startswith(("https://", "http://")) for s in sources)
    # A source is a specific page, never a site's home page.
    assert all(re.match(r"^https?://[^/]+/?$", str(s["url"])) is None for s in sources)
    assert item.last_reviewed is not None and item.next_review is not None
    assert item.next_review > item.last_reviewed


@pytest.mark.parametrize("section_id", sorted(set(ANSWER_SECTIONS) - COSTS_EXEMPT))
def test_each_new_section_says_what_its_choices_cost(
    shipped_model: ContentModel, section_id: str
) -> None:
    item = shipped_model.get(section_id)
    assert item is not None
    assert f"## {COSTS_HEADING}" in item.body, f"{section_id} lacks ## {COSTS_HEADING}"


@pytest.mark.parametrize("section_id", [*ANSWER_SECTIONS, QUESTIONS_PAGE_ID])
def test_the_overview_links_to_each_new_page(shipped_model: ContentModel, section_id: str) -> None:
    overview = shipped_model.get("overview")
    assert overview is not None
    assert f"]({section_id})" in overview.body


def test_the_questions_page_holds_at_least_50_questions(shipped_model: ContentModel) -> None:
    assert shipped_model.get(QUESTIONS_PAGE_ID) is not None
    assert len(shipped_model.of_kind("question")) >= MIN_QUESTIONS


def test_every_cluster_keeps_its_questions(shipped_model: ContentModel) -> None:
    counts: dict[str, int] = {}
    for question in shipped_model.of_kind("question"):
        counts[str(question.get("topic"))] = counts.get(str(question.get("topic")), 0) + 1
    short = {t: counts.get(t, 0) for t, n in TOPICS.items() if counts.get(t, 0) < n}
    assert not short, f"topics below their minimum: {short}"


def test_every_question_has_sources_dates_and_a_link_to_a_section(
    shipped_model: ContentModel,
) -> None:
    for question in shipped_model.of_kind("question"):
        assert question.get("sources"), question.id
        assert question.last_reviewed and question.next_review, question.id
        targets = [link.partition("#")[0] for link in question.get("links")]
        kinds = {shipped_model.get(t).kind for t in targets if shipped_model.get(t) is not None}
        assert kinds & {"section", "scheme", "term", "page"}, question.id


def test_every_question_link_opens_an_existing_heading(shipped_model: ContentModel) -> None:
    broken = []
    for question in shipped_model.of_kind("question"):
        for link in question.get("links"):
            target, _, anchor = link.partition("#")
            if anchor and anchor not in _anchors(shipped_model, target):
                broken.append(f"{question.id}: {link}")
    assert not broken, broken


def test_every_heading_link_in_the_new_sections_resolves(shipped_model: ContentModel) -> None:
    broken = []
    for section_id in ANSWER_SECTIONS:
        item = shipped_model.get(section_id)
        assert item is not None
        for _, href in _LINK.findall(item.body):
            target, _, anchor = href.partition("#")
            internal = anchor and not href.startswith("http") and target in shipped_model
            if internal and anchor not in _anchors(shipped_model, target):
                broken.append(f"{section_id}: {href}")
    assert not broken, broken


def test_milestones_link_to_the_new_sections(shipped_model: ContentModel) -> None:
    linked = {
        link
        for milestone in shipped_model.of_kind("milestone")
        for link in milestone.get("links", ())
    }
    missing = {
        "applying-and-interviews",
        "time-out-of-programme",
        "academic-training-progress",
    } - linked
    assert not missing, f"no milestone links to {missing}"

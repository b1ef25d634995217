"""The shipped career stories keep the coverage that issue 3 asks for.

A later edit that deletes or trims a story must not silently drop a nation, a stage,
a specialty or a non-linear route, nor let a story lose its structure or its label.
"""

from __future__ import annotations

import re

import pytest

from guide.content import ContentModel
from guide.content.model import Item

PATHWAY_STAGES = {
    "early-research-exposure",
    "pre-doctoral",
    "phd-or-md",
    "early-post-doctoral",
    "later-post-doctoral",
}
NATIONS = {"England", "Scotland", "Wales", "Northern Ireland"}
NON_LINEAR_ROUTES = {
    "Less than full time",
    "Entry after CCT",
    "Return after a career break",
    "From industry or another profession",
}
# Each story tells the route, what helped, what was hard and one piece of advice.
REQUIRED_HEADINGS = ("the route", "what helped", "what was hard", "one piece of advice")

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_WORD = re.compile(r"[A-Za-z0-9£%'’]+(?:[-–][A-Za-z0-9£%'’]+)*")
# Titles followed by a capitalised word would name a person ("Dr Smith").
_NAMED_PERSON = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Professor|Prof)\.? [A-Z][a-z]+")


def _stories(model: ContentModel) -> list[Item]:
    return model.of_kind("story")


def _words(body: str) -> int:
    text = _LINK.sub(r"\1", body)  # count a link's words, not its target
    text = re.sub(r"^#+ .*$", "", text, flags=re.M)  # headings are not body words
    return len(_WORD.findall(text))


def _list(item: Item, name: str) -> tuple[str, ...]:
    value = item.get(name) or ()
    return (value,) if isinstance(value, str) else tuple(value)


def test_there_are_at_least_twelve_stories(shipped_model: ContentModel) -> None:
    assert len(_stories(shipped_model)) >= 12


def test_stories_cover_every_pathway_stage(shipped_model: ContentModel) -> None:
    covered = {stage for story in _stories(shipped_model) for stage in _list(story, "stages")}
    assert covered >= PATHWAY_STAGES, f"no story covers {sorted(PATHWAY_STAGES - covered)}"


def test_stories_cover_all_four_nations(shipped_model: ContentModel) -> None:
    covered: set[str] = set()
    for story in _stories(shipped_model):
        nations = set(_list(story, "nations"))
        covered |= NATIONS if "UK" in nations else nations
    assert covered >= NATIONS, f"no story is set in {sorted(NATIONS - covered)}"


def test_stories_cover_at_least_eight_specialties(shipped_model: ContentModel) -> None:
    specialties = {str(story.get("specialty")).strip().lower() for story in _stories(shipped_model)}
    assert len(specialties) >= 8, sorted(specialties)


def test_stories_cover_at_least_three_non_linear_routes(shipped_model: ContentModel) -> None:
    routes = {route for story in _stories(shipped_model) for route in _list(story, "routes")}
    found = routes & NON_LINEAR_ROUTES
    assert len(found) >= 3, f"only {sorted(found)} of the non-linear routes appear"


@pytest.mark.parametrize("field", ["last_reviewed", "next_review", "summary", "specialty"])
def test_every_story_has_its_required_fields(shipped_model: ContentModel, field: str) -> None:
    missing = [story.id for story in _stories(shipped_model) if not story.get(field)]
    assert not missing, f"stories without {field}: {missing}"


def test_every_story_is_between_250_and_500_words(shipped_model: ContentModel) -> None:
    counts = {story.id: _words(story.body) for story in _stories(shipped_model)}
    wrong = {sid: n for sid, n in counts.items() if not 250 <= n <= 500}
    assert not wrong, f"stories outside 250-500 words: {wrong}"


def test_every_story_opens_by_saying_it_is_illustrative(shipped_model: ContentModel) -> None:
    for story in _stories(shipped_model):
        first = story.body.strip().split("\n", 1)[0].lower()
        assert "illustrative composite" in first, story.id
        assert story.get("illustrative") is True, story.id


def test_every_story_has_route_help_hard_and_advice_headings(
    shipped_model: ContentModel,
) -> None:
    for story in _stories(shipped_model):
        headings = [
            line.lstrip("#").strip().lower()
            for line in story.body.splitlines()
            if line.startswith("## ")
        ]
        for wanted in REQUIRED_HEADINGS:
            assert any(h.startswith(wanted) for h in headings), f"{story.id}: no '{wanted}'"


def test_every_listed_scheme_is_linked_in_the_story_and_vice_versa(
    shipped_model: ContentModel,
) -> None:
    for story in _stories(shipped_model):
        listed = set(_list(story, "schemes"))
        linked = {
            target
            for _, target in _LINK.findall(story.body)
            if (item := shipped_model.get(target.partition("#")[0])) is not None
            and item.kind == "scheme"
        }
        assert listed == linked, f"{story.id}: listed {sorted(listed)}, linked {sorted(linked)}"


def test_every_story_links_to_at_least_one_pathway_section(shipped_model: ContentModel) -> None:
    for story in _stories(shipped_model):
        targets = {target.partition("#")[0] for _, target in _LINK.findall(story.body)}
        assert targets & (PATHWAY_STAGES | {"flexible-entry", "careers-across-fields"}), story.id


def test_no_story_names_a_person_by_title(shipped_model: ContentModel) -> None:
    for story in _stories(shipped_model):
        text = f"{story.title}\n{story.summary}\n{story.body}"
        assert not _NAMED_PERSON.search(text), f"{story.id}: {_NAMED_PERSON.search(text)}"

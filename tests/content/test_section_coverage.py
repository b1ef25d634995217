"""The shipped overview and eight sections keep the coverage that issue 3 asks for.

A later edit must not silently shorten a section below 600 words, drop its sources
or review dates, lose the nation differences or the how-to-apply advice, or cut the
overview's links, diagram pointer and disclaimer.
"""

from __future__ import annotations

import re

import pytest

from guide.content import ContentModel
from guide.content.model import SECTION_IDS

MIN_WORDS = 600
# Every section answers these questions, each under its own level-2 heading.
REQUIRED_HEADINGS = (
    "who funds it",
    "how and when to apply",
    "differences between england, scotland, wales and northern ireland",
    "practical tips",
)
# careers-across-fields must describe at least eight fields, each under a level-3 heading.
MIN_FIELDS = 8

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_WORD = re.compile(r"[A-Za-z0-9£%'’]+(?:[-–][A-Za-z0-9£%'’]+)*")


def _words(body: str) -> int:
    text = _LINK.sub(r"\1", body)  # count a link's words, not its target
    text = re.sub(r"^#+ .*$", "", text, flags=re.M)  # headings are not body words
    return len(_WORD.findall(text))


def _headings(body: str, level: int) -> list[str]:
    marks = "#" * level
    return [m.group(1).strip().lower() for m in re.finditer(rf"^{marks} (.+)$", body, re.M)]


@pytest.mark.parametrize("section_id", SECTION_IDS)
def test_each_section_has_at_least_600_words(shipped_model: ContentModel, section_id: str) -> None:
    item = shipped_model.get(section_id)
    assert item is not None
    assert _words(item.body) >= MIN_WORDS, f"{section_id} has {_words(item.body)} words"


@pytest.mark.parametrize("section_id", SECTION_IDS)
def test_each_section_keeps_its_required_subsections(
    shipped_model: ContentModel, section_id: str
) -> None:
    item = shipped_model.get(section_id)
    assert item is not None
    headings = _headings(item.body, 2)
    missing = [h for h in REQUIRED_HEADINGS if h not in headings]
    assert not missing, f"{section_id} lacks ## {missing}"
    assert not any(h == "sources" for h in headings), "sources belong in front matter"


@pytest.mark.parametrize("section_id", (*SECTION_IDS, "overview"))
def test_each_section_lists_web_sources_and_review_dates(
    shipped_model: ContentModel, section_id: str
) -> None:
    item = shipped_model.get(section_id)
    assert item is not None
    sources = item.get("sources") or ()
    assert len(sources) >= 3, f"{section_id} cites only {len(sources)} sources"
    assert all(str(s["url"]).startswith("https://") for s in sources)
    assert item.last_reviewed is not None and item.next_review is not None
    assert item.next_review > item.last_reviewed


def test_careers_across_fields_covers_at_least_eight_fields(shipped_model: ContentModel) -> None:
    item = shipped_model.get("careers-across-fields")
    assert item is not None
    fields = _headings(item.body, 3)
    assert len(fields) >= MIN_FIELDS, f"only {len(fields)} fields: {fields}"


def test_overview_links_every_section_points_to_the_diagram_and_disclaims(
    shipped_model: ContentModel,
) -> None:
    item = shipped_model.get("overview")
    assert item is not None
    targets = {m.group(2).partition("#")[0] for m in _LINK.finditer(item.body)}
    assert set(SECTION_IDS) <= targets, f"overview does not link {set(SECTION_IDS) - targets}"
    assert "](pathway-diagram)" in item.body
    text = " ".join(item.body.split()).lower()
    assert "not produced or endorsed by the nhs" in text
    assert "check the current year" in text

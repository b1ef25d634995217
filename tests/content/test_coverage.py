"""The shipped content keeps the coverage issue 3 asks for.

Counts, required fields, all four nations, all checklist and pathway stages, the
required glossary acronyms and the former names of renamed schemes. A later edit that
deletes or empties content must fail here rather than silently thin the guide.
(``test_story_coverage.py`` checks the stories' structure and length in more detail.)
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from guide.content import ContentModel
from guide.content.model import NATIONS, SECTION_IDS, Item
from guide.content.schema import SCHEMA

MINIMUM_COUNTS = {"scheme": 30, "milestone": 40, "term": 60, "story": 12, "section": 8}
MINIMUM_SECTION_WORDS = 600

CHECKLIST_STAGES = ("medical-school", "f1", "f2", "pre-doctoral", "doctoral", "post-doctoral")
# The five stage sections of the pathway, in order; stories must cover all of them.
PATHWAY_STAGES = (
    "early-research-exposure",
    "pre-doctoral",
    "phd-or-md",
    "early-post-doctoral",
    "later-post-doctoral",
)
NON_LINEAR_ROUTES = {
    "Less than full time",
    "Entry after CCT",
    "Return after a career break",
    "From industry or another profession",
}
REQUIRED_ACRONYMS = (
    "ACF", "CL", "SFP", "AFP", "IAT", "NIHR", "MRC", "UKRI", "CRUK", "BHF", "AMS", "CSO",
    "HCRW", "HEIW", "NES", "NIMDTA", "SCREDS", "WCAT", "OOPR", "CCT", "NTN(A)", "ARCP",
    "FPCC", "HLO", "FPC", "SLE", "TAB", "PSG", "PDP", "GCP", "QI", "LTFT", "WTE", "PI",
    "MD(Res)", "MB-PhD", "CRTF", "OOP", "OOPT", "OOPE", "PhD", "FEC", "ACL", "SCL", "Oriel",
    "PIA", "Horus", "Turas", "TPD", "ES", "CS", "DRF", "CDF", "HRA", "REC", "PPI", "OSCHR",
    "CATCH", "MSC", "Wellcome", "Starter Grant", "Intercalation",
)  # fmt: skip
# Renamed schemes: an old name, and words the current scheme's title must contain.
RENAMED_SCHEMES = (
    ("Academic Foundation Programme", "Specialised Foundation Programme"),
    ("NIHR Predoctoral Fellowship", "NIHR Predoctoral Award"),
    ("NIHR In-Practice Fellowship", "NIHR Predoctoral Award"),
    ("NIHR Doctoral Fellowship", "NIHR Doctoral Award"),
    ("Doctoral Clinical and Practitioner Academic Fellowship (DCAF)", "NIHR Doctoral Award"),
    ("Doctoral Local Authority Fellowship (DLAF)", "NIHR Doctoral Award"),
    ("NIHR Advanced Fellowship", "NIHR Postdoctoral Award"),
    ("NIHR Clinician Scientist Award", "NIHR Postdoctoral Award"),
)
# Other files, bookmarks and saved progress point at these ids.
KEPT_IDS = {"nihr-acf": "scheme", "acf": "term", "ms-summer-studentship": "milestone"}

_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]+\)")
_WORD = re.compile(r"[A-Za-z0-9£%'’]+(?:[-–][A-Za-z0-9£%'’]+)*")


def _body_words(body: str) -> int:
    """Words a reader sees in the body: link text counts, link targets and headings don't."""
    text = _LINK.sub(r"\1", body)
    text = re.sub(r"^#+ .*$", "", text, flags=re.M)
    return len(_WORD.findall(text))


def _list(item: Item, name: str) -> tuple[str, ...]:
    value = item.get(name) or ()
    return (value,) if isinstance(value, str) else tuple(value)


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, set, dict)):
        return not value
    return False


def _nation_specific(items: list[Item]) -> set[str]:
    """Nations that have at least one item written for them alone (not for the whole UK)."""
    return {n for item in items if set(item.nations) != set(NATIONS) for n in item.nations}


@pytest.mark.parametrize(("kind", "minimum"), sorted(MINIMUM_COUNTS.items()))
def test_each_kind_has_at_least_its_minimum_count(
    shipped_model: ContentModel, kind: str, minimum: int
) -> None:
    found = len(shipped_model.of_kind(kind))
    assert found >= minimum, f"only {found} {kind} items; the guide promises {minimum}"


@pytest.mark.parametrize("kind", ["scheme", "milestone", "term", "section", "story"])
def test_every_item_has_its_required_fields_filled_in(
    shipped_model: ContentModel, kind: str
) -> None:
    required = [name for name, spec in SCHEMA[kind].items() if spec.required]
    gaps = [
        f"{item.id}: {name}"
        for item in shipped_model.of_kind(kind)
        for name in required
        if _is_empty(item.get(name))
    ]
    untitled = [item.id for item in shipped_model.of_kind(kind) if not item.title.strip()]
    assert not gaps, f"{kind} items with an empty required field: {gaps}"
    assert not untitled, f"{kind} items without a title: {untitled}"


def test_all_eight_sections_exist_with_enough_body_text(shipped_model: ContentModel) -> None:
    short = {}
    for section_id in SECTION_IDS:
        section = shipped_model.get(section_id)
        assert section is not None and section.kind == "section", f"missing section {section_id}"
        words = _body_words(section.body)
        if words < MINIMUM_SECTION_WORDS:
            short[section_id] = words
    assert not short, f"sections under {MINIMUM_SECTION_WORDS} words: {short}"


def test_every_section_shows_sources_and_review_dates(shipped_model: ContentModel) -> None:
    for section in shipped_model.sections():
        sources = section.get("sources") or ()
        assert sources, f"{section.id} lists no sources"
        assert all(s.get("url", "").startswith("http") for s in sources), section.id
        assert section.last_reviewed is not None, f"{section.id} has no last_reviewed date"
        assert section.next_review is not None, f"{section.id} has no next_review date"
        assert section.next_review > section.last_reviewed, f"{section.id}: review dates swapped"


@pytest.mark.parametrize("kind", ["scheme", "milestone"])
def test_schemes_and_milestones_each_have_items_for_every_nation_alone(
    shipped_model: ContentModel, kind: str
) -> None:
    covered = _nation_specific(shipped_model.of_kind(kind))
    missing = sorted(set(NATIONS) - covered)
    assert not missing, f"no {kind} is written for {missing} specifically"


def test_schemes_milestones_and_stories_together_cover_all_four_nations(
    shipped_model: ContentModel,
) -> None:
    for kind in ("scheme", "milestone", "story"):
        covered = {n for item in shipped_model.of_kind(kind) for n in item.nations}
        assert covered == set(NATIONS), f"{kind} items miss {sorted(set(NATIONS) - covered)}"


def test_milestones_cover_all_six_checklist_stages(shipped_model: ContentModel) -> None:
    declared = tuple(stage.id for stage in shipped_model.checklist_stages)
    assert declared == CHECKLIST_STAGES
    per_stage = {stage: 0 for stage in CHECKLIST_STAGES}
    for milestone in shipped_model.of_kind("milestone"):
        per_stage[milestone.get("stage")] += 1
    thin = {stage: n for stage, n in per_stage.items() if n < 3}
    assert not thin, f"checklist stages with fewer than 3 milestones: {thin}"


def test_recruitment_milestones_have_months_for_the_coming_up_list(
    shipped_model: ContentModel,
) -> None:
    with_months = [m for m in shipped_model.of_kind("milestone") if m.get("months")]
    assert len(with_months) >= 10
    months = {month for m in with_months for month in m.get("months")}
    # Something should be coming up whatever the time of year.
    assert len(months) >= 9, sorted(months)


def test_stories_cover_all_five_pathway_stages(shipped_model: ContentModel) -> None:
    covered = {s for story in shipped_model.of_kind("story") for s in story.stages}
    missing = [stage for stage in PATHWAY_STAGES if stage not in covered]
    assert not missing, f"no story covers {missing}"


def test_stories_cover_eight_specialties_and_three_non_linear_routes(
    shipped_model: ContentModel,
) -> None:
    stories = shipped_model.of_kind("story")
    specialties = {str(story.get("specialty")).strip().lower() for story in stories}
    assert len(specialties) >= 8, sorted(specialties)
    routes = {route for story in stories for route in _list(story, "routes")}
    assert len(routes & NON_LINEAR_ROUTES) >= 3, sorted(routes)


def test_every_story_is_marked_illustrative(shipped_model: ContentModel) -> None:
    unmarked = [s.id for s in shipped_model.of_kind("story") if s.get("illustrative") is not True]
    assert not unmarked


def test_required_glossary_acronyms_exist(shipped_model: ContentModel) -> None:
    titles = set(shipped_model.terms_by_acronym())
    missing = [acronym for acronym in REQUIRED_ACRONYMS if acronym.lower() not in titles]
    assert not missing, f"glossary is missing {missing}"


def test_every_term_definition_is_one_sentence(shipped_model: ContentModel) -> None:
    for term in shipped_model.of_kind("term"):
        definition = " ".join(str(term.get("definition")).split())
        assert definition.endswith("."), term.id
        # A full stop followed by a capital letter would start a second sentence.
        assert not re.search(r"\.\s+[A-Z]", definition), f"{term.id}: {definition}"


@pytest.mark.parametrize(("old", "new"), RENAMED_SCHEMES)
def test_renamed_schemes_keep_their_former_names(
    shipped_model: ContentModel, old: str, new: str
) -> None:
    holders = [
        scheme for scheme in shipped_model.of_kind("scheme") if old in _list(scheme, "former_names")
    ]
    assert holders, f"no scheme records the former name {old!r}"
    assert any(new.lower() in scheme.title.lower() for scheme in holders), (
        f"{old!r} is recorded on {[s.title for s in holders]}, not on {new!r}"
    )


def test_yearly_changing_facts_tell_readers_to_check(shipped_model: ContentModel) -> None:
    for kind in ("scheme", "milestone"):
        for item in shipped_model.of_kind(kind):
            if item.get("volatile"):
                assert "check" in str(item.get("timing")).lower(), f"{item.id}: no 'check' note"


def test_scheme_addresses_are_secure_and_recently_checked(shipped_model: ContentModel) -> None:
    for scheme in shipped_model.of_kind("scheme"):
        assert str(scheme.get("url")).startswith("https://"), scheme.id
        assert scheme.get("last_checked").year >= 2026, scheme.id


@pytest.mark.parametrize(("item_id", "kind"), sorted(KEPT_IDS.items()))
def test_ids_other_files_rely_on_still_exist(
    shipped_model: ContentModel, item_id: str, kind: str
) -> None:
    item = shipped_model.get(item_id)
    assert item is not None and item.kind == kind

"""Queries a trainee would type find the item they mean in the top three.

Acronyms, former scheme names, typos and plain phrases, run against the
shipped content. A failure here means the ranking buries an obvious answer.
"""

from __future__ import annotations

import pytest

from guide.search import SearchIndex

# (what a trainee types, the item it should find); the item's own id, or a
# section id when any of its subsections will do.
QUERIES: list[tuple[str, str]] = [
    # acronyms (expanded through the glossary and scheme titles)
    ("ACF", "nihr-acf"),
    ("SFP", "specialised-foundation-programme"),
    ("OOPR", "phd-or-md"),
    ("CRTF", "mrc-crtf"),
    ("WCAT", "wcat"),
    ("SCREDS", "screds-lectureship"),
    ("SCPRA", "nihr-scpra"),
    ("ICAT", "icat"),
    ("GPARTS", "gparts"),
    ("MD(Res)", "phd-or-md"),
    # former names find the current scheme
    ("AFP", "specialised-foundation-programme"),
    ("Academic Foundation Programme", "specialised-foundation-programme"),
    ("NIHR Advanced Fellowship", "nihr-postdoctoral-award"),
    ("In-Practice Fellowship", "nihr-predoctoral-award"),
    ("NIHR Doctoral Fellowship", "nihr-doctoral-award"),
    ("Welsh Clinical Academic Training Fellowship", "wcat"),
    # expansions find the acronym's scheme
    ("Academic Clinical Fellowship", "nihr-acf"),
    ("clinical lectureship", "nihr-clinical-lectureship"),
    # typos
    ("clinical lectureshp", "nihr-clinical-lectureship"),
    ("acadmic clinical fellowship", "nihr-acf"),
    ("Specialsed Foundation Programme", "specialised-foundation-programme"),
    ("intercalaton", "early-research-exposure"),
    ("Welcome career development award", "wellcome-career-development-award"),
    ("Britsh Heart Foundation", "bhf"),
    # plain phrases
    ("research after CCT", "flexible-entry"),
    ("summer studentship", "ms-summer-studentship"),
    ("less than full time", "flexible-entry"),
    ("starter grant", "starter-grant"),
    ("AMS starter grant", "ams-starter-grant"),
    ("PhD or MD", "phd-or-md"),
    ("time out of training for research", "time-out-of-programme"),
    ("cancer research clinician scientist", "cruk-clinician-scientist"),
    ("Northern Ireland academic clinical fellowship", "ni-acf"),
    ("career break", "story-pathology-career-break"),
    ("moving from industry", "story-renal-from-industry"),
    ("national pathway", "national-pathway"),
    ("senior investigator", "nihr-senior-investigator"),
    ("predoctoral", "nihr-predoctoral-award"),
    ("pre-doctoral", "pre-doctoral"),
    ("future leaders", "ukri-future-leaders"),
]


def top_items(index: SearchIndex, query: str, n: int = 3) -> list[str]:
    return [r.item_id for r in index.search(query, limit=n).results]


def test_the_relevance_set_is_big_enough():
    assert len(QUERIES) >= 25


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_expected_item_in_top_three(shipped_index, shipped_model, query, expected):
    assert expected in shipped_model, f"relevance target {expected!r} is not in the content"
    found = top_items(shipped_index, query)
    assert expected in found, f"{query!r}: expected {expected!r} in the top 3, got {found}"


def test_every_target_is_a_real_item(shipped_model):
    missing = [item for _, item in QUERIES if item not in shipped_model]
    assert not missing


def test_exact_acronym_puts_its_glossary_term_first(shipped_index, shipped_model):
    for term in shipped_model.of_kind("term"):
        results = shipped_index.search(term.title, limit=5).results
        assert results, term.title
        assert term.id in [r.item_id for r in results[:3]], (term.title, results[:3])


def test_exact_title_outranks_body_mentions(shipped_index, shipped_model):
    for scheme in shipped_model.of_kind("scheme"):
        found = top_items(shipped_index, scheme.title)
        assert scheme.id in found, (scheme.title, found)


def test_former_name_finds_the_current_scheme_first(shipped_index, shipped_model):
    for scheme in shipped_model.of_kind("scheme"):
        for old in scheme.get("former_names") or ():
            found = top_items(shipped_index, old)
            assert scheme.id in found, (old, found)


def test_typo_gives_a_did_you_mean_suggestion(shipped_index):
    response = shipped_index.search("fellowhsip")
    assert response.suggestion == "fellowship"
    assert response.results


def test_correct_words_give_no_suggestion(shipped_index):
    assert shipped_index.search("clinical lectureship").suggestion is None
    assert shipped_index.search("fellowships").suggestion is None  # a plural is not a typo


def test_unfinished_last_word_matches_as_a_prefix(shipped_index):
    assert "nihr-senior-investigator" in top_items(shipped_index, "senior investig")
    assert shipped_index.search("senior investig").suggestion is None


def test_acronym_and_expansion_find_each_other(shipped_index):
    by_acronym = set(top_items(shipped_index, "ACF", 10))
    by_expansion = set(top_items(shipped_index, "Academic Clinical Fellowship", 10))
    assert {"acf", "nihr-acf"} <= by_acronym & by_expansion


def test_subsection_results_open_at_their_heading(shipped_index, shipped_model):
    results = shipped_index.search("PhD or MD(Res)", limit=10).results
    subsections = [r for r in results if r.anchor]
    assert subsections
    for result in subsections:
        assert result.id == f"{result.item_id}#{result.anchor}"
        assert shipped_model.get(result.item_id) is not None

"""Queries a trainee would type find the item they mean in the top three.

Acronyms, former scheme names, typos and plain phrases, run against the
shipped content. A failure here means the ranking buries an obvious answer.
"""

from __future__ import annotations

import pytest

from guide.search import SearchIndex
from tests.search.trainee_queries import TRAINEE_QUERIES

SUCCESS_AT_3 = 0.95

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


# --- the trainee relevance set --------------------------------------------------------------


def _answers(result, wanted: tuple[str, ...]) -> bool:
    return result.id in wanted or (result.item_id in wanted)


def success_at(index: SearchIndex, n: int = 3) -> tuple[float, list[tuple[str, list[str]]]]:
    """The share of trainee queries with an answer in the first ``n``, and the misses."""
    misses = []
    for query, wanted in TRAINEE_QUERIES:
        results = index.search(query, limit=n).results
        if not any(_answers(r, wanted) for r in results):
            misses.append((query, [r.id for r in results]))
    return 1 - len(misses) / len(TRAINEE_QUERIES), misses


def test_the_trainee_relevance_set_has_at_least_80_queries():
    assert len(TRAINEE_QUERIES) >= 80
    assert len({q for q, _ in TRAINEE_QUERIES}) == len(TRAINEE_QUERIES)


def test_every_trainee_answer_is_a_real_page_or_heading(shipped_index):
    known = {d.id for d in shipped_index.docs} | {d.item_id for d in shipped_index.docs}
    missing = [(q, a) for q, wanted in TRAINEE_QUERIES for a in wanted if a not in known]
    assert not missing


# The plain scan (for Pythons whose SQLite lacks FTS5) stems only plurals, so it
# joins fewer word forms than FTS5's Porter stemmer; it is held to a lower bar.
@pytest.mark.parametrize(("backend", "bar"), [("fts5", SUCCESS_AT_3), ("scan", 0.9)])
def test_trainee_queries_find_an_answer_in_the_top_three(shipped_index, scan_index, backend, bar):
    index = shipped_index if backend == "fts5" else scan_index
    rate, misses = success_at(index)
    shown = "\n".join(f"  {q!r} -> {got}" for q, got in misses)
    assert rate >= bar, f"{backend} success@3 {rate:.1%} < {bar:.0%}; misses:\n{shown}"


# --- the examples from the issue, and misses found later, first or second ------------------------------------------

FIRST_OR_SECOND = [
    ("clinical lecturer", ("nihr-clinical-lectureship", "early-post-doctoral#clinical-lectureship-england")),
    ("principal investigator", ("pi", "later-post-doctoral#what-this-stage-is")),
    ("academic gp", ("careers-across-fields#general-practice",)),
    ("phd worth it", ("phd-or-md", "weighing-the-choices#a-phd-or-md", "q-phd-worth-it")),
    ("phd funding", ("phd-or-md#who-funds-it",)),
    ("how to get cl", ("nihr-clinical-lectureship", "early-post-doctoral#clinical-lectureship-england", "q-cl-apply")),
    # Misses found after the set reached 96.6%; fixed by data (synonyms, content), not by rule.
    ("how much research time do you get in an acf", ("nihr-acf", "pre-doctoral#academic-clinical-fellowship-england")),
    ("when should i start planning a phd application", ("phd-or-md#timeline", "phd-or-md#how-and-when-to-apply", "pre-draft-fellowship")),
    ("gp lectureship", ("careers-across-fields#general-practice", "screds-lectureship")),
    ("how competitive is the acf", ("nihr-acf", "pre-doctoral#academic-clinical-fellowship-england", "f2-acf-apply")),
]  # fmt: skip


@pytest.mark.parametrize(("query", "wanted"), FIRST_OR_SECOND, ids=[q for q, _ in FIRST_OR_SECOND])
def test_issue_examples_come_first_or_second(shipped_index, query, wanted):
    top = shipped_index.search(query, limit=2).results
    assert any(_answers(r, wanted) for r in top), (query, [r.id for r in top])


def test_a_concept_comes_before_its_glossary_entry(shipped_index):
    ids = [r.item_id for r in shipped_index.search("clinical lectureship", limit=10).results]
    assert ids.index("nihr-clinical-lectureship") < ids.index("cl")
    ids = [
        r.item_id for r in shipped_index.search("academic clinical fellowship", limit=10).results
    ]
    assert ids.index("nihr-acf") < ids.index("acf")


def test_the_exact_acronym_still_puts_its_glossary_entry_first(shipped_index):
    assert shipped_index.search("CL", limit=1).results[0].item_id == "cl"
    assert shipped_index.search("PI", limit=1).results[0].item_id == "pi"


def test_an_expansion_never_finds_names_that_merely_start_with_its_acronym(shipped_index):
    ids = [r.item_id for r in shipped_index.search("principal investigator", limit=10).results]
    assert "pi" in ids[:3]
    assert "pia" not in ids  # Preference Informed Allocation is not a principal investigator


def test_gp_and_general_practice_find_each_other(shipped_index):
    by_acronym = [r.id for r in shipped_index.search("gp research", limit=5).results]
    by_words = [r.id for r in shipped_index.search("general practice research", limit=5).results]
    assert "careers-across-fields#general-practice" in by_acronym
    assert "careers-across-fields#general-practice" in by_words


def test_a_person_finds_their_post_and_back(shipped_index):
    plan = shipped_index.plan("lecturer ")
    assert ("lectureship",) in plan.groups[0].alternatives
    plan = shipped_index.plan("fellow ")
    assert ("fellowship",) in plan.groups[0].alternatives


def test_question_words_need_not_match(shipped_index):
    plan = shipped_index.plan("is a phd really any good")
    assert [g.alternatives[0] for g in plan.groups if not g.optional] == [("phd",), ("any",)]
    assert plan.asks == "question"
    assert shipped_index.search("phd tips").results
    # A question phrase the synonym file names is matched as a phrase, not dropped.
    worth = shipped_index.plan("is a phd worth it")
    assert ("weighing",) in [a for g in worth.groups for a in g.alternatives]


def test_the_page_highlight_covers_whole_words(shipped_index):
    response = shipped_index.search("screds")
    first = response.results[0]
    assert "screds" in response.terms_for(first)  # not the stem "scred", which left S unlit
    assert all(len(t) >= 2 for t in response.terms)


def test_a_synonym_phrase_is_highlighted_whole(shipped_index):
    response = shipped_index.search("ACF", limit=5)
    terms = {t.lower() for t in response.terms}
    assert "academic clinical fellowship" in terms
    assert "clinical" not in terms

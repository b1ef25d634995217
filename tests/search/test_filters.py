"""Filters by kind, stage and nation narrow results and never let the wrong ones through."""

from __future__ import annotations

import pytest

from guide.search import SearchIndex


@pytest.mark.parametrize("backend", ["fts5", "scan"])
def test_kind_filter_keeps_only_that_kind(shipped_index, scan_index, backend):
    index = shipped_index if backend == "fts5" else scan_index
    for kind in ("scheme", "section", "story", "milestone"):
        results = index.search("research fellowship", limit=50, kinds={kind}).results
        assert results, kind
        assert {r.kind for r in results} == {kind}


def test_kind_filter_can_find_what_other_kinds_crowd_out(shipped_index):
    unfiltered = shipped_index.search("ACF", limit=3).results
    milestones = shipped_index.search("ACF", limit=3, kinds={"milestone"}).results
    assert milestones and all(r.kind == "milestone" for r in milestones)
    assert {r.id for r in milestones} - {r.id for r in unfiltered}


@pytest.mark.parametrize("backend", ["fts5", "scan"])
def test_nation_filter_drops_items_for_other_nations(
    shipped_index, scan_index, shipped_model, backend
):
    index = shipped_index if backend == "fts5" else scan_index
    results = index.search("clinical lectureship", limit=50, nation="Scotland").results
    assert results
    for result in results:
        nations = shipped_model.get(result.item_id).nations
        assert not nations or "Scotland" in nations, result.id
    ids = {r.item_id for r in results}
    assert "nihr-clinical-lectureship" not in ids  # England only
    assert ids & {"screds-lectureship", "nes-cso-lectureship"}


def test_items_for_all_nations_pass_every_nation_filter(shipped_index):
    for nation in ("England", "Wales", "Northern Ireland", "Scotland"):
        ids = shipped_index.search("summer studentship", limit=20, nation=nation).ids()
        assert "ms-summer-studentship" in ids  # a UK-wide milestone


@pytest.mark.parametrize("backend", ["fts5", "scan"])
def test_stage_filter_keeps_items_of_that_stage(shipped_index, scan_index, shipped_model, backend):
    index = shipped_index if backend == "fts5" else scan_index
    results = index.search("fellowship", limit=50, stage="phd-or-md").results
    assert results
    checklist = {s.id: s.section for s in shipped_model.checklist_stages}
    for result in results:
        item = shipped_model.get(result.item_id)
        stages = set(item.stages) | {item.id}
        if item.get("stage"):
            stages |= {item.get("stage"), checklist.get(item.get("stage"))}
        if item.kind == "term":
            stages |= set(item.get("see") or ())
        assert "phd-or-md" in stages, result.id


def test_checklist_stage_ids_filter_milestones(shipped_index):
    results = shipped_index.search("apply", limit=50, stage="f2", kinds={"milestone"}).results
    assert results
    assert all(r.kind == "milestone" for r in results)


def test_filters_combine(shipped_index):
    results = shipped_index.search(
        "fellowship", limit=50, kinds={"scheme"}, nation="Wales", stage="phd-or-md"
    ).results
    assert results
    assert all(r.kind == "scheme" for r in results)


def test_unknown_filter_values_are_a_clear_error(shipped_index: SearchIndex):
    with pytest.raises(ValueError, match="unknown kind"):
        shipped_index.search("acf", kinds={"recipe"})
    with pytest.raises(ValueError, match="unknown stage"):
        shipped_index.search("acf", stage="retirement")
    with pytest.raises(ValueError, match="unknown nation"):
        shipped_index.search("acf", nation="Narnia")


def test_subsection_about_one_nation_is_filtered_by_its_heading(shipped_index):
    england_only = [
        d for d in shipped_index.docs if d.parent_title and d.nations == frozenset({"England"})
    ]
    assert england_only, "expected a subsection headed with (England)"
    heading_doc = england_only[0]
    welsh = shipped_index.search(heading_doc.search_title, limit=50, nation="Wales").ids()
    english = shipped_index.search(heading_doc.search_title, limit=50, nation="England").ids()
    assert heading_doc.id not in welsh
    assert heading_doc.id in english


@pytest.mark.parametrize("backend", ["fts5", "scan"])
def test_filters_without_words_list_everything_they_allow(
    shipped_index, scan_index, shipped_model, backend
):
    index = shipped_index if backend == "fts5" else scan_index
    response = index.search(
        "", limit=100, kinds={"scheme"}, stage="early-post-doctoral", nation="Wales"
    )
    assert response.browsing
    expected = {
        s.id
        for s in shipped_model.of_kind("scheme")
        if "early-post-doctoral" in s.get("stages", ()) and "Wales" in s.nations
    }
    assert expected and {r.id for r in response.results} == expected
    titles = [r.title for r in response.results]
    assert titles == sorted(titles)


def test_browsing_lists_items_not_their_headings(shipped_index):
    results = shipped_index.search("", limit=100, kinds={"section"}).results
    assert results and all("#" not in r.id for r in results)


def test_no_words_and_no_filters_finds_nothing(shipped_index):
    response = shipped_index.search("   ")
    assert not response.results and not response.browsing

"""Validating pathway.yaml: the shipped file, and mistakes an editor could make."""

from __future__ import annotations

import pytest

from guide.content import load_content
from guide.diagram.data import NODE_TYPES, Pathway
from guide.paths import bundled_data_dir

NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")

MINIMAL = """
kind: pathway
columns:
  - {id: early, title: Early, section: early-research-exposure}
  - {id: late, title: Late, section: pre-doctoral}
lanes:
  - {id: clinical, title: Clinical}
nodes:
  - {id: one, title: One, type: post, column: early, lane: clinical, link: pre-doctoral}
  - {id: two, title: Two, type: scheme, column: late, lane: clinical, link: pre-doctoral}
edges:
  - {from: one, to: two}
"""


def _load_with(content_dir, text: str):
    root, write = content_dir
    write("pathway.yaml", text)
    return load_content([bundled_data_dir(), root])


def _messages(model) -> list[str]:
    return [str(p) for p in model.problems]


def test_shipped_pathway_loads_without_problems(shipped_model):
    assert shipped_model.problems == ()
    pathway = shipped_model.extras["pathway"]
    assert isinstance(pathway, Pathway)
    assert {n.type for n in pathway.nodes} == set(NODE_TYPES)


def test_every_shipped_node_links_to_an_existing_item(shipped_model):
    pathway = shipped_model.extras["pathway"]
    missing = [(n.id, n.link) for n in pathway.nodes if n.link not in shipped_model]
    assert missing == []
    for column in pathway.columns:
        assert shipped_model.get(column.section).kind == "section"


def test_every_nation_has_its_own_variant(shipped_model):
    pathway = shipped_model.extras["pathway"]
    ids = {nation: {n.id for n in pathway.nodes_for(nation)} for nation in NATIONS}
    assert "acf" in ids["England"] and "acf" not in ids["Scotland"]
    assert "screds" in ids["Scotland"] and "screds" not in ids["England"]
    assert "wcat" in ids["Wales"] and "wcat" not in ids["Northern Ireland"]
    assert {"ni-acf", "ni-acl"} <= ids["Northern Ireland"]
    assert all(pathway.notes.get(nation) for nation in NATIONS)


def test_shipped_pathway_has_non_linear_routes_for_entry_after_cct_and_returning(shipped_model):
    pathway = shipped_model.extras["pathway"]
    non_linear = [e for e in pathway.edges if e.kind == "non-linear"]
    assert any(e.source == "cct" for e in non_linear)
    assert any(e.source == "career-break" for e in non_linear)
    for nation in NATIONS:
        assert any(e.kind == "non-linear" for e in pathway.edges_for(nation))


def test_checklist_stages_map_to_columns(shipped_model):
    pathway = shipped_model.extras["pathway"]
    for stage in shipped_model.checklist_stages:
        assert pathway.column_for_stage(stage.id) is not None, stage.id


def test_link_to_unknown_id_names_file_and_line(content_dir):
    model = _load_with(
        content_dir,
        MINIMAL.replace("link: pre-doctoral}\n  - {id: two", "link: no-such-page}\n  - {id: two"),
    )
    assert any(
        m.endswith("pathway.yaml:8: node 'one': link to unknown id 'no-such-page'")
        for m in _messages(model)
    )


def test_route_to_unknown_node_and_unknown_lane_are_reported(content_dir):
    text = MINIMAL.replace(
        "lane: clinical, link: pre-doctoral}\n  - {id: two",
        "lane: research, link: pre-doctoral}\n  - {id: two",
    )
    text += "  - {from: two, to: nowhere}\n"
    messages = _messages(_load_with(content_dir, text))
    assert any(":8: lane: unknown lane 'research'" in m for m in messages)
    assert any(":12: to: unknown node 'nowhere'" in m for m in messages)
    # The route from the broken box is not reported a second time.
    assert not any("unknown node 'one'" in m for m in messages)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("type: post", "type: person"), "type: use one of post, programme, scheme, milestone"),
        (("column: early, lane", "column: middle, lane"), "column: unknown column 'middle'"),
        (("{from: one, to: two}", "{from: one, to: two, kind: sideways}"), "kind: use one of"),
        (("{from: one, to: two}", "{from: one, to: two, kind: non-linear}"), "needs a 'label'"),
        (("{from: one, to: two}", "{from: one, to: one}"), "cannot go from 'one' to itself"),
        (("kind: pathway", "kind: pathway\ncolour: red"), "unknown top-level key 'colour'"),
        (("title: One,", "title: One, colour: red,"), "unknown field 'colour' for a node"),
        (("section: pre-doctoral}", "section: glossary}"), "'glossary' is not a section"),
    ],
)
def test_editor_mistakes_are_reported_with_a_line(content_dir, change, expected):
    old, new = change
    assert old in MINIMAL
    messages = _messages(_load_with(content_dir, MINIMAL.replace(old, new, 1)))
    hits = [m for m in messages if expected in m]
    assert hits, messages
    assert all(":" in h.split("pathway.yaml")[1] for h in hits)


def test_until_before_column_is_refused(content_dir):
    text = MINIMAL.replace("column: late, lane", "column: late, until: early, lane")
    assert any(
        "until: column 'early' comes before 'late'" in m
        for m in _messages(_load_with(content_dir, text))
    )


def test_a_summary_must_be_one_short_line(content_dir):
    text = MINIMAL.replace("title: One,", f"title: One, summary: {'x' * 300},")
    assert any("keep it to one line" in m for m in _messages(_load_with(content_dir, text)))


def test_edge_nations_are_limited_to_the_nations_of_both_boxes(content_dir):
    text = MINIMAL.replace(
        "link: pre-doctoral}\n  - {id: two", "link: pre-doctoral, nations: [Wales]}\n  - {id: two"
    )
    model = _load_with(content_dir, text)
    pathway = model.extras["pathway"]
    assert pathway.edges[0].nations == ("Wales",)
    assert pathway.edges_for("England") == ()


def test_unusable_pathway_without_lanes_reports_and_keeps_the_bundled_one_out(content_dir):
    model = _load_with(content_dir, "kind: pathway\ncolumns: []\n")
    assert any("needs a list of 'lanes'" in m for m in _messages(model))

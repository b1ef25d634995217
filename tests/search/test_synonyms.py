"""Editors' synonym files: validated with FILE:LINE, layered across folders, used both ways."""

from __future__ import annotations

from guide.content import load_content
from guide.paths import bundled_data_dir
from guide.search import SearchIndex
from guide.search.synonyms import SynonymData, word_forms

PAGE = """
---
id: {id}
kind: page
title: {title}
last_reviewed: 2026-01-01
next_review: 2027-01-01
---

{body}
"""


def _page(write, item_id: str, title: str, body: str) -> None:
    write(f"pages/{item_id}.md", PAGE.format(id=item_id, title=title, body=body))


def test_the_shipped_synonyms_load_without_problems(shipped_model):
    data = shipped_model.extras["synonyms"]
    assert isinstance(data, SynonymData)
    assert ("GP", "general practice") in data.pairs
    assert "worth" in data.question_words
    assert not [p for p in shipped_model.problems if "synonyms" in p.path]


def test_a_bad_synonym_line_is_reported_with_its_file_and_line(content_dir):
    root, write = content_dir
    path = write(
        "search/ours.yaml",
        """
        kind: synonyms
        same:
          GP: [general practice]
          the: [a]
          rota: []
          ward round: [one two three four five six seven]
          TPD: [tpd]
        colour: blue
        question_words: [worth, two words]
        """,
    )
    model = load_content([root])
    problems = {(p.line, p.message) for p in model.problems if p.path == str(path)}
    lines = {line for line, _ in problems}
    assert lines == {4, 5, 6, 7, 8, 9}, problems
    messages = " ".join(m for _, m in problems)
    assert "common words" in messages
    assert "longer than 6 words" in messages
    assert "same as the word itself" in messages
    assert "unknown top-level key 'colour'" in messages
    assert "single words" in messages
    # The good line still counts.
    assert ("GP", "general practice") in model.extras["synonyms"].pairs


def test_a_second_folder_adds_synonyms_to_the_bundled_ones(content_dir):
    root, write = content_dir
    write("search/local.yaml", "kind: synonyms\nsame:\n  rota: [work schedule]\n")
    data = load_content([bundled_data_dir(), root]).extras["synonyms"]
    assert ("rota", "work schedule") in data.pairs
    assert ("GP", "general practice") in data.pairs  # the bundled file's entries remain


def test_synonyms_find_each_other_both_ways_but_a_list_does_not_join_up(content_dir):
    root, write = content_dir
    write("search/synonyms.yaml", "kind: synonyms\nsame:\n  doctorate: [PhD, MD]\n")
    _page(write, "one", "Funding a PhD", "Money for a PhD.")
    _page(write, "two", "Funding an MD", "Money for an MD.")
    _page(write, "three", "Funding a doctorate", "Money for a doctorate.")
    index = SearchIndex.build(load_content([root]))
    assert {r.id for r in index.search("doctorate").results} == {"one", "two", "three"}
    assert {r.id for r in index.search("phd").results} == {"one", "three"}  # not the MD
    assert {r.id for r in index.search("md").results} == {"two", "three"}


def test_question_words_from_the_file_need_not_match(content_dir):
    root, write = content_dir
    write("search/synonyms.yaml", "kind: synonyms\nquestion_words: [worth]\n")
    _page(write, "rota", "Rotas", "How rotas work.")
    index = SearchIndex.build(load_content([root]))
    assert [r.id for r in index.search("rotas worth it").results] == ["rota"]


def test_word_forms_pair_a_person_with_their_post_only_when_both_are_written():
    pairs = word_forms(["lecturer", "lectureship", "fellow", "fellowship", "studentship"])
    assert ("lecturer", "lectureship") in pairs
    assert ("fellow", "fellowship") in pairs
    assert not [p for p in pairs if "studentship" in p]  # "student" is not in the text

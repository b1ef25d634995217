"""Every question in the catalogue is its own search result, found by its own words.

A trainee who types a question the way it is written on the questions page (or one of
the other ways it is commonly put, ``also_asked``) must see its answer in the top 3.
"""

from __future__ import annotations

import pytest

from guide.content import ContentModel, load_content
from guide.paths import bundled_data_dir
from guide.search import SearchIndex

_MODEL = load_content([bundled_data_dir()])
PHRASINGS = [
    pytest.param(question.id, text, id=f"{question.id}:{n}")
    for question in _MODEL.of_kind("question")
    for n, text in enumerate((question.title, *question.get("also_asked", ())))
]


@pytest.fixture(scope="module")
def index(shipped_model: ContentModel) -> SearchIndex:
    return SearchIndex.build(shipped_model)


@pytest.mark.parametrize(("question_id", "text"), PHRASINGS)
def test_searching_a_questions_words_finds_it_in_the_top_3(
    index: SearchIndex, question_id: str, text: str
) -> None:
    ids = index.search(text, limit=3).ids()
    assert question_id in ids, f"{text!r} gave {ids}"


def test_a_question_is_searchable_as_its_own_kind(index: SearchIndex) -> None:
    results = index.search("maternity leave fellowship", kinds=["question"], limit=5)
    assert results.ids() and all(r.kind == "question" for r in results.results)


def test_question_documents_carry_the_answer_text(shipped_model: ContentModel) -> None:
    from guide.search.documents import item_docs

    question = shipped_model.get("q-oopr-cct-date")
    assert question is not None
    (doc,) = item_docs(question, shipped_model)
    assert doc.kind == "question"
    assert "minus any part your college agrees" in doc.body
    assert "phd-or-md" in doc.stages

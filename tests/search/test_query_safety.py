"""Whatever a user types is never FTS5 syntax and never raises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.search.backends import match_expression

NASTY = [
    '"',
    '""',
    '"unclosed phrase',
    "*",
    "acf*",
    "*acf",
    "-",
    "-acf",
    "acf -fellowship",
    ":",
    "title:acf",
    "body : research",
    "(",
    ")",
    "(acf",
    "acf)",
    "((()))",
    "NEAR",
    "NEAR(acf fellowship)",
    "NEAR(acf fellowship, 2)",
    "acf NEAR fellowship",
    "AND",
    "OR",
    "NOT",
    "acf AND",
    "OR acf",
    "NOT NOT NOT",
    "acf OR OR fellowship",
    "{title body}: acf",
    "^acf",
    "acf + fellowship",
    "'; DROP TABLE docs; --",
    "\\",
    "%_%",
    "\x00",
    "   ",
    "",
    "é",
    "ﬁ ligature",
    "🙂 research",
    "a" * 5000,
    "acf " * 500,
]


@pytest.mark.parametrize("query", NASTY)
def test_syntax_characters_never_raise(shipped_index, scan_index, query):
    for index in (shipped_index, scan_index):
        response = index.search(query, limit=5)
        assert len(response.results) <= 5
        for result in response.results:
            assert result.id and result.title


def test_operators_typed_as_words_are_searched_as_words(shipped_index):
    quoted = shipped_index.search('"Academic Clinical Fellowship"').ids()
    plain = shipped_index.search("Academic Clinical Fellowship").ids()
    assert quoted == plain
    assert (
        shipped_index.search("acf -fellowship").ids()
        == shipped_index.search("acf fellowship").ids()
    )


def test_match_expression_quotes_every_token(shipped_index):
    plan = shipped_index.plan('NEAR(acf "x" OR title:y*')
    expression = match_expression(plan.groups, any_group=False)
    outside_quotes = expression.split('"')[::2]
    assert all(set(part) <= set(" ()*ORAND") for part in outside_quotes), expression


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.sampled_from(list("\"*-:()^{}+,. acfNEARORNOTé\\'")), max_size=40))
def test_property_syntax_soup_never_raises(shipped_index, query):
    shipped_index.search(query, limit=3)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_property_any_unicode_never_raises(shipped_index, scan_index, query):
    assert shipped_index.search(query, limit=3).query == query
    scan_index.search(query, limit=3)

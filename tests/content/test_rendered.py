"""Escaping text into a page: the same as the standard library's, without its import."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from guide.content.rendered import escape


@given(st.text())
def test_escaping_matches_the_standard_librarys(text: str) -> None:
    assert escape(text) == html.escape(text)


def test_markup_in_a_title_becomes_text() -> None:
    assert escape('<b>"Tom" & Jerry\'s</b>') == (
        "&lt;b&gt;&quot;Tom&quot; &amp; Jerry&#x27;s&lt;/b&gt;"
    )

"""Every source is a page that states the fact, never a bare domain or a home page.

A reader or the next editor must be able to open the cited page and find the fact
there; ``https://www.nihr.ac.uk/`` proves nothing. This covers every scheme's ``url``,
every milestone's ``source`` and every ``sources`` entry of every item.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from guide.content import ContentModel

# Paths that are a site's front page under another name.
HOME_PATHS = {"", "/", "/index.html", "/index.htm", "/index.php", "/home", "/en", "/en/"}


def is_home_page(url: str) -> bool:
    """True for an address that names a whole site rather than one page on it."""
    parts = urlparse(url)
    return parts.path.lower() in HOME_PATHS and not parts.query


def cited_addresses(model: ContentModel) -> list[tuple[str, str, str]]:
    """(item id, where, address) for every address the content cites."""
    found = []
    for item in model:
        for name in ("url", "source"):
            value = item.get(name)
            if value:
                found.append((item.id, name, str(value)))
        for source in item.get("sources") or ():
            found.append((item.id, f"source {source['title']!r}", source["url"]))
    return found


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("https://www.nihr.ac.uk/", True),
        ("https://www.nihr.ac.uk", True),
        ("https://wellcome.org/index.html", True),
        ("https://catch.ac.uk/?p=899", False),
        (
            "https://www.ukri.org/opportunity/pre-doctoral-clinical-research-training-fellowship/",
            False,
        ),
    ],
)
def test_a_home_page_is_told_apart_from_a_page(url: str, home: bool) -> None:
    assert is_home_page(url) is home


def test_no_source_is_a_bare_domain_or_home_page(shipped_model: ContentModel) -> None:
    bare = [
        f"{item_id} ({where}): {url}"
        for item_id, where, url in cited_addresses(shipped_model)
        if is_home_page(url)
    ]
    assert not bare, "cite the page that states the fact:\n" + "\n".join(bare)


def test_every_scheme_says_when_it_applies_and_when_to_check_it_again(
    shipped_model: ContentModel,
) -> None:
    for scheme in shipped_model.of_kind("scheme"):
        assert scheme.get("rounds"), scheme.id
        assert scheme.get("next_check") > scheme.get("last_checked"), scheme.id

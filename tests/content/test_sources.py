"""Every source is a page that states the fact, never a bare domain or a home page.

A reader or the next editor must be able to open the cited page and find the fact
there; ``https://www.nihr.ac.uk/`` proves nothing. This covers every scheme's ``url``,
every milestone's ``source``, every ``sources`` entry of every item, and every web
address written into a page's text or a text field (a Markdown link, say).

It also checks that every scheme says when it runs in a form the app can date (dated
rounds, or one of the two phrases that say why there are none) and when it is due to be
checked again.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

import pytest

from guide.content import ContentModel
from guide.content.model import Item

# Paths that are a site's front page under another name.
HOME_PATHS = {"", "/", "/index.html", "/index.htm", "/index.php", "/home", "/en", "/en/"}
# A web address inside text: up to the first space, bracket or quote.
ADDRESS_IN_TEXT = re.compile(r"https?://[^\s()<>\[\]\"']+")
# What ``rounds`` may say instead of listing dated rounds.
NO_DATED_ROUNDS = {"no fixed timetable", "dates not known"}


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
        texts = [("text", item.body)] + [
            (name, value)
            for name, value in item.fields.items()
            if isinstance(value, str) and name not in ("url", "source")
        ]
        for name, text in texts:
            for address in ADDRESS_IN_TEXT.findall(text or ""):
                found.append((item.id, f"address in {name}", address.rstrip(".,;:")))
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


def test_an_address_written_into_a_page_is_checked_too(shipped_model: ContentModel) -> None:
    where = {w for _, w, _ in cited_addresses(shipped_model)}
    assert "address in text" in where, "no address in any page's text was found to check"


def test_every_scheme_has_dated_rounds_or_says_why_not_and_a_next_check_date(
    shipped_model: ContentModel,
) -> None:
    problems = []
    for scheme in shipped_model.of_kind("scheme"):
        rounds = scheme.get("rounds")
        if isinstance(rounds, str):
            if rounds not in NO_DATED_ROUNDS:
                problems.append(f"{scheme.id}: rounds says {rounds!r}")
        elif not rounds:
            problems.append(f"{scheme.id}: no rounds")
        else:
            for one in rounds:
                dates = [one.get(k) for k in ("opens", "closes") if one.get(k) is not None]
                if not dates or not all(isinstance(d, dt.date) for d in dates):
                    problems.append(f"{scheme.id}: a round without a date: {one!r}")
        last, due = scheme.get("last_checked"), scheme.get("next_check")
        if not isinstance(due, dt.date) or not isinstance(last, dt.date) or due <= last:
            problems.append(f"{scheme.id}: next_check {due!r} is not a date after {last!r}")
        if scheme.get("source_date") in (None, ""):
            problems.append(f"{scheme.id}: no source_date (a date, or 'undated')")
    assert not problems, "\n".join(problems)


def test_every_milestone_with_a_dated_round_has_its_usual_months(
    shipped_model: ContentModel,
) -> None:
    """A dated round goes out of date after a year; the usual months (by nation where
    they differ) are what lets "coming up" show the milestone again the next year."""
    missing = [
        m.id
        for m in shipped_model.of_kind("milestone")
        if m.get("rounds") and not isinstance(m.get("rounds"), str) and not m.get("months")
    ]
    assert not missing, "add `months` to: " + ", ".join(missing)


def _dated_rounds(item: Item) -> set[tuple[object, object]]:
    rounds = item.get("rounds")
    if not rounds or isinstance(rounds, str):
        return set()
    return {(r.get("opens"), r.get("closes")) for r in rounds}


def test_a_milestones_dated_rounds_match_the_scheme_it_links_to(
    shipped_model: ContentModel,
) -> None:
    """The checklist and the scheme pages read the same rounds: each round a milestone
    lists is on a scheme it links to, and the linked schemes' latest round is on the
    milestone too, so a new round added to one is not missing from the other."""
    problems, compared = [], 0
    for milestone in shipped_model.of_kind("milestone"):
        own = _dated_rounds(milestone)
        if not own:
            continue
        linked = [shipped_model.get(i) for i in milestone.get("links") or ()]
        schemes = [s for s in linked if s is not None and s.kind == "scheme" and _dated_rounds(s)]
        if not schemes:
            continue
        compared += 1
        theirs = set().union(*(_dated_rounds(s) for s in schemes))
        problems += [f"{milestone.id}: round {r} is on no linked scheme" for r in own - theirs]
        latest = max(theirs, key=lambda r: r[1])
        if latest not in own:
            problems.append(f"{milestone.id}: the linked schemes' latest round {latest} is missing")
    assert compared, "no milestone with dated rounds links to a scheme with dated rounds"
    assert not problems, "\n".join(problems)

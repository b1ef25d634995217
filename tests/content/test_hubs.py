"""Hub pages as cards: what a card says, which cards a filter keeps, and the filter links."""

from __future__ import annotations

import re

from guide.content.hubs import Card, Filters, Subgroup, hub_html, split_hub_id

STAGES = {"pre-doctoral": "Pre-doctoral training", "phd-or-md": "Applying for a PhD or MD"}
UK = ("England", "Scotland", "Wales", "Northern Ireland")

WALES_PHD = Card(
    "story-wales", "A GP in Wales", "A part-time PhD.", "story", ("phd-or-md",), ("Wales",)
)
ENGLAND_ACF = Card(
    "story-acf", "An ACF in England", "Research after F2.", "story", ("pre-doctoral",), ("England",)
)
UK_WIDE = Card("mrc", "MRC fellowship", "A UK-wide award.", "scheme", ("phd-or-md",), UK)
SECTION = Card("pre-doctoral", "Pre-doctoral training", "Before a PhD.", "section")


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_a_hub_id_carries_its_filters_and_ignores_unknown_ones():
    assert split_hub_id("group:stories") == ("group:stories", Filters())
    assert split_hub_id("group:stories?nation=Northern+Ireland&stage=phd-or-md&x=1") == (
        "group:stories",
        Filters(stage="phd-or-md", nation="Northern Ireland"),
    )


def test_filters_keep_matching_cards_and_pages_that_name_no_nation():
    assert Filters(nation="Wales").keeps(WALES_PHD)
    assert not Filters(nation="Wales").keeps(ENGLAND_ACF)
    assert Filters(nation="Wales").keeps(UK_WIDE)
    assert Filters(nation="Wales").keeps(SECTION)  # a guide section applies everywhere
    assert not Filters(stage="pre-doctoral", nation="Wales").keeps(WALES_PHD)
    assert Filters(stage="phd-or-md", nation="Wales").keeps(WALES_PHD)


def test_a_card_shows_title_link_summary_stages_and_nations():
    html = hub_html("group:x", "Hub", [WALES_PHD, UK_WIDE], stage_titles=STAGES)
    assert '<a class="internal" href="guide:story-wales"><b>A GP in Wales</b></a>' in html
    assert "A part-time PhD." in html
    assert "Stages: Applying for a PhD or MD" in html
    assert "Nations: Wales" in html
    assert "Nations: All UK nations" in html  # not the four names on every UK-wide card
    # Two kinds in one hub: each card says which it is.
    assert "Career story" in html and "Funding scheme" in html


def test_cards_of_one_kind_do_not_repeat_it():
    html = hub_html("group:stories", "Career stories", [WALES_PHD, ENGLAND_ACF])
    assert "Career story" not in html


def test_filter_lines_appear_only_when_they_would_narrow_the_cards():
    both = hub_html("group:s", "S", [WALES_PHD, ENGLAND_ACF], stage_titles=STAGES)
    assert "<b>Stage:</b>" in both and "<b>Nation:</b>" in both
    one_nation = Card("b", "B", nations=("Wales",), stages=("pre-doctoral",))
    same = hub_html("group:s", "S", [WALES_PHD, one_nation], stage_titles=STAGES)
    assert "<b>Nation:</b>" not in same  # every card is Welsh: nothing to choose
    assert "<b>Stage:</b>" in same


def test_each_choice_is_a_link_with_a_count_and_the_chosen_one_says_so():
    html = hub_html(
        "group:s",
        "S",
        [WALES_PHD, ENGLAND_ACF, UK_WIDE],
        filters=Filters(nation="Wales"),
        stage_titles=STAGES,
    )
    links = _links(html)
    assert "guide:group:s?nation=England" in links
    assert "guide:group:s?stage=phd-or-md&nation=Wales" in links  # keeps the other filter
    assert "<b>Wales (2)</b> (shown)" in html  # the Welsh story and the UK-wide scheme
    assert "guide:group:s?nation=Wales" not in links
    assert "Showing 2 of 3." in html and "guide:group:s" in links
    assert "guide:story-acf" not in links  # filtered out


def test_subgroups_and_the_trail_are_links():
    html = hub_html(
        "group:by-stage",
        "By stage",
        [WALES_PHD],
        subgroups=[Subgroup("group:stage-phd", "Applying for a PhD or MD", 4)],
        trail=[("group:stories", "Career stories")],
    )
    assert _links(html)[:2] == ["guide:group:stories", "guide:group:stage-phd"]
    assert "Applying for a PhD or MD</a> (4)" in html


def test_no_match_says_so_rather_than_showing_an_empty_page():
    html = hub_html(
        "group:s",
        "S",
        [WALES_PHD, ENGLAND_ACF],
        filters=Filters(stage="phd-or-md", nation="England"),
    )
    assert "Nothing here matches both choices." in html
    assert "Showing 0 of 2." in html


def test_labels_go_through_the_translator():
    html = hub_html("group:s", "S", [WALES_PHD, ENGLAND_ACF], tr=lambda t: t.upper())
    assert "ALL NATIONS" in html and "NATIONS: WALES" in html


def test_a_choice_that_would_leave_no_cards_is_not_a_link():
    html = hub_html(
        "group:s",
        "S",
        [WALES_PHD, ENGLAND_ACF],
        filters=Filters(nation="Wales"),
        stage_titles=STAGES,
    )
    assert "Pre-doctoral training (0)" in html
    assert "guide:group:s?stage=pre-doctoral&nation=Wales" not in _links(html)
    assert "guide:group:s?stage=phd-or-md&nation=Wales" in _links(html)

"""Group rows of the tree open hub pages: their pages as cards, filters that are links,
titles that do not pass for a stage's own page, reachable by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from guide.ui.host import GROUP_PREFIX
from tests.ui.helpers import make_window, show_active


def _hrefs(window) -> list[str]:
    """The targets of the links in the reader, in page order."""
    doc = window.reader.document()
    hrefs, block = [], doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href and (not hrefs or hrefs[-1] != href):
                hrefs.append(href)
            it += 1
        block = block.next()
    return hrefs


def _story_links(window) -> list[str]:
    return [h for h in _hrefs(window) if h.startswith("guide:story-")]


def test_career_stories_lists_every_story_once_as_a_card(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home)
    window.open_id(GROUP_PREFIX + "stories")
    stories = shipped_model.of_kind("story")
    assert sorted(_story_links(window)) == sorted(f"guide:{s.id}" for s in stories)
    text = window.reader.toPlainText()
    for story in stories:
        assert story.summary in text
    assert "Nation: All nations (shown)" in " ".join(text.split())


def test_a_nation_filter_link_narrows_the_cards_and_back_undoes_it(
    qtbot, shipped_model, isolated_home
):
    window = make_window(qtbot, shipped_model, isolated_home)
    window.open_id(GROUP_PREFIX + "stories")
    every = _story_links(window)
    wales = "guide:group:stories?nation=Wales"
    assert wales in _hrefs(window)
    window.reader.anchorClicked.emit(QUrl(wales))
    welsh = [s.id for s in shipped_model.of_kind("story") if "Wales" in s.nations]
    assert sorted(_story_links(window)) == sorted(f"guide:{i}" for i in welsh)
    assert 0 < len(welsh) < len(every)
    assert window.tree.currentIndex().data() == "Career stories"  # still the hub's row
    window.go_back()
    assert _story_links(window) == every


def test_a_stage_group_of_stories_is_not_titled_like_the_stage_page(
    qtbot, shipped_model, isolated_home
):
    window = make_window(qtbot, shipped_model, isolated_home)
    window.open_id(GROUP_PREFIX + "stories-stage-early-research-exposure")
    stage_page = shipped_model.get("early-research-exposure").title
    assert window.current_page.title == f"Career stories: {stage_page}"
    assert window.windowTitle().startswith(f"Career stories: {stage_page}")
    assert _hrefs(window)[:2] == ["guide:group:stories", "guide:group:stories-by-stage"]


def test_scheme_groups_filter_by_nation_and_count_uk_wide_schemes_everywhere(
    qtbot, shipped_model, isolated_home
):
    window = make_window(qtbot, shipped_model, isolated_home)
    group = GROUP_PREFIX + "schemes-early-post-doctoral"
    window.open_id(group + "?nation=Wales")
    shown = {h.removeprefix("guide:") for h in _hrefs(window)}
    schemes = [
        s for s in shipped_model.of_kind("scheme") if s.stages[:1] == ("early-post-doctoral",)
    ]
    assert schemes
    for scheme in schemes:
        assert (scheme.id in shown) == ("Wales" in scheme.nations), scheme.id


def test_tab_walks_the_cards_links_from_the_keyboard(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home)
    show_active(qtbot, window)
    window.open_id(GROUP_PREFIX + "stories")
    window.reader.setFocus()
    reached = ""
    for _ in range(40):  # the browse, stage and nation links come first
        qtbot.keyClick(window.reader, Qt.Key.Key_Tab)
        assert window.reader.hasFocus()
        reached = window.reader.textCursor().charFormat().anchorHref()
        if reached.startswith("guide:story-"):
            break
    assert reached.startswith("guide:story-")
    qtbot.keyClick(window.reader, Qt.Key.Key_Return)
    assert window.current_id == reached.removeprefix("guide:")


def test_tools_lists_the_views_beneath_it(qtbot, shipped_model, isolated_home):
    window = make_window(qtbot, shipped_model, isolated_home)
    window.open_id(GROUP_PREFIX + "tools")
    assert "guide:whats-new" in _hrefs(window)

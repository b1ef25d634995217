"""The main window: the integration contract, the tree and the reader stay in step."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLabel

from guide.ui.host import GROUP_PREFIX
from guide.ui.roles import Role
from guide.ui.shell.window import MainWindow


def make_window(qtbot, model, home=None, **kwargs) -> MainWindow:
    window = MainWindow(model, home, **kwargs)
    qtbot.addWidget(window)
    return window


def test_window_opens_on_the_overview(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    assert shipped_model.get("overview").title in window.reader.toPlainText()
    assert window.tree.currentIndex().data(Role.ID) == "overview"


def test_selecting_a_tree_row_opens_that_page(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.tree.setCurrentIndex(window.nav.index_for("pre-doctoral"))
    assert window.current_id == "pre-doctoral"
    assert "Pre-doctoral training" in window.reader.toPlainText()


def test_opening_a_page_selects_its_tree_row(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.open_id("glossary")
    assert window.tree.currentIndex().data(Role.ID) == "glossary"


def test_tree_lists_stages_in_order_then_fixed_sections_then_glossary(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    top = [window.nav.index(r, 0).data(Role.ID) for r in range(window.nav.rowCount())]
    assert top[0] == "overview"
    assert top[1] == GROUP_PREFIX + "stages"
    assert top.index("careers-across-fields") < top.index("flexible-entry")
    assert top.index("flexible-entry") < top.index("national-pathway")
    assert top.index("national-pathway") < top.index("glossary")
    stages = window.nav.rows_for(GROUP_PREFIX + "stages")[0]
    children = [stages.child(r).data(Role.ID) for r in range(stages.rowCount())]
    assert children[:2] == ["early-research-exposure", "pre-doctoral"]


def test_schemes_sit_beneath_the_national_pathway_grouped_by_stage(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    for scheme in shipped_model.of_kind("scheme"):
        (row,) = window.nav.rows_for(scheme.id)  # once, under its first stage
        assert row.parent().parent().data(Role.ID) == "national-pathway"
        assert row.parent().data(Role.ID).startswith(GROUP_PREFIX + "schemes-")
    # No stage group is anywhere near as long as the whole list was.
    national = window.nav.rows_for("national-pathway")[0]
    sizes = [national.child(i).rowCount() for i in range(national.rowCount())]
    assert len(sizes) > 1 and max(sizes) < len(shipped_model.of_kind("scheme"))


def test_stories_are_grouped_by_stage_and_by_specialty(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    story = shipped_model.of_kind("story")[0]
    parents = {row.parent().parent().data(Role.ID) for row in window.nav.rows_for(story.id)}
    assert parents == {GROUP_PREFIX + "stories-by-stage", GROUP_PREFIX + "stories-by-specialty"}


def test_opening_a_group_row_lists_its_children(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.open_id(GROUP_PREFIX + "stages")
    assert shipped_model.get("phd-or-md").title in window.reader.toPlainText()


def test_internal_link_opens_the_page(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.reader.anchorClicked.emit(QUrl("guide:glossary"))
    assert window.current_id == "glossary"
    assert "Glossary" in window.reader.toPlainText()


def test_unknown_id_keeps_the_current_page_and_says_so(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.open_id("no-such-page")
    assert window.current_id == "overview"
    assert "no-such-page" in window.statusBar().currentMessage()


def test_registered_view_is_built_lazily_listed_in_its_section_and_opened_by_link(
    qtbot, shipped_model
):
    window = make_window(qtbot, shipped_model)
    built = []

    def factory() -> QLabel:
        built.append(1)
        return QLabel("checklist body")

    window.register_view("checklist", "My checklist", factory, tree_section="my-progress")
    assert built == []
    row = window.nav.rows_for("checklist")[0]
    assert row.parent().data(Role.ID) == GROUP_PREFIX + "my-progress"
    window.reader.anchorClicked.emit(QUrl("guide:checklist"))
    assert built == [1]
    assert window.stack.currentWidget().widget().text() == "checklist body"
    window.open_id("overview")
    window.open_id("checklist")
    assert built == [1]


def test_view_without_section_is_listed_at_top_level_before_the_glossary(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.register_view("pathway-diagram", "Pathway diagram", lambda: QLabel("d"))
    top = [window.nav.index(r, 0).data(Role.ID) for r in range(window.nav.rowCount())]
    between = top[top.index("pathway-diagram") : top.index("glossary")]
    assert between and all(window.knows(v) and shipped_model.get(v) is None for v in between)


def test_tree_badge_follows_the_title(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.set_tree_badge("pre-doctoral", "3/7")
    index = window.nav.index_for("pre-doctoral")
    assert index.data() == f"{shipped_model.get('pre-doctoral').title}   3/7"
    window.set_tree_badge("pre-doctoral", "")
    assert window.nav.index_for("pre-doctoral").data() == shipped_model.get("pre-doctoral").title


def test_menu_returns_the_same_named_menu_and_creates_new_ones(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    assert window.menu("Tools") is window.menu("Tools")
    extra = window.menu("Bookmarks")
    assert extra in [a.menu() for a in window.menuBar().actions()]


def test_left_panel_is_added_beside_the_tree(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    panel = QLabel("results")
    window.add_panel("results", panel, "Search")
    assert window.left.indexOf(panel) >= 0
    assert window.panel("results") is panel
    assert panel.accessibleName() == "Search"


def test_progress_signal_exists_and_progress_starts_empty(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model, features=())
    assert window.progress is None
    with qtbot.waitSignal(window.progressChanged, timeout=100):
        window.progressChanged.emit()


def test_highlight_marks_every_occurrence_of_the_words(qtbot, shipped_model):
    import re

    window = make_window(qtbot, shipped_model)
    text = window.reader.toPlainText().lower()
    window.open_id("overview", highlight=["research"])
    # Whole words only: search passes the words as the page writes them ("researchers" too).
    assert len(window.reader.extraSelections()) == len(re.findall(r"\bresearch\b", text))


LOCAL_PAGE = """
---
id: trust-research-office
kind: page
title: Our trust's research office
summary: Who to ask about research posts in this trust.
last_reviewed: 2026-11-01
next_review: 2027-05-01
---

Ask the research office about honorary contracts.
"""


def test_local_pages_from_an_extra_folder_are_listed_after_the_glossary(qtbot, content_dir):
    from guide.content import load_content
    from guide.paths import bundled_data_dir

    root, write = content_dir
    write("pages/trust-research-office.md", LOCAL_PAGE)
    model = load_content([bundled_data_dir(), root])
    window = make_window(qtbot, model)
    top = [window.nav.index(r, 0).data(Role.ID) for r in range(window.nav.rowCount())]
    # Under the folder's own title (its name, as it has no content.yaml), not "More pages".
    group = GROUP_PREFIX + "folder-1"
    assert window.nav.title_of(group) == root.name
    assert top.index("glossary") < top.index(group)
    assert window.nav.group_children(group) == [
        ("trust-research-office", "Our trust's research office")
    ]
    window.tree.setCurrentIndex(window.nav.index_for("trust-research-office"))
    assert "honorary contracts" in window.reader.toPlainText()


def test_no_more_pages_group_without_local_pages(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    assert not window.nav.rows_for(GROUP_PREFIX + "more-pages")


def test_hovering_a_glossary_term_link_says_what_the_acronym_stands_for(qtbot, shipped_model):
    from guide.content.links import internal_href

    term = next(t for t in shipped_model.of_kind("term") if t.get("expansion"))
    window = make_window(qtbot, shipped_model)
    window.reader.highlighted.emit(QUrl(internal_href(term.id)))
    message = window.statusBar().currentMessage()
    assert message == f"{term.title}: {term.get('expansion')}"
    window.reader.highlighted.emit(QUrl(internal_href("pre-doctoral")))
    assert window.statusBar().currentMessage() == "Pre-doctoral training"


def test_the_window_reads_the_day_from_the_clock_it_is_given(qtbot, shipped_model, tmp_path):
    import datetime as dt

    from guide.clock import Clock

    item = next(i for i in shipped_model if i.next_review)
    due = item.next_review
    window = make_window(qtbot, shipped_model, tmp_path, clock=Clock.fixed(due))
    window.open_id(item.id)
    assert window.current_page is not None and not window.current_page.review_overdue
    later = make_window(
        qtbot, shipped_model, tmp_path, clock=Clock.fixed(due + dt.timedelta(days=1))
    )
    later.open_id(item.id)
    assert later.current_page is not None and later.current_page.review_overdue
    assert "overdue for review" in later.reader.toPlainText()

"""The navigation tree over a large content folder: rows not made yet are still there.

The tree's rows are plain Python objects that Qt asks for only when it lays out or draws
them, and a big group makes its rows as the tree shows them, the rest after the first
paint (guide.ui.shell.nav_model). These tests check that nothing depends on a row having
been made or shown: a collapsed group's pages can be found, opened, selected and badged.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from guide.content import load_content
from guide.paths import bundled_data_dir
from guide.ui.host import GROUP_PREFIX
from guide.ui.roles import Role
from guide.ui.shell.nav_rows import PAGES_MADE_AT_ONCE
from tests.ui.helpers import make_window

PAGE = """
---
id: {id}
kind: page
title: {title}
summary: What page {n} says.
last_reviewed: 2026-11-01
next_review: 2027-05-01
---

Text of page {n}.
"""
COUNT = 2 * PAGES_MADE_AT_ONCE + 20  # more than the tree makes at once


def _big_folder_window(qtbot, content_dir):
    root, write = content_dir
    for n in range(COUNT):
        write(f"pages/p{n:03}.md", PAGE.format(id=f"local-{n:03}", title=f"Local {n:03}", n=n))
    model = load_content([bundled_data_dir(), root])
    return make_window(qtbot, model, persist=False)


def _folder_index(window):
    [group_id] = window.nav.folder_group_ids()
    return window.nav.index_for(group_id)


def _ids_under(window, group):
    return [window.nav.index(r, 0, group).data(Role.ID) for r in range(window.nav.rowCount(group))]


def test_an_open_folder_shows_its_first_rows_at_once_and_every_row_after_the_paint(
    qtbot, content_dir
):
    window = _big_folder_window(qtbot, content_dir)
    group = _folder_index(window)
    assert window.tree.isExpanded(group)
    first = _ids_under(window, group)
    assert first and first == [f"local-{n:03}" for n in range(len(first))]
    window.show()
    qtbot.waitUntil(lambda: window.nav.rowCount(group) == COUNT)
    assert _ids_under(window, group) == [f"local-{n:03}" for n in range(COUNT)]
    assert window.nav.index(COUNT - 1, 0, group).parent() == group


def test_a_collapsed_folder_has_its_rows_once_expanded(qtbot, content_dir):
    window = _big_folder_window(qtbot, content_dir)
    group = _folder_index(window)
    window.tree.collapse(group)
    assert window.nav.hasChildren(group)  # the arrow shows, rows made or not
    window.tree.expand(group)
    window.nav.fill_all()
    assert _ids_under(window, group) == [f"local-{n:03}" for n in range(COUNT)]


def test_opening_a_page_in_a_collapsed_folder_selects_and_reveals_its_row(qtbot, content_dir):
    window = _big_folder_window(qtbot, content_dir)
    group = _folder_index(window)
    window.tree.collapse(group)
    last = f"local-{COUNT - 1:03}"  # not made until asked for
    window.open_id(last)
    current = window.tree.currentIndex()
    assert current.data(Role.ID) == last
    assert current.parent() == group
    assert window.tree.isExpanded(group)  # scrolled to, so its group opened
    assert f"Text of page {COUNT - 1}." in window.reader.toPlainText()


def test_selecting_a_row_deep_in_a_folder_opens_its_page(qtbot, content_dir):
    window = _big_folder_window(qtbot, content_dir)
    window.tree.setCurrentIndex(window.nav.index_for(f"local-{COUNT - 1:03}"))
    assert window.current_id == f"local-{COUNT - 1:03}"


def test_a_badge_on_a_row_never_drawn_shows_when_it_is(qtbot, content_dir):
    window = _big_folder_window(qtbot, content_dir)
    window.tree.collapse(_folder_index(window))
    window.set_tree_badge("local-107", "2/3", "2 of 3 done")
    index = window.nav.index_for("local-107")  # a row not made yet
    assert index.data() == "Local 107   2/3"
    tip = "Local 107\n\nWhat page 107 says.\n\n2 of 3 done"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == tip
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Local 107, 2 of 3 done"


def test_a_group_index_page_lists_every_page_of_a_collapsed_folder(qtbot, content_dir):
    window = _big_folder_window(qtbot, content_dir)
    [group_id] = window.nav.folder_group_ids()
    window.tree.collapse(_folder_index(window))
    window.open_id(group_id)
    text = window.reader.toPlainText()
    last = COUNT - 1
    assert "Local 000" in text and f"Local {last}\nWhat page {last} says." in text  # a card each


def test_a_view_added_under_a_page_row_becomes_its_child(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    national = window.nav.index_for("national-pathway")
    before = window.nav.rowCount(national)
    window.register_view(
        "schemes-table", "All schemes", lambda: None, tree_section="national-pathway"
    )
    assert window.nav.rowCount(national) == before + 1
    added = window.nav.index(before, 0, national)
    assert added.data(Role.ID) == "schemes-table"
    assert window.nav.index_for("schemes-table") == added


def test_my_progress_appears_last_when_its_first_view_is_registered(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model, features=())
    assert not window.nav.rows_for(GROUP_PREFIX + "my-progress")
    window.register_view("checklist", "My checklist", lambda: None, tree_section="my-progress")
    top = [window.nav.index(r, 0).data(Role.ID) for r in range(window.nav.rowCount())]
    assert top[-1] == GROUP_PREFIX + "my-progress"
    assert window.nav.index_for("checklist").parent().data(Role.ID) == top[-1]


def test_the_tree_model_keeps_qts_rules_while_rows_are_made_and_views_added(
    qtbot, qtmodeltester, content_dir
):
    window = _big_folder_window(qtbot, content_dir)
    qtmodeltester.check(window.nav)  # checks again on every change from here on
    group = _folder_index(window)
    window.tree.collapse(group)
    window.tree.expand(group)
    window.nav.fill_all()
    window.register_view("checklist", "My checklist", lambda: None, tree_section="my-progress")
    window.register_view("diagram", "Pathway diagram", lambda: None)
    window.set_tree_badge("local-100", "1/2")
    assert window.nav.rowCount(group) == COUNT


def test_reloaded_content_keeps_every_row_and_the_registered_views(qtbot, content_dir):
    # Not under the model tester: it asks for more rows while it is still checking a reset.
    window = _big_folder_window(qtbot, content_dir)
    window.register_view("checklist", "My checklist", lambda: None, tree_section="my-progress")
    window.nav.rebuild(window.model)
    assert window.nav.rowCount(_folder_index(window)) == COUNT
    assert window.nav.index_for("checklist").parent().data(Role.ID) == GROUP_PREFIX + "my-progress"

"""The navigation tree over a large content folder: rows Qt has not drawn are still there.

The tree's rows are plain Python objects that Qt asks for only when it lays out or draws
them (guide.ui.shell.nav_model), so these tests check that nothing depends on a row
having been shown: a collapsed group's pages can be found, opened, selected and badged.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from guide.content import load_content
from guide.paths import bundled_data_dir
from guide.ui.host import GROUP_PREFIX
from guide.ui.roles import Role
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
COUNT = 60


def _big_folder_window(qtbot, content_dir):
    root, write = content_dir
    for n in range(COUNT):
        write(f"pages/p{n:03}.md", PAGE.format(id=f"local-{n:03}", title=f"Local {n:03}", n=n))
    model = load_content([bundled_data_dir(), root])
    return make_window(qtbot, model, persist=False)


def _folder_index(window):
    [group_id] = window.nav.folder_group_ids()
    return window.nav.index_for(group_id)


def test_a_collapsed_folder_lists_its_pages_in_order_once_expanded(qtbot, content_dir):
    window = _big_folder_window(qtbot, content_dir)
    group = _folder_index(window)
    window.tree.collapse(group)
    assert window.nav.rowCount(group) == COUNT
    window.tree.expand(group)
    assert window.tree.isExpanded(group)
    shown = [window.nav.index(r, 0, group).data(Role.ID) for r in range(COUNT)]
    assert shown == [f"local-{n:03}" for n in range(COUNT)]
    assert window.nav.index(COUNT - 1, 0, group).parent() == group


def test_opening_a_page_in_a_collapsed_folder_selects_and_reveals_its_row(qtbot, content_dir):
    window = _big_folder_window(qtbot, content_dir)
    group = _folder_index(window)
    window.tree.collapse(group)
    window.open_id("local-042")
    current = window.tree.currentIndex()
    assert current.data(Role.ID) == "local-042"
    assert current.parent() == group
    assert window.tree.isExpanded(group)  # scrolled to, so its group opened
    assert "Text of page 42." in window.reader.toPlainText()


def test_selecting_a_row_deep_in_a_folder_opens_its_page(qtbot, content_dir):
    window = _big_folder_window(qtbot, content_dir)
    window.tree.setCurrentIndex(window.nav.index_for("local-059"))
    assert window.current_id == "local-059"


def test_a_badge_on_a_row_never_drawn_shows_when_it_is(qtbot, content_dir):
    window = _big_folder_window(qtbot, content_dir)
    window.tree.collapse(_folder_index(window))
    window.set_tree_badge("local-007", "2/3", "2 of 3 done")
    index = window.nav.index_for("local-007")
    assert index.data() == "Local 007   2/3"
    assert (
        index.data(Qt.ItemDataRole.ToolTipRole) == "Local 007\n\nWhat page 7 says.\n\n2 of 3 done"
    )
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Local 007, 2 of 3 done"


def test_a_group_index_page_lists_every_page_of_a_collapsed_folder(qtbot, content_dir):
    window = _big_folder_window(qtbot, content_dir)
    [group_id] = window.nav.folder_group_ids()
    window.tree.collapse(_folder_index(window))
    window.open_id(group_id)
    text = window.reader.toPlainText()
    assert "Local 000" in text and "Local 059 — What page 59 says." in text


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

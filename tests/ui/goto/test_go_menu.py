"""Go-menu entries and shortcuts for the main views; no entry for what is missing, no empty menu."""

from __future__ import annotations

from guide.ui.commands import MENUS
from guide.ui.shell.window import MainWindow


def test_go_menu_opens_diagram_checklist_schemes_and_glossary(qtbot, shipped_model, isolated_home):
    window = MainWindow(shipped_model, isolated_home)
    qtbot.addWidget(window)
    go = window.menu("Go").actions()
    for command, target, key in (
        ("go_diagram", "pathway-diagram", "Ctrl+1"),
        ("go_checklist", "checklist", "Ctrl+2"),
        ("go_schemes", "schemes", "Ctrl+3"),
        ("go_glossary", "glossary", "Ctrl+4"),
    ):
        action = window.action(command)
        assert action in go and action.isVisible(), command
        assert action.shortcut().toString() == key
        action.trigger()
        assert window.current_id == target, command


def test_questions_entry_only_when_the_guide_has_a_questions_page(
    qtbot, shipped_model, isolated_home
):
    window = MainWindow(shipped_model, isolated_home)
    qtbot.addWidget(window)
    action = window.action("go_questions")
    assert action.isVisible() == (shipped_model.get("questions") is not None)


def test_no_menu_is_declared_empty():
    assert all(entries for _name, _title, entries in MENUS)


def test_every_menu_in_the_menu_bar_shows_something(qtbot, shipped_model, isolated_home):
    window = MainWindow(shipped_model, isolated_home)
    qtbot.addWidget(window)
    for action in window.menuBar().actions():
        menu = action.menu()
        if action.isVisible() and menu is not None:
            assert any(a.isVisible() and not a.isSeparator() for a in menu.actions()), menu.title()

"""Commands are declared once (guide/ui/commands.py): menus, toolbar, tooltips and the
shortcut list come from that table, and no key does two things."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from guide.ui.commands import BY_NAME, COMMANDS, MENUS, SEPARATOR, THEMES_SUBMENU, TOOLBAR
from guide.ui.shell.menus import key_sequences, plain_label
from tests.ui.helpers import make_window


def test_no_key_is_bound_to_two_commands(qtbot) -> None:
    owners: dict[str, str] = {}
    for command in COMMANDS:
        for sequence in key_sequences(command):
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in owners, f"{key} is bound to {owners.get(key)} and {command.name}"
            owners[key] = command.name


def test_every_placed_entry_is_a_declared_command() -> None:
    names = [c.name for c in COMMANDS]
    assert len(names) == len(set(names))
    for _menu, _title, entries in MENUS:
        for entry in entries:
            assert entry in BY_NAME or entry in (SEPARATOR, THEMES_SUBMENU), entry
    for entry in TOOLBAR:
        assert entry in BY_NAME or entry == SEPARATOR, entry


def test_menus_and_toolbar_show_the_table_in_its_order(qtbot, shipped_model) -> None:
    window = make_window(qtbot, shipped_model)
    for name, _title, entries in MENUS:
        shown = [
            a
            for a in window.menu(name).actions()
            if a.isVisible() and not a.isSeparator() and a.menu() is None
        ]
        expected = [window.action(e) for e in entries if e in BY_NAME]
        assert shown == [a for a in expected if a.isVisible()], name
    toolbar = [a for a in window.commands.toolbar.actions() if not a.isSeparator()]
    assert toolbar == [window.action(e) for e in TOOLBAR if e != SEPARATOR]


def test_a_bound_command_shows_its_label_tip_and_keys(qtbot, shipped_model) -> None:
    window = make_window(qtbot, shipped_model)
    search = window.action("search")
    assert search.isVisible()  # the search feature bound it
    assert plain_label(search.text()) == "Search"
    assert search.statusTip() == "Search the whole guide"
    assert search.toolTip() == "Search the whole guide (Ctrl+K)"
    rows = dict(window.commands.shortcut_rows())
    assert rows["Search"] == "Ctrl+K, Ctrl+L"


def test_an_unbound_command_is_hidden_and_its_keys_do_nothing(qtbot, shipped_model) -> None:
    window = make_window(qtbot, shipped_model, features=())
    search = window.action("search")
    assert not search.isVisible()
    assert "Search" not in dict(window.commands.shortcut_rows())


def test_the_start_page_button_is_named_as_the_tree_and_the_page_name_it(
    qtbot, shipped_model
) -> None:
    """The toolbar's button for the start page said "Overview" while the tree row and the
    page's heading said "Welcome to the clinical academic pathway"; its label is the start
    of that title, so a reader sees they are one page."""
    window = make_window(qtbot, shipped_model)
    label = plain_label(window.action("home").text())
    row = window.nav.index_for("overview").data()
    assert row == shipped_model.get("overview").title
    assert row.lower().startswith(label.lower() + " "), (label, row)
    window.action("home").trigger()
    assert window.current_id == "overview"

"""Every command of the window, once, as data: what it is called, what it says, its keys,
and where it sits in the menus and on the toolbar.

The shell draws menus, the toolbar, tooltips (with their shortcut) and the
Help ▸ Keyboard shortcuts list from these tables, and a test checks that no key
is bound twice. Code that does a command binds its handler by name
(``host.bind("search", handler)``); a command is shown once it is bound. To add
one: a ``Command`` in ``COMMANDS``, its name in ``MENUS`` (and ``TOOLBAR``),
and a ``bind`` where it is implemented.

Labels and tips are English source text; the shell translates them in the
"Actions" context, so translation files keep working. Keys are Qt's portable
key names ("Ctrl+D", "Alt+Left"); ``std:NAME`` is the platform's standard key
for ``QKeySequence.StandardKey.NAME`` (Ctrl+F on Windows and Linux, ⌘F on a Mac).
"""

from __future__ import annotations

from typing import NamedTuple

STANDARD = "std:"
SEPARATOR = "-"
THEMES_SUBMENU = "@themes"
"""Where View shows the Theme submenu (one checkable entry per theme)."""


class Command(NamedTuple):
    name: str
    label: str
    """Menu text, with & before the access key; "…" when it asks something first."""
    tip: str
    """What it does, for the status bar and tooltip."""
    keys: tuple[str, ...] = ()
    checkable: bool = False
    checked: bool = False
    """Whether a checkable command starts checked."""


COMMANDS: tuple[Command, ...] = (
    # File
    Command("print", "&Print…", "Print this page", ("std:Print",)),
    Command("pdf", "&Export to PDF…", "Save this page as a PDF file", ("Ctrl+Shift+E",)),
    Command(
        "reload",
        "&Reload content",
        "Read the content files again (after editing them)",
        ("F5",),
    ),
    Command("quit", "&Quit", "Close the guide", ("std:Quit",)),
    # Edit
    Command("find", "&Find in page…", "Find words in this page", ("std:Find",)),
    Command("find_next", "Find &next", "Go to the next match", ("F3",)),
    Command("find_prev", "Find &previous", "Go to the previous match", ("Shift+F3",)),
    # View
    Command("zoom_in", "Zoom &in", "Make the text bigger", ("Ctrl+=", "Ctrl++")),
    Command("zoom_out", "Zoom &out", "Make the text smaller", ("Ctrl+-",)),
    Command("zoom_reset", "&Actual size", "Reset the text size", ("Ctrl+0",)),
    Command(
        "toc",
        "&Contents of long pages",
        "Show or hide the ‘On this page’ list",
        checkable=True,
        checked=True,
    ),
    Command("bookmarks", "Show &bookmarks", "Show the list of bookmarks", ("Ctrl+B",)),
    Command("next_pane", "Next &pane", "Move the keyboard focus to the next pane", ("F6",)),
    Command(
        "prev_pane",
        "Previous pa&ne",
        "Move the keyboard focus to the previous pane",
        ("Shift+F6",),
    ),
    Command(
        "contents",
        "Go to &contents",
        "Move the keyboard focus to the contents tree",
        ("Ctrl+T",),
    ),
    # Go
    Command("back", "&Back", "Go back to the previous page", ("Alt+Left", "Back")),
    Command("forward", "&Forward", "Go forward again", ("Alt+Right", "Forward")),
    Command(
        "home",
        "&Welcome",  # the start page's title begins so in the tree and on the page
        "Open the welcome page, at the top of the contents",
        ("Alt+Home",),
    ),
    Command(
        "bookmark",
        "&Bookmark this page",
        "Add or remove a bookmark for this page",
        ("Ctrl+D",),
        checkable=True,
    ),
    Command("search", "&Search…", "Search the whole guide", ("Ctrl+K", "Ctrl+L")),
    Command("go_diagram", "Pathway &diagram", "Open the pathway diagram", ("Ctrl+1",)),
    Command("go_checklist", "My &checklist", "Open your progress checklist", ("Ctrl+2",)),
    Command(
        "go_schemes", "Sc&heme finder", "Find, filter and compare funding schemes", ("Ctrl+3",)
    ),
    Command("go_glossary", "&Glossary", "Open the glossary of terms", ("Ctrl+4",)),
    Command(
        "go_questions",
        "&Questions trainees ask",  # the page's own title, as in the tree
        "Open the questions trainees ask",
        ("Ctrl+5",),
    ),
    # Help
    Command(
        "shortcuts", "&Keyboard shortcuts", "List the keyboard shortcuts", ("std:HelpContents",)
    ),
    Command("whats_new", "&What’s new", "Each content folder in use, its edition and changes"),
    Command("about", "&About this guide", "About this guide"),
    Command(
        "content_check",
        "Content check…",
        "Some content files could not be read fully: see which, and where",
    ),
)

BY_NAME: dict[str, Command] = {command.name: command for command in COMMANDS}

MENUS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # (name, title, entries): command names, SEPARATOR, or THEMES_SUBMENU
    ("File", "&File", ("print", "pdf", SEPARATOR, "reload", SEPARATOR, "quit")),
    ("Edit", "&Edit", ("find", "find_next", "find_prev")),
    (
        "View",
        "&View",
        (
            "zoom_in",
            "zoom_out",
            "zoom_reset",
            SEPARATOR,
            "toc",
            "bookmarks",
            THEMES_SUBMENU,
            SEPARATOR,
            "next_pane",
            "prev_pane",
            "contents",
        ),
    ),
    (
        "Go",
        "&Go",
        (
            "back",
            "forward",
            "home",
            SEPARATOR,
            "go_diagram",
            "go_checklist",
            "go_schemes",
            "go_glossary",
            "go_questions",
            SEPARATOR,
            "bookmark",
            "bookmarks",
            "search",
        ),
    ),
    ("Help", "&Help", ("shortcuts", "whats_new", "about", "content_check")),
)

TOOLBAR: tuple[str, ...] = ("back", "forward", "home", SEPARATOR, "bookmark", "find")


def placed_names() -> list[str]:
    """Every command name in the menus and on the toolbar, in menu order, once each."""
    entries = [entry for _name, _title, items in MENUS for entry in items] + list(TOOLBAR)
    return list(dict.fromkeys(entry for entry in entries if entry in BY_NAME))

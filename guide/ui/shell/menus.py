"""Menus, toolbar and shortcuts, drawn from the command tables in ``guide.ui.commands``.

Every command gets one QAction with its translated label, a status tip, and its
shortcut shown in the menu and in the tooltip (Kiwix does the same). An action
stays hidden, with its keys inactive, until code binds a handler to it, so a
feature that failed to install leaves no dead menu entry.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from guide.ui.commands import (
    BY_NAME,
    COMMANDS,
    MENUS,
    SEPARATOR,
    STANDARD,
    THEMES_SUBMENU,
    TOOLBAR,
    Command,
    placed_names,
)
from guide.ui.style.icons import arrow_icon
from guide.ui.style.themes import THEMES, Colours, theme_label

# Keys few keyboards have ("Find", "Back", "Help" come with the standard shortcuts)
# read like words in the shortcut list ("Ctrl+F, Find"), so the list leaves them out.
_RARE_KEYS = [
    QKeySequence(k) for k in (Qt.Key.Key_Find, Qt.Key.Key_Back, Qt.Key.Key_Forward, Qt.Key.Key_Help)
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def key_sequences(command: Command) -> list[QKeySequence]:
    """The command's keys on this platform (a standard key may be several, or none)."""
    sequences: list[QKeySequence] = []
    for key in command.keys:
        if key.startswith(STANDARD):
            standard = getattr(QKeySequence.StandardKey, key.removeprefix(STANDARD))
            sequences.extend(QKeySequence.keyBindings(standard))
        else:
            sequences.append(QKeySequence(key))
    return sequences


def plain_label(text: str) -> str:
    return text.replace("&", "").rstrip("…")


class Commands(QObject):
    """The window's actions, menus and toolbar; ``bind`` connects a command to its handler."""

    def __init__(self, window: QMainWindow, choose_theme: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.choose_theme = choose_theme
        self.actions: dict[str, QAction] = {c.name: self._make(c) for c in COMMANDS}
        self.menus: dict[str, QMenu] = {}
        self.theme_actions: dict[str, QAction] = {}
        for name, title, entries in MENUS:
            menu = self.menu(name, _tr(title))
            for entry in entries:
                if entry == SEPARATOR:
                    menu.addSeparator()
                elif entry == THEMES_SUBMENU:
                    self._add_themes(menu)
                else:
                    menu.addAction(self.actions[entry])
        self.toolbar = self._make_toolbar()

    def _make(self, command: Command) -> QAction:
        window = self.window
        action = QAction(_tr(command.label), window)
        action.setObjectName(f"action_{command.name}")
        action.setShortcuts(key_sequences(command))
        tip = _tr(command.tip)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if command.checkable:
            action.setCheckable(True)
            action.setChecked(command.checked)
        action.setVisible(False)  # until bound
        window.addAction(action)
        return action

    def bind(self, name: str, handler: Callable[[], object]) -> QAction:
        action = self.actions[name]
        action.triggered.connect(lambda _checked=False: handler())
        action.setVisible(True)
        return action

    def action(self, name: str) -> QAction:
        return self.actions[name]

    def menu(self, name: str, title: str = "") -> QMenu:
        """The menu called ``name``, created (before Help) if missing."""
        existing = self.menus.get(name)
        if existing is not None:
            return existing
        created = QMenu(title or name, self.window)
        created.setObjectName(f"menu{name}")
        created.setAccessibleName(name)
        help_menu = self.menus.get("Help")
        bar = self.window.menuBar()
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), created)
        else:
            bar.addMenu(created)
        self.menus[name] = created
        return created

    def _add_themes(self, menu: QMenu) -> None:
        themes_menu = menu.addMenu(_tr("&Theme"))
        group = QActionGroup(self.window)
        for name in THEMES:
            act = QAction(theme_label(name), self.window, checkable=True)
            act.setData(name)
            act.triggered.connect(lambda _c=False, n=name: self.choose_theme(n))
            group.addAction(act)
            themes_menu.addAction(act)
            self.theme_actions[name] = act

    def _make_toolbar(self) -> QToolBar:
        window = self.window
        toolbar = QToolBar(_tr("Navigation"), window)
        toolbar.setObjectName("navigationToolbar")
        toolbar.setAccessibleName(_tr("Navigation toolbar"))
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for entry in TOOLBAR:
            if entry == SEPARATOR:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.actions[entry])
        # Found with findChildren: widgetForAction's plain-QWidget answer makes PySide match
        # it against every widget class it knows (dozens of enums built at start-up).
        for button in toolbar.findChildren(QToolButton):
            action = button.defaultAction()
            if action is not None:
                button.setAccessibleName(plain_label(action.text()))
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        return toolbar

    def show_theme(self, name: str, colours: Colours) -> None:
        """Check the theme's menu entry; redraw the toolbar arrows in its text colour
        (stock icons vanish on dark)."""
        for action in self.theme_actions.values():
            action.setChecked(action.data() == name)
        for command, direction in (("back", -1), ("forward", 1)):
            self.actions[command].setIcon(arrow_icon(colours.window_text, direction))

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what, keys) for every bound command that has keys, in menu order."""
        rows: list[tuple[str, str]] = []
        for name in [*placed_names(), *(c for c in BY_NAME if c not in placed_names())]:
            action = self.actions[name]
            if not action.isVisible():
                continue
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText)
                for k in action.shortcuts()
                if k not in _RARE_KEYS
            )
            if keys:
                rows.append((plain_label(action.text()), keys))
        rows.append((_tr("Move between controls"), "Tab, Shift+Tab"))
        rows.append((_tr("Open the selected row or link"), "Enter"))
        return rows

"""Menus, shortcuts and the toolbar of the main window.

Every action has a translated label, an accessible status tip, and its
shortcut shown in the menu and in the tooltip (peers.md: Kiwix shows them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle, QToolBar, QWidget

from guide.ui.preferences import ZOOM_MAX, ZOOM_MIN, ZOOM_STEP
from guide.ui.themes import THEMES, theme_label

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def make_action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcuts: list[QKeySequence] | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcuts, list):
        action.setShortcuts(shortcuts)
    elif isinstance(shortcuts, QKeySequence.StandardKey):
        action.setShortcuts(QKeySequence.keyBindings(shortcuts))
    elif shortcuts:
        action.setShortcut(QKeySequence(shortcuts))
    plain = text.replace("&", "").rstrip("…")
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tooltip = tip or plain
    action.setToolTip(f"{tooltip} ({keys})" if keys else tooltip)
    action.setStatusTip(tip or plain)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def install(window: MainWindow) -> None:
    w = window
    std = QKeySequence.StandardKey
    a: dict[str, QAction] = {}
    a["back"] = make_action(
        w,
        _tr("&Back"),
        w.go_back,
        [QKeySequence("Alt+Left"), QKeySequence(Qt.Key.Key_Back)],
        _tr("Go back to the previous page"),
    )
    a["forward"] = make_action(
        w,
        _tr("&Forward"),
        w.go_forward,
        [QKeySequence("Alt+Right"), QKeySequence(Qt.Key.Key_Forward)],
        _tr("Go forward again"),
    )
    a["home"] = make_action(
        w,
        _tr("&Overview"),
        lambda: w.open_id("overview"),
        "Alt+Home",
        _tr("Open the overview (start page)"),
    )
    a["zoom_in"] = make_action(
        w,
        _tr("Zoom &in"),
        lambda: change_zoom(w, ZOOM_STEP),
        [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")],
        _tr("Make the text bigger"),
    )
    a["zoom_out"] = make_action(
        w,
        _tr("Zoom &out"),
        lambda: change_zoom(w, -ZOOM_STEP),
        "Ctrl+-",
        _tr("Make the text smaller"),
    )
    a["zoom_reset"] = make_action(
        w, _tr("&Actual size"), lambda: set_zoom(w, 100), "Ctrl+0", _tr("Reset the text size")
    )
    a["next_pane"] = make_action(
        w,
        _tr("Next &pane"),
        lambda: cycle_panes(w, 1),
        "F6",
        _tr("Move the keyboard focus to the next pane"),
    )
    a["prev_pane"] = make_action(
        w,
        _tr("Previous pa&ne"),
        lambda: cycle_panes(w, -1),
        "Shift+F6",
        _tr("Move the keyboard focus to the previous pane"),
    )
    a["contents"] = make_action(
        w,
        _tr("Go to &contents"),
        lambda: focus_tree(w),
        "Ctrl+T",
        _tr("Move the keyboard focus to the contents tree"),
    )
    a["quit"] = make_action(w, _tr("&Quit"), w.close, std.Quit, _tr("Close the guide"))
    w.actions_by_name = a

    view = w.menu("View")
    view.addAction(a["zoom_in"])
    view.addAction(a["zoom_out"])
    view.addAction(a["zoom_reset"])
    view.addSeparator()
    themes_menu = view.addMenu(_tr("&Theme"))
    group = QActionGroup(w)
    w.theme_actions = {}
    for name in THEMES:
        act = QAction(theme_label(name), w, checkable=True)
        act.setData(name)
        act.setChecked(name == w.themes.name)
        act.triggered.connect(lambda _c=False, n=name: w.themes.apply(n))
        group.addAction(act)
        themes_menu.addAction(act)
        w.theme_actions[name] = act
    view.addSeparator()
    view.addAction(a["next_pane"])
    view.addAction(a["prev_pane"])
    view.addAction(a["contents"])

    go = w.menu("Go")
    go.addAction(a["back"])
    go.addAction(a["forward"])
    go.addAction(a["home"])
    w.menu("File").addAction(a["quit"])

    toolbar = QToolBar(_tr("Navigation"), w)
    toolbar.setObjectName("navigationToolbar")
    toolbar.setAccessibleName(_tr("Navigation toolbar"))
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    style = QApplication.style()
    a["back"].setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
    a["forward"].setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
    toolbar.addAction(a["back"])
    toolbar.addAction(a["forward"])
    toolbar.addAction(a["home"])
    w.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    w.toolbar = toolbar
    w.pageChanged.connect(lambda _id: update_history_actions(w))
    set_zoom(w, w.prefs.zoom, save=False)
    update_history_actions(w)


def update_history_actions(window: MainWindow) -> None:
    window.actions_by_name["back"].setEnabled(window.history.can_go_back())
    window.actions_by_name["forward"].setEnabled(window.history.can_go_forward())


def set_zoom(window: MainWindow, percent: int, *, save: bool = True) -> None:
    percent = max(ZOOM_MIN, min(ZOOM_MAX, int(percent)))
    window.reader.set_zoom(percent)
    if save:
        window.prefs.set("zoom", percent)
    window.statusBar().showMessage(_tr("Text size %1%").replace("%1", str(percent)), 2000)


def change_zoom(window: MainWindow, step: int) -> None:
    set_zoom(window, window.reader.zoom + step)


def focus_tree(window: MainWindow) -> None:
    window.left.setCurrentWidget(window.tree)
    window.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)


def panes(window: MainWindow) -> list[QWidget]:
    """The panes F6 moves between, in screen order, skipping hidden ones."""
    candidates: list[QWidget | None] = [
        window.left.currentWidget(),
        window.stack.currentWidget()
        if window.stack.currentWidget() is not window.page_area
        else window.reader,
        getattr(window, "contents_list", None),
        getattr(window, "find_bar", None),
    ]
    return [p for p in candidates if p is not None and p.isVisible()]


def cycle_panes(window: MainWindow, step: int) -> None:
    order = panes(window)
    if not order:
        return
    focus = QApplication.focusWidget()
    current = next((i for i, p in enumerate(order) if focus is p or p.isAncestorOf(focus)), -1)
    target = order[(current + step) % len(order)]
    proxy = target.focusProxy() or target
    if not (proxy.focusPolicy() & Qt.FocusPolicy.TabFocus):
        proxy = target.nextInFocusChain()
    proxy.setFocus(Qt.FocusReason.ShortcutFocusReason)

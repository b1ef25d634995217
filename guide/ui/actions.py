"""Menus, shortcuts and the toolbar of the main window.

Every action has a translated label, an accessible status tip, and its
shortcut shown in the menu and in the tooltip (peers.md: Kiwix shows them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QToolButton, QWidget

from guide.ui.bookmarks import BookmarksPanel, toggle_bookmark, update_bookmark_action
from guide.ui.contents_list import MIN_HEADINGS
from guide.ui.preferences import ZOOM_MAX, ZOOM_MIN, ZOOM_STEP
from guide.ui.themes import THEMES, theme_label

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def _printing() -> Any:
    # QtPrintSupport is imported when the user first prints, not at start-up (~15 ms).
    from guide.ui import printing

    return printing


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
    a["find"] = make_action(
        w, _tr("&Find in page…"), w.find_bar.open_bar, std.Find, _tr("Find words in this page")
    )
    a["find_next"] = make_action(
        w, _tr("Find &next"), w.find_bar.find_next, "F3", _tr("Go to the next match")
    )
    a["find_prev"] = make_action(
        w,
        _tr("Find &previous"),
        w.find_bar.find_previous,
        "Shift+F3",
        _tr("Go to the previous match"),
    )
    a["bookmark"] = make_action(
        w,
        _tr("&Bookmark this page"),
        lambda: toggle_bookmark(w),
        "Ctrl+D",
        _tr("Add or remove a bookmark for this page"),
    )
    a["bookmark"].setCheckable(True)
    a["bookmarks"] = make_action(
        w,
        _tr("Show &bookmarks"),
        lambda: show_bookmarks(w),
        "Ctrl+B",
        _tr("Show the list of bookmarks"),
    )
    a["print"] = make_action(
        w, _tr("&Print…"), lambda: _printing().print_page(w), std.Print, _tr("Print this page")
    )
    a["pdf"] = make_action(
        w,
        _tr("&Export to PDF…"),
        lambda: _printing().ask_export_pdf(w),
        "Ctrl+Shift+E",
        _tr("Save this page as a PDF file"),
    )
    a["toc"] = make_action(
        w,
        _tr("&Contents of long pages"),
        lambda: toggle_contents(w),
        None,
        _tr("Show or hide the ‘On this page’ list"),
    )
    a["toc"].setCheckable(True)
    a["toc"].setChecked(True)
    a["shortcuts"] = make_action(
        w,
        _tr("&Keyboard shortcuts"),
        lambda: show_shortcuts(w),
        std.HelpContents,
        _tr("List the keyboard shortcuts"),
    )
    a["about"] = make_action(
        w, _tr("&About this guide"), lambda: show_about(w), None, _tr("About this guide")
    )
    w.actions_by_name = a

    file_menu = w.menu("File")
    file_menu.addAction(a["print"])
    file_menu.addAction(a["pdf"])
    file_menu.addSeparator()
    edit = w.menu("Edit")
    edit.addAction(a["find"])
    edit.addAction(a["find_next"])
    edit.addAction(a["find_prev"])

    view = w.menu("View")
    view.addAction(a["zoom_in"])
    view.addAction(a["zoom_out"])
    view.addAction(a["zoom_reset"])
    view.addSeparator()
    view.addAction(a["toc"])
    view.addAction(a["bookmarks"])
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
    go.addSeparator()
    go.addAction(a["bookmark"])
    go.addAction(a["bookmarks"])
    file_menu.addAction(a["quit"])
    help_menu = w.menu("Help")
    help_menu.addAction(a["shortcuts"])
    help_menu.addAction(a["about"])

    w.bookmarks_panel = BookmarksPanel(w)
    w.add_left_panel(w.bookmarks_panel, _tr("Bookmarks"))
    w.watch_side_buttons(w.bookmarks_panel.list)

    toolbar = QToolBar(_tr("Navigation"), w)
    toolbar.setObjectName("navigationToolbar")
    toolbar.setAccessibleName(_tr("Navigation toolbar"))
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    w.themes.update_icons()
    toolbar.addAction(a["back"])
    toolbar.addAction(a["forward"])
    toolbar.addAction(a["home"])
    toolbar.addSeparator()
    toolbar.addAction(a["bookmark"])
    toolbar.addAction(a["find"])
    # Found with findChildren: widgetForAction's plain-QWidget answer makes PySide match it
    # against every widget class it knows (~50 enums built, ~10 ms of start-up).
    for button in toolbar.findChildren(QToolButton):
        action = button.defaultAction()
        if action is not None:
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
    w.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    w.toolbar = toolbar
    w.pageChanged.connect(lambda _id: update_history_actions(w))
    w.pageChanged.connect(lambda _id: update_bookmark_action(w))
    set_zoom(w, w.prefs.zoom, save=False)
    w.reader.zoomRequested.connect(lambda step: change_zoom(w, step * ZOOM_STEP))
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


def show_bookmarks(window: MainWindow) -> None:
    window.show_left_panel(window.bookmarks_panel)
    window.bookmarks_panel.list.setFocus(Qt.FocusReason.ShortcutFocusReason)


def toggle_contents(window: MainWindow) -> None:
    window.show_contents = window.actions_by_name["toc"].isChecked()
    if window.current_page is not None:
        window.contents_list.setVisible(
            window.show_contents and window.contents_list.count() >= MIN_HEADINGS
        )


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    """(what, keys) for every action that has a shortcut, in menu order."""
    # Keys few keyboards have ("Find", "Back", "Help" come with the standard shortcuts)
    # read like words in the list ("Ctrl+F, Find"), so the list leaves them out.
    special = {Qt.Key.Key_Find, Qt.Key.Key_Back, Qt.Key.Key_Forward, Qt.Key.Key_Help}
    rows: list[tuple[str, str]] = []
    for menu in window.findChildren(QMenu):
        for action in menu.actions():
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText)
                for k in action.shortcuts()
                if not (k.count() == 1 and k[0].key() in special)
            )
            row = (action.text().replace("&", "").rstrip("…"), keys)
            if keys and row not in rows:  # an action in two menus is listed once
                rows.append(row)
    rows.append((_tr("Move between controls"), "Tab, Shift+Tab"))
    rows.append((_tr("Open the selected row or link"), "Enter"))
    return rows


def show_shortcuts(window: MainWindow) -> None:
    from html import escape

    from PySide6.QtWidgets import QMessageBox  # only for these two dialogs (~1 ms at start-up)

    body = "".join(
        f"<tr><td>{escape(what)}</td><td><b>{escape(keys)}</b></td></tr>"
        for what, keys in shortcut_rows(window)
    )
    box = QMessageBox(window)
    box.setWindowTitle(_tr("Keyboard shortcuts"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<table cellpadding='3'>{body}</table>")
    box.setAccessibleName(_tr("Keyboard shortcuts"))
    box.exec()


def show_about(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    from guide import __version__

    QMessageBox.about(
        window,
        _tr("About this guide"),
        _tr(
            "Clinical Academic Pathway Guide, version %1.\n\n"
            "An independent, offline guide to the UK clinical academic training pathway. "
            "It is not an NHS product and is not endorsed by the NHS or any funder.\n\n"
            "The guide never connects to the internet. Your progress and preferences are "
            "kept only in: %2"
        )
        .replace("%1", __version__)
        .replace("%2", str(window.home)),
    )

"""Shared helpers for the reader's UI tests."""

from __future__ import annotations

from pathlib import Path

from guide.ui.shell.window import MainWindow


def make_window(qtbot, model, home: Path | None = None, **kwargs) -> MainWindow:
    window = MainWindow(model, home, **kwargs)
    qtbot.addWidget(window)
    return window


def reopen(qtbot, window: MainWindow, **kwargs) -> MainWindow:
    """Close a window (saving its state) and open a new one on the same user folder."""
    window.close()
    return make_window(qtbot, window.model, window.home, **kwargs)


def show_active(qtbot, window: MainWindow) -> None:
    """Show the window and make it the active one, so its shortcuts fire."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()

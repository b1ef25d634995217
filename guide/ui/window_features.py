"""Wire the reader's own conveniences into the main window (called from its constructor)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow


def install_core(window: MainWindow, *, theme: str | None = None) -> None:
    from guide.ui import actions
    from guide.ui.theme_manager import ThemeManager

    window.themes = ThemeManager(window)
    window.themes.apply(theme or str(window.prefs.get("theme") or "system"), save=False)
    actions.install(window)

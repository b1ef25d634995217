"""Apply a theme and the text size to the running app and the reader, and remember them.

"Follow the system" hands the palette back to the platform (an empty QPalette
resets it), so Windows high-contrast colours apply, and re-applies itself when
the system switches between light and dark while the guide is open. The text size
is part of the same app style sheet (``text_size``), so switching theme keeps it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from guide.ui.preferences import Preferences
from guide.ui.style.text_size import text_size_stylesheet
from guide.ui.style.themes import (
    PALETTES,
    THEMES,
    Colours,
    app_stylesheet,
    build_palette,
    colours_from_palette,
)

if TYPE_CHECKING:
    from guide.ui.style.outline import OutlineStyle

# The platform's own style, captured before we first change it, so "Follow the
# system" can put it back.
_SYSTEM: dict[str, str] = {}
# Our outlined Fusion while it is the app style (app.style() answers with the
# style-sheet wrapper, so it cannot tell us); dropped when the app deletes it.
_OURS: dict[str, OutlineStyle] = {}


def _remember_system(app: QApplication) -> None:
    if "style" not in _SYSTEM:
        _SYSTEM["style"] = app.style().name()


class ThemeManager(QObject):
    """Applies themes and the text size app-wide and emits ``changed(colours)``; the
    window redraws its page. Owned by the window, so its connection to the system's
    colour scheme ends with it."""

    changed = Signal(object)

    def __init__(self, parent: QObject, prefs: Preferences) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.name = "system"
        self.colours: Colours = PALETTES["light"]
        self.zoom = prefs.zoom  # text size in percent; the first apply() uses it
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    def _on_scheme_changed(self, _scheme: object) -> None:
        if self.name == "system":
            self.apply("system", save=False)

    def apply(self, name: str, *, save: bool = True) -> None:
        if name not in THEMES:
            name = "system"
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if name == "system":
            # Nothing recorded means we never changed the style: it is still the platform's
            # (and asking app.style() would build the QStyle wrapper and its enums).
            style = QStyleFactory.create(_SYSTEM["style"]) if "style" in _SYSTEM else None
            if style is not None and (
                _OURS.pop("style", None) is not None or app.style().name() != _SYSTEM["style"]
            ):
                app.setStyle(style)
            app.setPalette(QPalette())  # no roles set: back to the platform's palette
            colours = colours_from_palette(app.palette())
        else:
            _remember_system(app)
            if "style" not in _OURS:
                # Fusion draws from the palette everywhere, so our colours hold on every OS;
                # OutlineStyle gives its check boxes and entry boxes edges that show on dark.
                # Imported here: "Follow the system" (the default) never needs it.
                from guide.ui.style.outline import OutlineStyle

                _OURS["style"] = OutlineStyle()
                app.setStyle(_OURS["style"])
            colours = PALETTES[name]
            _OURS["style"].focus_colour = QColor(colours.focus)
            app.setPalette(build_palette(colours))
        app.setStyleSheet(app_stylesheet(colours) + text_size_stylesheet(self.zoom))
        self.name = name
        self.colours = colours
        if save:
            self.prefs.set("theme", name)
        self.changed.emit(colours)

    def set_zoom(self, percent: int) -> None:
        """Text size in percent of the system font, for every widget (saved by the caller)."""
        if percent == self.zoom:
            return
        self.zoom = percent
        self.refresh_text_size()

    def refresh_text_size(self) -> None:
        """Write the style sheet again (a new zoom, or the system font changed)."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setStyleSheet(app_stylesheet(self.colours) + text_size_stylesheet(self.zoom))

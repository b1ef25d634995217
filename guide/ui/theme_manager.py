"""Apply a theme to the running app and the reader, and remember the choice.

"Follow the system" hands the palette back to the platform (an empty QPalette
resets it), so Windows high-contrast colours apply, and re-applies itself when
the system switches between light and dark while the guide is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication, QStyleFactory

from guide.ui.themes import (
    PALETTES,
    THEMES,
    Colours,
    app_stylesheet,
    build_palette,
    colours_from_palette,
    content_stylesheet,
)

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow
    from guide.ui.outline_style import OutlineStyle

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
    """Owned by the window, so its connection to the system's colour scheme ends with it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.name = "system"
        self.colours: Colours = PALETTES["light"]
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
            # (and asking app.style() would build the QStyle wrapper and its enums, ~2 ms).
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
                # Imported here: "Follow the system" (the default) never needs it (~7 ms).
                from guide.ui.outline_style import OutlineStyle

                _OURS["style"] = OutlineStyle()
                app.setStyle(_OURS["style"])
            colours = PALETTES[name]
            _OURS["style"].focus_colour = QColor(colours.focus)
            app.setPalette(build_palette(colours))
        app.setStyleSheet(app_stylesheet(colours))
        self.name = name
        self.colours = colours
        window = self.window
        window._content_css = content_stylesheet(colours)
        window.reader.highlight_colours = (QColor(colours.find_bg), QColor(colours.find_text))
        window.reader.current_colours = (QColor(colours.current_bg), QColor(colours.current_text))
        window.refresh_page()
        if save:
            window.prefs.set("theme", name)
        for action in getattr(window, "theme_actions", {}).values():
            action.setChecked(action.data() == name)
        self.update_icons()

    def update_icons(self) -> None:
        """Toolbar arrows drawn in the theme's text colour (stock icons vanish on dark)."""
        actions = getattr(self.window, "actions_by_name", {})
        for name, direction in (("back", -1), ("forward", 1)):
            if name in actions:
                actions[name].setIcon(arrow_icon(self.colours.window_text, direction))


def arrow_icon(colour: str, direction: int) -> QIcon:
    """A simple filled arrow pointing left (-1) or right (1)."""
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        s = size / 16
        points = [(13, 7), (7, 7), (7, 3), (2, 8), (7, 13), (7, 9), (13, 9)]
        if direction > 0:
            points = [(16 - x, y) for x, y in points]
        painter.drawPolygon(QPolygonF([QPointF(x * s, y * s) for x, y in points]))
        painter.end()
        icon.addPixmap(pixmap)
    return icon

"""Apply a theme to the running app and the reader, and remember the choice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap, QPolygonF
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

# The platform's own palette and style, captured before we first change them,
# so "Follow the system" can put them back.
_SYSTEM: dict[str, object] = {}


def _remember_system(app: QApplication) -> None:
    if "palette" not in _SYSTEM:
        _SYSTEM["palette"] = QPalette(app.palette())
        _SYSTEM["style"] = app.style().name()


class ThemeManager:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.name = "system"
        self.colours: Colours = PALETTES["light"]

    def apply(self, name: str, *, save: bool = True) -> None:
        if name not in THEMES:
            name = "system"
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        _remember_system(app)
        if name == "system":
            style = QStyleFactory.create(str(_SYSTEM["style"]))
            if style is not None and app.style().name() != _SYSTEM["style"]:
                app.setStyle(style)
            palette = QPalette(_SYSTEM["palette"])  # type: ignore[arg-type]
            app.setPalette(palette)
            colours = colours_from_palette(palette)
        else:
            if app.style().name().lower() != "fusion":
                # Fusion draws from the palette everywhere, so our colours hold on every OS.
                app.setStyle("Fusion")
            colours = PALETTES[name]
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

"""One text size for the whole app, as style-sheet rules beside the theme's.

Why a style sheet and not ``setFont``: once the app has a style sheet (every theme
sets one), Qt no longer passes a parent's font on to its children, and each new
style sheet re-polishes every widget and drops fonts set by hand; that is how a
theme switch used to put the reader back to 100%. Rules in the app's style sheet
reach every widget (the reader, the tree, the side panels, the checklist, dialogs)
and survive theme switches, because the theme manager writes both together.

The size is a percentage of the application font, which follows the system's.
Text that is bigger or smaller than body text says so with a role
(``set_text_role(label, "title")``) rather than a point size of its own, so it
scales with everything else.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

ROLE_PROPERTY = "textRole"

ROLES: dict[str, float] = {
    "page-title": 1.5,  # a view's own heading ("My checklist", "Scheme finder")
    "title": 1.25,  # a heading inside a view (the selected milestone)
    "small": 0.9,  # secondary lines
}


def set_text_role(widget: QWidget, role: str) -> None:
    """Size ``widget``'s text relative to body text (see ``ROLES``); set before it shows."""
    if role not in ROLES:
        raise ValueError(f"unknown text role {role!r}: one of {', '.join(ROLES)}")
    widget.setProperty(ROLE_PROPERTY, role)


def base_font() -> QFont:
    """The application font (the system's), which 100% means."""
    return QApplication.font()


def _size(font: QFont, factor: float) -> str:
    points = font.pointSizeF()
    if points > 0:
        return f"{points * factor:.2f}pt"
    pixels = font.pixelSize()  # a platform that sizes its font in pixels
    return f"{max(1, round(pixels * factor))}px"


def text_size_stylesheet(percent: int, base: QFont | None = None) -> str:
    """Rules that make text ``percent`` of ``base`` (the application font).

    At 100% body text keeps the platform's own sizes untouched (menus and some
    controls may differ from the application font); only role text gets a size.
    """
    base = base if base is not None else base_font()
    scale = percent / 100
    rules = [] if percent == 100 else [f"* {{ font-size: {_size(base, scale)}; }}"]
    for role, factor in ROLES.items():
        weight = " font-weight: 600;" if factor > 1 else ""
        rules.append(
            f'*[{ROLE_PROPERTY}="{role}"] {{ font-size: {_size(base, scale * factor)};{weight} }}'
        )
    return "\n".join(rules) + "\n"


def text_scale(widget: QWidget) -> float:
    """How much bigger ``widget``'s body text is than the application font (1.0 at 100%);
    for text Qt does not size itself, such as the diagram's labels."""
    base, own = base_font(), widget.font()
    if base.pointSizeF() > 0 and own.pointSizeF() > 0:
        return own.pointSizeF() / base.pointSizeF()
    if base.pixelSize() > 0 and own.pixelSize() > 0:
        return own.pixelSize() / base.pixelSize()
    return 1.0

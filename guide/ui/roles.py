"""The item-data roles every list, tree and model in the window uses: one enum, so two
widgets never pick the same number for different things, or different numbers for the
same thing (a row's guide id is ``Role.ID`` wherever it is stored)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt

_USER = int(Qt.ItemDataRole.UserRole)


class Role(IntEnum):
    """Roles above Qt's ``UserRole``. Pass them where Qt takes a role (they are ints)."""

    ID = _USER + 1
    """The guide id a row opens: a page, a group index, a view, a milestone."""
    TITLE = _USER + 2
    """A navigation row's title without its badge."""
    TIP = _USER + 3
    """A navigation row's own tooltip, before any badge note."""
    ANCHOR = _USER + 4
    """An "On this page" row's heading anchor."""
    LEVEL = _USER + 5
    """An "On this page" row's heading level (2 or 3)."""
    RESULT = _USER + 6
    """A search result row's ``SearchResult``."""

"""Rich-text labels whose links follow the theme.

Qt colours a link once, when it parses the HTML, from the palette of that moment: a label
whose text was set in one theme kept that theme's link colour after a switch (the
checklist's "Read more" link stayed pure blue, #0000ff, on the dark theme's #172224:
1.9:1). ``follow_theme`` sets a label's text again whenever its palette changes, so its
links are parsed again in the new colours. Pages in the reader are re-rendered on a theme
change by the window; this is for the labels features build themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel


class _Reparse(QObject):
    """Sets its label's text again after a palette change (an event filter on the label)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.PaletteChange and isinstance(watched, QLabel):
            text = watched.text()
            if text:
                # setText ignores the text it already has, so clear it first.
                watched.clear()
                watched.setText(text)
        return False


def follow_theme(label: QLabel) -> QLabel:
    """Keep ``label``'s links in the current theme's link colour; returns the label."""
    label.installEventFilter(_Reparse(label))
    return label

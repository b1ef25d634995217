"""The one first-paint watcher: what waits until the window has been drawn once.

Start-up shows the window first and does the rest after (installing features,
building the search index, the window icon, warming the Markdown renderer), so
a doctor sees the guide as soon as possible.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Runs callbacks, in order, on the turn of the event loop after ``window`` first paints;
    once painted, a new callback runs on the next turn. Callbacks stop if one closes the
    window (the start-up benchmark quits straight after the paint)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.painted = False
        self._waiting: list[Callable[[], None]] = []
        window.installEventFilter(self)

    def then(self, callback: Callable[[], None], *, first: bool = False) -> None:
        """Queue ``callback``; ``first`` puts it before those already waiting."""
        self._waiting.insert(0 if first else len(self._waiting), callback)
        if self.painted and len(self._waiting) == 1:
            QTimer.singleShot(0, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.painted = True
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        while self._waiting:
            if not self.window.isVisible():
                self._waiting.clear()
                return
            self._waiting.pop(0)()

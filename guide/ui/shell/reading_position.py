"""Reading position per page: where you were in each page, kept across pages and restarts.

Positions are fractions of the page's height (so a different text size or window
width lands on about the same paragraph), in the preferences file under
``reading_positions``; only the most recent pages are kept. A page's height
grows while Qt lays it out (the start page is opened before the window is even
shown), so the position is re-applied as the height changes until the reader
scrolls by hand or opens another page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtWidgets import QScrollBar

KEY = "reading_positions"
KEEP = 200


class _Pending(NamedTuple):
    item_id: str
    fraction: float
    on_range: Callable[[int, int], None]
    on_action: Callable[[int], None]


_pending: dict[int, _Pending] = {}


def _cancel(bar: QScrollBar) -> _Pending | None:
    pending = _pending.pop(id(bar), None)
    if pending is not None:
        bar.rangeChanged.disconnect(pending.on_range)
        bar.actionTriggered.disconnect(pending.on_action)
    return pending


def remember(prefs: Any, item_id: str, bar: QScrollBar) -> None:
    """Note how far down ``item_id`` the reader is (without writing the file yet)."""
    pending = _cancel(bar)
    if not item_id:
        return
    if pending is not None and pending.item_id == item_id:
        fraction = pending.fraction  # still where we put it: the reader has not scrolled
    else:
        fraction = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
    positions = dict(prefs.get(KEY) or {})
    positions.pop(item_id, None)
    if fraction > 0.0:
        positions[item_id] = round(fraction, 4)
    while len(positions) > KEEP:  # the oldest first: dicts keep insertion order
        positions.pop(next(iter(positions)))
    prefs.set(KEY, positions, save=False)


def restore(prefs: Any, item_id: str, bar: QScrollBar) -> bool:
    """Scroll back to where ``item_id`` was left; False when there is nothing to restore."""
    _cancel(bar)
    positions = prefs.get(KEY) or {}
    fraction = positions.get(item_id) if isinstance(positions, dict) else None
    if not isinstance(fraction, (int, float)) or not 0.0 < fraction <= 1.0:
        return False

    def on_range(_low: int, high: int) -> None:
        bar.setValue(round(fraction * high))

    def on_action(_action: int) -> None:
        _cancel(bar)  # the reader scrolls by hand: leave the position to them

    _pending[id(bar)] = _Pending(item_id, float(fraction), on_range, on_action)
    bar.rangeChanged.connect(on_range)
    bar.actionTriggered.connect(on_action)
    bar.setValue(round(fraction * bar.maximum()))
    return True

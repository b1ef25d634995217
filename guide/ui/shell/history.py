"""Back/forward history for the reader, like a web browser's. No Qt here."""

from __future__ import annotations

from typing import NamedTuple


class Place(NamedTuple):
    """Where the reader was: an item or view id, an optional anchor, the scroll position."""

    item_id: str
    anchor: str = ""
    scroll: int = 0


class History:
    """A list of places with a cursor; visiting a new place drops the forward entries."""

    def __init__(self, limit: int = 200) -> None:
        self._places: list[Place] = []
        self._index = -1
        self.limit = limit

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._index >= 0 else None

    def visit(self, item_id: str, anchor: str = "") -> None:
        current = self.current
        if current is not None and current.item_id == item_id and current.anchor == anchor:
            return
        del self._places[self._index + 1 :]
        self._places.append(Place(item_id, anchor))
        if len(self._places) > self.limit:
            del self._places[0]
        self._index = len(self._places) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self) -> Place | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Place | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current

    def remember_scroll(self, value: int) -> None:
        if self.current is not None:
            self._places[self._index] = self.current._replace(scroll=value)

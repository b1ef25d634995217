"""A cached model's items, each unpacked from the content cache the first time it is used.

With a content folder of thousands of pages, unpickling every item (its fields, dates
and where its body is) was most of what reading the content cache cost, and it grew
with the content although the first screen shows one page and a few dozen tree rows.
So the cache stores each item as its own small pickle, plus an index worked out when
the cache was written: the ids of each kind, in the model's order, and the pages the
tree lists (``guide.content.groups.TreePages``, with their titles). The tree and
``of_kind("section")`` then need only the items they show; the rest are unpacked when
something asks for them (a page opened, the search index built after the first paint).

Unpacking is guarded by a lock: the search index is built on another thread, and two
threads unpacking the same item would otherwise leave two copies of it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping

from guide.content.groups import TreePages
from guide.content.model import Item


class CachedItems(Mapping[str, Item]):
    """``ContentModel.items`` for a model read from the cache; read-only, in model order."""

    def __init__(
        self,
        packed: dict[str, bytes],
        ids_by_kind: Mapping[str, tuple[str, ...]],
        tree_pages: TreePages,
        unpack: Callable[[bytes], Item],
    ) -> None:
        self._packed = packed
        self._unpack = unpack
        self._items: dict[str, Item] = {}
        self._lock = threading.Lock()
        # Read by ContentModel.of_kind and guide.content.groups.tree_pages.
        self.ids_by_kind = ids_by_kind
        self.tree_pages = tree_pages

    def __getitem__(self, item_id: str) -> Item:
        item = self._items.get(item_id)
        if item is None:
            packed = self._packed[item_id]  # KeyError for an unknown id, as a dict
            with self._lock:
                item = self._items.get(item_id)
                if item is None:
                    item = self._items[item_id] = self._unpack(packed)
        return item

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __repr__(self) -> str:
        return f"CachedItems({len(self._packed)} items, {len(self._items)} unpacked)"


def ids_by_kind(items: Mapping[str, Item]) -> dict[str, tuple[str, ...]]:
    """Each kind's item ids, in the model's order."""
    found: dict[str, list[str]] = {}
    for item in items.values():
        found.setdefault(item.kind, []).append(item.id)
    return {kind: tuple(ids) for kind, ids in found.items()}

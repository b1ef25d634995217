"""Page bodies of a cached model, kept in a file of their own and read when first used.

With thousands of pages, the bodies are most of the content cache (about 4 KB a page);
unpickling them all made start-up and peak memory grow with the size of the content,
although the first paint shows one page. So the cache stores each item without its
body, plus where its body sits in ``content-XXXX.bodies`` (offset, length and a short
checksum), and ``Item.body`` reads it from there on first use
(``guide.content.model.Item.__getattr__``).

A body that cannot be read back as written (the file was replaced by another copy of
the app, damaged or deleted) is read from the content file itself instead, so the
worst a bad body file costs is a little time.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:  # as in guide.content.cache: hashlib would load OpenSSL at start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b

if TYPE_CHECKING:
    from guide.content.model import ContentModel, Item

BODY_MAGIC = b"GUIDE-CONTENT-BODIES\n"
BodyRef = tuple[int, int, bytes]  # offset after the header, length in bytes, checksum
_DIGEST = 8


def _digest(data: bytes) -> bytes:
    return blake2b(data, digest_size=_DIGEST).digest()


def header(key: str) -> bytes:
    return BODY_MAGIC + key.encode("ascii") + b"\n"


def split_bodies(model: ContentModel) -> tuple[bytes, dict[str, BodyRef]]:
    """Every item's body as one blob, and where each one is in it."""
    parts: list[bytes] = []
    refs: dict[str, BodyRef] = {}
    offset = 0
    for item in model.items.values():
        data = item.body.encode("utf-8", "surrogatepass")
        refs[item.id] = (offset, len(data), _digest(data))
        parts.append(data)
        offset += len(data)
    return b"".join(parts), refs


class BodyFile:
    """Reads bodies from one ``.bodies`` file; safe to share between threads."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self._header = header(key)
        self._handle: Any = None
        self._usable = True
        self._lock = threading.Lock()

    def _open(self) -> Any:
        handle = open(self.path, "rb")  # noqa: SIM115 - kept open for the session
        if handle.read(len(self._header)) != self._header:
            handle.close()
            raise ValueError("not the body file for this cache")
        return handle

    def _read(self, ref: BodyRef) -> bytes:
        offset, length, digest = ref
        with self._lock:
            if self._handle is None:
                self._handle = self._open()
            self._handle.seek(len(self._header) + offset)
            data = self._handle.read(length)
        if len(data) != length or _digest(data) != digest:
            raise ValueError("the body file does not hold this body")
        return data

    def read(self, item: Item) -> str:
        ref = item.__dict__.get("_body_ref")
        if ref is not None and self._usable:
            try:
                return self._read(ref).decode("utf-8", "surrogatepass")
            except (OSError, ValueError, UnicodeDecodeError):
                self._usable = False  # one bad read: the rest come from the content files
        return _from_source(item)

    def attach_item(self, item: Item) -> None:
        """Point an item read from the cache at this file for its body."""
        if "_body_ref" in item.__dict__:
            item.__dict__["_body_source"] = self.read


def _from_source(item: Item) -> str:
    from guide.content.loader import item_from_file

    fresh = item_from_file(Path(item.path), item.id)
    return fresh.body if fresh is not None else ""

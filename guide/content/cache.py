"""A precompiled content cache, so the app opens without re-reading and re-checking YAML.

``load_cached(roots, folder)`` returns exactly the ContentModel that
``load_content(roots)`` would, problems included. The cache file is keyed by a
hash of every content file's name and bytes, of each root's path, and of the
loader's own code, so any edit to content (or to the rules that check it)
makes the cache stale, and a stale, truncated, corrupt or unreadable cache is
simply rebuilt: the worst a bad cache can cost is one normal load.

The cache lives in the user's cache folder, never beside the bundled data
(which may be read-only, and is shared by every user of a machine). It is a
pickle read by an unpickler that only builds the content model's own types,
so a planted file cannot run code. The pathway diagram's data is unpickled on
first use only: its module pulls in the YAML parser, which start-up otherwise
no longer needs.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import pickle
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any

try:  # what hashlib.blake2b is; hashlib itself also loads OpenSSL (~4 ms of start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the built-in module
    from hashlib import blake2b

from guide import __version__
from guide.content import freshness
from guide.content.bodyfile import BodyFile, BodyRef, split_bodies
from guide.content.bodyfile import header as body_header
from guide.content.cached_items import CachedItems, ids_by_kind
from guide.content.groups import TreePages, tree_pages
from guide.content.model import ContentModel, Item
from guide.content.rendered import Heading, RenderedBody

# Bump when the pickled shape changes in a way the code hash would not notice.
CACHE_FORMAT = 4
MAGIC = b"GUIDE-CONTENT-CACHE\n"
CONTENT_SUFFIXES = (".md", ".yaml", ".yml")
_SUM = 4  # bytes of the payload's checksum, which catches a damaged file before unpickling
# The modules whose code decides what a load produces; an edit to any makes old caches stale.
_CODE_FILES = ("content/*.py", "diagram/data.py", "search/synonyms.py", "__init__.py")

# Everything a cached model may contain, by (module, name); anything else is refused.
_ALLOWED: frozenset[tuple[str, str]] = frozenset(
    {
        ("guide.content.model", "ContentModel"),
        ("guide.content.model", "Item"),
        ("guide.content.model", "Problem"),
        ("guide.content.model", "ChecklistStage"),
        ("guide.content.model", "Edition"),
        ("guide.content.model", "Change"),
        ("guide.content.model", "FailedItem"),
        ("guide.content.cache", "_proxy"),
        ("guide.content.cache", "_item"),
        ("guide.content.groups", "TreePages"),
        ("guide.content.groups", "SchemeRow"),
        ("guide.content.groups", "StoryRow"),
        ("guide.diagram.data", "Pathway"),
        ("guide.diagram.data", "Column"),
        ("guide.diagram.data", "Lane"),
        ("guide.diagram.data", "Node"),
        ("guide.diagram.data", "Edge"),
        ("guide.search.synonyms", "SynonymData"),
        ("datetime", "date"),
    }
)
# No pathlib class is allowed: where Path lives is an implementation detail (Python 3.13
# moved PosixPath to pathlib._local), so the cache stores the roots as plain strings.


class CacheError(Exception):
    """The cache file is unusable (wrong format, stale, corrupt or unsafe)."""


def _proxy(data: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(data)


def _item(state: dict[str, Any]) -> Item:
    """An item without its body, which stays in the body file until it is first read."""
    item = object.__new__(Item)
    item.__dict__.update(state)
    return item


class _Pickler(pickle.Pickler):
    # MappingProxyType cannot be pickled by default; store its dict and rebuild it.
    # With body_refs, items are stored without their bodies, with where to find them.
    body_refs: dict[str, BodyRef] | None = None

    def __init__(self, file: IO[bytes], protocol: int) -> None:
        super().__init__(file, protocol=protocol)
        self.dispatch_table = {MappingProxyType: lambda proxy: (_proxy, (dict(proxy),))}

    def reducer_override(self, obj: Any) -> Any:
        if self.body_refs is not None and type(obj) is Item:
            state = {k: v for k, v in obj.__dict__.items() if k != "body" and k[0] != "_"}
            state["_body_ref"] = self.body_refs[obj.id]
            return (_item, (state,))
        return NotImplemented


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise CacheError(f"the cache names {module}.{name}, which a content model never holds")
        return super().find_class(module, name)


def _dumps(value: Any, body_refs: dict[str, BodyRef] | None = None) -> bytes:
    buffer = io.BytesIO()
    pickler = _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.body_refs = body_refs
    pickler.dump(value)
    return buffer.getvalue()


def _loads(data: bytes | memoryview) -> Any:
    return _Unpickler(io.BytesIO(data)).load()


class LazyExtras(Mapping[str, Any]):
    """The model's ``extras``, each value unpickled the first time it is asked for."""

    def __init__(
        self,
        pickled: Mapping[str, bytes],
        origin: tuple[Path, str] | None = None,
        values: Mapping[str, Any] | None = None,
        files: bytes | None = None,
        table: freshness.Table | None = None,
    ) -> None:
        self._pickled = dict(pickled)
        self._values: dict[str, Any] = dict(values or {})  # those already unpickled
        # The cache file and content key the model came from (see body_store).
        self.origin = origin
        # The packed file table the cache was written with (see guide.content.digests).
        self.files = files
        # The same table unpacked, when this start took it (a miss): guide.content.digests
        # takes the files' digests from it after the first paint.
        self.table = table

    def __getitem__(self, key: str) -> Any:
        if key not in self._values:
            self._values[key] = _loads(self._pickled[key])
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._pickled)

    def __len__(self) -> int:
        return len(self._pickled)

    def __repr__(self) -> str:
        return f"LazyExtras({sorted(self._pickled)})"


def _code_fingerprint(digest: Any) -> None:
    digest.update(f"{CACHE_FORMAT}|{__version__}|{sys.version}".encode())
    package = Path(__file__).resolve().parent.parent
    files = sorted({f for pattern in _CODE_FILES for f in package.glob(pattern)})
    for path in files:
        # Size and modification time, the test Python applies to its own bytecode cache:
        # reading and hashing every code file on each start cost more than the rest of
        # the cache check together.
        stat = path.stat()
        digest.update(f"{path.name}|{stat.st_size}|{stat.st_mtime_ns}\0".encode())
    if not files:  # a frozen bundle has no .py files: the executable stands for the code
        exe = Path(sys.executable)
        stat = exe.stat()
        digest.update(f"{exe}|{stat.st_size}|{stat.st_mtime_ns}".encode())


def content_files(root: Path) -> list[str]:
    """Every file under ``root`` a load may read (``.md``, ``.yaml``, ``.yml``), as sorted
    paths relative to it with ``/`` separators. os.walk rather than Path.rglob: with 5,000
    pages that is ~30 ms instead of ~250 ms."""
    found: list[str] = []
    for folder, _dirs, files in os.walk(root, followlinks=True):
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        found.extend(prefix + name for name in files if name.endswith(CONTENT_SUFFIXES))
    return sorted(found)


def content_key(roots: Iterable[Path]) -> str:
    """A hash of the roots' paths, every content file's name and bytes, and the loader's code.

    The bytes, not sizes and times: a page unzipped over another keeps its old time, and
    changing a date in it keeps its size."""
    digest = blake2b(digest_size=20)
    _code_fingerprint(digest)
    for root in roots:
        digest.update(b"\0root\0" + str(root).encode("utf-8", "surrogateescape"))
        if not root.is_dir():
            continue
        for name in content_files(root):
            try:
                with open(os.path.join(root, name), "rb") as handle:
                    data = handle.read()
            except (IsADirectoryError, FileNotFoundError):  # as the loader, skip these
                continue
            encoded = name.encode("utf-8", "surrogateescape")
            digest.update(b"\0file\0" + encoded + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()


def code_key(roots: Iterable[Path]) -> str:
    """A hash of the loader's code and the roots' paths: what a cache file is for. Whether
    the content itself changed is the file table's business (``guide.content.freshness``)."""
    digest = blake2b(digest_size=20)
    _code_fingerprint(digest)
    for root in roots:
        digest.update(b"\0root\0" + str(root).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def cache_path(folder: Path, roots: Iterable[Path]) -> Path:
    """One file per set of roots, so switching ``--content`` folders does not thrash."""
    joined = "\0".join(str(r) for r in roots).encode("utf-8", "surrogateescape")
    return folder / f"content-{blake2b(joined, digest_size=8).hexdigest()}.cache"


def _header(key: str) -> bytes:
    return MAGIC + key.encode("ascii") + b"\n"


def _checksum(payload: bytes | memoryview) -> bytes:
    # CRC-32: it is there to catch a damaged file (the restricted unpickler, not the sum,
    # stands between a planted file and running code), and with thousands of pages the
    # payload is megabytes, which a cryptographic hash took several times longer to read.
    return zlib.crc32(payload).to_bytes(4, "big")


def read_cache(
    path: Path,
    key: str,
    roots: tuple[Path, ...],
    stats: Mapping[str, freshness.Stat] | None = None,
) -> ContentModel:
    """The cached model, or CacheError if the file is missing, stale, corrupt or unsafe.

    ``key`` is ``code_key(roots)``; with ``stats`` (``freshness.scan(roots)``), a cache
    whose content files have changed since it was written is stale too."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CacheError(f"cannot read the cache: {exc}") from None
    header = _header(key)
    if not data.startswith(header):
        raise CacheError("the cache is stale or not a content cache")
    view = memoryview(data)  # no copy of the payload
    checksum, payload = view[len(header) : len(header) + _SUM], view[len(header) + _SUM :]
    if len(checksum) != _SUM or _checksum(payload) != checksum:
        raise CacheError("the cache is damaged (its checksum does not match)")
    try:
        state, root_names, extras, table_blob, content, packed, index = _loads(payload)
    except CacheError:
        raise
    except Exception as exc:  # truncated or corrupt pickles raise almost anything
        raise CacheError(f"the cache is corrupt: {type(exc).__name__}") from None
    if (
        not isinstance(state, ContentModel)
        or root_names != _root_names(roots)
        or not isinstance(extras, dict)
        or not all(isinstance(k, str) and isinstance(v, bytes) for k, v in extras.items())
        or not isinstance(table_blob, bytes)
        or not isinstance(content, str)
        or not _is_packed(packed)
        or not _is_index(index)
    ):
        raise CacheError("the cache does not hold a content model for these folders")
    if stats is not None and not _unchanged(table_blob, stats, roots):
        raise CacheError("the content has changed since the cache was written")
    bodies = BodyFile(path.with_suffix(".bodies"), content)

    def unpack(data: bytes) -> Item:
        item = _loads(data)
        if type(item) is not Item:
            raise CacheError("the cache holds something other than an item")
        bodies.attach_item(item)
        return item

    ids, ends, blob = packed
    items = CachedItems(ids, array("Q", ends), blob, index[0], index[1], unpack)
    extras_map = LazyExtras(extras, origin=(path, content), files=table_blob)
    return replace(state, items=items, roots=roots, extras=extras_map)


def _unchanged(
    table_blob: bytes, stats: Mapping[str, freshness.Stat], roots: tuple[Path, ...]
) -> bool:
    """Whether the files are as the cache's file table saw them."""
    try:
        table = _loads(table_blob)
        if not isinstance(table, dict):
            raise TypeError
        return freshness.unchanged(table, stats, roots)
    except (TypeError, ValueError, IndexError, pickle.UnpicklingError, EOFError):
        raise CacheError("the cache's file table is damaged") from None


def _is_packed(packed: Any) -> bool:
    """Whether ``packed`` has the shape ``write_cache`` gives it (ids, ends, pickles)."""
    if not isinstance(packed, tuple) or len(packed) != 3:
        return False
    ids, ends, blob = packed
    return (
        isinstance(ids, tuple)
        and set(map(type, ids)) <= {str}  # each an id: a plain str (set and map run in C)
        and isinstance(ends, bytes)
        and isinstance(blob, bytes)
        and len(ends) == 8 * len(ids)
        and (not ids or array("Q", ends[-8:])[0] == len(blob))
    )


def _is_index(index: Any) -> bool:
    """Whether ``index`` has the shape ``write_cache`` gives it (kinds, tree pages)."""
    if not isinstance(index, tuple) or len(index) != 2:
        return False
    kinds, pages = index
    return (
        isinstance(kinds, dict)
        and all(isinstance(k, str) and isinstance(v, tuple) for k, v in kinds.items())
        and isinstance(pages, TreePages)
    )


def _root_names(roots: Iterable[Path]) -> tuple[str, ...]:
    return tuple(os.fspath(root) for root in roots)


def write_cache(
    path: Path,
    key: str,
    model: ContentModel,
    table: freshness.Table | None = None,
) -> str | None:
    """Save the model atomically (temporary file, then replace), with the file table it was
    loaded from; the content's id (which keys the stored bodies), or None if it cannot."""
    if table is None:
        table = freshness.table_for(
            freshness.scan(model.roots), model.roots, clock_folder=path.parent
        )
    content = freshness.table_id(table)
    extras = {name: _dumps(value) for name, value in model.extras.items()}
    bodies, refs = split_bodies(model)
    # Each item packed on its own, unpacked when first used (guide.content.cached_items):
    # the ids in order, where each item's pickle ends, and the pickles end to end.
    blobs = [_dumps(item, body_refs=refs) for item in model.items.values()]
    ends = array("Q", itertools.accumulate(len(b) for b in blobs))
    packed = (tuple(model.items), ends.tobytes(), b"".join(blobs))
    index = (ids_by_kind(model.items), tree_pages(model))
    bare = replace(model, items=MappingProxyType({}), roots=(), extras=MappingProxyType({}))
    # The file table stays packed until a freshness check needs it.
    state = (bare, _root_names(model.roots), extras, _dumps(table), content, packed, index)
    payload = _dumps(state, body_refs=refs)
    from guide.atomic import atomic_write  # only when writing: a hit never needs it

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Rebuildable, so atomic but not fsynced: a lost cache only costs one full load.
        # Bodies first: a cache whose body file is missing or older still works (each body
        # is then read from its content file), but this way round that stays rare.
        atomic_write(path.with_suffix(".bodies"), body_header(content) + bodies, durable=False)
        atomic_write(path, _header(key) + _checksum(payload) + payload, durable=False)
    except OSError:
        return None
    return content


def load_cached(
    roots: Iterable[Path | str], folder: Path | None, *, check_files: bool = True
) -> ContentModel:
    """``load_content(roots)``, through the cache in ``folder`` when it is fresh.

    With no folder, or when the content folders cannot be listed, this is a plain load.
    A miss loads normally and rewrites the cache; failing to write is not an error.
    ``check_files=False`` trusts a cache written by this code for these folders without
    looking at every content file (which grows with the content): the caller looks later
    (``guide.content.digests``), as the app does once its window is up.
    """
    root_paths = tuple(Path(r) for r in roots)
    if folder is None:
        return _load(root_paths)
    path = cache_path(folder, root_paths)
    try:
        key = code_key(root_paths)
        if not check_files:
            with contextlib.suppress(CacheError):
                return read_cache(path, key, root_paths)
        # Taken before any load: a file changed after this makes the next start reload.
        stats = freshness.scan(root_paths)
    except OSError:
        return _load(root_paths)
    try:
        return read_cache(path, key, root_paths, stats)
    except CacheError:
        pass
    model = _load(root_paths)
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)  # the files' clock is read there
    table = freshness.table_for(stats, root_paths, clock_folder=folder)
    content = write_cache(path, key, model, table)
    if content is not None:
        # Cached now, so this start can store its page bodies for the next one.
        extras = LazyExtras(
            dict.fromkeys(model.extras, b""), (path, content), model.extras, table=table
        )
        model = replace(model, extras=extras)
    return model


_BODY_MAGIC = b"GUIDE-PAGE-BODIES\n"
_BodyRows = dict[str, tuple[str, tuple[tuple[int, str, str], ...]]]


class BodyStore:
    """Rendered bodies of the pages a start may open first, in a small file beside the
    content cache and keyed like it: the start page then shows without Markdown.

    Only plain strings, numbers and tuples are stored (read by the same restricted
    unpickler), and a stale, damaged or unreadable file is ignored: the page is simply
    rendered again. ``save(keep)`` writes the kept pages' bodies, and only when they differ
    from what the file holds."""

    def __init__(self, path: Path, key: str) -> None:
        self.path, self.key = path, key
        self._bodies: dict[str, RenderedBody] = {}
        self._on_disk: _BodyRows = {}
        with contextlib.suppress(Exception):  # any unusable file is as good as none
            self._on_disk = self._read()
        for item_id, (html, headings) in self._on_disk.items():
            self._bodies[item_id] = RenderedBody(html, tuple(Heading(*h) for h in headings))

    def _read(self) -> _BodyRows:
        data = self.path.read_bytes()
        header = _BODY_MAGIC + self.key.encode("ascii") + b"\n"
        checksum, payload = data[len(header) : len(header) + _SUM], data[len(header) + _SUM :]
        if not data.startswith(header) or _checksum(payload) != checksum:
            return {}
        rows = _loads(payload)
        ok = isinstance(rows, dict) and all(
            isinstance(k, str)
            and isinstance(v, tuple)
            and len(v) == 2
            and isinstance(v[0], str)
            and all(
                isinstance(h, tuple)
                and len(h) == 3
                and isinstance(h[0], int)
                and isinstance(h[1], str)
                and isinstance(h[2], str)
                for h in v[1]
            )
            for k, v in rows.items()
        )
        return rows if ok else {}

    def get(self, item_id: str) -> RenderedBody | None:
        return self._bodies.get(item_id)

    def put(self, item_id: str, body: RenderedBody) -> None:
        self._bodies[item_id] = body

    def save(self, keep: Iterable[str]) -> bool:
        """Store the bodies of ``keep`` (those rendered or read this session); False if the
        file cannot be written, which costs the next start only a render."""
        rows: _BodyRows = {
            item_id: (body.html, tuple((h.level, h.anchor, h.title) for h in body.headings))
            for item_id in dict.fromkeys(keep)
            if (body := self._bodies.get(item_id)) is not None
        }
        if not rows or rows == self._on_disk:
            return True
        payload = _dumps(rows)
        header = _BODY_MAGIC + self.key.encode("ascii") + b"\n"
        from guide.atomic import atomic_write

        try:
            atomic_write(self.path, header + _checksum(payload) + payload, durable=False)
        except OSError:
            return False
        self._on_disk = rows
        return True


def body_store(model: ContentModel) -> BodyStore | None:
    """The stored bodies for a model read from the content cache (None for any other)."""
    origin = getattr(model.extras, "origin", None)
    if origin is None:
        return None
    path, key = origin
    return BodyStore(path.with_suffix(".pages"), key)


def _load(roots: tuple[Path, ...]) -> ContentModel:
    # Imported only on a miss: the loader pulls in the YAML parser and the validators.
    from guide.content.loader import load_content

    return load_content(roots)


def default_cache_folder(cli_home: str | os.PathLike[str] | None = None) -> Path:
    """Where the app keeps its cache: ``cache/`` in a data folder the user chose (``--home``,
    ``GUIDE_HOME`` or a portable copy), otherwise the system's per-user cache folder
    (``%LOCALAPPDATA%``, which does not roam with a Windows profile; ``~/.cache`` on Linux)."""
    from guide.paths import HOME_ENV, portable_home, user_home

    if cli_home or os.environ.get(HOME_ENV):
        return user_home(cli_home) / "cache"
    portable = portable_home()
    if portable is not None:
        return portable / "cache"
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    from guide import APP_SLUG

    # As guide.paths.default_home does: the folder is named after the app, whoever calls.
    QCoreApplication.setOrganizationName("")
    QCoreApplication.setApplicationName(APP_SLUG)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) if location else user_home() / "cache"

"""After start-up: are the content files still, byte for byte, what the cached model holds?

The app's one look at the content files after a start (``guide.ui.recheck`` runs it once
the window has painted, off the GUI thread). A start trusts the content cache without
looking at the files at all, so this is where an edit, an added or a removed file made
while the guide was closed is found. Every content file is listed and hashed and compared
with the digests recorded beside the cache: that also catches a file whose bytes changed
while its size and times did not (an editor set to keep dates, a copy from a share, a
restore from a backup; on Windows the "change time" is the creation time, so it does not
move either). It is Qt-free.

The digests are recorded by this check, the first time it runs for a cache: taking
them when the cache is written would mean reading every file again before the first
paint. Until then the cache's file table is the reference (its digests of racily new
files, and the sizes and times of the others). When a file differs, ``reread`` removes the
old cache, its stored first pages and the record and reads the changed files again, and
``remember`` writes the cache anew, so the next start shows the new text rather than the
stale model.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from guide.atomic import atomic_write
from guide.content import freshness
from guide.content.cache import _SUM, _checksum, _dumps, _loads, code_key, write_cache
from guide.content.model import ContentModel

MAGIC = b"GUIDE-CONTENT-DIGESTS\n"
Digests = dict[str, bytes]  # table name ("N/relative/path") -> digest of the file's bytes
Entries = Mapping[str, tuple[freshness.Stat, bytes]]


@dataclass(frozen=True)
class Recheck:
    """What the check needs, taken (cheaply, on the GUI thread) from a cached model."""

    roots: tuple[Path, ...]
    cache: Path  # the cache file the model came from
    content: str  # the content's id, which keys the record
    table: Entries | None = None  # the cache's file table, or...
    packed: bytes = b""  # ...the same packed, as a start that read the cache has it

    @property
    def record(self) -> Path:
        return self.cache.with_suffix(".digests")

    def file_table(self) -> Entries:
        if self.table is not None:
            return self.table
        table = _loads(self.packed)
        if not isinstance(table, dict):
            raise ValueError("the cache's file table is damaged")
        return table


def recheck_for(model: ContentModel) -> Recheck | None:
    """The check for a model that came from the content cache; None for any other (a model
    read from the files at this start holds what they hold)."""
    extras = model.extras
    origin = getattr(extras, "origin", None)
    table = getattr(extras, "table", None)
    packed = getattr(extras, "files", None)
    if origin is None or (table is None and not isinstance(packed, bytes)):
        return None
    cache, content = origin
    return Recheck(tuple(model.roots), Path(cache), content, table, packed or b"")


def changed_files(check: Recheck) -> list[Path]:
    """Every content file whose bytes are not those the cached model was read from, and any
    added or removed. Reads and hashes every content file: run it off the GUI thread. When
    nothing differs, the digests are recorded for the next start's check."""
    try:
        table = check.file_table()
    except Exception:  # a damaged table: nothing to compare with, so nothing is claimed
        return []
    stats = freshness.scan(check.roots)
    record = read_record(check.record, check.content)
    current: Digests = {}
    changed: list[str] = []
    for name in sorted(set(stats) | set(table)):
        if name not in stats or name not in table:
            changed.append(name)  # added or removed since the table was taken
            continue
        digest = freshness.digest_file(freshness.path_of(check.roots, name))
        current[name] = digest
        known = record.get(name) if record is not None else (table[name][1] or None)
        # With no digest yet, by size and times, as a start would.
        if (digest != known) if known is not None else (tuple(table[name][0]) != stats[name]):
            changed.append(name)
    if not changed and record != current:
        write_record(check.record, check.content, current)
    return [Path(freshness.path_of(check.roots, name)) for name in changed]


@dataclass(frozen=True)
class Reread:
    """The content after the changed files were read again, and the files as listed just
    before: what ``remember`` writes to the cache."""

    model: ContentModel
    stats: Mapping[str, freshness.Stat]


def reread(check: Recheck, model: ContentModel, changed: list[Path]) -> Reread:
    """``model`` with the ``changed`` files read again (``guide.content.reload``). Run it
    off the GUI thread: a catalogue, or a file added or removed, means reading every
    folder again. The old cache is forgotten first; ``remember`` then writes the new one."""
    from guide.content.reload import reload_content  # the loader: only now

    forget(check)
    # Listed before anything is read: a file changed after this makes the next start's
    # check find it again, rather than the cache passing for newer than it is.
    stats = freshness.scan(check.roots)
    return Reread(reload_content(model, changed), stats)


def remember(check: Recheck, fresh: Reread) -> bool:
    """Write the cache anew with the reread content, so the next start opens on the new
    text; False if it cannot be written (the next start then reads the files)."""
    from guide.content.reload import as_loaded

    table = freshness.table_for(fresh.stats, check.roots, clock_folder=check.cache.parent)
    # The cache holds what a load gives; each start adds the folders it could not reach.
    return (
        write_cache(check.cache, code_key(check.roots), as_loaded(fresh.model), table) is not None
    )


def forget(check: Recheck) -> None:
    """Remove the cache, its stored first pages and the record: the next start loads afresh.

    The content's id comes from sizes and times, so a file changed without them keeps it:
    left in place, the stored pages and the record would pass for current again."""
    for path in (check.cache, check.cache.with_suffix(".pages"), check.record):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def read_record(path: Path, content: str) -> Digests | None:
    """The digests recorded for this content, or None (missing, for other content, damaged)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = MAGIC + content.encode("ascii") + b"\n"
    checksum, payload = data[len(header) : len(header) + _SUM], data[len(header) + _SUM :]
    if not data.startswith(header) or _checksum(payload) != checksum:
        return None
    try:
        digests = _loads(payload)
    except Exception:  # a damaged record is as good as none: the table decides
        return None
    if not isinstance(digests, dict) or not all(
        isinstance(k, str) and isinstance(v, bytes) for k, v in digests.items()
    ):
        return None
    return digests


def write_record(path: Path, content: str, digests: Digests) -> bool:
    """Record the digests (atomically); False if the file cannot be written, which only
    means the next start's check compares sizes and times again."""
    payload = _dumps(digests)
    header = MAGIC + content.encode("ascii") + b"\n"
    try:
        atomic_write(path, header + _checksum(payload) + payload, durable=False)
    except OSError:
        return False
    return True

"""Is the content cache still fresh? Answered from file sizes and times, as git does.

Reading every content file at every start to hash it made start-up grow with the size
of the content (5,000 pages are 5,000 files to open). Instead the cache keeps a table
of every content file's size, modification and change times and file id, taken just
before the load it holds, and a start only lists the folders and compares. A file
whose times fall within ``RACY_NS`` of that snapshot might have changed again within
the clock's resolution without its times moving (FAT and network drives count in
seconds), so, like git's "racily clean" entries, such a file is also checked by the
hash of its bytes. As git measures against the index file's own time, the snapshot's
time is read from the file system's clock, not this computer's. Any difference, or a file added or removed, means a full load.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from guide.clock import file_system_now_ns

try:  # as in guide.content.cache: hashlib would load OpenSSL at start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b

CONTENT_SUFFIXES = (".md", ".yaml", ".yml")
# A file changed within this long before the snapshot is also checked by its bytes.
RACY_NS = 3_000_000_000
Stat = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode (file id on Windows)
Table = dict[str, tuple[Stat, bytes]]  # name -> (stat, digest of the bytes or b"")


def scan(roots: Iterable[Path]) -> dict[str, Stat]:
    """Every content file under the roots, ``"N/relative/path"`` -> its stat (N = root)."""
    found: dict[str, Stat] = {}
    for index, root in enumerate(roots):
        stack = [(str(root), f"{index}/")]
        while stack:
            folder, prefix = stack.pop()
            try:
                entries = list(os.scandir(folder))
            except (FileNotFoundError, NotADirectoryError):
                continue
            for entry in entries:
                if entry.is_dir():
                    stack.append((entry.path, prefix + entry.name + "/"))
                elif entry.name.endswith(CONTENT_SUFFIXES):
                    try:
                        st = entry.stat()
                    except FileNotFoundError:
                        continue
                    found[prefix + entry.name] = (
                        st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino,
                    )  # fmt: skip
    return found


def path_of(roots: tuple[Path, ...], name: str) -> str:
    """The file a table name (``"N/relative/path"``) stands for."""
    index, _, relative = name.partition("/")
    return os.path.join(roots[int(index)], relative)


def digest_file(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return blake2b(handle.read(), digest_size=16).digest()
    except OSError:
        return b"?"


def table_for(
    stats: Mapping[str, Stat],
    roots: tuple[Path, ...],
    now_ns: int | None = None,
    *,
    clock_folder: Path | None = None,
) -> Table:
    """The snapshot to store with a cache: stats, and digests of the racily new files.

    "New" goes by the clock that stamps the files (read in ``clock_folder``, the cache's
    own folder, or else the temporary folder), not by this computer's clock: when the two
    disagree (a wrong date on the PC, or a moved clock in a test) by more than ``RACY_NS``,
    the computer's clock would call a file saved a moment ago old and trust its stat alone.
    ``now_ns`` gives the snapshot's time outright."""
    if now_ns is None:
        if clock_folder is None:
            import tempfile  # only when no cache folder is named (tests, tools)

            clock_folder = Path(tempfile.gettempdir())
        now_ns = file_system_now_ns(clock_folder)
    table: Table = {}
    for name, stat in stats.items():
        racy = max(stat[1], stat[2]) >= now_ns - RACY_NS
        table[name] = (stat, digest_file(path_of(roots, name)) if racy else b"")
    return table


def unchanged(table: Mapping[str, tuple[Stat, bytes]], stats: Mapping[str, Stat],
              roots: tuple[Path, ...]) -> bool:  # fmt: skip
    """True when every file is as the snapshot saw it (no file added or removed)."""
    if len(table) != len(stats):
        return False
    for name, stat in stats.items():
        entry = table.get(name)
        if entry is None or tuple(entry[0]) != stat:
            return False
        if entry[1] and digest_file(path_of(roots, name)) != entry[1]:
            return False
    return True


def table_id(table: Mapping[str, tuple[Stat, bytes]]) -> str:
    """A short name for a snapshot (keys the stored bodies and page renderings)."""
    digest = blake2b(digest_size=20)
    for name in sorted(table):
        stat, sums = table[name]
        digest.update(f"{name}|{stat}|".encode("utf-8", "surrogateescape") + sums)
    return digest.hexdigest()

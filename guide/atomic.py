"""Atomic file writes, shared by every layer that saves a file (progress, preferences, caches).

The new content goes to a temporary file in the same folder, is flushed (and, when
``durable``, fsynced), then ``os.replace``\\ d over the old file; with ``durable`` the
folder is fsynced too where the system allows it. A crash or power cut at any moment
leaves the old file or the new one, whole, never half of each. Rebuildable files
(caches) pass ``durable=False``: atomic, but without paying for fsync.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old or the new file, whole."""
    import tempfile  # imported when saving, so start-up (which only reads) never pays for it

    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        _replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        fsync_dir(folder)


def _replace(src: Path, dst: Path) -> None:
    # On Windows, replacing fails while another process (a reader, antivirus) has the
    # file open for a moment; try again briefly before giving up.
    for attempt in range(10):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 9:
                raise
            time.sleep(0.02 * (attempt + 1))


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX). Windows cannot open folders this way: skip."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems (network shares) refuse; the replace itself still happened
    finally:
        os.close(fd)

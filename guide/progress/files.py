"""Crash-safe file handling for the progress record: atomic writes, a short-lived lock,
rolling backups, and setting a damaged file aside.

Why these choices:

* **Atomic write**: the new record goes to a temporary file in the same folder,
  is flushed and fsynced, then ``os.replace``\\ d over the old one, and the folder
  itself is fsynced where the system allows it. A crash or power cut at any
  moment leaves either the old record or the new one, never half of each.
* **Lock + reload-and-merge**: two running copies of the app (two windows, or
  the app and the command line) both save to the same file. Each save takes a
  lock file for the few milliseconds it needs to read the file, merge its own
  changes in record by record (newest wins), and write the result. Holding the
  lock only while saving, instead of for the whole session, means a second copy
  still works, and a lock left by a crashed copy is broken once its process has
  gone (same computer) or once it is older than ``STALE_LOCK_SECONDS``.
* **Backups**: after each save a copy of what was saved goes into ``backups/``,
  and only the newest ``KEEP_BACKUPS`` are kept, so a damaged record can be
  restored without losing the last change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

from guide.atomic import atomic_write, fsync_dir
from guide.clock import file_system_now_ns

# atomic_write and fsync_dir live in guide.atomic (shared with preferences and caches);
# they are re-exported here because the store calls files.atomic_write.
__all__ = ["atomic_write", "fsync_dir"]

KEEP_BACKUPS = 10
STALE_LOCK_SECONDS = 15.0
LOCK_TIMEOUT_SECONDS = 3.0
BACKUP_DIR = "backups"
MERGED_DIR = "merged-copies"  # sync-tool conflict copies, kept after being merged in


class LockTimeoutError(OSError):
    """Another copy of the app held the lock for longer than it should."""


def file_system_now(folder: Path) -> float:
    """The time a file written in ``folder`` gets stamped with now, in seconds (see
    ``guide.clock.file_system_now_ns``: file ages go by the folder's clock, not this
    computer's)."""
    return file_system_now_ns(folder) / 1e9


def remove_stale_temp_files(folder: Path, stem: str, older_than: float = 60.0) -> None:
    """Temporary files left by a copy of the app that was killed mid-save."""
    now: float | None = None  # asked only when there is a temporary file to judge
    for tmp in folder.glob(f".{stem}-*.tmp"):
        with contextlib.suppress(OSError):
            mtime = tmp.stat().st_mtime
            now = file_system_now(folder) if now is None else now
            if mtime < now - older_than:
                tmp.unlink()


# ---------------------------------------------------------------- lock


@contextlib.contextmanager
def folder_lock(lock_path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold ``lock_path`` (created exclusively) while saving; break it if stale."""
    deadline = time.monotonic() + (LOCK_TIMEOUT_SECONDS if timeout is None else timeout)
    payload = json.dumps({"pid": os.getpid(), "host": _host()}).encode()
    while True:
        try:
            fd = os.open(lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            if _lock_is_stale(lock_path):
                with contextlib.suppress(OSError):
                    lock_path.unlink()
                continue
            if time.monotonic() > deadline:
                raise LockTimeoutError(
                    "another copy of the guide is saving at the moment"
                ) from None
            time.sleep(0.005)
            continue
        try:
            os.write(fd, payload)
        finally:
            os.close(fd)
        break
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            lock_path.unlink()


def _lock_is_stale(lock_path: Path) -> bool:
    # The lock's age by the folder's own clock (file_system_now), so a computer whose clock
    # is ahead of the drive's does not take a lock held this moment for an abandoned one.
    try:
        age = file_system_now(lock_path.parent) - lock_path.stat().st_mtime
        owner = json.loads(lock_path.read_text("utf-8") or "{}")
    except (OSError, ValueError):
        # Unreadable or half-written: stale only once it is old (its writer may be mid-write).
        try:
            return file_system_now(lock_path.parent) - lock_path.stat().st_mtime > 1.0
        except OSError:
            return False
    if age > STALE_LOCK_SECONDS:
        return True
    if not owner.get("pid"):
        # Empty: its writer was stopped between creating the file and writing who it is.
        return age > 1.0
    if os.name != "nt" and owner.get("host") == _host():
        return not _pid_alive(int(owner.get("pid", 0)))
    return False


def _host() -> str:
    import socket  # only its name lookup of this computer; imported late to keep start-up quick

    return socket.gethostname()


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)  # POSIX only: signal 0 asks "does it exist?" and sends nothing
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# ---------------------------------------------------------------- backups and set-aside


def timestamp(now: dt.datetime) -> str:
    """``now`` (the store's clock) as text for a file name, in UTC whatever the time zone."""
    return now.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def back_up(path: Path, data: bytes, rev: int, now: dt.datetime) -> Path | None:
    """Keep a copy of what was just saved in ``backups/``, then drop all but the newest.

    A separate file, not a hard link: something that damages the record in place
    must not damage its backups too. Not fsynced: the record itself already is,
    and after a power cut the older backups are still there. Best effort: a
    failure here never fails the save.
    """
    folder = path.parent / BACKUP_DIR
    # The revision comes first so the order stays right even if the clock is set back.
    target = folder / f"{path.stem}-r{rev:010d}-{timestamp(now)}.json"
    try:
        folder.mkdir(exist_ok=True)
        target.write_bytes(data)
    except OSError:
        with contextlib.suppress(OSError):
            target.unlink()
        return None
    prune_backups(path)
    return target


def backups(path: Path) -> list[Path]:
    """Backups of ``path``, newest first."""
    folder = path.parent / BACKUP_DIR
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*.json"), reverse=True)


def prune_backups(path: Path, keep: int = KEEP_BACKUPS) -> None:
    for old in backups(path)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()


def set_aside(path: Path, reason: str, now: dt.datetime) -> Path:
    """Rename a damaged file out of the way (never overwriting anything) and return its new name."""
    for n in range(1000):
        suffix = f"-{n}" if n else ""
        target = path.with_name(f"{path.stem}.{reason}-{timestamp(now)}{suffix}{path.suffix}")
        if not target.exists():
            os.rename(path, target)
            return target
    raise OSError(f"could not find a free name to set {path.name} aside")


def set_aside_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.*-*{path.suffix}"))

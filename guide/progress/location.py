"""Where the record lives, so that it can follow a trainee between PCs and trusts.

By default the record is in the user's data folder (``home``). "Keep my checklist in…"
chooses another folder instead, typically OneDrive or the H: drive on NHS machines, or a
USB stick. The choice is remembered in ``home`` (``LOCATION_FILE``), and:

* **Moving is safe**: the record is written to the new folder (merged with any record
  already there, newest change winning), read back and compared, and only then does the
  app switch to it. The old copy is left as it was until the new folder has been opened
  successfully in a later session; then it is renamed ``progress.moved-….json``, kept,
  never deleted.
* **An unreachable folder loses nothing**: every save in the chosen folder also refreshes
  a local copy in ``home/LOCAL_COPY``. When the folder cannot be reached at start
  (OneDrive not signed in, a network drive offline, the USB stick elsewhere) the app says
  so and works on that local copy; when the folder is back, the local changes are merged
  in (newest wins, record by record) and the user is told what was merged.
* **Sync-tool conflict copies are merged**: when two PCs save at once, OneDrive keeps
  ``progress-PCNAME.json`` and Dropbox ``progress (Name's conflicted copy DATE).json``
  beside the record. Each one found is merged in and then moved into ``merged-copies/``
  (kept, so nothing is lost if the merge was not what the user wanted).

No Qt here; the UI and the command line both open the record through ``open_record``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from guide.clock import SYSTEM, Clock
from guide.progress import files
from guide.progress.document import ProgressFormatError, loads, to_document
from guide.progress.merge import MergeResult, merge
from guide.progress.model import ProgressData
from guide.progress.store import FILE_NAME, ProgressStore

LOCATION_FILE = "progress-location.json"
LOCAL_COPY = "progress-local-copy"
MERGED_DIR = files.MERGED_DIR
# What sync tools call the copies they keep when two computers saved the same file at once.
CONFLICT_PATTERNS = ("progress-*.json", "progress (*).json")
Translate = Callable[[str], str]


class MoveError(OSError):
    """The record could not be moved; nothing was switched and nothing lost. Says why."""


@dataclass(frozen=True)
class Location:
    """The remembered choice: ``folder`` None means the default (``home``)."""

    folder: Path | None = None
    previous: Path | None = None  # where the record was before the last move
    proven: bool = True  # the new folder has been opened successfully since the move


@dataclass
class Opened:
    """The record as opened: the store to use, and what to tell the user."""

    store: ProgressStore
    home: Path
    location: Location
    offline: bool = False  # the chosen folder could not be reached: working on the local copy
    notices: list[str] = field(default_factory=list)
    # What was merged in on opening: a sentence saying from where, and what it changed.
    merged: list[tuple[str, MergeResult]] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        """Where changes are being saved now."""
        return self.store.home

    def merge_report(self, model: object, tr: Translate | None = None) -> list[str]:
        """Plain-words lines saying what was merged in and what it changed (titles need the
        content ``model``, which is why this is not worked out when opening)."""
        from guide.progress.export import describe_import

        tr = tr or (lambda text: text)
        lines = []
        for heading, result in self.merged:
            lines.append(heading)
            if result.changed:
                changes = describe_import(model, self.store.data, result, tr)  # type: ignore[arg-type]
                lines += ["  " + line for line in changes[:-1]]
        return lines


# ---------------------------------------------------------------- the remembered choice


def read_location(home: Path) -> Location:
    """The remembered choice; an unreadable choice file counts as the default (and says so
    nowhere, because the record in ``home`` and the local copy are still there)."""
    try:
        doc = json.loads((Path(home) / LOCATION_FILE).read_text("utf-8"))
        folder = doc.get("folder")
        previous = doc.get("previous")
        return Location(
            folder=Path(folder) if isinstance(folder, str) and folder else None,
            previous=Path(previous) if isinstance(previous, str) and previous else None,
            proven=bool(doc.get("proven", True)),
        )
    except (OSError, ValueError, AttributeError):
        return Location()


def write_location(home: Path, location: Location) -> None:
    doc = {
        "folder": str(location.folder) if location.folder else None,
        "previous": str(location.previous) if location.previous else None,
        "proven": location.proven,
    }
    Path(home).mkdir(parents=True, exist_ok=True)
    files.atomic_write(Path(home) / LOCATION_FILE, (json.dumps(doc, indent=1) + "\n").encode())


def reachable(folder: Path) -> bool:
    """The folder exists and can be listed (a missing drive or a signed-out OneDrive can't)."""
    try:
        with os.scandir(folder):
            return Path(folder).is_dir()
    except OSError:
        return False


# ---------------------------------------------------------------- opening


def open_record(home: Path, *, clock: Clock = SYSTEM, tr: Translate | None = None) -> Opened:
    """Open the record wherever the user chose to keep it, merging in whatever is waiting:
    changes kept locally while the folder was away, and sync-tool conflict copies."""
    tr = tr or (lambda text: text)
    home = Path(home)
    location = read_location(home)
    if location.folder is None or _same(location.folder, home):
        store = ProgressStore.open(home, clock=clock, tr=tr)
        opened = Opened(store, home, Location(), notices=list(store.notices))
        _merge_conflict_copies(opened, tr)
        return opened
    local = home / LOCAL_COPY
    if not reachable(location.folder):
        store = ProgressStore.open(local, clock=clock, tr=tr)
        opened = Opened(store, home, location, offline=True, notices=list(store.notices))
        opened.notices.append(_offline_notice(location.folder, local, tr))
        return opened
    store = ProgressStore.open(location.folder, clock=clock, tr=tr)
    store.mirror = local / FILE_NAME
    opened = Opened(store, home, location, notices=list(store.notices))
    _merge_local_copy(opened, tr)
    _merge_conflict_copies(opened, tr)
    if not location.proven and not store.read_only_reason and store.save():
        _retire_previous(opened, tr)
    store.refresh_mirror()  # so the local copy is there if the folder goes away
    return opened


def reconnect(opened: Opened, *, clock: Clock = SYSTEM, tr: Translate | None = None) -> Opened:
    """If the chosen folder is back, open it and merge the local changes in; else ``opened``."""
    if not opened.offline or opened.location.folder is None:
        return opened
    if not reachable(opened.location.folder):
        return opened
    back = open_record(opened.home, clock=clock, tr=tr)
    opened.store.adopt(back.store)  # the same object, so whoever holds it sees the record
    back.store = opened.store
    return back


def _offline_notice(folder: Path, local: Path, tr: Translate) -> str:
    if (local / FILE_NAME).exists():
        when = dt.datetime.fromtimestamp((local / FILE_NAME).stat().st_mtime)
        copy = tr("You are working on the copy kept on this computer, last updated {when}.").format(
            when=f"{when.day} {when.strftime('%B %Y at %H:%M')}"
        )
    else:
        copy = tr("No copy of your checklist has been kept on this computer yet.")
    return " ".join(
        [
            tr(
                "The folder where you keep your checklist, {folder}, cannot be reached "
                "(OneDrive may not be signed in, or the drive may be offline or unplugged)."
            ).format(folder=folder),
            copy,
            tr(
                "Changes you make now are kept on this computer and will be added to your "
                "checklist when the folder is back. Nothing will be lost."
            ),
        ]
    )


def _merge_local_copy(opened: Opened, tr: Translate) -> None:
    _merge_file(
        opened,
        opened.home / LOCAL_COPY / FILE_NAME,
        tr("Changes kept on this computer while your folder was away were added:"),
    )
    # The old folder's record, while it is still there: an older version of the guide, or
    # one started with another data folder, may still be saving to it. Newest wins.
    previous = opened.location.previous or opened.home
    if not _same(previous, opened.store.home):
        _merge_file(
            opened,
            previous / FILE_NAME,
            tr("Changes saved in the checklist's old folder, {folder}, were added:").format(
                folder=previous
            ),
        )


def _merge_file(opened: Opened, path: Path, heading: str) -> None:
    try:
        data = loads(path.read_bytes())
    except (OSError, ProgressFormatError):
        return  # missing or damaged: the record in the chosen folder is the one that counts
    result = _merge_in(opened.store, data)
    if result.changed:
        opened.merged.append((heading, result))


def _merge_conflict_copies(opened: Opened, tr: Translate) -> None:
    folder = opened.store.home
    for copy in conflict_copies(folder):
        try:
            data = loads(copy.read_bytes())
        except (OSError, ProgressFormatError) as exc:
            opened.notices.append(
                tr(
                    "{name} looks like a copy made by a sync program, but it could not be read "
                    "({reason}). It has been left where it is."
                ).format(name=copy.name, reason=exc)
            )
            continue
        result = _merge_in(opened.store, data)
        if opened.store.pending:
            return  # not saved: leave the copies for next time rather than set them aside
        kept = _set_copy_aside(copy)
        where = tr("kept in {folder}").format(folder=kept.parent) if kept else tr("left in place")
        if result.changed:
            heading = tr(
                "Two computers saved your checklist at once, and your sync program kept a "
                "second copy, {name}. It has been merged in (the newest change to each item "
                "wins) and {where}:"
            )
        else:
            heading = tr(
                "{name}, a second copy made by your sync program, held nothing newer; it has "
                "been {where}."
            )
        opened.merged.append((heading.format(name=copy.name, where=where), result))


def conflict_copies(folder: Path) -> list[Path]:
    """Copies of the record that sync tools left beside it, oldest first."""
    found: set[Path] = set()
    for pattern in CONFLICT_PATTERNS:
        with contextlib.suppress(OSError):
            found.update(
                p for p in Path(folder).glob(pattern) if p.is_file() and p.name != LOCATION_FILE
            )
    return sorted(found, key=lambda p: (_mtime(p), p.name))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _set_copy_aside(copy: Path) -> Path | None:
    target_dir = copy.parent / MERGED_DIR
    try:
        target_dir.mkdir(exist_ok=True)
        target = target_dir / copy.name
        n = 1
        while target.exists():
            target = target_dir / f"{copy.stem}-{n}{copy.suffix}"
            n += 1
        os.rename(copy, target)
        return target
    except OSError:
        return None


def _merge_in(store: ProgressStore, incoming: ProgressData) -> MergeResult:
    result = merge(store.data, incoming)
    if result.changed:
        store.data = result.data
        store.save()
    return result


def _retire_previous(opened: Opened, tr: Translate) -> None:
    """The new folder has now opened and saved in a later session: rename the old copy."""
    location = opened.location
    old = (location.previous or opened.home) / FILE_NAME
    renamed = None
    if old.exists() and not _same(old.parent, opened.store.home):
        try:
            renamed = files.set_aside(old, "moved")
        except OSError:
            return  # try again next time; the choice stays unproven
    opened.location = Location(location.folder, location.previous, proven=True)
    write_location(opened.home, opened.location)
    if renamed is not None:
        opened.notices.append(
            tr(
                "Your checklist opened correctly from {folder}, so the old copy has been "
                "renamed {name} in {old}. It is no longer used; you can delete it."
            ).format(folder=opened.store.home, name=renamed.name, old=renamed.parent)
        )


def delete_record(opened: Opened) -> None:
    """ "Delete my data" wherever the record has been: the chosen folder (with its backups,
    merged sync copies and the copy on this computer) and the folder it was moved from, so
    no old copy is merged back in next time. The choice of folder is kept. Raises OSError."""
    opened.store.delete_all()
    for folder in {opened.home, opened.location.previous or opened.home}:
        if not _same(folder, opened.store.home):
            ProgressStore(folder).delete_all()


# ---------------------------------------------------------------- moving


def move_record(
    opened: Opened,
    target: Path,
    *,
    clock: Clock = SYSTEM,
    tr: Translate | None = None,
) -> Opened:
    """Keep the record in ``target`` from now on (``home`` itself means the default).

    Copy, verify, then switch: raises ``MoveError`` (nothing switched, nothing lost) if
    the folder cannot be written, or if what was written does not read back the same.
    """
    tr = tr or (lambda text: text)
    home = opened.home
    target = Path(target).expanduser()
    if not target.is_absolute():
        target = target.resolve()
    current = opened.store
    if _same(target, current.home):
        return opened
    if not reachable(target):
        raise MoveError(tr("{folder} does not exist or cannot be opened.").format(folder=target))
    if opened.offline:
        raise MoveError(
            tr(
                "Your checklist folder, {folder}, cannot be reached at the moment, so the "
                "checklist cannot be moved yet."
            ).format(folder=opened.location.folder)
        )
    new = ProgressStore.open(target, clock=clock, tr=tr)
    if new.read_only_reason:
        raise MoveError(new.read_only_reason)
    new.data = merge(new.data, current.data).data  # a record already there is merged, not lost
    if not new.save():
        raise MoveError(
            tr("Your checklist could not be written to {folder}: {reason}").format(
                folder=target, reason=new.error or ""
            )
        )
    try:
        check = loads((target / FILE_NAME).read_bytes())
    except (OSError, ProgressFormatError) as exc:
        raise MoveError(
            tr("The copy in {folder} could not be read back ({reason}).").format(
                folder=target, reason=exc
            )
        ) from exc
    if _records(check) != _records(new.data) or merge(check, current.data).changed:
        raise MoveError(
            tr("The copy in {folder} did not read back the same as your checklist.").format(
                folder=target
            )
        )
    default = _same(target, home)
    location = (
        Location() if default else Location(folder=target, previous=current.home, proven=False)
    )
    write_location(home, location)
    if not default:
        new.mirror = home / LOCAL_COPY / FILE_NAME
        new.save()
    old_folder = current.home
    current.adopt(new)  # the same object, so whoever holds it now saves in the new folder
    moved = Opened(current, home, location)
    moved.notices.append(
        tr(
            "Your checklist is now kept in {folder}. The copy in {old} has been left as it "
            "was until your checklist has opened from the new folder next time."
        ).format(folder=target, old=old_folder)
    )
    return moved


def _records(data: ProgressData) -> dict[str, object]:
    doc = to_document(data)
    return {k: v for k, v in doc.items() if k not in ("saved",)}


def _same(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


__all__ = [
    "LOCAL_COPY",
    "LOCATION_FILE",
    "Location",
    "MoveError",
    "Opened",
    "conflict_copies",
    "delete_record",
    "move_record",
    "open_record",
    "read_location",
    "reconnect",
    "write_location",
]

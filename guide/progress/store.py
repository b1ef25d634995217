"""``ProgressStore``: the user's progress record, loaded from and saved to their data folder.

Every change is saved at once. If saving fails (a read-only folder, a full
disk, another copy holding the lock too long) the change stays in memory,
``pending`` is set and ``error`` says in plain words what happened; the next
change, or ``retry()``, tries again. A damaged file is set aside, never
overwritten, and the newest backup that still reads is restored; ``notices``
tells the user what happened. See ``files.py`` for why saving works as it does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from guide.clock import SYSTEM
from guide.clock import Clock as WallClock
from guide.progress import files
from guide.progress.dates import check_done_date
from guide.progress.document import (
    NewerFormatError,
    ProgressFormatError,
    checked_text,
    dumps,
    loads,
)
from guide.progress.merge import MergeResult, merge
from guide.progress.model import (
    MAX_REMIND_DAYS,
    MAX_TEXT,
    MAX_TITLE,
    OWN_PREFIX,
    STATUSES,
    Clock,
    Entry,
    OwnMilestone,
    Profile,
    ProgressData,
    Stamp,
)

FILE_NAME = "progress.json"
MAX_IMPORT_BYTES = 20 * 1024 * 1024  # a real export is tens of kilobytes
Translate = Callable[[str], str]


class ProgressStore:
    """One user's progress record in ``home``; the object the UI and the CLI share."""

    def __init__(
        self,
        home: Path,
        *,
        clock: WallClock = SYSTEM,
        tr: Translate | None = None,
    ) -> None:
        self.home = Path(home)
        self.path = self.home / FILE_NAME
        self.lock_path = self.home / (FILE_NAME + ".lock")
        self.data = ProgressData()
        self.notices: list[str] = []
        self.error: str | None = None
        self.pending = False
        self.read_only_reason: str | None = None
        # The bytes this copy last read or wrote: if the file still holds exactly these, no
        # other copy has saved since, and parsing and merging can be skipped. (Comparing
        # bytes, not size and time, stays right on FAT drives with 2-second timestamps.)
        self._seen: bytes | None = None
        self._seen_rev = 0
        # A second copy of every save (best effort), kept on this computer when the record
        # lives in a folder that may go away (see location.py).
        self.mirror: Path | None = None
        self.clock = clock
        self._clock = Clock(clock.now)
        self._tr: Translate = tr or (lambda text: text)

    def adopt(self, other: ProgressStore) -> None:
        """Become ``other``: its folder, record and state. The record moves to another folder
        (see location.py) without replacing the object the window and its features hold."""
        vars(self).update(vars(other))

    @classmethod
    def open(cls, home: Path, **kwargs: Any) -> ProgressStore:
        store = cls(home, **kwargs)
        store.load()
        return store

    # ------------------------------------------------------------ what the views read

    @property
    def profile(self) -> Profile:
        return self.data.profile

    def entry(self, milestone_id: str) -> Entry:
        return self.data.entry(milestone_id)

    def completed_ids(self) -> set[str]:
        return self.data.completed_ids()

    def own_milestones(self) -> dict[str, OwnMilestone]:
        return self.data.live_own()

    # ------------------------------------------------------------ loading

    def load(self) -> None:
        tr = self._tr
        self.notices = []
        self.read_only_reason = None
        self.pending = False
        self.error = None
        if not self.path.exists():
            self.data = ProgressData()
            restored = self._newest_good_backup()
            if restored is not None:
                self.data, when = restored
                self.notices.append(
                    tr(
                        "Your progress file was missing, so it was restored from the backup made {when}."
                    ).format(when=when)
                )
                self.save()
            return
        try:
            raw = self.path.read_bytes()
            self.data = loads(raw)
            self._seen, self._seen_rev = raw, self.data.rev
            return
        except NewerFormatError as exc:
            self.data = ProgressData()
            self.read_only_reason = tr(
                "Your progress file cannot be opened by this version of the guide: {reason}. "
                "It has not been changed. Please use the newer version."
            ).format(reason=exc)
            self.notices.append(self.read_only_reason)
            return
        except ProgressFormatError as exc:
            problem = str(exc)
        except OSError as exc:
            problem = tr("it could not be read ({reason})").format(reason=exc.strerror or exc)
        self._recover(problem)

    def _recover(self, problem: str) -> None:
        tr = self._tr
        try:
            aside: Path | None = files.set_aside(self.path, "damaged")
        except OSError:
            aside = None
        restored = self._newest_good_backup()
        self.data = restored[0] if restored else ProgressData()
        kept = (
            tr("It has been kept as {name} in {folder}.").format(name=aside.name, folder=self.home)
            if aside
            else tr("It has been left where it is.")
        )
        found = (
            tr(
                "Your progress has been restored from the backup made {when}. "
                "Changes made after that may be missing."
            ).format(when=restored[1])
            if restored
            else tr("No backup could be read, so the checklist starts empty.")
        )
        self.notices.append(
            tr("Your progress file could not be read: {problem}.").format(problem=problem)
            + " "
            + kept
            + " "
            + found
        )
        if aside is not None:
            self.save()
        else:
            self.pending = True  # saving will try again to move the damaged file first

    def _newest_good_backup(self) -> tuple[ProgressData, str] | None:
        for backup in files.backups(self.path):
            try:
                data = loads(backup.read_bytes())
            except (OSError, ProgressFormatError):
                continue
            when = dt.datetime.fromtimestamp(backup.stat().st_mtime).strftime(
                "on %d %B %Y at %H:%M"
            )
            return data, when
        return None

    # ------------------------------------------------------------ saving

    def save(self) -> bool:
        """Merge with whatever is on disk, write atomically, and report success."""
        if self.read_only_reason:
            self.pending = True
            self.error = self.read_only_reason
            return False
        try:
            self.home.mkdir(parents=True, exist_ok=True)
            with files.folder_lock(self.lock_path):
                disk = self._read_for_merge()
                if disk is not None:
                    self.data = merge(self.data, disk).data
                payload = dumps(self.data)
                files.atomic_write(self.path, payload)
                self._seen, self._seen_rev = payload, self.data.rev
                files.back_up(self.path, payload, self.data.rev)
                files.remove_stale_temp_files(self.home, self.path.stem)
            self._write_mirror(payload)
        except OSError as exc:
            self.pending = True
            self.error = self._describe(exc)
            return False
        self.pending = False
        self.error = None
        return True

    def _write_mirror(self, payload: bytes) -> None:
        if self.mirror is None:
            return
        try:
            if self.mirror.read_bytes() == payload:
                return
        except OSError:
            pass
        try:
            self.mirror.parent.mkdir(parents=True, exist_ok=True)
            files.atomic_write(self.mirror, payload)
        except OSError:
            pass  # the record itself is saved; the local copy catches up on the next save

    def refresh_mirror(self) -> None:
        """Bring the local copy up to the record as last read or written (no save needed)."""
        if self._seen is not None:
            self._write_mirror(self._seen)

    def sync(self) -> bool:
        """Take in what another copy of the app has saved since this copy last looked.

        Returns True if anything visible changed. A damaged file is left for the next
        save to set aside; nothing is written here.
        """
        try:
            raw = self.path.read_bytes()
        except OSError:
            return False
        if raw == self._seen:
            return False
        try:
            disk = loads(raw)
        except ProgressFormatError:
            return False
        result = merge(self.data, disk)
        self.data = result.data
        if not self.pending:
            # Everything on disk is now in memory too, so the next save need not merge again.
            self._seen, self._seen_rev = raw, disk.rev
        return bool(result.changed)

    def retry(self) -> bool:
        return self.save() if self.pending else True

    def _read_for_merge(self) -> ProgressData | None:
        """The record on disk, if another copy may have changed it since we last saw it."""
        if not self.path.exists():
            return None
        raw = self.path.read_bytes()
        if raw == self._seen:
            return ProgressData(rev=self._seen_rev)  # unchanged since we saw it: nothing to merge
        try:
            return loads(raw)
        except NewerFormatError as exc:
            self.read_only_reason = self._tr(
                "Another, newer version of the guide has saved your progress ({reason}). "
                "This copy will not overwrite it."
            ).format(reason=exc)
            raise OSError(errno.EPERM, self.read_only_reason) from exc
        except ProgressFormatError as exc:
            aside = files.set_aside(self.path, "damaged")
            self.notices.append(
                self._tr(
                    "Your progress file had been damaged ({problem}). It has been kept as "
                    "{name}, and your progress has been saved again from this copy."
                ).format(problem=exc, name=aside.name)
            )
            return None

    def _describe(self, exc: OSError) -> str:
        tr = self._tr
        if isinstance(exc, files.LockTimeoutError):
            why = tr("Another copy of the guide is saving at the same moment.")
        elif exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            why = tr("The disk is full.")
        elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            why = self.read_only_reason or tr(
                "The folder {folder} is read-only, or you do not have permission to write there."
            ).format(folder=self.home)
        else:
            why = tr("The file could not be written ({reason}).").format(reason=exc.strerror or exc)
        return (
            tr("Your last change could not be saved.")
            + " "
            + why
            + " "
            + tr(
                "It is kept while the guide stays open and will be saved as soon as possible. "
                "Export your checklist to keep a copy somewhere else."
            )
        )

    # ------------------------------------------------------------ changes

    def _stamp(self) -> Stamp:
        stamp, self.data = self._clock.next(self.data)
        return stamp

    def set_profile(self, **fields: Any) -> bool:
        unknown = set(fields) - {"name", "nation", "stage", "specialty", "foundation_start"}
        if unknown:
            raise ValueError(f"unknown profile field {sorted(unknown)[0]!r}")
        if "name" in fields:
            fields["name"] = " ".join(checked_text(fields["name"], "name", MAX_TITLE).split())
        for name in ("nation", "stage", "specialty"):
            if name in fields:
                fields[name] = checked_text(fields[name], name, MAX_TITLE)
        profile = replace(self.data.profile, **fields)
        if profile == self.data.profile:
            return True
        self.data = replace(self.data, profile=replace(profile, stamp=self._stamp()))
        return self.save()

    def set_status(self, milestone_id: str, status: str, date_done: dt.date | None = None) -> bool:
        """Set a status; "done" takes ``date_done``, else the date already recorded, else today.

        A date done after today raises ``DateError`` (a ValueError) saying why.
        """
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        current = self.entry(milestone_id)
        if status == "done":
            date_done = date_done or current.date_done or self.clock.today()
        elif date_done is not None:
            raise ValueError("a date done goes only with the status done")
        return self.update_entry(milestone_id, status=status, date_done=date_done)

    def update_entry(self, milestone_id: str, **fields: Any) -> bool:
        unknown = set(fields) - {"status", "date_done", "notes", "evidence"}
        if unknown:
            raise ValueError(f"unknown checklist field {sorted(unknown)[0]!r}")
        if fields.get("status", "not-started") not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        for name in ("notes", "evidence"):
            if name in fields:
                fields[name] = checked_text(fields[name], name, MAX_TEXT)
        if fields.get("date_done") is not None:
            check_done_date(fields["date_done"], self.clock.today())
        entry = replace(self.entry(milestone_id), **fields)
        if entry == self.entry(milestone_id):
            return True
        entries = dict(self.data.entries)
        entries[milestone_id] = replace(entry, stamp=self._stamp())
        self.data = replace(self.data, entries=entries)
        return self.save()

    def add_own(
        self,
        title: str,
        stage: str,
        timing: str = "",
        due: dt.date | None = None,
        remind_days: int | None = None,
    ) -> str:
        """Add the user's own milestone; returns its id (saved, or pending if saving failed).

        ``due`` is the user's deadline; ``remind_days`` asks the calendar export for a
        reminder that many days before it (a reminder needs a due date).
        """
        title = checked_text(title, "title", MAX_TITLE).strip()
        if not title:
            raise ValueError("a milestone needs a title")
        import uuid  # imported here: only adding a milestone needs it, and start-up stays quick

        own_id = f"{OWN_PREFIX}{uuid.uuid4().hex[:12]}"
        own = dict(self.data.own)
        own[own_id] = OwnMilestone(
            title=title,
            stage=stage,
            timing=checked_text(timing, "timing", MAX_TITLE),
            due=due,
            remind_days=_checked_reminder(remind_days, due),
            stamp=self._stamp(),
        )
        self.data = replace(self.data, own=own)
        self.save()
        return own_id

    def update_own(self, own_id: str, **fields: Any) -> bool:
        if own_id not in self.data.live_own():
            raise KeyError(own_id)
        for name in ("title", "stage", "timing"):
            if name in fields:
                fields[name] = checked_text(fields[name], name, MAX_TITLE)
        if "title" in fields and not fields["title"].strip():
            raise ValueError("a milestone needs a title")
        unknown = set(fields) - {"title", "stage", "timing", "due", "remind_days", "deleted"}
        if unknown:
            raise ValueError(f"unknown milestone field {sorted(unknown)[0]!r}")
        if "due" in fields or "remind_days" in fields:
            current = self.data.own[own_id]
            due = fields.get("due", current.due)
            fields["remind_days"] = _checked_reminder(
                fields.get("remind_days", current.remind_days if due else None), due
            )
        own = dict(self.data.own)
        own[own_id] = replace(own[own_id], **fields, stamp=self._stamp())
        self.data = replace(self.data, own=own)
        return self.save()

    def delete_own(self, own_id: str) -> bool:
        return self.update_own(own_id, deleted=True)

    # ------------------------------------------------------------ import, export, delete

    def import_file(self, path: Path) -> MergeResult:
        """Merge a JSON export into this record (newest change wins) and save.

        Raises ``ProgressFormatError`` (plain-words reason) or ``OSError`` if unreadable.
        """
        if Path(path).stat().st_size > MAX_IMPORT_BYTES:
            raise ProgressFormatError("the file is far too large to be an exported checklist")
        incoming = loads(Path(path).read_bytes())
        result = merge(self.data, incoming)
        self.data = result.data
        self.save()
        return result

    def export_json(self, path: Path) -> None:
        files.atomic_write(Path(path), dumps(self.data))

    def delete_all(self) -> None:
        """Remove the record, its backups, any damaged copies set aside, the sync-tool copies
        already merged in, and the copy kept on this computer for when a chosen folder is
        away. Raises OSError."""
        if self.home.is_dir():
            with files.folder_lock(self.lock_path):
                for extra in files.set_aside_files(self.path):
                    if extra.is_dir():
                        shutil.rmtree(extra)
                    else:
                        extra.unlink()
                for folder in (files.BACKUP_DIR, files.MERGED_DIR):
                    if (self.home / folder).exists():
                        shutil.rmtree(self.home / folder)
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
                files.remove_stale_temp_files(self.home, self.path.stem, older_than=0)
        if self.mirror is not None:
            ProgressStore(self.mirror.parent).delete_all()  # its own backups go too
        self.data = ProgressData()
        self.pending = False
        self.error = None
        self.notices = []


def _checked_reminder(days: int | None, due: dt.date | None) -> int | None:
    if days is None:
        return None
    if due is None:
        raise ValueError("a reminder needs a due date")
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_REMIND_DAYS:
        raise ValueError(f"a reminder must be 0 to {MAX_REMIND_DAYS} days before the due date")
    return days

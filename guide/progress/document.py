"""The progress file format: JSON with a schema version, strict reading, and migrations.

Current format (schema 3)::

    {"app": "clinical-academic-guide", "kind": "progress", "schema": 3,
     "rev": 17, "clock": "2026-11-25T04:16:22.123456Z", "saved": "...",
     "profile": {"name": "Sam Jones", "nation": "England", "stage": "f1", "specialty": "", "foundation_start": null,
                 "updated": "...", "rev": 3},
     "entries": {"MILESTONE-ID": {"status": "done", "date_done": "2026-10-01", "notes": "",
                                  "evidence": "", "updated": "...", "rev": 5}},
     "own": {"own-3f9a1c2b": {"title": "...", "stage": "f1", "timing": "", "due": "2027-01-31",
                               "remind_days": 7, "deleted": false, "updated": "...", "rev": 6}}}

Schema 1 (the first draft) kept a ``done`` flag per milestone and no change
stamps; schema 2 had no name, due dates or reminders. ``MIGRATIONS`` upgrades
both. Schema 3 is a new number, not just new optional keys, so that a copy of
an older version (on another PC) opens the file read-only instead of saving it
without the name and due dates it does not know about. Reading is strict: anything unexpected
raises ``ProgressFormatError`` with a plain-words reason, so a damaged file is
never half-read and then saved over.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

from guide.content.model import NATIONS
from guide.progress.model import (
    MAX_REMIND_DAYS,
    MAX_TEXT,
    MAX_TITLE,
    STATUSES,
    Entry,
    OwnMilestone,
    Profile,
    ProgressData,
    Stamp,
    format_time,
    parse_time,
)

SCHEMA_VERSION = 3
APP_TAG = "clinical-academic-guide"
KIND_TAG = "progress"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")


class ProgressFormatError(ValueError):
    """The file is not a progress record this version can read; the message says why."""


class NewerFormatError(ProgressFormatError):
    """Written by a newer version of the guide: readable only by that version."""


# ---------------------------------------------------------------- writing


def to_document(data: ProgressData, saved: dt.datetime | None = None) -> dict[str, Any]:
    profile = data.profile
    return {
        "app": APP_TAG,
        "kind": KIND_TAG,
        "schema": SCHEMA_VERSION,
        "rev": data.rev,
        "clock": format_time(data.clock),
        "saved": format_time(saved or dt.datetime.now(dt.timezone.utc)),
        "profile": {
            "name": profile.name,
            "nation": profile.nation,
            "stage": profile.stage,
            "specialty": profile.specialty,
            "foundation_start": _date_text(profile.foundation_start),
            **profile.stamp.to_json(),
        },
        "entries": {
            key: {
                "status": e.status,
                "date_done": _date_text(e.date_done),
                "notes": e.notes,
                "evidence": e.evidence,
                **e.stamp.to_json(),
            }
            for key, e in sorted(data.entries.items())
        },
        "own": {
            key: {
                "title": o.title,
                "stage": o.stage,
                "timing": o.timing,
                "due": _date_text(o.due),
                "remind_days": o.remind_days,
                "deleted": o.deleted,
                **o.stamp.to_json(),
            }
            for key, o in sorted(data.own.items())
        },
    }


def dumps(data: ProgressData, saved: dt.datetime | None = None) -> bytes:
    """The document as UTF-8 JSON with one record per line: readable, greppable and diffable,
    and built with the C JSON encoder (``indent=`` would use the slow pure-Python one)."""
    doc = to_document(data, saved)
    lines = []
    for key, value in doc.items():
        if key in ("entries", "own") and value:
            inner = ",\n".join(
                f"  {_json(name)}: {_json(record)}" for name, record in value.items()
            )
            lines.append(f" {_json(key)}: {{\n{inner}\n }}")
        else:
            lines.append(f" {_json(key)}: {_json(value)}")
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _json(value: Any) -> str:
    return _ENCODER.encode(value)


def _date_text(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


# ---------------------------------------------------------------- reading


def loads(raw: bytes | str) -> ProgressData:
    """Parse a progress file (any supported schema) or raise ProgressFormatError."""
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        doc = json.loads(text)
    except UnicodeDecodeError as exc:
        raise ProgressFormatError("the file is not text (UTF-8)") from exc
    except json.JSONDecodeError as exc:
        raise ProgressFormatError(f"the file is not valid JSON (line {exc.lineno})") from exc
    return from_document(doc)


def from_document(doc: Any) -> ProgressData:
    if not isinstance(doc, dict):
        raise ProgressFormatError("the file does not hold a progress record")
    version = schema_version(doc)
    if version > SCHEMA_VERSION:
        raise NewerFormatError(
            f"it was saved by a newer version of the guide (format {version}; "
            f"this version reads up to {SCHEMA_VERSION})"
        )
    while version < SCHEMA_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
    return _parse_current(doc)


def schema_version(doc: dict[str, Any]) -> int:
    if doc.get("kind") == KIND_TAG and isinstance(doc.get("schema"), int):
        return int(doc["schema"])
    if doc.get("version") == 1 and "milestones" in doc:
        return 1
    raise ProgressFormatError("the file does not hold a progress record")


def _parse_current(doc: dict[str, Any]) -> ProgressData:
    if doc.get("app") != APP_TAG:
        raise ProgressFormatError("the file was not written by this guide")
    rev = _int(doc.get("rev", 0), "rev")
    clock = _time(doc.get("clock"), "clock")
    profile_doc = _mapping(doc.get("profile", {}), "profile")
    nation = checked_text(profile_doc.get("nation", ""), "profile nation", MAX_TITLE)
    if nation and nation not in NATIONS:
        raise ProgressFormatError(f"profile nation {nation!r} is not one of {', '.join(NATIONS)}")
    profile = Profile(
        name=checked_text(profile_doc.get("name", ""), "profile name", MAX_TITLE),
        nation=nation,
        stage=_optional_id(profile_doc.get("stage", ""), "profile stage"),
        specialty=checked_text(profile_doc.get("specialty", ""), "profile specialty", MAX_TITLE),
        foundation_start=_date(profile_doc.get("foundation_start"), "profile foundation start"),
        stamp=_stamp(profile_doc, "profile"),
    )
    entries: dict[str, Entry] = {}
    for key, value in _mapping(doc.get("entries", {}), "entries").items():
        where = f"entry {_id(key, 'entry id')}"
        value = _mapping(value, where)
        status = value.get("status", "not-started")
        if status not in STATUSES:
            raise ProgressFormatError(
                f"{where}: status {status!r} is not one of {', '.join(STATUSES)}"
            )
        entries[key] = Entry(
            status=status,
            date_done=_date(value.get("date_done"), f"{where} date done"),
            notes=checked_text(value.get("notes", ""), f"{where} notes", MAX_TEXT),
            evidence=checked_text(value.get("evidence", ""), f"{where} evidence", MAX_TEXT),
            stamp=_stamp(value, where),
        )
    own: dict[str, OwnMilestone] = {}
    for key, value in _mapping(doc.get("own", {}), "own").items():
        where = f"own milestone {_id(key, 'own milestone id')}"
        value = _mapping(value, where)
        title = checked_text(value.get("title", ""), f"{where} title", MAX_TITLE)
        deleted = value.get("deleted", False)
        if not isinstance(deleted, bool):
            raise ProgressFormatError(f"{where}: deleted must be true or false")
        if not title.strip() and not deleted:
            raise ProgressFormatError(f"{where}: the title is empty")
        own[key] = OwnMilestone(
            title=title,
            stage=_optional_id(value.get("stage", ""), f"{where} stage"),
            timing=checked_text(value.get("timing", ""), f"{where} timing", MAX_TITLE),
            due=_date(value.get("due"), f"{where} due date"),
            remind_days=_remind_days(value.get("remind_days"), f"{where} reminder"),
            deleted=deleted,
            stamp=_stamp(value, where),
        )
    data = ProgressData(profile=profile, entries=entries, own=own, rev=rev, clock=clock)
    newest = data.newest_stamp()
    # Never let the counters sit behind a record they contain (a hand-edited file).
    return ProgressData(
        profile=profile,
        entries=entries,
        own=own,
        rev=max(rev, newest.rev),
        clock=max(clock, newest.time),
    )


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProgressFormatError(f"{where} must be a set of named values")
    return value


def checked_text(value: Any, where: str, limit: int) -> str:
    """``value`` if it is text of at most ``limit`` characters; else ProgressFormatError."""
    if not isinstance(value, str):
        raise ProgressFormatError(f"{where} must be text")
    if len(value) > limit:
        raise ProgressFormatError(f"{where} is longer than {limit} characters")
    return value


def _id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise ProgressFormatError(f"{where} {value!r} is not a valid id")
    return value


def _optional_id(value: Any, where: str) -> str:
    return "" if value in ("", None) else _id(value, where)


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ProgressFormatError(f"{where} must be a whole number")
    return value


def _remind_days(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_REMIND_DAYS:
        raise ProgressFormatError(f"{where} must be a number of days from 0 to {MAX_REMIND_DAYS}")
    return value


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise ProgressFormatError(f"{where} must be a date written YYYY-MM-DD") from exc


def _time(value: Any, where: str) -> dt.datetime:
    if value is None:
        return Stamp().time
    try:
        return parse_time(value)
    except (TypeError, ValueError, AttributeError) as exc:
        raise ProgressFormatError(f"{where} must be a date and time") from exc


def _stamp(value: dict[str, Any], where: str) -> Stamp:
    return Stamp(_time(value.get("updated"), f"{where} updated"), _int(value.get("rev", 0), where))


# ---------------------------------------------------------------- migrations


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 had ``{"version": 1, "saved", "profile", "milestones": {id: {done, date, note}}}``.

    It had no change stamps, so every record takes the file's ``saved`` time:
    anything changed since in another copy counts as newer, which is right.
    """
    saved = doc.get("saved") or format_time(Stamp().time)
    old_profile = _mapping(doc.get("profile", {}), "profile")
    entries = {}
    for key, value in _mapping(doc.get("milestones", {}), "milestones").items():
        value = _mapping(value, f"milestone {key}")
        done = value.get("done", False)
        if not isinstance(done, bool):
            raise ProgressFormatError(f"milestone {key}: done must be true or false")
        entries[key] = {
            "status": "done" if done else "not-started",
            "date_done": value.get("date"),
            "notes": value.get("note", ""),
            "evidence": "",
            "updated": saved,
            "rev": 0,
        }
    return {
        "app": APP_TAG,
        "kind": KIND_TAG,
        "schema": 2,
        "rev": 0,
        "clock": saved,
        "profile": {
            "nation": old_profile.get("nation", ""),
            "stage": old_profile.get("stage", ""),
            "specialty": old_profile.get("specialty", ""),
            "foundation_start": None,
            "updated": saved,
            "rev": 0,
        },
        "entries": entries,
        "own": {},
    }


def _v2_to_v3(doc: dict[str, Any]) -> dict[str, Any]:
    """Schema 3 added the profile's name and own milestones' due dates and reminders; all
    optional, so the upgrade only changes the number (their absence reads as empty)."""
    return {**doc, "schema": 3}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3}

"""Reader preferences: one JSON file in the user's data folder (never the registry).

Writes are atomic (a temporary file beside the target, then ``os.replace``), so a
crash or a full disk never leaves half a file. A file that cannot be read as
JSON is set aside as ``preferences.json.corrupt`` and defaults are used, so the
app always starts. Unknown keys are kept, so an older version does not wipe a
newer version's settings. No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from guide.atomic import atomic_write

FILE_NAME = "preferences.json"

DEFAULTS: dict[str, Any] = {
    "theme": "system",
    "zoom": 100,
    "last_page": "overview",
    "bookmarks": [],
    "geometry": "",
    "splitter": "",
    "window_state": "",
}

ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 50, 300, 10


class Preferences:
    """A small key-value store backed by ``HOME/preferences.json``."""

    def __init__(self, home: Path, *, persist: bool = True) -> None:
        self.path = Path(home) / FILE_NAME
        self.persist = persist
        self.problem = ""
        self._data: dict[str, Any] = dict(DEFAULTS)
        values, whole = self._read()
        self._data.update(values)
        # What the file holds, as save() would write it (None: unknown, so the next save
        # writes): quitting without a change then leaves the file alone, which spares a
        # network home drive a write and keeps another window's newer save.
        self._on_disk: str | None = self._text() if whole else None

    def _text(self) -> str:
        return json.dumps(self._data, indent=2, ensure_ascii=False)

    def _read(self) -> tuple[dict[str, Any], bool]:
        """The file's usable values, and whether they are all it holds."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}, False
        except OSError as exc:
            self.problem = f"could not read {self.path}: {exc.strerror or exc}"
            return {}, False
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            self.problem = f"{self.path} was unreadable ({exc}); it was set aside"
            if self.persist:
                with contextlib.suppress(OSError):
                    os.replace(self.path, self.path.with_name(FILE_NAME + ".corrupt"))
            return {}, False
        # Keep only values whose type matches the default, so a hand-edited file cannot crash us.
        clean: dict[str, Any] = {}
        for key, value in data.items():
            default = DEFAULTS.get(key)
            if default is None or isinstance(value, type(default)):
                clean[key] = value
        return clean, len(clean) == len(data)

    def get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, DEFAULTS.get(key, default))

    def set(self, key: str, value: Any, *, save: bool = True) -> None:
        self._data[key] = value
        if save:
            self.save()

    def save(self) -> bool:
        """Write the file atomically, unless it already holds exactly this; returns False
        (and keeps going) if the disk refuses."""
        if not self.persist:
            return True
        text = self._text()
        if text == self._on_disk:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, text.encode("utf-8"))
        except OSError as exc:
            self.problem = f"could not save preferences: {exc.strerror or exc}"
            return False
        self._on_disk = text
        return True

    # -- typed helpers ----------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        value = self.get("zoom")
        return max(ZOOM_MIN, min(ZOOM_MAX, int(value))) if isinstance(value, int) else 100

    @property
    def bookmarks(self) -> list[str]:
        return [b for b in self.get("bookmarks", []) if isinstance(b, str)]

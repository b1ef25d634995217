"""The diagram's own small preferences: the nation and the stage the user picked.

Kept as ``pathway-diagram.json`` in the user's data folder. Unreadable or
hand-edited files fall back to the defaults; nothing else depends on them, and
a read-only profile only loses this convenience.
"""

from __future__ import annotations

import json
from pathlib import Path

from guide.atomic import atomic_write

PREFS_FILE = "pathway-diagram.json"


def load_prefs(home: Path | str | None) -> dict[str, str]:
    if not home:
        return {}
    path = Path(home) / PREFS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str)}


def save_prefs(home: Path | str | None, prefs: dict[str, str]) -> None:
    if not home:
        return
    path = Path(home) / PREFS_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(prefs).encode("utf-8"))
    except OSError:
        pass

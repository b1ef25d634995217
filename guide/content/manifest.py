"""A content folder's description of itself: ``content.yaml`` at the top of the folder.

    title: St Elsewhere NHS Trust
    publisher: Postgraduate education centre, St Elsewhere NHS Trust
    edition: 2026-11-20
    scope: local            # or national, for an updated national edition
    changes:
      - edition: 2026-11-20
        notes:
          - Added the trust's research office page.

Every field but ``title`` is optional. A folder without the file is still loaded;
it is named after its folder and treated as local additions.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from guide.content.model import Change, Edition, Problem
from guide.content.schema import FieldError, _date, _text
from guide.content.yamlsafe import ContentFileError, LineDict, parse_yaml, read_text

MANIFEST_NAME = "content.yaml"
SCOPES = ("local", "national")
_FIELDS = ("title", "publisher", "edition", "scope", "changes")


def _notes(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (_text(value),)
    if not isinstance(value, list) or not value:
        raise FieldError("must be a line of text or a list of lines")
    return tuple(_text(v) for v in value)


def _changes(value: Any) -> tuple[Change, ...]:
    if not isinstance(value, list):
        raise FieldError("must be a list, one entry per edition, each with edition and notes")
    out = []
    for entry in value:
        if not isinstance(entry, dict) or "notes" not in entry or set(entry) - {"edition", "notes"}:
            raise FieldError("each entry takes an edition date and its notes")
        edition = _date(entry["edition"]) if "edition" in entry else None
        out.append(Change(edition, _notes(entry["notes"])))
    # Newest first, whatever order they were written in.
    return tuple(sorted(out, key=lambda c: c.edition or _date("1900-01-01"), reverse=True))


def read_manifest(root: Path, bundled: bool = False) -> tuple[Edition, list[Problem]]:
    """The folder's edition and any problems with its ``content.yaml``."""
    path = root / MANIFEST_NAME
    default = Edition(
        root=str(root),
        title="The guide's own content" if bundled else root.name or str(root),
        scope="national" if bundled else "local",
    )
    if not path.is_file():
        return default, []
    problems: list[Problem] = []
    try:
        text = read_text(path)
    except ContentFileError as exc:
        if exc.recovered is None:
            return default, [Problem(str(path), exc.line, str(exc), detail=exc.detail)]
        problems.append(Problem(str(path), exc.line, str(exc), detail=exc.detail))
        text = exc.recovered
    try:
        data = parse_yaml(text)
    except ContentFileError as exc:
        return default, [*problems, Problem(str(path), exc.line, str(exc), detail=exc.detail)]
    if not isinstance(data, LineDict):
        return default, [
            *problems,
            Problem(str(path), 1, "content.yaml must be a set of 'field: value' lines"),
        ]
    values: dict[str, Any] = {}
    converters = {
        "title": _text,
        "publisher": _text,
        "edition": _date,
        "scope": _scope,
        "changes": _changes,
    }
    for key in data:
        convert = converters.get(str(key))
        if convert is None:
            near = difflib.get_close_matches(str(key), _FIELDS, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else f"; use {', '.join(_FIELDS)}"
            problems.append(Problem(str(path), data.line_of(key), f"unknown field {key!r}{hint}"))
            continue
        try:
            values[str(key)] = convert(data[key])
        except FieldError as exc:
            problems.append(Problem(str(path), data.line_of(key), f"{key}: {exc}"))
    if "title" not in data:
        problems.append(Problem(str(path), 1, "content.yaml needs a title, for example "
                                "title: St Elsewhere NHS Trust"))  # fmt: skip
    edition = Edition(
        root=str(root),
        title=values.get("title", default.title),
        publisher=values.get("publisher", ""),
        edition=values.get("edition"),
        scope=values.get("scope", default.scope),
        changes=values.get("changes", ()),
        path=str(path),
        line=1,
    )
    return edition, problems


def _scope(value: Any) -> str:
    text = _text(value)
    if text not in SCOPES:
        raise FieldError("must be local (a trust's own additions) or national (a national edition)")
    return text

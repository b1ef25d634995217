"""Safe YAML for content files: the C safe loader, line numbers, and hard limits.

Content comes from editors and, through ``--content``, from other people, so:
no unsafe loader ever; no anchors or aliases (content never needs them, and
they are how "billion laughs" bombs work); bounded nesting and node counts;
duplicate keys refused. Every mapping remembers the line of each key so that
problems can be reported as ``FILE:LINE: message``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from guide.content.model import Problem
from guide.content.yamlerrors import excerpt, explain

try:  # libyaml is ~8x faster (baselines §4); fall back to pure Python if a build lacks it.
    from yaml import CSafeLoader as _SafeBase
except ImportError:  # pragma: no cover - depends on the PyYAML wheel
    from yaml import SafeLoader as _SafeBase  # type: ignore[assignment]

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 40


class LineDict(dict):
    """A dict that remembers where it, and each of its keys, was written."""

    line: int = 1
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class ContentFileError(Exception):
    """A file could not be read or parsed; carries the line to report.

    ``detail`` quotes the line with a caret under the place. ``recovered`` is set when
    the text could still be read another way (a file saved as Windows-1252 rather than
    UTF-8): the caller reports the problem and carries on with that text."""

    def __init__(
        self, message: str, line: int = 1, detail: str = "", recovered: str | None = None
    ) -> None:
        super().__init__(message)
        self.line = line
        self.detail = detail
        self.recovered = recovered


class _Loader(_SafeBase):
    """The safe loader, building LineDicts and refusing duplicate keys."""

    line_offset = 0


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    data = LineDict()
    data.line = node.start_mark.line + 1 + loader.line_offset
    data.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1 + loader.line_offset
        if isinstance(key, (list, dict)):
            raise ContentFileError("a mapping key must be plain text", line)
        if key in data:
            raise ContentFileError(f"the key {key!r} is written twice", line)
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = line
    return data


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> object:
    # PyYAML raises a bare ValueError on impossible dates such as 2026-13-45; keep the
    # text instead, so the schema reports "must be a date written YYYY-MM-DD" with its line.
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _check_shape(root: yaml.Node, line_offset: int) -> None:
    """Refuse aliases, deep nesting and huge node counts before constructing anything."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    count = 0
    while stack:
        node, depth = stack.pop()
        line = node.start_mark.line + 1 + line_offset
        if id(node) in seen:
            raise ContentFileError("YAML anchors and aliases (& and *) are not allowed", line)
        seen.add(id(node))
        count += 1
        if count > MAX_NODES:
            raise ContentFileError(f"too many YAML values (over {MAX_NODES})", line)
        if depth > MAX_DEPTH:
            raise ContentFileError(f"nested more than {MAX_DEPTH} levels deep", line)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)


def parse_yaml(text: str, line_offset: int = 0) -> Any:
    """Parse one YAML document safely; raise ContentFileError with a line on failure.

    ``line_offset`` is added to every line, for YAML that starts part-way into
    a file (front matter starts after its ``---`` line).
    """
    loader = _Loader(text)
    loader.line_offset = line_offset
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_shape(node, line_offset)
        return loader.construct_document(node)
    except ContentFileError as exc:
        if not exc.detail:
            exc.detail = excerpt(text.splitlines(), exc.line - 1 - line_offset, None, line_offset)
        raise
    except yaml.MarkedYAMLError as exc:
        explained = explain(exc, text, line_offset)
        raise ContentFileError(explained.message, explained.line, detail=explained.detail) from None
    except yaml.YAMLError as exc:
        raise ContentFileError(f"YAML error: {exc}", 1 + line_offset) from None
    except RecursionError:
        raise ContentFileError("nested too deeply", 1 + line_offset) from None
    finally:
        loader.dispose()


def read_text(path: Path) -> str:
    """Read a content file as UTF-8, refusing oversized files and naming the bad line."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContentFileError(
                f"file is {size // 1024} KB; content files may be at most "
                f"{MAX_FILE_BYTES // 1024} KB"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ContentFileError(f"cannot read file: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _not_utf8(data, exc.start) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ContentFileError("contains a NUL character; is this a binary file?", line)
    return text


def _not_utf8(data: bytes, at: int) -> ContentFileError:
    """Text that is not UTF-8 is almost always Windows-1252 (Word, older Notepad "ANSI"):
    say so, quote the line as it was meant, and hand back the text read that way."""
    line = data[:at].count(b"\n") + 1
    recovered = data.decode("cp1252", errors="replace")
    start = data.rfind(b"\n", 0, at) + 1
    column = len(data[start:at].decode("cp1252", errors="replace"))
    return ContentFileError(
        f"line {line} is not UTF-8 text; it looks like Windows-1252 (as Word and older "
        "Notepad save it). Save the file as UTF-8 (in Notepad: File > Save as, "
        "Encoding: UTF-8); until then it is read as Windows-1252",
        line,
        detail=excerpt(recovered.splitlines(), line - 1, column),
        recovered=recovered,
    )


def problem(path: Path | str, line: int, message: str) -> Problem:
    return Problem(str(path), line, message)

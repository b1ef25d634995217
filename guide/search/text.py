"""Text helpers for search: folding, tokens, a light stemmer, and Markdown split into subsections.

Indexing must stay fast with thousands of extra pages, so pages are not run
through the full HTML renderer (about 3.6 ms a page). Instead the Markdown
source is split at its ``##`` headings and stripped of markup here; heading
anchors use Python-Markdown's own ``slugify``/``unique`` exactly as the
renderer's ``toc`` extension does, and a test checks that every anchor we
produce for the shipped content matches the renderer's.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from markdown.extensions.toc import slugify, unique

# Words that carry no meaning on their own; they never have to match (a query
# made only of them still searches for them).
STOPWORDS: frozenset[str] = frozenset({
    "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "not", "near", "with", "at",
    "by", "is", "are", "be", "was", "were", "what", "how", "do", "does", "i", "my", "me", "can",
    "from", "as", "it", "its", "into", "about", "after", "before", "if", "when", "which", "who",
    "this", "that", "there", "their", "your", "you", "we", "our", "should", "would", "could",
})  # fmt: skip

_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower-case and strip accents, the way the FTS5 tokenizer sees text."""
    if text.isascii():  # nearly all text: skip the costly per-character pass
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokens(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits; everything else separates)."""
    return _WORD.findall(fold(text))


def normalise(text: str) -> str:
    """A name reduced to its words, for exact and prefix title matching."""
    return " ".join(tokens(text))


def stem(word: str) -> str:
    """A deliberately light stemmer: plural endings only (fellowships -> fellowship)."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


_ROOTS: dict[str, str] = {}
_PORTER: list[object] = []


def root(word: str) -> str:
    """A word's Porter root (funding, funds -> fund), as SQLite's porter tokenizer makes it.

    Used to compare query words with title words in Python; the index itself
    stems with SQLite's tokenizer, which implements the same algorithm.
    """
    found = _ROOTS.get(word)
    if found is None:
        if not _PORTER:
            # Imported on first use (a query), not with the index: the package loads
            # all 30 of its languages, which would lengthen the build after first paint.
            import snowballstemmer  # type: ignore[import-untyped]

            _PORTER.append(snowballstemmer.stemmer("porter"))
        found = _ROOTS[word] = _PORTER[0].stemWord(word)  # type: ignore[attr-defined]
    return found


def compounds(text: str) -> list[str]:
    """Hyphenated words joined up (pre-doctoral -> predoctoral), so either spelling finds both."""
    if "-" not in text:
        return []
    return [m.group(0).replace("-", "") for m in _HYPHENATED.finditer(fold(text))]


_HYPHENATED = re.compile(r"\b[^\W_]+(?:-[^\W_]+)+")

# --- Markdown to plain text -------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*>+\s?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def inline_text(text: str) -> str:
    """One line of Markdown without its inline markup."""
    # Each pattern runs only when its marker is present: most lines have none.
    if "](" in text:
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
    if "][" in text:
        text = _REF_LINK.sub(r"\1", text)
    if "*" in text or "_" in text or "`" in text:
        for _ in range(2):  # nested emphasis, e.g. ***both***
            text = _EMPHASIS.sub(r"\2", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return html.unescape(text) if "&" in text else text


def markdown_text(source: str) -> str:
    """Plain text of a Markdown fragment: paragraphs kept, markup dropped."""
    out: list[str] = []
    in_fence = False
    for line in source.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line.strip())
            continue
        if _TABLE_RULE.match(line) and "-" in line:
            continue
        heading = _ATX.match(line)
        if heading:
            line = heading.group(2)
        line = _QUOTE.sub("", line)
        line = _LIST.sub("", line)
        if "|" in line:
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        out.append(inline_text(line.strip()))
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# Pages split at ``##`` and ``###`` headings: a result then opens at the exact
# heading ("Entry after you finish training (post-CCT)"), and a short heading's
# words weigh as a title rather than drowning in a long subsection.
SPLIT_LEVELS = (2, 3)


@dataclass(frozen=True)
class Subsection:
    """Text under one heading (anchor "" and heading "" for the opening text)."""

    anchor: str
    heading: str
    text: str


def split_subsections(source: str) -> list[Subsection]:
    """Split Markdown at level-2 and -3 headings, with the anchors the renderer gives them."""
    used: set[str] = set()
    counters: dict[str, int] = {}
    parts: list[tuple[str, str, list[str]]] = [("", "", [])]
    in_fence = False
    for line in source.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _ATX.match(line)
        if heading:
            title = inline_text(heading.group(2))
            anchor = unique(slugify(title, "-"), used, counters)
            if len(heading.group(1)) in SPLIT_LEVELS:
                parts.append((anchor, title, []))
                continue
        parts[-1][2].append(line)
    return [
        Subsection(anchor, title, markdown_text("\n".join(lines)))
        for anchor, title, lines in parts
        if anchor or "".join(lines).strip()
    ]

"""Content files the tests write: one page template, and edits that keep a file's times.

A start trusts the content cache on file sizes and times, and the check after the first
paint (``guide.content.digests``) looks at the bytes: the tests of both need pages whose
times are old (not "racily new") and edits that leave sizes and times as they were.
"""

from __future__ import annotations

import os
from pathlib import Path

# A fixed time long before any test runs: files with it are not "racily new" for the cache.
OLD_NS = 1_700_000_000 * 1_000_000_000

PAGE = """---
id: {id}
kind: page
title: {title}
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

{body}
"""


def office_page(word: str) -> str:
    """A trust's research office page that mentions ``word`` (words of one length give
    pages of one size)."""
    return PAGE.format(id="trust-office", title="Research office", body=f"Ask us about {word}.")


def write_old(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` and give it the old time ``OLD_NS``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(OLD_NS, OLD_NS))
    return path


def same_size_edit(path: Path, text: str) -> None:
    """Change the file's bytes, keeping its size and its old modification time."""
    before = path.stat().st_size
    write_old(path, text)
    assert path.stat().st_size == before

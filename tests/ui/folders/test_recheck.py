"""After the first paint, a content file changed without its size or time changing is read
again: the open page shows the new text and the status bar says so. Nothing is hashed
before the window has painted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guide.content import digests, freshness
from guide.content.cache import load_cached
from guide.paths import bundled_data_dir
from guide.ui.folders import recheck
from tests.ui.fake_host import FakeHost
from tests.ui.helpers import make_window

OLD_NS = 1_700_000_000 * 1_000_000_000  # long before any test runs: not "racily new"
PAGE = """---
id: trust-office
kind: page
title: Research office
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

Ask us about {word}.
"""


@pytest.fixture
def hashed(monkeypatch) -> list[str]:
    """Every file hashed, and file times as on Windows (the "change time" is the creation
    time, so a rewrite with its modification time set back looks untouched)."""
    seen: list[str] = []
    real_digest, real_scan = freshness.digest_file, freshness.scan

    def digest_file(path: str) -> bytes:
        seen.append(path)
        return real_digest(path)

    def scan(roots):
        return {name: (s[0], s[1], 0, s[3]) for name, s in real_scan(roots).items()}

    monkeypatch.setattr(freshness, "digest_file", digest_file)
    monkeypatch.setattr(freshness, "scan", scan)
    return seen


@pytest.fixture
def stale(tmp_path: Path, hashed: list[str]):
    """A cached model that still says "zanzibarium" after a same-size, same-time edit."""
    root = tmp_path / "trust"
    (root / "pages").mkdir(parents=True)
    page = root / "pages" / "office.md"
    page.write_text(PAGE.format(word="zanzibarium"), encoding="utf-8")
    os.utime(page, ns=(OLD_NS, OLD_NS))
    roots, cache = [bundled_data_dir(), root], tmp_path / "cache"
    # The first start writes the cache, and its check records the files' digests.
    assert digests.changed_files(digests.recheck_for(load_cached(roots, cache))) == []
    page.write_text(PAGE.format(word="quokkamanda"), encoding="utf-8")
    os.utime(page, ns=(OLD_NS, OLD_NS))
    model = load_cached(roots, cache)
    assert "zanzibarium" in model.get("trust-office").body
    hashed.clear()
    return model, page


def test_the_open_page_shows_the_new_text_after_the_first_paint(qtbot, stale, hashed, tmp_path):
    model, page = stale
    # Only the folders feature: the search panel's index thread would outlive the test.
    window = make_window(
        qtbot,
        model,
        tmp_path / "home",
        persist=False,
        start_id="trust-office",
        features=("guide.ui.folders.feature",),
    )
    assert "zanzibarium" in window.reader.toPlainText()
    assert not hashed  # the features are installed, but nothing is read before the paint
    checker = window.findChild(recheck.ContentRecheck, "contentRecheck")
    with qtbot.waitSignal(checker.checked, timeout=10000) as done:
        window.show()
    assert done.args == [[page]]
    assert str(page) in hashed
    assert "quokkamanda" in window.reader.toPlainText()
    assert "quokkamanda" in window.model.get("trust-office").body
    assert window.statusBar().currentMessage() == (
        "Content reloaded: office.md had changed since it was last read."
    )
    # The stale cache is gone: the next start reads the files again.
    again = load_cached([bundled_data_dir(), page.parents[1]], tmp_path / "cache")
    assert "quokkamanda" in again.get("trust-office").body


def test_the_check_waits_for_the_first_paint(qtbot, stale, hashed, tmp_path):
    model, _page = stale
    host = FakeHost(model, tmp_path / "home")
    qtbot.addWidget(host)
    checker = recheck.install(host)
    assert not hashed and not checker.started
    with qtbot.waitSignal(checker.checked, timeout=10000):
        host.show()
    assert hashed
    assert "quokkamanda" in host.model.get("trust-office").body
    assert host.messages[-1].startswith("Content reloaded: office.md")


def test_content_read_from_the_files_starts_no_check(qtbot, shipped_model, hashed, tmp_path):
    host = FakeHost(shipped_model, tmp_path / "home")
    qtbot.addWidget(host)
    checker = recheck.install(host)
    host.show()
    qtbot.wait(50)
    assert not checker.started and not hashed

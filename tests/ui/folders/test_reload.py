"""Reload content in the window: F5, watch mode with a real file change, the tree showing a
trust folder's pages under its title, What's new, About and the content check."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QToolButton

from guide.content import load_content
from guide.paths import bundled_data_dir
from guide.ui.folders.feature import WATCH_PROPERTY, WHATS_NEW
from guide.ui.host import GROUP_PREFIX
from guide.ui.roles import Role
from guide.ui.shell.handlers import about_text
from tests.ui.helpers import make_window

PAGE = """---
id: {id}
kind: page
title: {title}
order: {order}
last_reviewed: 2026-11-01
next_review: 2027-11-01
---

{body}
"""


@pytest.fixture
def trust(tmp_path: Path) -> Path:
    root = tmp_path / "st-elsewhere"
    (root / "pages").mkdir(parents=True)
    (root / "content.yaml").write_text(
        "title: St Elsewhere NHS Trust\nedition: 2026-11-20\nchanges:\n"
        "  - edition: 2026-11-20\n    notes: Added the research office page.\n",
        encoding="utf-8",
    )
    pages = [("trust-office", "Research office", 2), ("trust-welcome", "Welcome", 1)]
    for page_id, title, order in pages:
        (root / "pages" / f"{page_id}.md").write_text(
            PAGE.format(id=page_id, title=title, order=order, body="Ask us about zanzibarium."),
            encoding="utf-8",
        )
    return root


def _window(qtbot, trust: Path, tmp_path: Path):
    model = load_content([bundled_data_dir(), trust])
    return make_window(qtbot, model, tmp_path / "home", persist=False)


def test_the_tree_shows_the_folder_pages_under_its_title_in_order(qtbot, trust, tmp_path):
    window = _window(qtbot, trust, tmp_path)
    [group_id] = window.nav.folder_group_ids()
    [group] = window.nav.rows_for(group_id)
    assert group.text() == "St Elsewhere NHS Trust"
    children = [group.child(r).data(Role.ID) for r in range(group.rowCount())]
    assert children == ["trust-welcome", "trust-office"]
    assert window.tree.isExpanded(window.nav.index_for(group_id))
    assert not window.nav.rows_for(GROUP_PREFIX + "more-pages")


def test_f5_reloads_and_rerenders_the_open_page(qtbot, trust, tmp_path):
    window = _window(qtbot, trust, tmp_path)
    window.open_id("trust-office")
    page = trust / "pages" / "trust-office.md"
    page.write_text(
        PAGE.format(id="trust-office", title="Research office", order=2, body="Now edited."),
        encoding="utf-8",
    )
    window.action("reload").trigger()
    assert "Now edited." in window.reader.toPlainText()
    assert window.current_id == "trust-office"
    assert window.action("reload").shortcut().toString() == "F5"


def test_watch_mode_updates_the_page_and_search_within_a_second(qtbot, trust, tmp_path):
    app = QCoreApplication.instance()
    app.setProperty(WATCH_PROPERTY, True)
    try:
        window = _window(qtbot, trust, tmp_path)
        window.install_deferred_features()
        window.open_id("trust-office")
        panel = window.panel("search")
        panel.start_indexing()
        qtbot.waitUntil(lambda: panel.index is not None, timeout=10000)
        page = trust / "pages" / "trust-office.md"
        # A save by an editor that writes a new file and renames it over the old one.
        temporary = page.with_suffix(".tmp")
        temporary.write_text(
            PAGE.format(id="trust-office", title="Research office", order=2,
                        body="Quokkamander fellowships are new."),
            encoding="utf-8",
        )  # fmt: skip
        os.replace(temporary, page)
        started = time.monotonic()
        qtbot.waitUntil(lambda: "Quokkamander" in window.reader.toPlainText(), timeout=1000)
        qtbot.waitUntil(
            lambda: (
                panel.index is not None
                and "trust-office" in panel.index.search("quokkamander").ids()
            ),
            timeout=max(1, int(1000 - (time.monotonic() - started) * 1000)) + 2000,
        )
        # A second save to the same file is still seen (the file is watched again).
        page.write_text(
            PAGE.format(id="trust-office", title="Research office", order=2, body="Second."),
            encoding="utf-8",
        )
        qtbot.waitUntil(lambda: "Second." in window.reader.toPlainText(), timeout=1000)
    finally:
        app.setProperty(WATCH_PROPERTY, False)


def test_the_content_check_follows_a_reload_and_its_lines_wrap(qtbot, trust, tmp_path):
    window = _window(qtbot, trust, tmp_path)
    window.install_deferred_features()
    assert window.findChild(QToolButton, "contentCheckButton") is None
    (trust / "pages" / "trust-welcome.md").write_text(
        PAGE.format(id="trust-welcome", title="Welcome", order=1, body="[x](no-such-page)"),
        encoding="utf-8",
    )
    window.action("reload").trigger()
    button = window.findChild(QToolButton, "contentCheckButton")
    assert button is not None and button.text() == "Content check: 1 problem"
    window.action("content_check").trigger()
    listing = window.findChild(QPlainTextEdit)
    assert "no-such-page" in listing.toPlainText()
    assert listing.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth


def test_whats_new_and_about_list_the_folders_and_editions(qtbot, trust, tmp_path):
    window = _window(qtbot, trust, tmp_path)
    window.install_deferred_features()
    window.action("whats_new").trigger()
    assert window.current_id == WHATS_NEW
    text = window.view_widget(WHATS_NEW).toPlainText()
    assert "St Elsewhere NHS Trust" in text and "Added the research office page." in text
    about = about_text(window.home, window.model.editions)
    assert "St Elsewhere NHS Trust, edition of 20 November 2026" in about

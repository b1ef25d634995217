"""The content-check list follows every reload: a save in watch mode (one page read again)
and F5 (everything read again) take fixed problems off it and put new ones on."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QToolButton

from guide.content import load_content
from guide.content import reload as reload_module
from guide.paths import bundled_data_dir
from guide.ui.content_check.feature import show_problems
from guide.ui.folders.feature import WATCH_PROPERTY
from tests.pages import PAGE
from tests.ui.helpers import make_window


def _write(path: Path, page_id: str, body: str) -> None:
    path.write_text(PAGE.format(id=page_id, title=page_id.title(), body=body), encoding="utf-8")


@pytest.fixture
def trust(tmp_path: Path) -> Path:
    root = tmp_path / "trust"
    (root / "pages").mkdir(parents=True)
    _write(root / "pages" / "a.md", "trust-a", "See [the office](no-such-page).")
    _write(root / "pages" / "b.md", "trust-b", "See [page A](trust-a).")
    return root


@pytest.fixture
def watching():
    app = QCoreApplication.instance()
    app.setProperty(WATCH_PROPERTY, True)
    yield
    app.setProperty(WATCH_PROPERTY, False)


@pytest.fixture
def one_page_at_a_time(monkeypatch):
    """Fail the test if a save falls back to reading every folder again."""

    def everything(model):
        raise AssertionError("expected only the saved page to be read again")

    monkeypatch.setattr(reload_module, "reload_everything", everything)


def _window(qtbot, root: Path, tmp_path: Path):
    model = load_content([bundled_data_dir(), root])
    window = make_window(qtbot, model, tmp_path / "home", persist=False)
    window.install_deferred_features()
    return window


def _listing(qtbot, window) -> QPlainTextEdit:
    dialog = show_problems(window)
    qtbot.addWidget(dialog)  # closed at the test's end, like the window
    return dialog.findChild(QPlainTextEdit)


def test_a_save_in_watch_mode_takes_a_fixed_problem_off_the_list_and_adds_a_new_one(
    qtbot, trust, tmp_path, watching, one_page_at_a_time
):
    window = _window(qtbot, trust, tmp_path)
    listing = _listing(qtbot, window)
    button = window.findChild(QToolButton, "contentCheckButton")
    assert "no-such-page" in listing.toPlainText()
    assert button.text() == "Content check: 1 problem"

    _write(trust / "pages" / "a.md", "trust-a", "See [the overview](overview).")
    qtbot.waitUntil(lambda: "no-such-page" not in listing.toPlainText(), timeout=3000)
    assert "No problems left" in listing.toPlainText()
    assert not button.isVisible()

    _write(trust / "pages" / "b.md", "trust-b", "See [nowhere](nowhere-at-all).")
    qtbot.waitUntil(lambda: "nowhere-at-all" in listing.toPlainText(), timeout=3000)
    assert f"{trust / 'pages' / 'b.md'}:9: link to unknown page id 'nowhere-at-all'" in (
        listing.toPlainText()
    )
    assert button.text() == "Content check: 1 problem"


def test_knock_on_counts_follow_a_save_in_watch_mode(
    qtbot, trust, tmp_path, watching, one_page_at_a_time
):
    # trust-c cannot load (a tab in its front matter); pages A and B link to it.
    (trust / "pages" / "c.md").write_text(
        "---\nid: trust-c\nkind: page\n\ttitle: Tabbed\n---\nText\n", encoding="utf-8"
    )
    _write(trust / "pages" / "a.md", "trust-a", "See [C](trust-c).")
    _write(trust / "pages" / "b.md", "trust-b", "See [C](trust-c).")
    window = _window(qtbot, trust, tmp_path)
    listing = _listing(qtbot, window)
    assert "and 2 more caused by the problem above" in listing.toPlainText()

    _write(trust / "pages" / "a.md", "trust-a", "No link to C now.")
    qtbot.waitUntil(
        lambda: "and 1 more caused by the problem above" in listing.toPlainText(), timeout=3000
    )


def test_f5_refreshes_an_open_list(qtbot, trust, tmp_path):
    window = _window(qtbot, trust, tmp_path)
    listing = _listing(qtbot, window)
    _write(trust / "pages" / "a.md", "trust-a", "Fixed.")
    _write(trust / "pages" / "b.md", "trust-b", "See [gone](gone-page).")
    window.action("reload").trigger()
    assert "no-such-page" not in listing.toPlainText()
    assert "gone-page" in listing.toPlainText()

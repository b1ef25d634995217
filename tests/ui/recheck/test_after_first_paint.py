"""After the first paint, what changed while the guide was closed is read again: the open
page shows it where the reader was, the tree, the content check and the status bar follow,
and the next start opens on it. Nothing is read before the window has painted."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QToolButton

from guide.content import digests, freshness
from guide.content.cache import load_cached
from guide.paths import bundled_data_dir
from guide.ui.recheck import feature as recheck
from tests.pages import PAGE, office_page, same_size_edit, write_old
from tests.ui.fake_host import FakeHost
from tests.ui.helpers import make_window

# Not the search panel: its index thread would outlive the test.
FEATURES = ("guide.ui.recheck.feature", "guide.ui.content_check.feature")


@pytest.fixture
def hashed(monkeypatch, windows_file_times) -> list[str]:
    """Every file hashed (with file times as on Windows, so a rewrite that sets its
    modification time back looks untouched)."""
    seen: list[str] = []
    real = freshness.digest_file

    def digest_file(path: str) -> bytes:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(freshness, "digest_file", digest_file)
    return seen


@pytest.fixture
def trust(tmp_path: Path) -> Path:
    """A trust folder whose cache an earlier start wrote, and whose check recorded the
    files' digests."""
    root = tmp_path / "trust"
    write_old(root / "pages" / "office.md", office_page("zanzibarium"))
    write_old(root / "pages" / "welcome.md", PAGE.format(id="trust-welcome", title="Welcome",
                                                         body="Hello."))  # fmt: skip
    model = load_cached([bundled_data_dir(), root], tmp_path / "cache")
    assert digests.changed_files(digests.recheck_for(model)) == []
    return root


def _start(trust: Path, tmp_path: Path):
    """The model a start opens with: the cache, trusted without looking at the files."""
    return load_cached([bundled_data_dir(), trust], tmp_path / "cache", check_files=False)


def _window(qtbot, trust, tmp_path, start_id="trust-office"):
    window = make_window(
        qtbot, _start(trust, tmp_path), tmp_path / "home", persist=False, start_id=start_id,
        features=FEATURES,
    )  # fmt: skip
    return window, window.findChild(recheck.ContentRecheck, "contentRecheck")


def _show(qtbot, widget, checker) -> list[Path]:
    """Show the window and wait for the check: the files it found changed, and (when it
    found any) the cache written anew for the next start."""
    cached = qtbot.waitSignal(checker.cached, timeout=10000)
    with qtbot.waitSignal(checker.checked, timeout=10000) as done:
        widget.show()
    if done.args[0]:
        cached.wait()
    return done.args[0]


def test_a_same_size_edit_that_kept_its_time_shows_after_the_first_paint(
    qtbot, trust, hashed, tmp_path
):
    page = trust / "pages" / "office.md"
    same_size_edit(page, office_page("quokkamanda"))
    hashed.clear()
    window, checker = _window(qtbot, trust, tmp_path)
    assert "zanzibarium" in window.reader.toPlainText()
    assert not hashed  # the features are installed, but nothing is read before the paint
    assert _show(qtbot, window, checker) == [page]
    assert str(page) in hashed
    assert "quokkamanda" in window.reader.toPlainText()
    assert "quokkamanda" in window.model.get("trust-office").body
    assert window.statusBar().currentMessage() == (
        "Content reloaded: office.md had changed since it was last read."
    )
    # The cache was written anew: the next start opens on the new text.
    assert "quokkamanda" in _start(trust, tmp_path).get("trust-office").body


def test_an_edit_made_while_closed_shows_on_the_page_the_reader_was_on(qtbot, trust, tmp_path):
    page = trust / "pages" / "office.md"
    page.write_text(
        PAGE.format(id="trust-office", title="Research and innovation office",
                    body="See [nowhere](no-such-page)."),
        encoding="utf-8",
    )  # fmt: skip
    window, checker = _window(qtbot, trust, tmp_path)
    assert window.windowTitle().startswith("Research office")
    assert window.findChild(QToolButton, "contentCheckButton") is None
    assert _show(qtbot, window, checker) == [page]
    assert window.current_id == "trust-office"
    assert window.windowTitle().startswith("Research and innovation office")
    assert window.nav.title_of("trust-office") == "Research and innovation office"
    # The content check follows the reload: the new broken link is on its list.
    button = window.findChild(QToolButton, "contentCheckButton")
    assert button is not None and button.text() == "Content check: 1 problem"
    assert window.statusBar().currentMessage().startswith("Content reloaded: office.md")
    again = _start(trust, tmp_path)
    assert again.get("trust-office").title == "Research and innovation office"


def test_pages_added_and_removed_while_closed_are_picked_up(qtbot, trust, tmp_path):
    write_old(trust / "pages" / "grants.md", PAGE.format(id="trust-grants", title="Small grants",
                                                         body="Apply by email."))  # fmt: skip
    (trust / "pages" / "welcome.md").unlink()
    window, checker = _window(qtbot, trust, tmp_path, start_id="trust-welcome")
    assert window.current_id == "trust-welcome" and not window.nav.title_of("trust-grants")
    changed = _show(qtbot, window, checker)
    assert sorted(p.name for p in changed) == ["grants.md", "welcome.md"]
    assert window.nav.title_of("trust-grants") == "Small grants"
    assert window.model.get("trust-welcome") is None
    assert window.current_id == "overview"  # the page the reader was on has gone
    assert window.statusBar().currentMessage() == (
        "Content reloaded: grants.md, welcome.md had changed since it was last read."
    )


def test_the_check_waits_for_the_first_paint(qtbot, trust, hashed, tmp_path):
    same_size_edit(trust / "pages" / "office.md", office_page("quokkamanda"))
    hashed.clear()
    host = FakeHost(_start(trust, tmp_path), tmp_path / "home")
    qtbot.addWidget(host)
    checker = recheck.install(host)
    assert not hashed and not checker.started
    assert _show(qtbot, host, checker) == [trust / "pages" / "office.md"]
    assert hashed
    assert "quokkamanda" in host.model.get("trust-office").body
    assert host.messages[-1].startswith("Content reloaded: office.md")


def test_nothing_changed_means_no_reload_and_no_message(qtbot, trust, tmp_path):
    model = _start(trust, tmp_path)
    host = FakeHost(model, tmp_path / "home")
    qtbot.addWidget(host)
    checker = recheck.install(host)
    assert _show(qtbot, host, checker) == []
    assert host.model is model and not host.messages


def test_content_read_from_the_files_starts_no_check(qtbot, shipped_model, hashed, tmp_path):
    host = FakeHost(shipped_model, tmp_path / "home")
    qtbot.addWidget(host)
    checker = recheck.install(host)
    host.show()
    qtbot.wait(50)
    assert not checker.started and not hashed


def test_the_check_is_installed_even_when_the_folders_feature_fails(
    qtbot, trust, tmp_path, monkeypatch, capsys
):
    from guide.ui.folders import feature as folders

    def broken(host) -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(folders, "install", broken)
    # Every feature, as the app installs them; not shown, so no thread starts.
    window = make_window(qtbot, _start(trust, tmp_path), tmp_path / "home", persist=False)
    assert "guide.ui.folders.feature failed to install" in capsys.readouterr().err
    assert window.findChild(recheck.ContentRecheck, "contentRecheck") is not None


def test_a_fault_while_rereading_keeps_what_the_window_shows(
    qtbot, trust, tmp_path, monkeypatch, capsys
):
    from guide.content import reload

    def broken(model, changed):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(reload, "reload_content", broken)
    page = trust / "pages" / "office.md"
    page.write_text(office_page("a longer word"), encoding="utf-8")
    model = _start(trust, tmp_path)
    host = FakeHost(model, tmp_path / "home")
    qtbot.addWidget(host)
    checker = recheck.install(host)
    with qtbot.waitSignal(checker.checked, timeout=10000) as done:
        host.show()
    assert done.args == [[page]]
    assert host.model is model and not host.messages
    assert "broken on purpose" in capsys.readouterr().err
    # The stale cache was dropped before the reread: the next start reads the files.
    assert "a longer word" in _start(trust, tmp_path).get("trust-office").body

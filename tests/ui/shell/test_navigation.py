"""Moving around: history, links, mouse side buttons, external links, F6 panes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QMouseEvent
from PySide6.QtWidgets import QApplication

from guide.ui.reader import external_link
from tests.ui.helpers import make_window, show_active


def test_back_and_forward_retrace_the_pages_visited(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.open_id("pre-doctoral")
    window.open_id("glossary")
    window.go_back()
    assert window.current_id == "pre-doctoral"
    window.go_back()
    assert window.current_id == "overview"
    assert not window.action("back").isEnabled()
    window.go_forward()
    window.go_forward()
    assert window.current_id == "glossary"
    assert not window.action("forward").isEnabled()


def test_alt_left_and_alt_right_are_back_and_forward(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    show_active(qtbot, window)
    window.open_id("phd-or-md")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_id == "overview"
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_id == "phd-or-md"


def test_mouse_back_button_on_the_page_goes_back(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.open_id("glossary")
    pos = QPointF(20, 20)
    event = QMouseEvent(
        QMouseEvent.Type.MouseButtonPress, pos, window.reader.viewport().mapToGlobal(pos),
        Qt.MouseButton.BackButton, Qt.MouseButton.BackButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window.reader.viewport(), event)
    assert window.current_id == "overview"


def test_visiting_a_new_page_after_going_back_drops_the_forward_pages(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.open_id("pre-doctoral")
    window.go_back()
    window.open_id("glossary")
    assert not window.history.can_go_forward()
    window.go_back()
    assert window.current_id == "overview"


def test_link_to_a_heading_opens_the_page_at_that_heading(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.resize(900, 500)
    show_active(qtbot, window)
    page = window.composer.compose(shipped_model.get("pre-doctoral"))
    anchor = page.headings[-1].anchor
    window.reader.anchorClicked.emit(QUrl(f"guide:pre-doctoral#{anchor}"))
    assert window.current_id == "pre-doctoral"
    assert window.reader.verticalScrollBar().value() > 0


def _dialog_that_clicks_open(monkeypatch):
    shown = []

    def fake_exec(self):
        shown.append(self.address.text())
        self.open_in_browser()
        return 0

    monkeypatch.setattr(external_link.ExternalLinkDialog, "exec", fake_exec)
    return shown


def test_external_link_is_not_opened_without_confirmation(qtbot, shipped_model, monkeypatch):
    window = make_window(qtbot, shipped_model)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    shown = _dialog_that_clicks_open(monkeypatch)
    monkeypatch.setattr(external_link, "confirm_open", lambda parent, url: False)
    window.reader.anchorClicked.emit(QUrl("https://www.nihr.ac.uk/"))
    assert shown == ["https://www.nihr.ac.uk/"]
    assert opened == []
    assert window.current_id == "overview"


def test_external_link_opens_in_the_browser_after_confirmation(qtbot, shipped_model, monkeypatch):
    window = make_window(qtbot, shipped_model)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    _dialog_that_clicks_open(monkeypatch)
    monkeypatch.setattr(external_link, "confirm_open", lambda parent, url: True)
    window.reader.anchorClicked.emit(QUrl("https://www.nihr.ac.uk/"))
    assert [u.toString() for u in opened] == ["https://www.nihr.ac.uk/"]


def test_copy_link_puts_the_address_on_the_clipboard(qtbot):
    dialog = external_link.ExternalLinkDialog(QUrl("https://catch.ac.uk/"))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "https://catch.ac.uk/"


def test_non_web_links_are_never_handed_to_the_browser(monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert not external_link.open_in_browser(QUrl("file:///etc/passwd"))
    assert opened == []


def test_reader_refuses_remote_and_outside_resources(qtbot, shipped_model, tmp_path):
    window = make_window(qtbot, shipped_model)
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"x")
    assert window.reader.loadResource(2, QUrl("https://example.org/x.png")) is None
    assert window.reader.loadResource(2, QUrl.fromLocalFile(str(outside))) is None
    assert "https://example.org/x.png" in window.reader.refused


def test_f6_moves_focus_between_tree_and_page(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    show_active(qtbot, window)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F6)
    assert window.reader.hasFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.tree.hasFocus()


def test_mouse_back_button_over_the_contents_tree_goes_back(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.open_id("glossary")
    pos = QPointF(5, 5)
    viewport = window.tree.viewport()
    event = QMouseEvent(
        QMouseEvent.Type.MouseButtonPress, pos, viewport.mapToGlobal(pos),
        Qt.MouseButton.BackButton, Qt.MouseButton.BackButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)
    assert window.current_id == "overview"

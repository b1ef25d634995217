"""The main window: the tree and the reader stay in step."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from guide.ui.main_window import ID_ROLE, MainWindow


def test_window_opens_on_the_overview(qtbot, shipped_model):
    window = MainWindow(shipped_model)
    qtbot.addWidget(window)
    assert shipped_model.get("overview").title in window.reader.toPlainText()


def test_selecting_a_tree_row_opens_that_page(qtbot, shipped_model):
    window = MainWindow(shipped_model)
    qtbot.addWidget(window)
    for row in range(window.nav.rowCount()):
        index = window.nav.index(row, 0)
        if index.data(ID_ROLE) == "pre-doctoral":
            window.tree.setCurrentIndex(index)
    assert "Pre-doctoral training" in window.reader.toPlainText()


def test_internal_link_opens_the_page_and_external_link_does_not(qtbot, shipped_model):
    window = MainWindow(shipped_model)
    qtbot.addWidget(window)
    window._on_link(QUrl("guide:glossary"))
    assert "Glossary" in window.reader.toPlainText()
    window._on_link(QUrl("https://example.org"))
    assert "Glossary" in window.reader.toPlainText()
    assert "not opened" in window.statusBar().currentMessage()

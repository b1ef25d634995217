"""Content problems are reported quietly: a status-bar button and a Help entry, no dialog at start."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QPushButton, QToolButton

from guide.content import load_content
from guide.paths import bundled_data_dir
from tests.ui.helpers import make_window

BROKEN_PAGE = """
---
id: trust-office
kind: page
title: Research office
last_reviewed: 2026-11-01
next_review: 2027-05-01
---

See [the missing page](no-such-page).
"""


def _model_with_a_problem(content_dir):
    root, write = content_dir
    path = write("pages/trust-office.md", BROKEN_PAGE)
    model = load_content([bundled_data_dir(), root])
    assert model.problems
    return model, path


def test_content_problems_show_a_status_button_and_a_help_entry_but_no_dialog(qtbot, content_dir):
    model, path = _model_with_a_problem(content_dir)
    window = make_window(qtbot, model)
    window.show()
    qtbot.waitExposed(window)
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]
    button = window.statusBar().findChild(QToolButton, "contentCheckButton")
    count = len(model.problems)
    expected = "Content check: 1 problem" if count == 1 else f"Content check: {count} problems"
    assert button.text() == expected and button.isVisible()
    help_texts = [a.text() for a in window.menu("Help").actions() if a.isVisible()]
    assert expected + "…" in help_texts

    button.click()
    dialog = window.findChild(QDialog, "contentCheckDialog")
    assert dialog.isVisible() and not dialog.isModal()
    listing = dialog.findChild(QPlainTextEdit)
    assert f"{path}:9: link to unknown page id 'no-such-page'" in listing.toPlainText()
    copy = next(b for b in dialog.findChildren(QPushButton) if "Copy" in b.text())
    copy.click()
    assert "no-such-page" in QGuiApplication.clipboard().text()
    dialog.close()


def test_clean_content_adds_no_content_check(qtbot, shipped_model):
    assert not shipped_model.problems
    window = make_window(qtbot, shipped_model)
    assert window.statusBar().findChild(QToolButton, "contentCheckButton") is None
    shown = [a for a in window.menu("Help").actions() if a.isVisible()]  # unbound: hidden
    assert not [a for a in shown if a.text().startswith("Content check")]

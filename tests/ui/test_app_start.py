"""Start-up, the screenshot command, and accessibility of the whole window."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLineEdit,
    QTabWidget,
    QTextBrowser,
)

from guide.cli import main
from tests.ui.helpers import make_window


def test_quit_after_first_paint_exits_cleanly_with_the_start_page(tmp_path):
    env = dict(os.environ, GUIDE_QUIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen")
    env["GUIDE_HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "guide"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    # it closed normally, so it saved the start page as the last page
    assert '"last_page": "overview"' in (tmp_path / "preferences.json").read_text()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshot_command_saves_a_png_of_the_requested_size(tmp_path, capsys, theme):
    out = tmp_path / "shot.png"
    code = main(["screenshot", "pre-doctoral", "-o", str(out), "--theme", theme,
                 "--size", "900x600"])  # fmt: skip
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    centre = image.pixelColor(600, 400)
    assert (centre.lightness() > 128) == (theme == "light")


def test_screenshot_rejects_unknown_views_and_bad_sizes(tmp_path, capsys):
    assert main(["screenshot", "no-such-page", "-o", str(tmp_path / "x.png")]) == 1
    assert "no page or view" in capsys.readouterr().err
    assert main(["screenshot", "overview", "-o", str(tmp_path / "x.png"), "--size", "big"]) == 1
    assert "--size" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_screenshot_does_not_touch_the_users_preferences(tmp_path, isolated_home):
    main(["screenshot", "glossary", "-o", str(tmp_path / "g.png"), "--theme", "dark"])
    assert not (isolated_home / "preferences.json").exists()


def test_every_control_has_an_accessible_name_or_text(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    window.show()
    window.find_bar.open_bar()
    kinds = (QAbstractButton, QLineEdit, QAbstractItemView, QTextBrowser, QTabWidget)
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for kind in kinds
        for w in window.findChildren(kind)
        if w.isVisible()
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
        and w.objectName() != "qt_toolbar_ext_button"
    ]
    assert unnamed == []


def test_menu_actions_show_their_shortcuts_in_tooltips(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    for name in ("back", "forward", "find", "bookmark", "zoom_in", "print", "next_pane"):
        action = window.action(name)
        keys = action.shortcut().toString()
        assert keys and keys in action.toolTip(), name


def test_keyboard_shortcuts_list_covers_the_reader_keys(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    keys = " ".join(k for _, k in window.commands.shortcut_rows())
    for expected in ("Alt+Left", "Ctrl+F", "F3", "Ctrl+D", "F6", "Ctrl+P", "Ctrl+0"):
        assert expected in keys


def test_keyboard_shortcuts_list_has_no_repeats_and_no_rare_key_names(qtbot, shipped_model):
    window = make_window(qtbot, shipped_model)
    rows = window.commands.shortcut_rows()
    assert len(rows) == len(set(rows))
    assert [name for name, _ in rows].count("Show bookmarks") == 1
    find = dict(rows)["Find in page"]
    assert find == "Ctrl+F"

"""A translation file dropped into resources/translations changes the interface, no code change."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from guide.ui.shell import translations
from tests.ui.helpers import make_window

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Yn ôl</translation>
    </message>
</context>
</TS>
"""


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    here = Path(__file__).resolve().parents[3] / ".venv" / "bin" / "pyside6-lrelease"
    return str(here) if here.exists() else None


def test_a_welsh_file_translates_the_interface(qtbot, shipped_model, tmp_path, monkeypatch):
    tool = _lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "guide_cy.ts").write_text(TS, encoding="utf-8")
    subprocess.run([tool, str(folder / "guide_cy.ts"), "-qm", str(folder / "guide_cy.qm")],
                   check=True, capture_output=True)  # fmt: skip
    monkeypatch.setattr(translations, "resources_dir", lambda: tmp_path)
    monkeypatch.setenv(translations.LANGUAGE_ENV, "cy")
    app = QCoreApplication.instance()
    before = set(app.findChildren(translations.QTranslator))
    try:
        assert "guide" in translations.install_translations(app)
        window = make_window(qtbot, shipped_model)
        assert window.action("back").text() == "&Yn ôl"
    finally:
        for translator in set(app.findChildren(translations.QTranslator)) - before:
            app.removeTranslator(translator)
            translator.deleteLater()


def test_no_translation_folder_costs_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(translations, "resources_dir", lambda: tmp_path)
    assert translations.install_translations(QCoreApplication.instance()) == []

"""Load interface translations, so a Welsh (or other) interface needs no code change.

Every user-visible string goes through ``tr``/``translate``. Translators make
``resources/translations/guide_cy.ts`` with ``pyside6-lupdate`` and compile it to
``guide_cy.qm`` with ``pyside6-lrelease``; this module loads the file that
matches the system language (or ``GUIDE_LANGUAGE``, e.g. ``cy``), plus Qt's own
translations for standard dialogs. Nothing happens, at no cost, when no file
matches.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from guide.paths import resources_dir

LANGUAGE_ENV = "GUIDE_LANGUAGE"


def install_translations(app: QCoreApplication) -> list[str]:
    """Install every translator that matches; returns the files' base names loaded."""
    folder = resources_dir() / "translations"
    if not folder.is_dir():
        return []
    wanted = os.environ.get(LANGUAGE_ENV, "").strip()
    locale = QLocale(wanted) if wanted else QLocale.system()
    loaded = []
    for name, directory in (
        ("guide", str(folder)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", directory):
            app.installTranslator(translator)
            loaded.append(name)
    return loaded

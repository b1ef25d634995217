"""Start the desktop app: QApplication, content, main window, and the first-paint hand-off.

``GUIDE_QUIT_AFTER_FIRST_PAINT=1`` makes the app exit 0 straight after the main
window's first paint (with the start page showing), for start-up benchmarks.
Anything the first screen does not need (the features, the window icon, the
Markdown renderer) waits for that paint (``MainWindow.after_first_paint``).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from guide import APP_NAME, APP_SLUG
from guide.platform_check import display_problem

QUIT_AFTER_FIRST_PAINT = "GUIDE_QUIT_AFTER_FIRST_PAINT"


def _import_qt_free_modules_first() -> None:
    """Import the content layer (the cache, the page composer) before PySide6: once PySide6
    is loaded, every import goes through its __feature__ hook, which reads each new module's
    source, so the same imports cost noticeably more after it."""
    import guide.commands.common
    import guide.content.cache
    import guide.content.hubs
    import guide.content.pages
    import guide.content.stacked_tables
    import guide.ui.commands
    import guide.ui.host
    import guide.ui.preferences
    import guide.ui.shell.history  # noqa: F401


def run_app(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    # No cyclic garbage collection until the first paint: start-up makes thousands of
    # long-lived objects (modules, classes, the content model) and almost no garbage, so the
    # collector's passes over them were a measurable part of start-up, for nothing.
    gc.disable()
    try:
        return _start(args)
    finally:
        # Once worker threads have run, collection stays on the GUI thread (guide.ui.collector;
        # not imported at all means it never moved there).
        collector = sys.modules.get("guide.ui.collector")
        if collector is None or not collector.is_collecting_on_gui_thread():
            gc.enable()


def _start(args: argparse.Namespace) -> int:
    _import_qt_free_modules_first()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from guide.commands.common import clock_of, load_model
    from guide.paths import user_home
    from guide.ui.shell.translations import install_translations
    from guide.ui.shell.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # a widgets app, not a bare QCoreApplication
    app.setApplicationName(APP_SLUG)
    if getattr(args, "watch", False):  # read by guide.ui.folders: reload on every save
        app.setProperty("guideWatch", True)
    app.setApplicationDisplayName(APP_NAME)
    install_translations(app)
    # Through the content cache: re-reading and re-checking every file is slow. Whether a
    # file changed since the cache was written is asked just after the first paint: looking
    # at thousands of files is work that grows with the content.
    model = load_model(args, cached=True, check_files=False)
    # Features (search, checklist badges, diagram row) come just after the first paint.
    home = user_home(getattr(args, "home", None))
    window = MainWindow(model, home, start_id=None, defer_features=True, clock=clock_of(args))

    def after_first_paint() -> None:
        # What start-up made lives as long as the window: freeze it out of the collector's
        # view, or the first collection after enabling (or the last, at exit) walks all of it.
        gc.freeze()
        if os.environ.get(QUIT_AFTER_FIRST_PAINT) == "1":
            window.close()
            app.exit(0)
            return
        # From now on worker threads run Python code (the search index, folder probes):
        # collect only on this thread, from its event loop.
        from guide.ui.collector import collect_on_gui_thread

        collect_on_gui_thread()
        window.install_deferred_features()
        from PySide6.QtGui import QIcon

        from guide.paths import resources_dir

        icon = QIcon(str(resources_dir() / "icons" / "app.svg"))
        app.setWindowIcon(icon)
        window.setWindowIcon(icon)
        # The start page came from stored HTML; load Markdown before the first click needs it.
        QTimer.singleShot(0, window.composer.prepare)

    # Before anything features queued: in the benchmark it quits, and the rest never runs.
    window.first_paint.then(after_first_paint, first=True)
    window.show()
    return app.exec()

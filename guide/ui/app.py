"""Start the desktop app: QApplication, content, main window."""

from __future__ import annotations

import argparse
import sys

from guide import APP_NAME, APP_SLUG
from guide.platform_check import display_problem


def run_app(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from guide.commands.common import load_model
    from guide.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_SLUG)
    app.setApplicationDisplayName(APP_NAME)
    model = load_model(args)
    window = MainWindow(model)
    window.show()
    return app.exec()

"""``guide screenshot VIEW -o FILE.png``: render the real main window offscreen and save a PNG.

VIEW is a content id (``overview``, ``pre-doctoral``, a story id...) or a
registered view (``pathway-diagram``, ``checklist``). Unless ``--home`` is
given, the window uses a fresh temporary data folder, so the picture does not
depend on (or change) your own preferences.
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
from pathlib import Path

from guide.cli import CommandError, add_global_options
from guide.commands.common import load_model

THEME_CHOICES = ("system", "light", "dark", "high-contrast")
_SIZE = re.compile(r"^(\d{2,5})x(\d{2,5})$")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("screenshot", help="save a PNG of the app showing one page or view")
    p.add_argument("view", metavar="VIEW", help="a content id or a view id (e.g. checklist)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.png", help="where to save")
    p.add_argument("--theme", choices=THEME_CHOICES, default="light", help="colour theme")
    p.add_argument("--size", default="1200x800", metavar="WxH", help="window size in pixels")
    p.add_argument(
        "--zoom", type=int, default=100, metavar="PERCENT", help="text size (default 100)"
    )
    add_global_options(p, suppress=True)
    p.set_defaults(func=cmd_screenshot)


def parse_size(text: str) -> tuple[int, int]:
    match = _SIZE.match(text.strip().lower())
    if not match:
        raise CommandError(f"--size must look like 1200x800, not {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise CommandError("--size: width and height must be between 200 and 8000 pixels")
    return width, height


def cmd_screenshot(args: argparse.Namespace) -> int:
    width, height = parse_size(args.size)
    output = Path(args.output)
    if output.suffix.lower() != ".png":
        raise CommandError(f"the output file must end in .png: {output}")
    if not output.parent.exists():
        raise CommandError(f"folder does not exist: {output.parent}")
    model = load_model(args)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="guide-shot-") as scratch:
        home = Path(args.home) if getattr(args, "home", None) else Path(scratch)
        saved = render_screenshot(
            model, args.view, output, home=home, theme=args.theme, size=(width, height),
            zoom=args.zoom, persist=bool(getattr(args, "home", None)) is False,
        )  # fmt: skip
    if not saved:
        raise CommandError(f"could not write {output}")
    print(output)
    return 0


def render_screenshot(
    model: object,
    view: str,
    output: Path,
    *,
    home: Path,
    theme: str = "light",
    size: tuple[int, int] = (1200, 800),
    zoom: int = 100,
    persist: bool = False,
) -> bool:
    """Build the window, open ``view``, let it lay out, and save a PNG. Returns success."""
    from PySide6.QtWidgets import QApplication

    from guide import APP_NAME, APP_SLUG
    from guide.ui.shell.window import MainWindow

    app = QApplication.instance() or QApplication([APP_SLUG])
    assert isinstance(app, QApplication)  # a widgets app, not a bare QCoreApplication
    app.setApplicationDisplayName(APP_NAME)
    window = MainWindow(model, home, persist=persist, start_id="overview", theme=theme)  # type: ignore[arg-type]
    try:
        if not window.knows(view.partition("#")[0]):
            raise CommandError(f"no page or view called {view!r} (see 'guide list')")
        window.resize(*size)
        window.set_zoom(zoom, save=False)
        window.show()
        window.open_id(view)
        window.statusBar().clearMessage()
        for _ in range(3):
            app.processEvents()
        return window.grab().save(str(output), "PNG")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()

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
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guide.cli import CommandError, add_global_options
from guide.clock import SYSTEM, Clock
from guide.commands.common import clock_of, load_model
from guide.ui.preferences import ZOOM_MAX, ZOOM_MIN

THEME_CHOICES = ("system", "light", "dark", "high-contrast")
_SIZE = re.compile(r"^(\d{2,5})x(\d{2,5})$")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("screenshot", help="save a PNG of the app showing one page or view")
    p.add_argument("view", metavar="VIEW", help="a content id or a view id (e.g. checklist)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.png", help="where to save")
    p.add_argument("--theme", choices=THEME_CHOICES, default="light", help="colour theme")
    p.add_argument("--size", default="1200x800", metavar="WxH", help="window size in pixels")
    p.add_argument(
        "--zoom",
        type=_zoom,
        default=100,
        metavar="PERCENT",
        help=f"text size, {ZOOM_MIN} to {ZOOM_MAX} (default 100)",
    )
    add_global_options(p, suppress=True)
    p.set_defaults(func=cmd_screenshot)


def _zoom(text: str) -> int:
    """The text size the app's own zoom allows; the window would quietly clamp anything else,
    so a picture at --zoom 1000 would not show what was asked for."""
    try:
        percent = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
    if not ZOOM_MIN <= percent <= ZOOM_MAX:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a text size the app offers: give {ZOOM_MIN} to {ZOOM_MAX}"
        )
    return percent


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
            clock=clock_of(args),
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
    clock: Clock = SYSTEM,
) -> bool:
    """Build the window, open ``view``, let it lay out, and save a PNG. Returns success."""
    from PySide6.QtWidgets import QApplication

    from guide import APP_NAME, APP_SLUG
    from guide.ui.shell.window import MainWindow

    app = QApplication.instance() or QApplication([APP_SLUG])
    assert isinstance(app, QApplication)  # a widgets app, not a bare QCoreApplication
    restore = _without_offscreen_notes()
    app.setApplicationDisplayName(APP_NAME)
    window = MainWindow(model, home, persist=persist, start_id="overview", theme=theme, clock=clock)  # type: ignore[arg-type]
    try:
        if not window.knows(view.partition("#")[0]):
            views = ", ".join(sorted(window.view_ids()))
            raise CommandError(
                f"no page or view called {view!r}: give a content id (see 'guide list') "
                f"or one of {views}"
            )
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
        restore()


_PLATFORM_NOTES = ("This plugin does not support propagateSizeHints",)


def _without_offscreen_notes() -> Callable[[], None]:
    """Drop the offscreen platform's "does not support propagateSizeHints()", printed each
    time a window is shown: a note for Qt's own developers, not a problem with the picture.
    Every other message goes where it went before. Returns the call that undoes this."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    previous: Any = None

    def handler(mode: QtMsgType, context: Any, message: str) -> None:
        if message.startswith(_PLATFORM_NOTES):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)

    def restore() -> None:
        qInstallMessageHandler(previous)

    return restore

"""``guide --self-test``: prove that this installation works, then exit.

Checks, in order: the bundled content loads and validates; every page renders.
Later features add their own checks to ``CHECKS``. Prints one line per check
and exits non-zero naming every check that failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable

from guide.commands.common import load_model
from guide.content.pages import PageComposer
from guide.progress.selfcheck import check_progress_exports, check_progress_storage
from guide.search.selfcheck import check_search
from guide.ui.diagram.selfcheck import check_diagram


def _content(args: argparse.Namespace) -> str:
    model = load_model(args)
    if model.problems:
        raise RuntimeError(f"content has {len(model.problems)} problem(s): {model.problems[0]}")
    return f"{len(model)} items"


def _render(args: argparse.Namespace) -> str:
    model = load_model(args)
    composer = PageComposer(model)
    for item in model:
        composer.compose(item)
    return f"{len(model)} pages rendered"


def _printing(args: argparse.Namespace) -> str:
    """Print the start page to a PDF in the throwaway home: proves QtPrintSupport and the
    print-support plugin load (the bundle keeps them while leaving out other Qt modules)."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication(sys.argv[:1])
    model = load_model(args)
    item = model.get("overview") or next(iter(model))
    document = QTextDocument()
    document.setHtml(PageComposer(model).compose(item).html)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    path = os.path.join(args.home, "self-test.pdf")
    printer.setOutputFileName(path)
    document.print_(printer)
    with open(path, "rb") as pdf:
        head, size = pdf.read(5), os.fstat(pdf.fileno()).st_size
    if head != b"%PDF-" or size < 1000:
        raise RuntimeError(f"printing {item.id!r} to PDF wrote {size} bytes, not a PDF")
    printers = len(QPrinterInfo.availablePrinterNames())
    return f"{item.id!r} printed to a {size // 1024} KB PDF; {printers} printer(s) found"


CHECKS: list[tuple[str, Callable[[argparse.Namespace], str]]] = [
    ("content", _content),
    ("rendering", _render),
    ("progress storage", check_progress_storage),
    ("progress exports", check_progress_exports),
    ("search", check_search),
    ("pathway diagram", check_diagram),
    ("printing", _printing),
]


def run_self_test(args: argparse.Namespace) -> int:
    """Run every check (one failure does not hide the next); exit 1 naming all that failed.

    Nothing is shown and the user's own data is never touched: Qt runs offscreen unless a
    platform is set (so this works with no display: CI, SSH, a frozen build check), and
    ``args.home`` is a throwaway folder, deleted afterwards.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="guide-selftest-home-") as scratch:
        args = argparse.Namespace(**{**vars(args), "home": scratch})
        for name, check in CHECKS:
            try:
                detail = check(args)
            except Exception as exc:  # a self-test reports any failure, whatever its type
                print(f"FAIL {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                failed.append(name)
                continue
            print(f"ok   {name}: {detail}")
    if failed:
        print(f"self-test failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("self-test passed")
    return 0

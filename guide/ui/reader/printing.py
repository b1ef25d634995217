"""File ▸ Print and File ▸ Export to PDF: whatever the host says is printable now (a page,
or a view such as the diagram), on A4, in print colours.

QtPrintSupport is imported by the commands when first used, not when they are bound:
it is a large library the first screen never needs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from guide.ui.host import Host

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def install(host: Host) -> None:
    host.bind("print", lambda: print_page(host))
    host.bind("pdf", lambda: ask_export_pdf(host))


def _printer() -> QPrinter:
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def export_pdf(host: Host, path: Path) -> bool:
    printable = host.printable()
    if printable is None:
        host.say(_tr("This view cannot be exported."), 5000)
        return False
    from PySide6.QtPrintSupport import QPrinter

    printer = _printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(host.title_of(host.current_id))
    with contextlib.suppress(OSError):  # said below: the file is missing or empty
        printable.print_to(printer)
    ok = path.is_file() and path.stat().st_size > 0
    host.say((_tr("Saved %1") if ok else _tr("Could not save %1")).replace("%1", str(path)), 6000)
    return ok


def ask_export_pdf(host: Host) -> None:
    from PySide6.QtWidgets import QFileDialog

    title = host.title_of(host.current_id) or "page"
    safe = "".join(ch if ch.isalnum() or ch in " -_" else "-" for ch in title).strip()
    start = str(Path.home() / f"{safe}.pdf")
    name, _ = QFileDialog.getSaveFileName(
        host.dialog_parent(), _tr("Export page to PDF"), start, _tr("PDF files (*.pdf)")
    )
    if name:
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        export_pdf(host, path)


def ask_printer(host: Host, printer: QPrinter) -> bool:
    """The print dialog: True when the user chose a printer (or a file) and pressed Print."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    dialog = QPrintDialog(printer, host.dialog_parent())
    dialog.setWindowTitle(_tr("Print page"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_page(host: Host, ask: Callable[[Host, QPrinter], bool] = ask_printer) -> bool:
    """Print what is shown after asking where (``ask``; tests pass one that shows no
    dialog). Returns whether anything was printed."""
    printable = host.printable()
    if printable is None:
        host.say(_tr("This view cannot be printed."), 5000)
        return False
    printer = _printer()
    if not ask(host, printer):
        return False
    try:
        printable.print_to(printer)
    except OSError as exc:
        host.say(str(exc), 8000)
        return False
    return True

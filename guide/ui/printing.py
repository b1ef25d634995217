"""Print and export to PDF the current page, always in the light theme (paper is white)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from guide.ui.themes import PALETTES, content_stylesheet

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow


def printable_document(window: MainWindow) -> QTextDocument | None:
    """The current page as a fresh document in print colours, or a view's own document."""
    page = window.current_page
    if page is not None:
        doc = QTextDocument()
        doc.setDefaultFont(window.reader.document().defaultFont())
        doc.setDefaultStyleSheet(content_stylesheet(PALETTES["light"]))
        footer = f'<hr/><p class="review">{window.tr("From the Clinical Academic Pathway Guide (offline edition).")}</p>'
        doc.setHtml(page.html + footer)
        return doc
    widget = window.view_widget(window.current_id)
    make = getattr(widget, "printable_document", None)
    return make() if callable(make) else None


def _printer(mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def export_pdf(window: MainWindow, path: Path) -> bool:
    doc = printable_document(window)
    if doc is None:
        window.statusBar().showMessage(window.tr("This view cannot be exported."), 5000)
        return False
    printer = _printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(window.title_of(window.current_id))
    doc.print_(printer)
    ok = path.is_file() and path.stat().st_size > 0
    window.statusBar().showMessage(
        (window.tr("Saved %1") if ok else window.tr("Could not save %1")).replace("%1", str(path)),
        6000,
    )
    return ok


def ask_export_pdf(window: MainWindow) -> None:
    title = window.title_of(window.current_id) or "page"
    safe = "".join(ch if ch.isalnum() or ch in " -_" else "-" for ch in title).strip()
    start = str(Path.home() / f"{safe}.pdf")
    name, _ = QFileDialog.getSaveFileName(
        window, window.tr("Export page to PDF"), start, window.tr("PDF files (*.pdf)")
    )
    if name:
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        export_pdf(window, path)


def print_page(window: MainWindow) -> None:
    doc = printable_document(window)
    if doc is None:
        window.statusBar().showMessage(window.tr("This view cannot be printed."), 5000)
        return
    printer = _printer()
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle(window.tr("Print page"))
    if dialog.exec() == QDialog.DialogCode.Accepted:
        doc.print_(printer)

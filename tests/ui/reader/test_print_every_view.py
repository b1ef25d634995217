"""File ▸ Print and File ▸ Export to PDF work from every view that shows something to print:
a page, the pathway diagram, the checklist, the progress overview, the scheme finder
(its table, or a comparison) and Help > What's new. Each goes through a real QPrinter writing a PDF file; the
print dialog is replaced by one that answers at once, so no dialog is shown."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from guide.clock import Clock
from guide.ui.reader import printing

DAY = dt.date(2026, 12, 1)
PDFTOTEXT = shutil.which("pdftotext")


def _text(pdf: Path) -> str:
    """The PDF's words on one line (pdftotext from poppler-utils, in the test packages)."""
    raw = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(raw.split())


def _pages(pdf: Path) -> int:
    data = pdf.read_bytes()
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def _compare(window) -> None:
    finder = window.view_widget("schemes")
    finder.set_checked("nihr-acf")
    finder.set_checked("wcat")
    finder.compare_checked()


# (what is open, what to do first, words the printout must contain)
VIEWS = [
    ("pre-doctoral", None, ["Pre-doctoral training", "Academic Clinical Fellowship"]),
    ("nihr-acf", None, ["NIHR Academic Clinical Fellowship", "Research time"]),
    ("pathway-diagram", None, ["England", "Foundation Programme"]),
    ("checklist", None, ["Clinical academic progress", "Page 1 of"]),
    ("group:my-progress", None, ["Clinical academic progress"]),
    ("schemes", None, ["Funding schemes", "Wellcome"]),
    ("schemes", _compare, ["NIHR Academic Clinical Fellowship", "Wales Clinical Academic Track"]),
    ("whats-new", None, ["The guide is showing these content folders", "National content"]),
]
IDS = [
    "page",
    "scheme page",
    "diagram",
    "checklist",
    "overview",
    "scheme finder",
    "comparison",
    "whats new",
]


@pytest.fixture(scope="module")
def window(qapp, shipped_model, tmp_path_factory):
    """One window for the module: printing changes nothing in it, and a window per test
    made these tests several times slower."""
    from guide.ui.shell.window import MainWindow

    window = MainWindow(
        shipped_model, tmp_path_factory.mktemp("print-home"), clock=Clock.fixed(DAY)
    )
    window.resize(1024, 700)
    window.show()
    yield window
    window.close()
    window.deleteLater()


@pytest.mark.parametrize(("item_id", "prepare", "words"), VIEWS, ids=IDS)
def test_export_to_pdf_from_every_view(window, tmp_path, item_id, prepare, words):
    window.open_id(item_id)
    assert window.current_id == item_id
    if prepare:
        prepare(window)
    target = tmp_path / "out.pdf"
    assert printing.export_pdf(window, target), f"{item_id} could not be exported"
    assert target.read_bytes().startswith(b"%PDF") and _pages(target) >= 1
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: only the PDF's shape checked")
    text = _text(target)
    for word in words:
        assert word in text, f"{item_id}: {word!r} not in the PDF"


@pytest.mark.parametrize(("item_id", "prepare", "words"), VIEWS, ids=IDS)
def test_file_print_prints_every_view(window, tmp_path, item_id, prepare, words):
    window.open_id(item_id)
    if prepare:
        prepare(window)
    target = tmp_path / "printed.pdf"
    asked: list[QPrinter] = []

    def answer(_host, printer: QPrinter) -> bool:
        # Stands in for the print dialog: "print to file", then Print.
        asked.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    assert printing.print_page(window, ask=answer)
    assert len(asked) == 1
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_size > 2000
    assert "cannot be printed" not in window.statusBar().currentMessage()


def test_cancelling_the_print_dialog_prints_nothing(window, tmp_path):
    window.open_id("checklist")
    target = tmp_path / "never.pdf"

    def cancel(_host, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return False

    assert not printing.print_page(window, ask=cancel)
    assert not target.exists()


def test_a_long_checklist_summary_prints_on_numbered_pages(window, tmp_path):
    window.open_id("checklist")
    checklist = window.view_widget("checklist")
    checklist.files.all_stages = True  # "Include all stages in the summary"
    target = tmp_path / "all.pdf"
    try:
        assert printing.export_pdf(window, target)
    finally:
        checklist.files.all_stages = False
    pages = _pages(target)
    assert pages >= 2
    if PDFTOTEXT is not None:
        assert f"Page {pages} of {pages}" in _text(target)

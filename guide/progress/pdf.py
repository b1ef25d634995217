"""The supervisor summary as an A4 PDF, or on a printer. The only module in ``guide.progress``
that uses Qt, and only QtGui: QTextDocument lays out the HTML from ``summary.py``; QPainter
paints the pages on a QPdfWriter (``write_pdf``) or on the QPrinter File ▸ Print hands over
(``print_summary``), both paged devices, so paper and PDF come out the same.

QTextDocument's own printing splits table rows across pages and has no page numbers, so
this module paginates itself: it lays the document out as one long strip, finds the
units that must not be split (each table row, each line of text), chooses page breaks
only between them (keeping a heading with what follows it), then paints each page's
slice of the strip between a header (the trainee's name and the title) and a footer
(the date prepared and "Page N of M").

QtGui needs a ``QGuiApplication``; the command line creates one on the offscreen
platform so exporting works with no display.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide.content.model import ContentModel
from guide.progress.dates import format_long_date
from guide.progress.files import atomic_write
from guide.progress.model import ProgressData
from guide.progress.summary import build_summary, title_of, to_html

MARGIN_MM = 15
BAND_MM = 9  # the header and footer bands inside the margins


def ensure_gui_app() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication(["guide"])


@dataclass(frozen=True)
class Unit:
    """A piece of the laid-out strip that must stay on one page (document pixels)."""

    top: float
    bottom: float
    keep_with_next: bool = False


def write_pdf(
    model: ContentModel,
    data: ProgressData,
    path: Path,
    today: dt.date,
    tr: Callable[[str], str] = lambda s: s,
    include_all: bool = False,
) -> int:
    """Write the summary to ``path`` (written beside it first, then moved into place).

    Returns the number of pages.
    """
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    ensure_gui_app()
    summary = build_summary(model, data, today, tr, include_all)
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(suffix=".pdf", dir=path.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp_name)
        writer.setTitle(title_of(summary, tr))
        writer.setCreator("Clinical Academic Pathway Guide")
        writer.setResolution(300)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
        count = paint_summary(writer, summary, today, tr)
        del writer  # finishes the file
        atomic_write(path, Path(tmp_name).read_bytes())
    finally:
        Path(tmp_name).unlink(missing_ok=True)
    return count


def print_summary(
    printer: Any,
    model: ContentModel,
    data: ProgressData,
    today: dt.date,
    tr: Callable[[str], str] = lambda s: s,
    include_all: bool = False,
) -> int:
    """Print the summary on ``printer`` (a QPrinter: paper, or a PDF file), on the paper the
    user chose, with margins of at least ``MARGIN_MM``. Returns the number of pages."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout

    summary = build_summary(model, data, today, tr, include_all)
    margins = printer.pageLayout().margins(QPageLayout.Unit.Millimeter)
    printer.setPageMargins(
        QMarginsF(
            max(margins.left(), MARGIN_MM),
            max(margins.top(), MARGIN_MM),
            max(margins.right(), MARGIN_MM),
            max(margins.bottom(), MARGIN_MM),
        ),
        QPageLayout.Unit.Millimeter,
    )
    printer.setDocName(title_of(summary, tr))
    return paint_summary(printer, summary, today, tr)


def paint_summary(device: Any, summary: Any, today: dt.date, tr: Callable[[str], str]) -> int:
    """Paint ``summary`` page by page on a paged device (QPdfWriter or QPrinter), between a
    header and a footer on each page. Returns the number of pages."""
    from PySide6.QtCore import QRectF, QSizeF, Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QTextDocument

    area = device.pageLayout().paintRectPixels(device.resolution())
    band = BAND_MM / 25.4 * device.resolution()
    body_height = area.height() - 2 * band

    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    document.setHtml(to_html(summary, tr))
    document.setPageSize(QSizeF(area.width(), 1e9))  # one long strip, never split by Qt
    document.setTextWidth(area.width())
    pages = paginate(units_of(document), body_height)

    small = QFont("sans-serif")
    small.setPointSizeF(8)
    header = title_of(summary, tr)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(tr("The printer could not be started."))
    try:
        for number, (top, bottom) in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            painter.setFont(small)
            painter.setPen(QColor("#000000"))
            painter.drawText(
                QRectF(0, 0, area.width(), band * 0.7),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                header,
            )
            painter.setPen(QColor("#808080"))
            painter.drawLine(0, int(band * 0.75), int(area.width()), int(band * 0.75))
            footer_top = area.height() - band * 0.6
            painter.setPen(QColor("#000000"))
            prepared = tr("Prepared on {date}").format(date=format_long_date(today))
            painter.drawText(
                QRectF(0, footer_top, area.width(), band * 0.6),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                prepared,
            )
            painter.drawText(
                QRectF(0, footer_top, area.width(), band * 0.6),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                tr("Page {n} of {m}").format(n=number, m=len(pages)),
            )
            painter.save()
            painter.translate(0, band - top)
            document.drawContents(painter, QRectF(0, top, area.width(), bottom - top))
            painter.restore()
    finally:
        painter.end()
    return len(pages)


def units_of(document: Any) -> list[Unit]:
    """The unsplittable units of a laid-out document, top to bottom: each table row (all its
    cells), and each line of the text outside tables. Headings keep with what follows."""
    from PySide6.QtGui import QTextTable

    layout = document.documentLayout()
    units: list[Unit] = []
    root = document.rootFrame()
    for frame in root.childFrames():
        if isinstance(frame, QTextTable):
            box = layout.frameBoundingRect(frame)
            tops = []
            for row in range(frame.rows()):
                top = min(
                    layout.blockBoundingRect(
                        frame.cellAt(row, c).firstCursorPosition().block()
                    ).top()
                    for c in range(frame.columns())
                )
                tops.append(top)
            # A row runs from just above its first line to just above the next row's.
            edges = (
                [box.top()]
                + [
                    (tops[r] + _bottom_of_row(layout, frame, r - 1)) / 2
                    for r in range(1, len(tops))
                ]
                + [box.bottom()]
            )
            for row in range(frame.rows()):
                units.append(Unit(edges[row], edges[row + 1], keep_with_next=row == 0))
    block = document.begin()
    while block.isValid():
        if _outside_tables(block):
            rect = layout.blockBoundingRect(block)
            lines = block.layout()
            heading = block.blockFormat().headingLevel() > 0
            for n in range(lines.lineCount()):
                line = lines.lineAt(n)
                top = rect.top() + line.y()
                units.append(Unit(top, top + line.height(), keep_with_next=heading))
            if lines.lineCount() == 0:
                units.append(Unit(rect.top(), rect.bottom(), keep_with_next=heading))
        block = block.next()
    return sorted(units, key=lambda u: u.top)


def _outside_tables(block: Any) -> bool:
    from PySide6.QtGui import QTextCursor

    return QTextCursor(block).currentTable() is None


def _bottom_of_row(layout: Any, table: Any, row: int) -> float:
    bottom = 0.0
    for c in range(table.columns()):
        cell = table.cellAt(row, c)
        last = cell.lastCursorPosition().block()
        bottom = max(bottom, layout.blockBoundingRect(last).bottom())
    return bottom


def paginate(units: list[Unit], height: float) -> list[tuple[float, float]]:
    """Page slices (top, bottom) of the strip, each at most ``height`` tall, breaking only
    between units and never right after a unit that keeps with the next (unless a page
    would otherwise hold nothing else). A unit taller than a page is cut, as it must be."""
    if not units:
        return [(0.0, height)]
    pages = []
    top = 0.0
    start = 0
    while start < len(units):
        end = start
        while end < len(units) and units[end].bottom - top <= height:
            end += 1
        if end == len(units):
            pages.append((top, max(u.bottom for u in units)))
            break
        if end == start:  # one unit taller than a page: cut it at the page height
            pages.append((top, top + height))
            top += height
            continue
        last = end
        while last - 1 > start and units[last - 1].keep_with_next:
            last -= 1
        if last - 1 == start and units[start].keep_with_next:
            last = end  # nothing but kept units fits: break after them anyway
        bottom = units[last].top
        pages.append((top, bottom))
        top, start = bottom, last
    return pages

"""The supervisor summary as a PDF. The only module in ``guide.progress`` that uses Qt,
and only QtGui (QTextDocument lays out the HTML; QPdfWriter writes the pages).

QtGui needs a ``QGuiApplication``; the command line creates one on the offscreen
platform so exporting works with no display.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from guide.content.model import ContentModel
from guide.progress.export import summary_html
from guide.progress.files import atomic_write
from guide.progress.model import ProgressData


def ensure_gui_app() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication(["guide"])


def write_pdf(
    model: ContentModel,
    data: ProgressData,
    path: Path,
    today: dt.date,
    tr: Callable[[str], str] = lambda s: s,
) -> None:
    """Write the summary to ``path`` (A4, written beside it first, then moved into place)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    ensure_gui_app()
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(suffix=".pdf", dir=path.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp_name)
        writer.setTitle(tr("Clinical academic progress summary"))
        writer.setCreator("Clinical Academic Pathway Guide")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(300)
        document = QTextDocument()
        document.setHtml(summary_html(model, data, today, tr))
        document.print_(writer)
        del writer  # finishes the file
        atomic_write(path, Path(tmp_name).read_bytes())
    finally:
        Path(tmp_name).unlink(missing_ok=True)

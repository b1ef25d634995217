"""Which form of a page's wide tables the reader shows: the grid, or its rows stacked.

The grid while the reader is wide enough for the table's longest words; stacked
rows (``guide.content.stacked_tables``) when it is not, as beside the contents tree
and "On this page" on a 1024-pixel screen, or at a large text size. The width a
grid needs is measured once per page (and again when the text size changes) on a
separate document, so resizing only compares two numbers.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser

from guide.content.stacked_tables import has_wide_table, stack_wide_tables

MARGIN = 16
"""The reader's document margin, in pixels (the probe must match it)."""

SLACK = 24
"""Back to the grid only this much past the width it needs, so a scroll bar that comes
and goes with the swap cannot flip it back and forth."""


class TableFit:
    def __init__(self, reader: QTextBrowser) -> None:
        self.reader = reader
        self.wide = ""
        self.stacked = ""
        self.needs = 0.0
        self.showing_stacked = False
        # Parented to the reader, so any image it meets goes through the reader's
        # loadResource (local files only), as the page itself does.
        self._probe = QTextDocument(reader)

    def html_for(self, html: str) -> str:
        """The form of ``html`` to show at the reader's present width."""
        self.wide = html
        self.stacked = stack_wide_tables(html) if has_wide_table(html) else ""
        self.needs = self._measure() if self.stacked else 0.0
        self.showing_stacked = self._too_narrow()
        return self.stacked if self.showing_stacked else html

    def remeasure(self) -> None:
        """The text size changed: so did the width the grid needs."""
        if self.stacked:
            self.needs = self._measure()

    def changed(self) -> str | None:
        """After a resize: the other form if it should now show, else None."""
        if not self.stacked:
            return None
        width = self.reader.viewport().width()
        narrow = width < self.needs if not self.showing_stacked else width < self.needs + SLACK
        if narrow == self.showing_stacked:
            return None
        self.showing_stacked = narrow
        return self.stacked if narrow else self.wide

    def _too_narrow(self) -> bool:
        return bool(self.stacked) and self.reader.viewport().width() < self.needs

    def _measure(self) -> float:
        doc, probe = self.reader.document(), self._probe
        probe.setDefaultFont(doc.defaultFont())
        probe.setDefaultStyleSheet(doc.defaultStyleSheet())
        probe.setDefaultTextOption(doc.defaultTextOption())
        probe.setHtml(self.wide)
        probe.setDocumentMargin(MARGIN)
        probe.setTextWidth(1)  # as narrow as it goes: what is left is the widest unbreakable part
        return probe.size().width()

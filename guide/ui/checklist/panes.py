"""The checklist's two panes, the milestones and the chosen milestone's details: side by
side when both fit, the details below the milestones when they do not (large text in a
small window), each kept a useful size in lines of the current text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget

from guide.ui.checklist.detail import MilestoneDetail
from guide.ui.checklist.reflow import TurningSplitter
from guide.ui.checklist.tree import ChecklistTree

# Rows of milestones kept in view however large the text: when it makes the view taller
# than the window, the view's frame scrolls instead of squeezing the list.
MIN_TREE_LINES = 12
# Lines of details kept in view when they are below the milestones.
MIN_DETAIL_LINES = 8
# Letters of a title per line the milestones need before the panes sit side by side:
# at 200% in a 1024-pixel window they were one word per line.
TITLE_CHARS = 28


class MilestonePanes(TurningSplitter):
    """``tree`` and ``detail`` (in a frame that scrolls up and down, never sideways)."""

    def __init__(
        self, tree: ChecklistTree, detail: MilestoneDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.side_by_side_width, parent)
        self.tree, self.detail = tree, detail
        self.detail_scroll = QScrollArea()
        # A Tab stop (so the long "Why it matters" text can be scrolled by keyboard): named,
        # and ringed when focused by the app style sheet.
        self.detail_scroll.setAccessibleName(self.tr("Milestone details"))
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setWidget(detail)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addWidget(tree)
        self.addWidget(self.detail_scroll)
        self.setStretchFactor(0, 4)
        self.setStretchFactor(1, 3)
        self.setSizes([560, 420])
        self.setChildrenCollapsible(False)
        self.fit()

    def _scrollbar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def side_by_side_width(self) -> int:
        """The width both panes need beside each other: the status column, titles of a
        ``TITLE_CHARS`` letters of title, and the details' narrowest."""
        return self._tree_width() + self._detail_width() + self.handleWidth() + 8

    def _tree_width(self) -> int:
        # An "n" is a fair letter width for text (averageCharWidth is narrow for some fonts).
        titles = self.tree.fontMetrics().horizontalAdvance("n") * TITLE_CHARS
        status = self.tree.header().sectionSizeHint(1)
        box = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self.tree)
        margins = 2 * self.tree.indentation() + box + 12  # the branch, tick box and gaps
        return status + titles + margins + self._scrollbar()

    def _detail_width(self) -> int:
        return self.detail.minimumSizeHint().width() + self._scrollbar()

    def fit(self) -> None:
        """Sizes for the text size and the details now shown (call after either changes):
        the details' frame never narrower than the details (it would cut their right
        edge, as it did at 200%), nor the milestones narrower than ``TITLE_CHARS``
        letters of title, the heights in lines, and side by side only if all that fits."""
        lines = self.tree.fontMetrics().lineSpacing()
        self.tree.setMinimumHeight(lines * MIN_TREE_LINES)
        self.detail_scroll.setMinimumHeight(lines * MIN_DETAIL_LINES)
        self.detail_scroll.setMinimumWidth(self._detail_width())
        self.reconsider()

    def reconsider(self, width: int | None = None) -> None:
        super().reconsider(width)
        # Beside the details the titles keep ``TITLE_CHARS`` letters a line (the splitter
        # shares out the rest); above them the milestones take the whole width, whatever
        # it is, so a narrow view never has to scroll sideways.
        self.tree.setMinimumWidth(0 if self.stacked() else self._tree_width())

"""Layouts for the checklist that fit the width they are given rather than widening it.

The checklist sits in a frame that scrolls (``shell.layout.add_view``): a row that
cannot shrink makes the whole view scroll sideways once the text is large (150% and
up in a 1024-pixel window). ``FlowLayout`` puts widgets in rows that wrap, as words
do; ``SideBySide`` shows two panels beside each other when they fit and one above the
other when they do not; ``TurningSplitter`` does the same for two panes the user can
resize.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QLayoutItem, QSizePolicy, QSplitter, QWidget


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto the next row when the width runs out.

    After Qt's own "Flow Layout" example: the layout has a height for its width, so the
    rows it needs are reserved by the layout it sits in. ``add_gap_before_next`` keeps
    the widget added next apart from the ones before it (a wider gap on the same row), as
    a destructive button stands apart from the everyday ones.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap_before: set[int] = set()
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def add_gap_before_next(self) -> None:
        """Leave a wider gap before the next widget added (when it shares a row)."""
        self._gap_before.add(len(self._items))

    # -- QLayout ----------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:  # Qt override
        self._items.append(item)

    def count(self) -> int:  # Qt override
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # Qt override
        if 0 <= index < len(self._items):
            return self._items.pop(index)
        return None

    def expandingDirections(self) -> Qt.Orientation:  # Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # Qt override
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # Qt override: everything on one row
        width = sum(self._hint(i).width() + self._gap(i) for i in range(len(self._items)))
        height = max((self._hint(i).height() for i in range(len(self._items))), default=0)
        return self._grow(QSize(width, height))

    def minimumSize(self) -> QSize:  # Qt override: the widest single widget
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return self._grow(size)

    # -- placing ----------------------------------------------------------------------------

    def _hint(self, index: int) -> QSize:
        return self._items[index].sizeHint()

    def _gap(self, index: int) -> int:
        if index == 0:
            return 0
        return self._spacing * (4 if index in self._gap_before else 1)

    def _grow(self, size: QSize) -> QSize:
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place (or, with ``move`` False, only measure) the widgets; return the height."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            gap = self._gap(index) if x > area.x() else 0
            if x > area.x() and x + gap + hint.width() > area.right() + 1:
                x, y = area.x(), y + row_height + self._spacing
                row_height, gap = 0, 0
            width = min(hint.width(), area.width())  # a lone widget wider than the row
            if move:
                item.setGeometry(QRect(QPoint(x + gap, y), QSize(width, hint.height())))
            x += gap + width
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()


# Beyond the bare fit, so side by side never leaves either panel at its very minimum.
_SLACK = 24


class SideBySide(QWidget):
    """Two panels beside each other (with the given stretch) when both fit at their
    preferred width, otherwise one above the other, each the full width."""

    def __init__(
        self,
        first: QWidget,
        second: QWidget,
        stretch: tuple[int, int] = (1, 1),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.first, self.second = first, second
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(first, stretch[0])
        self.box.addWidget(second, stretch[1])
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def stacked(self) -> bool:
        """True when the panels are one above the other."""
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def _side_by_side_width(self) -> int:
        # Preferred, not minimum, widths: beside each other the pair's minimum is the sum of
        # the minimums, so a frame narrower than that still gives the pair that much width
        # (and scrolls); measured against the preferred widths it stacks before then.
        # (A group box's hint can be below its minimum: the larger of the two counts.)
        spacing = max(self.box.spacing(), 0)
        widths = (
            w.sizeHint().expandedTo(w.minimumSizeHint()).width() for w in (self.first, self.second)
        )
        return sum(widths) + spacing + _SLACK

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        direction = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= self._side_by_side_width()
            else QBoxLayout.Direction.TopToBottom
        )
        if self.box.direction() != direction:
            self.box.setDirection(direction)


class TurningSplitter(QSplitter):
    """Two panes beside each other when ``needed()`` pixels fit, one above the other when
    they do not: the checklist's milestones and details, which side by side at 200% in a
    1024-pixel window left one word per line of titles and cut the details' right edge.

    ``needed`` is asked on every resize, so it follows the text size."""

    def __init__(self, needed: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.needed = needed

    def stacked(self) -> bool:
        """True when the panes are one above the other."""
        return self.orientation() == Qt.Orientation.Vertical

    def reconsider(self, width: int | None = None) -> None:
        """Turn if the panes no longer fit ``width`` (the splitter's own by default), or
        fit again."""
        width = self.width() if width is None else width
        fits = width >= self.needed()
        orientation = Qt.Orientation.Horizontal if fits else Qt.Orientation.Vertical
        if self.orientation() != orientation:
            self.setOrientation(orientation)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self.reconsider(event.size().width())

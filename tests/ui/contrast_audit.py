"""What the widgets of a window really paint: each run of text or link with the colour it is
drawn in and the background under it, for checking against WCAG 2.2 AA.

Colours are read where Qt paints them from, not from the theme's table: a rich-text
document's fragments carry the foreground their HTML was parsed with (a link's colour is
fixed when the HTML is set, so a theme switch leaves old links behind unless the view sets
its HTML again), and its table cells and frames their own backgrounds; widgets paint from
their palette as resolved after the style sheet is applied (``ensurePolished``), on the
background of the nearest ancestor that fills its own. The pathway diagram's boxes and
headers declare the colours they draw text in; the background under each is sampled from
the scene as rendered, since boxes, column stripes and the "you are here" tint overlap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPalette,
    QTextDocument,
    QTextFormat,
    QTextTable,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyleOptionViewItem,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from guide.ui.style.themes import contrast_ratio

Role = QPalette.ColorRole
# Rows of a long list or tree checked per view: enough to meet every kind of row
# (stage, milestone, done, overdue, badge) without walking thousands of search results.
MAX_ROWS = 400


@dataclass(frozen=True)
class Painted:
    """One run of text as painted: where, what, in which colour, on which background."""

    where: str
    text: str
    fg: str
    bg: str
    large: bool = False
    part: str = "text"  # "text", "link" or "ui" (a control's edge or mark)

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.fg, self.bg)

    @property
    def needed(self) -> float:
        """WCAG 2.2 AA: 4.5:1 for text, 3:1 for large text and for parts of controls."""
        return 3.0 if self.large or self.part == "ui" else 4.5

    def __str__(self) -> str:
        shown = " ".join(self.text.split())[:40]
        return (
            f"{self.where}: {self.part} {shown!r} {self.fg} on {self.bg} is "
            f"{self.ratio:.2f}:1 (needs {self.needed}:1)"
        )


def failures(painted: Iterable[Painted]) -> list[Painted]:
    """The runs below AA, each (fg, bg, where) once."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for p in painted:
        key = (p.where, p.fg, p.bg, p.part)
        if p.ratio < p.needed and key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _name(widget: QWidget) -> str:
    parts = []
    while widget is not None and len(parts) < 4:
        parts.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(parts))


def _is_large(font: QFont) -> bool:
    """WCAG's large text: 18 pt, or 14 pt bold (pixel sizes at 96 dots an inch)."""
    points = font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 0.75
    return points >= 18 or (points >= 14 and font.bold())


def _solid(brush: QBrush) -> QColor | None:
    if brush.style() == Qt.BrushStyle.NoBrush:
        return None
    colour = brush.color()
    return colour if colour.alpha() == 255 else None


def _brush_property(fmt: QTextFormat, prop: QTextFormat.Property) -> QColor | None:
    return _solid(fmt.brushProperty(prop)) if fmt.hasProperty(prop) else None


def background_of(widget: QWidget) -> QColor:
    """The colour behind a widget's own text: its own fill, or the nearest ancestor's."""
    current: QWidget | None = widget
    while current is not None:
        current.ensurePolished()
        parent = current.parentWidget()
        role = current.backgroundRole()
        fills = current.autoFillBackground() or current.isWindow()
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is current:
            fills = fills or role != Role.NoRole
        if fills and role != Role.NoRole:
            return current.palette().color(role)
        current = parent
    return QColor("#ffffff")


# -- rich text -----------------------------------------------------------------------------


def document_runs(
    doc: QTextDocument, where: str, default_fg: QColor, page: QColor
) -> Iterator[Painted]:
    """Every fragment of a document with its colour and the background under it: its own
    background, its block's, its table cell's, then each enclosing frame's, then the page."""
    root_bg = _brush_property(doc.rootFrame().frameFormat(), QTextFormat.Property.BackgroundBrush)
    base_font = doc.defaultFont()
    block = doc.begin()
    while block.isValid():
        bg = _block_background(doc, block, root_bg or page)
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            text = fragment.text().replace("\ufffc", "").strip()
            if not text:
                continue
            fmt = fragment.charFormat()
            fg = _brush_property(fmt, QTextFormat.Property.ForegroundBrush) or default_fg
            run_bg = _brush_property(fmt, QTextFormat.Property.BackgroundBrush) or bg
            font = fmt.font().resolve(base_font)
            yield Painted(
                where,
                text,
                fg.name(),
                run_bg.name(),
                large=_is_large(font),
                part="link" if fmt.isAnchor() and fmt.anchorHref() else "text",
            )
        block = block.next()


def _block_background(doc: QTextDocument, block, page: QColor) -> QColor:
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(block)
    frames = []
    frame = cursor.currentFrame()
    while frame is not None:
        frames.append(frame)
        frame = frame.parentFrame()
    bg = page
    for frame in reversed(frames):
        own = _brush_property(frame.frameFormat(), QTextFormat.Property.BackgroundBrush)
        bg = own or bg
        if isinstance(frame, QTextTable):
            cell = frame.cellAt(block.position())
            if cell.isValid():
                bg = _brush_property(cell.format(), QTextFormat.Property.BackgroundBrush) or bg
    own = _brush_property(block.blockFormat(), QTextFormat.Property.BackgroundBrush)
    return own or bg


def _label_document(label: QLabel) -> QTextDocument | None:
    """The document a rich-text label lays out (its text control's, a child object)."""
    docs = label.findChildren(QTextDocument)
    return docs[0] if docs else None


# -- widgets -------------------------------------------------------------------------------


def widget_runs(widget: QWidget) -> Iterator[Painted]:
    """What one widget paints itself (not its children)."""
    widget.ensurePolished()
    where = _name(widget)
    pal = widget.palette()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        page = widget.viewport().palette().color(widget.viewport().backgroundRole())
        yield from document_runs(widget.document(), where, pal.color(Role.Text), page)
        if isinstance(widget, QPlainTextEdit) and not widget.toPlainText():
            hint = widget.placeholderText()
            if hint:
                yield Painted(where, hint, pal.color(Role.PlaceholderText).name(), page.name())
    elif isinstance(widget, QLabel):
        yield from _label_runs(widget, where, pal)
    elif isinstance(widget, QLineEdit):
        yield from _line_edit_runs(widget, where, pal)
    elif isinstance(widget, QAbstractSpinBox):
        pass  # its line edit is a child widget and checked as one
    elif isinstance(widget, QComboBox):
        if widget.currentText() and not widget.isEditable():
            fg, bg = pal.color(Role.ButtonText), pal.color(Role.Button)
            yield Painted(where, widget.currentText(), fg.name(), bg.name())
    elif isinstance(widget, (QPushButton, QToolButton)):
        if widget.text() and widget.isEnabled():
            flat = isinstance(widget, QPushButton) and widget.isFlat()
            bg = background_of(widget) if flat else pal.color(Role.Button)
            yield Painted(where, widget.text(), pal.color(Role.ButtonText).name(), bg.name())
    elif isinstance(widget, QAbstractButton):  # check boxes and radio buttons
        if widget.text() and widget.isEnabled():
            fg, bg = pal.color(widget.foregroundRole()), background_of(widget)
            yield Painted(where, widget.text(), fg.name(), bg.name())
    elif isinstance(widget, QGroupBox):
        if widget.title():
            fg, bg = pal.color(Role.WindowText), background_of(widget)
            yield Painted(where, widget.title(), fg.name(), bg.name())
    elif isinstance(widget, QTabBar):
        yield from _tab_runs(widget, where, pal)
    elif isinstance(widget, QHeaderView):
        yield from _header_runs(widget, where, pal)
    elif isinstance(widget, QAbstractItemView):
        yield from item_view_runs(widget, where)
    elif isinstance(widget, QGraphicsView):
        yield from scene_runs(widget, where)


def _label_runs(label: QLabel, where: str, pal: QPalette) -> Iterator[Painted]:
    text = label.text()
    if not text.strip():
        return
    fg, bg = pal.color(label.foregroundRole()), background_of(label)
    # A label lays out rich text in a document of its own (plain text needs none).
    doc = _label_document(label) if label.textFormat() != Qt.TextFormat.PlainText else None
    if doc is not None:
        yield from document_runs(doc, where, fg, bg)
    else:
        yield Painted(where, text, fg.name(), bg.name(), large=_is_large(label.font()))


def _line_edit_runs(edit: QLineEdit, where: str, pal: QPalette) -> Iterator[Painted]:
    if not edit.isEnabled():
        return
    parent = edit.parentWidget()
    inside = isinstance(parent, (QAbstractSpinBox, QComboBox))
    bg = (parent.palette() if inside and parent else pal).color(Role.Base)
    if edit.text():
        yield Painted(where, edit.text(), pal.color(Role.Text).name(), bg.name())
    elif edit.placeholderText():
        hint = pal.color(Role.PlaceholderText)
        yield Painted(where, edit.placeholderText(), hint.name(), bg.name())


def _tab_runs(bar: QTabBar, where: str, pal: QPalette) -> Iterator[Painted]:
    for i in range(bar.count()):
        colour = bar.tabTextColor(i)
        fg = colour if colour.isValid() else pal.color(Role.WindowText)
        # Fusion fills the current tab with the window colour and the others with the
        # button colour; both must carry the text.
        for bg in {pal.color(Role.Window).name(), pal.color(Role.Button).name()}:
            yield Painted(where, bar.tabText(i), fg.name(), bg)


def _header_runs(header: QHeaderView, where: str, pal: QPalette) -> Iterator[Painted]:
    model = header.model()
    if model is None:
        return
    orientation = header.orientation()
    count = model.columnCount() if orientation == Qt.Orientation.Horizontal else 0
    for section in range(count):
        text = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
        if text:
            fg, bg = pal.color(Role.ButtonText), pal.color(Role.Button)
            yield Painted(where, str(text), fg.name(), bg.name())


def _indexes(view: QAbstractItemView) -> Iterator[QModelIndex]:
    """The view's indexes, depth first, up to ``MAX_ROWS``. Only ``index()`` is asked:
    the item widgets' models keep ``columnCount`` and ``hasChildren`` private."""
    model = view.model()
    if model is None:
        return
    stack = [QModelIndex()]
    count = 0
    while stack and count < MAX_ROWS:
        parent = stack.pop()
        row = 0
        while model.index(row, 0, parent).isValid() and count < MAX_ROWS:
            column = 0
            while column < 32 and model.index(row, column, parent).isValid():
                count += 1
                yield model.index(row, column, parent)
                column += 1
            first = model.index(row, 0, parent)
            if model.index(0, 0, first).isValid():
                stack.append(first)
            row += 1


def _role_colour(index: QModelIndex, role: Qt.ItemDataRole) -> QColor | None:
    value = index.data(role)
    if isinstance(value, QBrush):
        return _solid(value)
    if isinstance(value, QColor):
        return value if value.alpha() == 255 else None
    return None


def item_view_runs(view: QAbstractItemView, where: str) -> Iterator[Painted]:
    """Each row as the view paints it, unselected and, for the current row, selected.

    A delegate that lays its rows out as rich text (the search results) is asked for the
    document it paints (``document_for``) and that document is checked run by run.
    """
    pal = view.palette()
    selection = view.selectionModel()
    delegate = view.itemDelegate()
    for index in _indexes(view):
        selected = selection is not None and selection.isSelected(index)
        base = pal.color(Role.Base)
        if view.alternatingRowColors() and index.row() % 2:
            base = pal.color(Role.AlternateBase)
        bg = _role_colour(index, Qt.ItemDataRole.BackgroundRole) or base
        fg = _role_colour(index, Qt.ItemDataRole.ForegroundRole) or pal.color(Role.Text)
        states = [(fg, bg)]
        if selected:
            states = [(pal.color(Role.HighlightedText), pal.color(Role.Highlight))]
        document_for = getattr(delegate, "document_for", None)
        if document_for is not None:
            option = QStyleOptionViewItem()
            option.initFrom(view)
            option.rect = view.visualRect(index)
            option.font = view.font()
            doc = document_for(option, index, selected)
            page = pal.color(Role.Highlight) if selected else bg
            yield from document_runs(doc, where, states[0][0], page)
            continue
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        for fg_, bg_ in states:
            yield Painted(where, str(text), fg_.name(), bg_.name())


# -- the pathway diagram -------------------------------------------------------------------


def scene_runs(view: QGraphicsView, where: str) -> Iterator[Painted]:
    """Text on the diagram: each box's and header's declared colours (``colours``), each
    label's text colour, on the background sampled from the scene as drawn."""
    scene = view.scene()
    if scene is None:
        return
    area = scene.itemsBoundingRect()
    image = QImage(int(area.width()) + 1, int(area.height()) + 1, QImage.Format.Format_RGB32)
    image.fill(scene.backgroundBrush().color())
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), area)
    painter.end()

    def under(rect: QRectF) -> str:
        """The commonest colour inside ``rect``: what the text sits on."""
        r = rect.translated(-area.left(), -area.top()).toRect().intersected(image.rect())
        counts = Counter(
            image.pixel(x, y)
            for x in range(r.left(), r.right() + 1, 2)
            for y in range(r.top(), r.bottom() + 1, 2)
        )
        return QColor.fromRgb(counts.most_common(1)[0][0]).name() if counts else "#ffffff"

    for item in scene.items():
        if not item.isVisible():
            continue
        rect = item.sceneBoundingRect().adjusted(6, 6, -6, -6)
        if rect.isEmpty():
            continue
        if isinstance(item, QGraphicsTextItem):
            text = item.toPlainText()
            if text.strip():
                fg = item.defaultTextColor().name()
                yield Painted(where, text, fg, under(rect), large=_is_large(item.font()))
            continue
        colours = getattr(item, "colours", None)
        node = getattr(item, "node", None)
        if colours is None:
            continue
        bg = under(rect)
        if node is not None:  # a box: its title, and its detail line in the muted colour
            yield Painted(where, node.title, colours.text.name(), bg)
            if node.detail:
                yield Painted(where, node.detail, colours.muted.name(), bg)
        elif hasattr(item, "here") and hasattr(item, "title"):  # a stage header
            fg = colours.here_text if item.here else colours.text
            yield Painted(where, item.title, fg.name(), bg, large=_is_large(item.fonts.header))


# -- a whole window ------------------------------------------------------------------------


def painted_in(root: QWidget) -> list[Painted]:
    """Every run painted by ``root`` and its visible descendants."""
    widgets = [root, *root.findChildren(QWidget)]
    out: list[Painted] = []
    for widget in widgets:
        if widget.isVisible() and widget.width() > 0 and widget.height() > 0:
            out.extend(widget_runs(widget))
    return out

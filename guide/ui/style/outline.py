"""Fusion with control outlines people can see in every theme, tick boxes on a
highlighted row drawn in the row's colours (``_on_highlight``), and tick boxes that
grow with the text size.

Fusion draws the edge of a check box, radio button, spin box, date box or
editable combo box in ``Window.darker(140)``: on our dark and high-contrast
windows that is darker than the window itself, so the "Known" box and the date
box all but vanished (WCAG 1.4.11 asks 3:1 for a control's boundary). This
proxy lets Fusion draw as usual, then strokes the edge again in the palette's
``Dark`` role, which ``themes.build_palette`` sets to the theme's ``outline``
colour (tested for 3:1 against the window, page and button colours).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from guide.ui.style.text_size import text_scale

PE = QStyle.PrimitiveElement
CC = QStyle.ComplexControl
SELECTED = QStyle.StateFlag.State_Selected
# Drawn on an item view's row: on a selected one, in the row's colours.
_ON_ROWS = (PE.PE_IndicatorItemViewItemCheck, PE.PE_IndicatorBranch)
_INDICATORS = (
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
)


class OutlineStyle(QProxyStyle):
    """Fusion, with theme-coloured outlines on check boxes, radios, buttons, entry boxes
    and scroll-bar handles."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.setObjectName("guide-outline-fusion")
        # The theme's focus-ring colour (set by the theme manager): a focused box or button
        # gets the same 2px ring as the focused panes, instead of Fusion's faint one.
        self.focus_colour = QColor("#c77700")

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        size = super().pixelMetric(metric, option, widget)
        if metric in _INDICATORS and widget is not None:
            # Tick boxes and radio buttons grow with the text size (View ▸ Zoom): at 200%
            # a 13-pixel box beside text twice the size was hard to see and to hit.
            return max(size, round(size * text_scale(widget)))
        return size

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == PE.PE_FrameFocusRect and isinstance(widget, QAbstractButton):
            # Fusion's dotted focus frame round a check box's label hardly shows on dark.
            _stroke(painter, option, radius=2, colour=self.focus_colour)
            return
        if element in _ON_ROWS and option.state & SELECTED:
            option = _on_highlight(option)
        super().drawPrimitive(element, option, painter, widget)
        if element == PE.PE_IndicatorCheckBox:
            _stroke(painter, option, radius=1.5)
        elif element == PE.PE_IndicatorRadioButton:
            _stroke(painter, option, ellipse=True)
        elif element in (PE.PE_FrameLineEdit, PE.PE_PanelButtonCommand):
            self._frame(painter, option)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in (CC.CC_SpinBox, CC.CC_ComboBox) and getattr(option, "frame", True):
            self._frame(painter, option)
        elif control == CC.CC_ScrollBar:
            # The handle is Button-coloured on a Button-coloured groove: black on black in
            # high contrast. Its edge shows where it is and how long the page is.
            slider = self.subControlRect(
                control,
                option,
                QStyle.SubControl.SC_ScrollBarSlider,
                widget,  # type: ignore[arg-type]  # Qt takes no widget; the stubs want one
            )
            _stroke(painter, option, radius=2, rect=slider)

    def _frame(self, painter: QPainter, option: QStyleOption) -> None:
        if option.state & QStyle.StateFlag.State_HasFocus:
            _stroke(painter, option, radius=2, colour=self.focus_colour, width=2)
        else:
            _stroke(painter, option, radius=2)


def _on_highlight(option: QStyleOption) -> QStyleOption:
    """The option for a tick box or a branch arrow on a selected (highlighted) row, drawn in
    the row's colours: filled with the highlight, edged, ticked and pointed in the
    highlighted-text colour.

    Fusion fills a tick box with the page colour (``Base``) whatever the row: on the dark
    theme's light teal highlight an empty box became a solid near-black square that read
    as ticked. Filled with the row's own colour an empty box looks empty, as it does on an
    unselected row, and a tick shows in the colour the row's text already has. The arrow
    that opens a tree row was drawn in the window's text colour: white on high contrast's
    cyan highlight (1.1:1), so a selected stage or section looked as if it had no pages.
    """
    on_row = type(option)(option)  # the copy constructor: a view item's, or a button's
    palette = QPalette(option.palette)
    highlight = option.palette.color(QPalette.ColorRole.Highlight)
    on_highlight = option.palette.color(QPalette.ColorRole.HighlightedText)
    role = QPalette.ColorRole
    for fill in (role.Base, role.Window, role.Button):
        palette.setColor(fill, highlight)
    for ink in (role.Text, role.WindowText, role.Dark):
        palette.setColor(ink, on_highlight)
    on_row.palette = palette
    return on_row


def _stroke(
    painter: QPainter,
    option: QStyleOption,
    *,
    radius: float = 0,
    ellipse: bool = False,
    colour: QColor | None = None,
    width: int = 1,
    rect: QRect | None = None,
) -> None:
    inset = width / 2
    area = QRectF(rect if rect is not None else option.rect).adjusted(inset, inset, -inset, -inset)
    if area.width() < 4 or area.height() < 4:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, ellipse or radius > 0)
    pen = QPen(colour if colour is not None else option.palette.color(QPalette.ColorRole.Dark))
    pen.setWidthF(width)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if ellipse:
        painter.drawEllipse(area)
    else:
        painter.drawRoundedRect(area, radius, radius)
    painter.restore()

"""Fusion with control outlines people can see in every theme.

Fusion draws the edge of a check box, radio button, spin box, date box or
editable combo box in ``Window.darker(140)``: on our dark and high-contrast
windows that is darker than the window itself, so the "Known" box and the date
box all but vanished (WCAG 1.4.11 asks 3:1 for a control's boundary). This
proxy lets Fusion draw as usual, then strokes the edge again in the palette's
``Dark`` role, which ``themes.build_palette`` sets to the theme's ``outline``
colour (tested for 3:1 against the window, page and button colours).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

PE = QStyle.PrimitiveElement
CC = QStyle.ComplexControl


class OutlineStyle(QProxyStyle):
    """Fusion, with a theme-coloured outline on check boxes, radios, buttons and entry boxes."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.setObjectName("guide-outline-fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element == PE.PE_IndicatorCheckBox:
            _stroke(painter, option, radius=1.5)
        elif element == PE.PE_IndicatorRadioButton:
            _stroke(painter, option, ellipse=True)
        elif element in (PE.PE_FrameLineEdit, PE.PE_PanelButtonCommand):
            _stroke(painter, option, radius=2)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in (CC.CC_SpinBox, CC.CC_ComboBox) and getattr(option, "frame", True):
            _stroke(painter, option, radius=2)


def _stroke(
    painter: QPainter, option: QStyleOption, *, radius: float = 0, ellipse: bool = False
) -> None:
    rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
    if rect.width() < 4 or rect.height() < 4:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, ellipse or radius > 0)
    pen = QPen(option.palette.color(QPalette.ColorRole.Dark))
    pen.setWidthF(1.0)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if ellipse:
        painter.drawEllipse(rect)
    else:
        painter.drawRoundedRect(rect, radius, radius)
    painter.restore()

"""The zoomable, pannable picture of the pathway, with keyboard traversal in reading order.

Tab and Shift+Tab move between stage headers and boxes in reading order, then
leave the picture; Enter opens the focused box. + and - zoom, 0 fits, 1 is
100%; Ctrl+wheel zooms under the pointer; dragging or the arrow keys pan.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from guide.ui.diagram.items import ActiveItem
from guide.ui.diagram.scene import DiagramScene

MIN_ZOOM, MAX_ZOOM = 0.2, 4.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("PathwayDiagram", text)


class DiagramCanvas(QGraphicsView):
    """The zoomable, pannable picture, with keyboard traversal of every box in reading order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(_tr("Pathway diagram"))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.zoom = 1.0
        # Until the user zooms, the picture keeps fitting the window's width as it resizes.
        self.auto_fit = True

    # -- zoom -------------------------------------------------------------------------------

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self.resetTransform()
        self.scale(self.zoom, self.zoom)

    def zoom_by(self, factor: float) -> None:
        self.auto_fit = False
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.set_zoom(self.zoom * factor)
        self.setTransformationAnchor(anchor)

    def fit(self) -> None:
        self.auto_fit = False
        scene = self.scene()
        if scene is None:
            return
        rect = scene.sceneRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return
        self.set_zoom(min(view.width() / rect.width(), view.height() / rect.height()) * 0.98)
        self.centerOn(rect.center())

    def fit_width(self, lowest: float, highest: float) -> None:
        """Fit the diagram's width (within limits, so text stays readable) and show its start."""
        scene = self.scene()
        if scene is None or scene.sceneRect().isEmpty() or self.viewport().width() <= 0:
            return
        self.set_zoom(
            max(lowest, min(highest, self.viewport().width() / scene.sceneRect().width()))
        )
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit_width(lowest=0.6, highest=1.0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.auto_fit = False
                self.set_zoom(self.zoom * (1.15**steps))
            event.accept()
        else:
            super().wheelEvent(event)

    # -- keyboard ---------------------------------------------------------------------------

    def items_in_order(self) -> list[ActiveItem]:
        scene = self.scene()
        return list(scene.active_items) if isinstance(scene, DiagramScene) else []

    def focus_item(self, item: ActiveItem) -> None:
        item.setFocus(Qt.FocusReason.TabFocusReason)
        self.ensureVisible(item, 40, 40)
        # Screen readers announce the view's description as focus moves between boxes.
        self.setAccessibleDescription(item.accessible_name)
        QAccessible.updateAccessibility(
            QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
        )

    def move_focus(self, forward: bool) -> bool:
        """Focus the next (or previous) box; False at either end so Tab can leave the view."""
        items = self.items_in_order()
        if not items:
            return False
        current = self.scene().focusItem()
        index = items.index(current) if current in items else (-1 if forward else len(items))
        index += 1 if forward else -1
        if not 0 <= index < len(items):
            return False
        self.focus_item(items[index])
        return True

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not mods & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            ):
                forward = key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
                if self.move_focus(forward):
                    return True
                if self.scene() is not None:
                    # None clears the focus item (Qt allows it; the stubs do not say so).
                    self.scene().setFocusItem(None)  # type: ignore[arg-type]
                return QWidget.focusNextPrevChild(self, forward)
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        items = self.items_in_order()
        if not items:
            return
        reason = event.reason()
        if reason == Qt.FocusReason.BacktabFocusReason:
            self.focus_item(items[-1])
        elif reason == Qt.FocusReason.TabFocusReason or self.scene().focusItem() not in items:
            self.focus_item(items[0])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key == Qt.Key.Key_1:
            self.auto_fit = False
            self.set_zoom(1.0)
        else:
            super().keyPressEvent(event)

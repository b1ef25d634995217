"""The pathway diagram view: the map a trainee navigates by, and sees their own place on.

A QGraphicsView drawn from ``data/pathway.yaml`` for one nation at a time:
click a box (or Tab to it and press Enter) to open its page; hover or focus
shows a one-line summary; zoom with Ctrl+wheel, + and -, fit with 0; pan by
dragging or with the arrow keys. "You are here" comes from the progress
checklist when it exists, otherwise from a stage the user picks. The same
content is one click away as text. Exports (PNG, SVG) and print use light
colours so they read well on paper.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QPageLayout, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from guide.content.model import NATIONS, ContentModel
from guide.diagram.data import Pathway
from guide.diagram.outline import outline_html
from guide.progress.checklist import current_stage
from guide.ui.diagram.canvas import DiagramCanvas
from guide.ui.diagram.export import export_png, export_svg, print_scene
from guide.ui.diagram.items import ActiveItem
from guide.ui.diagram.prefs import load_prefs, save_prefs
from guide.ui.diagram.scene import DiagramColours, DiagramScene, Fonts, build_scene
from guide.ui.host import Host
from guide.ui.style.rich_text import follow_theme
from guide.ui.style.text_size import text_scale

VIEW_ID = "pathway-diagram"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PathwayDiagram", text)


class PathwayDiagramPage(QWidget):
    """The whole view: nation and stage pickers, zoom buttons, picture or text, exports."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.model: ContentModel = host.model
        model = self.model
        self.pathway: Pathway | None = model.extras.get("pathway")
        self.scene_: DiagramScene | None = None
        self.picked_stage = ""
        self._nation_set_by_user = False
        self.setAccessibleName(_tr("Pathway diagram"))
        prefs = load_prefs(host.home)

        self.nation = QComboBox()
        for nation in NATIONS:
            self.nation.addItem(_tr(nation), nation)
        self.nation.setAccessibleName(_tr("Nation"))
        self.nation.setToolTip(_tr("Show the pathway for this nation"))
        start = prefs.get("nation") if prefs.get("nation") in NATIONS else "England"
        self.nation.setCurrentIndex(NATIONS.index(start))
        self.stage = QComboBox()
        self.stage.setAccessibleName(_tr("You are here"))
        self.stage.addItem(_tr("Not set"), "")
        for stage in model.checklist_stages:
            self.stage.addItem(stage.title, stage.id)
        saved = self.stage.findData(prefs.get("stage", ""))
        self.stage.setCurrentIndex(max(0, saved))
        for combo, chars in ((self.nation, 12), (self.stage, 14)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(chars)
        self.stage_label = QLabel(_tr("You are here:"))
        self.stage_label.setBuddy(self.stage)
        self.from_checklist = follow_theme(QLabel())  # its link follows theme changes
        self.from_checklist.setWordWrap(True)  # so a narrow window never has to grow for it
        self.from_checklist.setTextFormat(Qt.TextFormat.RichText)
        self.from_checklist.linkActivated.connect(
            lambda link: self.open_link(link.removeprefix("guide:"))
        )

        self.canvas = DiagramCanvas()
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(_tr("Pathway as text"))
        self.text.anchorClicked.connect(self._on_text_link)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.canvas)
        self.stack.addWidget(self.text)
        self.info = QLabel(
            _tr("Point at or Tab to a box for a summary. Click it or press Enter to open its page.")
        )
        self.info.setWordWrap(True)
        self.info.setAccessibleName(_tr("Summary"))
        self.info.setTextFormat(Qt.TextFormat.PlainText)

        self.as_text = QToolButton()
        self.as_text.setText(_tr("Show as text"))
        self.as_text.setCheckable(True)
        self.as_text.setToolTip(
            _tr("An ordered list of the stages and routes, for reading or a screen reader")
        )
        self.as_text.toggled.connect(self._show_text)
        zoom_out = self._button(_tr("Zoom out"), "−", lambda: self.canvas.zoom_by(0.8), "-")
        zoom_in = self._button(_tr("Zoom in"), "+", lambda: self.canvas.zoom_by(1.25), "+")
        fit = self._button(_tr("Fit to window"), _tr("Fit"), self.canvas.fit, "0")
        export = QToolButton()
        export.setText(_tr("Export"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.addAction(_tr("Save as PNG picture…"), lambda: self._ask_export("png"))
        menu.addAction(_tr("Save as SVG drawing…"), lambda: self._ask_export("svg"))
        export.setMenu(menu)
        export.setAccessibleName(_tr("Export the diagram"))
        print_button = self._button(_tr("Print the diagram"), _tr("Print…"), self._ask_print, "")

        # Pickers and tools share one row when there is room, and stack when the window is
        # narrow, so the diagram never forces the main window wider than the user made it.
        self.pickers, self.tools = QWidget(), QWidget()
        pickers, tools = QHBoxLayout(self.pickers), QHBoxLayout(self.tools)
        for row in (pickers, tools):
            row.setContentsMargins(0, 0, 0, 0)
        nation_label = QLabel(_tr("Nation:"))
        nation_label.setBuddy(self.nation)
        for widget in (nation_label, self.nation, self.stage_label, self.stage):
            pickers.addWidget(widget)
        pickers.addWidget(self.from_checklist, 1)
        for button in (zoom_out, zoom_in, fit, self.as_text, export, print_button):
            tools.addWidget(button)
        tools.addStretch(1)
        self.bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.bar.addWidget(self.pickers, 1)
        self.bar.addWidget(self.tools)
        self.setMinimumWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.info)
        chain = [self.nation, self.stage, zoom_out, zoom_in, fit, self.as_text, export]
        chain += [print_button, self.canvas, self.text]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.nation.currentIndexChanged.connect(lambda _i: self._changed())
        self.stage.currentIndexChanged.connect(lambda _i: self._changed())
        host.progressChanged.connect(self.refresh)
        self.refresh()

    def _button(self, name: str, text: str, slot: Callable[[], object], key: str) -> QToolButton:
        """A toolbar button; ``key`` is the key that does the same inside the picture.

        No window-wide shortcuts here: Ctrl+=, Ctrl+- and Ctrl+0 already size the
        text everywhere, and a second binding would make both ambiguous.
        """
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(
            name + (" " + _tr("(key in the diagram: %1)").replace("%1", key) if key else "")
        )
        button.clicked.connect(slot)
        return button

    # -- state ------------------------------------------------------------------------------

    def current_nation(self) -> str:
        return str(self.nation.currentData())

    def progress_state(self) -> tuple[str | None, str, frozenset[str]]:
        """(nation, checklist stage, completed ids) from the checklist, if it is there."""
        progress = self.host.progress
        if progress is None:
            return None, "", frozenset()
        # A half-loaded progress file must not take the diagram down.
        try:
            nation: str | None = progress.profile.nation
            stage = str(progress.profile.stage or "")
        except AttributeError:
            nation, stage = None, ""
        try:
            done = frozenset(progress.completed_ids())
        except Exception:
            done = frozenset()
        if not stage:
            # The checklist's own guess from the foundation start date, if there is one.
            with contextlib.suppress(Exception):
                stage = current_stage(self.model, progress.data, self.host.clock.today())
        return (nation if nation in NATIONS else None), stage, done

    def here_column(self) -> str | None:
        _nation, stage, _done = self.progress_state()
        stage = stage or ("" if self._has_progress() else str(self.stage.currentData() or ""))
        if self.pathway is None or not stage:
            return None
        column = self.pathway.column_for_stage(stage)
        return column.id if column else None

    def _has_progress(self) -> bool:
        return self.host.progress is not None

    def refresh(self) -> None:
        """Redraw from the data, the theme and the user's progress (kept at the same zoom)."""
        nation, stage, _done = self.progress_state()
        if nation and nation != self.current_nation() and not self._nation_set_by_user:
            self.nation.blockSignals(True)
            self.nation.setCurrentIndex(NATIONS.index(nation))
            self.nation.blockSignals(False)
        has_progress = self._has_progress()
        self.stage.setVisible(not has_progress)
        self.stage_label.setVisible(not has_progress)
        self.from_checklist.setVisible(has_progress)
        if has_progress:
            title = next((s.title for s in self.model.checklist_stages if s.id == stage), "")
            link = '<a href="guide:checklist">' + _tr("your checklist") + "</a>"
            self.from_checklist.setText(
                _tr("You are here: %1 (from %2)")
                .replace("%1", f"<b>{escape(title)}</b>")
                .replace("%2", link)
                if title
                else _tr("Set your stage in %1 to see where you are.").replace("%1", link)
            )
        self._rebuild()

    def _rebuild(self) -> None:
        if self.pathway is None:
            self.info.setText(
                _tr("The pathway diagram could not be loaded; run 'guide validate' for details.")
            )
            return
        self.scene_ = self.make_scene(DiagramColours.from_palette(self.palette()))
        old = self.canvas.scene()
        self.canvas.setScene(self.scene_)
        if old is not None:
            old.deleteLater()
        for item in self.scene_.active_items:
            item.activated.connect(self.open_link)
            item.hovered.connect(self._show_summary)
        _n, _s, done = self.progress_state()
        self.text.setHtml(
            outline_html(
                self.pathway,
                self.current_nation(),
                tr=_tr,
                here_column=self.here_column(),
                completed=done,
                layout=self.scene_.layout,
            )
        )
        if self.canvas.auto_fit:
            self.canvas.fit_width(lowest=0.6, highest=1.0)
        else:
            self.canvas.set_zoom(self.canvas.zoom)

    def make_scene(self, colours: DiagramColours) -> DiagramScene:
        assert self.pathway is not None
        _n, _s, done = self.progress_state()
        return build_scene(
            self.pathway,
            self.current_nation(),
            self.model,
            colours,
            Fonts.from_font(self.font(), text_scale(self)),
            here_column=self.here_column(),
            completed=done,
        )

    def _changed(self) -> None:
        self._nation_set_by_user = True
        save_prefs(
            self.host.home,
            {"nation": self.current_nation(), "stage": str(self.stage.currentData() or "")},
        )
        self._rebuild()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        one_row = self.pickers.sizeHint().width() + self.tools.sizeHint().width() + 24
        direction = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= one_row
            else QBoxLayout.Direction.TopToBottom
        )
        if self.bar.direction() != direction:
            self.bar.setDirection(direction)

    def changeEvent(self, event: QEvent) -> None:
        # FontChange: the app's text size changed, and the labels follow it.
        if hasattr(self, "canvas") and event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.FontChange,
        ):
            self._rebuild()
        super().changeEvent(event)

    # -- actions ----------------------------------------------------------------------------

    def open_link(self, item_id: str) -> None:
        self.host.open_id(item_id)

    def _on_text_link(self, url: QUrl) -> None:
        if url.scheme() == "guide":
            self.open_link(url.path())

    def _show_summary(self, item: ActiveItem | None) -> None:
        if item is None:
            return
        self.info.setText(f"{item.name}: {item.summary}" if item.summary else item.name)

    def _show_text(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.text if on else self.canvas)
        self.as_text.setText(_tr("Show as diagram") if on else _tr("Show as text"))

    # -- export and print -------------------------------------------------------------------

    def export_png(self, path: Path | str, scale: float = 2.0) -> Path:
        """Save the diagram (in light colours) as a PNG picture."""
        return export_png(self.make_scene(DiagramColours.light()), path, scale)

    def export_svg(self, path: Path | str) -> Path:
        """Save the diagram (in light colours) as an SVG drawing."""
        title = f"{self.pathway.title if self.pathway else ''}: {self.current_nation()}"
        return export_svg(self.make_scene(DiagramColours.light()), path, title)

    def print_to(self, printer: QPrinter) -> None:
        print_scene(self.make_scene(DiagramColours.light()), printer)

    def _ask_export(self, kind: str) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"pathway-{self.current_nation().lower().replace(' ', '-')}.{kind}"
        filters = _tr("PNG picture (*.png)") if kind == "png" else _tr("SVG drawing (*.svg)")
        chosen, _ = QFileDialog.getSaveFileName(
            self, _tr("Save the diagram"), os.path.join(folder, name), filters
        )
        if not chosen:
            return
        if not chosen.lower().endswith("." + kind):
            chosen += "." + kind
        try:
            (self.export_png if kind == "png" else self.export_svg)(chosen)
        except OSError as exc:
            QMessageBox.warning(self, _tr("Save the diagram"), str(exc))
            return
        self.info.setText(_tr("Saved %1").replace("%1", chosen))

    def _ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            try:
                self.print_to(printer)
            except OSError as exc:
                QMessageBox.warning(self, _tr("Print the diagram"), str(exc))

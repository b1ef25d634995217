"""Export, import and "Delete my data" for the checklist view: the dialogs, and the plain
methods they call (which tests drive directly)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from guide.content.model import ContentModel
from guide.progress import ProgressStore
from guide.progress.document import ProgressFormatError
from guide.progress.export import describe_import, to_csv
from guide.progress.files import atomic_write
from guide.progress.location import MoveError, Opened, delete_record, move_record

FORMATS = {
    "pdf": "PDF (*.pdf)",
    "md": "Markdown or plain text (*.md *.txt)",
    "ics": "Calendar (*.ics)",
    "csv": "CSV (*.csv)",
    "json": "JSON (*.json)",
}
SUGGESTED = {"ics": "my-clinical-academic-dates", "md": "my-clinical-academic-summary"}
MAX_REPORT_LINES = 15


def _tr(text: str) -> str:
    return QCoreApplication.translate("Progress", text)


class ChecklistFiles:
    """Works on ``store`` for the checklist view ``view`` (the dialogs' parent);
    ``changed(cleared)`` tells the view to redraw after an import or a deletion
    (``cleared``: drop the selection)."""

    def __init__(
        self,
        view: QWidget,
        model: ContentModel,
        store: ProgressStore,
        today: Callable[[], dt.date],
        changed: Callable[[bool], None],
        opened: Opened | None = None,
    ) -> None:
        self.view = view
        self.model = model
        self.store = store
        self.today = today
        self.changed = changed
        self.opened = opened  # where the record is kept (None: a store opened directly)
        self.all_stages = False

    # ------------------------------------------------------------ export

    def export_menu(self) -> QMenu:
        menu = QMenu(self.view)
        menu.addAction(
            _tr("Summary for a supervisor meeting (PDF)…"), lambda: self.ask_export("pdf")
        )
        menu.addAction(
            _tr("Summary as text for an e-portfolio reflection (Markdown)…"),
            lambda: self.ask_export("md"),
        )
        every = menu.addAction(_tr("Include all stages in the summary"))
        every.setCheckable(True)
        every.toggled.connect(lambda on: setattr(self, "all_stages", on))
        menu.addSeparator()
        menu.addAction(
            _tr("Coming dates for Outlook or another calendar (.ics)…"),
            lambda: self.ask_export("ics"),
        )
        menu.addAction(_tr("Spreadsheet (CSV)…"), lambda: self.ask_export("csv"))
        menu.addAction(_tr("Backup to import elsewhere (JSON)…"), lambda: self.ask_export("json"))
        return menu

    def ask_export(self, fmt: str) -> None:
        # Documents is usually the H: drive or OneDrive on NHS machines: backed up, unlike C:.
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = SUGGESTED.get(fmt, "my-clinical-academic-checklist")
        suggested = str(Path(folder) / f"{name}.{fmt}")
        path, _filter = QFileDialog.getSaveFileName(
            self.view, _tr("Export my checklist"), suggested, FORMATS[fmt]
        )
        if not path:
            return
        error = self.export_to(fmt, Path(path))
        if error:
            QMessageBox.warning(self.view, _tr("Export"), error)
        else:
            QMessageBox.information(
                self.view,
                _tr("Export"),
                _tr("Your checklist was exported to %1").replace("%1", path),
            )

    def export_to(self, fmt: str, path: Path) -> str:
        """Write the export; returns an error message, or "" when it worked."""
        try:
            if fmt == "json":
                self.store.export_json(path)
            elif fmt == "csv":
                atomic_write(path, to_csv(self.model, self.store.data).encode("utf-8-sig"))
            elif fmt == "md":
                from guide.progress.summary import summary_markdown

                text = summary_markdown(
                    self.model, self.store.data, self.today(), _tr, self.all_stages
                )
                atomic_write(path, text.encode("utf-8"))
            elif fmt == "ics":
                from guide.progress.ics import to_ics

                clock = self.store.clock
                atomic_write(path, to_ics(self.model, self.store.data, self.today(), clock.now()))
            else:
                from guide.progress.pdf import write_pdf

                write_pdf(self.model, self.store.data, path, self.today(), _tr, self.all_stages)
        except OSError as exc:
            return (
                _tr("Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc))
            )
        return ""

    # ------------------------------------------------------------ where it is kept

    def folder_menu(self) -> QMenu:
        menu = QMenu(self.view)
        menu.addAction(_tr("Choose a folder (OneDrive, H: drive, USB stick)…"), self.ask_folder)
        menu.addAction(
            _tr("Back to this computer's own data folder"),
            lambda: self._report_move(self.move_to(self.opened.home) if self.opened else ""),
        )
        return menu

    def ask_folder(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path = QFileDialog.getExistingDirectory(self.view, _tr("Keep my checklist in…"), start)
        if path:
            self._report_move(self.move_to(Path(path)))

    def _report_move(self, error: str) -> None:
        if error:
            QMessageBox.warning(self.view, _tr("Keep my checklist in…"), error)

    def move_to(self, folder: Path) -> str:
        """Keep the record in ``folder`` from now on; returns an error message, or ""."""
        if self.opened is None:
            return _tr("This checklist was opened directly, so it cannot be moved.")
        self.view.detail.flush()  # type: ignore[attr-defined]  # typed notes go along
        try:
            self.opened = move_record(self.opened, folder, clock=self.store.clock, tr=_tr)
        except MoveError as exc:
            return str(exc)
        self.changed(False)
        return ""

    # ------------------------------------------------------------ import

    def ask_import(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getOpenFileName(
            self.view, _tr("Import a checklist"), folder, FORMATS["json"]
        )
        if not path:
            return
        ok, lines = self.import_from(Path(path))
        box = QMessageBox.information if ok else QMessageBox.warning
        box(self.view, _tr("Import"), "\n".join(lines))

    def import_from(self, path: Path) -> tuple[bool, list[str]]:
        """Merge a JSON export in; returns success and the lines of the report."""
        try:
            result = self.store.import_file(path)
        except OSError as exc:
            return False, [
                _tr("Could not read %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc))
            ]
        except ProgressFormatError as exc:
            return False, [
                _tr("%1 cannot be imported: %2. Nothing was changed.")
                .replace("%1", Path(path).name)
                .replace("%2", str(exc))
            ]
        lines = describe_import(self.model, self.store.data, result, _tr)
        if len(lines) > MAX_REPORT_LINES:
            extra = len(lines) - MAX_REPORT_LINES
            lines = [
                *lines[: MAX_REPORT_LINES - 1],
                _tr("…and %1 more.").replace("%1", str(extra)),
                lines[-1],
            ]
        if self.store.error:
            lines.append(self.store.error)
        self.changed(False)
        return True, lines

    # ------------------------------------------------------------ delete

    def ask_delete(self) -> None:
        # The button names the action ("Delete my data", not "Yes"), and Cancel is the default.
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("Delete my data"),
            _tr(
                "Delete your checklist, notes and profile from this computer, including every "
                "backup? This cannot be undone. Export a copy first if you want to keep it."
            ),
            QMessageBox.StandardButton.Cancel,
            self.view,
        )
        delete = box.addButton(_tr("Delete my data"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is delete:
            error = self.delete_all()
            if error:
                QMessageBox.warning(self.view, _tr("Delete my data"), error)

    def delete_all(self) -> str:
        try:
            if self.opened is not None:
                delete_record(self.opened)
            else:
                self.store.delete_all()
        except OSError as exc:
            return _tr("Some of your data could not be deleted: %1").replace(
                "%1", exc.strerror or str(exc)
            )
        self.changed(True)
        return ""

"""The Print tab of workshop mode: the agenda, the learners' handouts and the paper
sign-in sheet as PDF, and the materials checklist (ticks kept with the workshop).

Each printout is gathered on the database worker, then drawn on a thread of its own
(`pdf.RenderRun`), with a progress bar and Cancel on the page; the facilitator is asked
where to save it first, with a name suggested.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, ngettext
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations import printing as ops
from kit.ui.runners.worker import Job, JobControl
from kit.ui.workshop.printing import sheets
from kit.ui.workshop.printing.pdf import RenderRun, saving
from kit.ui.workshop.printing.watch import WatchesRuns

Write = Callable[[Path, Any, JobControl], Path]


def file_name(raw: str) -> str:
    """A file name for the save dialog, without characters file systems refuse."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", raw)
    safe = re.sub(r"\s+", " ", safe).strip(" .")[:120]
    return f"{safe or 'workshop'}.pdf"


def ask_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to save a printout (None: the facilitator changed their mind)."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the printout"), str(Path(folder) / suggested), _("PDF documents (*.pdf)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class PrintPage(WatchesRuns, QWidget):
    """Printouts of the chosen workshop (`show_workshop`); `saved(path)` after each PDF."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workshop_id: str | None = None
        self.title = ""
        self._job: Job | None = None  # gathering on the worker, or drawing
        self._run: RenderRun | None = None
        self._pending: tuple[Path, Write] | None = None
        self._missing = 0  # agenda items the handouts left out (not installed)
        self.checks: dict[str, QCheckBox] = {}
        self.heading = QLabel(_("Choose a workshop in the Plan tab to print it."))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.agenda_button = QPushButton(_("Print the agenda…"))
        self.handouts_button = QPushButton(_("Print the handouts…"))
        self.agenda_button.clicked.connect(self.print_agenda)
        self.handouts_button.clicked.connect(self.print_handouts)
        self.day = QComboBox()
        self.day.setAccessibleName(_("Sessions on the sign-in sheet"))
        self.blank = QSpinBox()
        self.blank.setRange(0, ops.MAX_BLANK_ROWS)
        self.blank.setValue(ops.BLANK_ROWS)
        self.blank.setAccessibleName(_("Blank rows for walk-ins"))
        self.sign_in_button = QPushButton(_("Print the sign-in sheet…"))
        self.sign_in_button.clicked.connect(self.print_sign_in)
        self.checklist_box = QGroupBox(_("Materials to bring"))
        self.checklist_layout = QVBoxLayout(self.checklist_box)
        self.checklist_button = QPushButton(_("Print the checklist…"))
        self.checklist_button.clicked.connect(self.print_checklist)
        self._make_run_widgets(_("Printing"))
        self._lay_out()
        self._set_busy(False)
        self._enable(False)
        ctx.changes.operation_did_execute.connect(self._changed)

    def _lay_out(self) -> None:
        printouts = QGroupBox(_("Printouts"))
        form = QFormLayout(printouts)
        form.addRow(self.agenda_button)
        form.addRow(self.handouts_button)
        form.addRow(_("Sessions on the sign-in sheet"), self.day)
        form.addRow(_("Blank rows for walk-ins"), self.blank)
        form.addRow(self.sign_in_button)
        busy = QHBoxLayout()
        busy.addWidget(self.bar, 1)
        busy.addWidget(self.cancel_button)
        columns = QHBoxLayout()
        columns.addWidget(printouts, 1)
        columns.addWidget(self.checklist_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(columns)
        layout.addLayout(busy)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _enable(self, on: bool) -> None:
        for widget in (
            self.agenda_button,
            self.handouts_button,
            self.sign_in_button,
            self.checklist_button,
            self.day,
            self.blank,
            self.checklist_box,
        ):
            widget.setEnabled(on and self._job is None)

    # -- the chosen workshop -------------------------------------------------

    def show_workshop(self, workshop_id: str | None) -> None:
        """Show `workshop_id`'s printouts and checklist (None: no workshop chosen)."""
        self.workshop_id = workshop_id
        self.status.clear()
        if workshop_id is None:
            self.title = ""
            self.heading.setText(_("Choose a workshop in the Plan tab to print it."))
            self._show_checklist(None)
            self._enable(False)
            return
        self._reload()

    def _reload(self) -> None:
        if self.workshop_id is None:
            return
        op = ops.load_checklist(self.ctx, self.workshop_id)
        op.success(self._show_checklist).failure(self._say).run(self)

    def _changed(self, changes: Any, initiator: object) -> None:
        if Change.WORKSHOPS in changes.kinds and initiator is not self:
            self._reload()

    def _show_checklist(self, checklist: ops.Checklist | None) -> None:
        if checklist is None:
            for box in self.checks.values():
                box.deleteLater()
            self.checks = {}
            return
        self.title = checklist.title
        self.heading.setText(_("Print “{title}”").format(title=checklist.title))
        if list(self.checks) == [row.key for row in checklist.rows]:
            self._ticked(checklist)  # the same boxes: keep them (and the keyboard focus)
        else:
            self._make_boxes(checklist)
        chosen = self.day.currentData()
        self.day.clear()
        self.day.addItem(_("The whole workshop"), None)
        for day in checklist.days:
            self.day.addItem(_("Day {day}").format(day=day), day)
        self.day.setCurrentIndex(max(0, self.day.findData(chosen)))
        self._enable(True)

    def _make_boxes(self, checklist: ops.Checklist) -> None:
        for box in self.checks.values():
            box.deleteLater()
        self.checks = {}
        self.checklist_layout.removeWidget(self.checklist_button)
        for row in checklist.rows:
            box = QCheckBox(row.label)
            box.setChecked(row.ticked)
            box.toggled.connect(lambda on, key=row.key: self.tick(key, on))
            self.checks[row.key] = box
            self.checklist_layout.addWidget(box)
        self.checklist_layout.addWidget(self.checklist_button)

    def tick(self, key: str, ticked: bool) -> None:
        """Keep a material ticked (or not) as ready; durable when it succeeds."""
        if self.workshop_id is None:
            return
        op = ops.set_material(self.ctx, self.workshop_id, key, ticked)
        op.success(self._ticked).failure(self._say).run(self)

    def _ticked(self, checklist: ops.Checklist) -> None:
        for row in checklist.rows:
            box = self.checks.get(row.key)
            if box is not None and box.isChecked() != row.ticked:
                box.blockSignals(True)
                box.setChecked(row.ticked)
                box.blockSignals(False)

    # -- printing ------------------------------------------------------------

    def print_agenda(self) -> None:
        self._print(
            _("Agenda - {title}"),
            lambda wid: ops.load_agenda(self.ctx, wid),
            lambda path, data, c: sheets.write_agenda_pdf(
                path, data, progress=c.progress, cancelled=c.cancelled
            ),
        )

    def print_handouts(self) -> None:
        self._print(
            _("Handouts - {title}"),
            lambda wid: ops.load_handouts(self.ctx, wid),
            lambda path, data, c: sheets.write_handouts_pdf(
                path, data, progress=c.progress, cancelled=c.cancelled
            ),
        )

    def print_sign_in(self) -> None:
        day, blank = self.day.currentData(), self.blank.value()
        self._print(
            _("Sign-in sheet - {title}"),
            lambda wid: ops.load_sign_in(self.ctx, wid, day, blank),
            lambda path, data, c: sheets.write_sign_in_pdf(
                path, data, progress=c.progress, cancelled=c.cancelled
            ),
        )

    def print_checklist(self) -> None:
        self._print(
            _("Materials checklist - {title}"),
            lambda wid: ops.load_checklist(self.ctx, wid),
            lambda path, data, c: sheets.write_checklist_pdf(
                path, data, progress=c.progress, cancelled=c.cancelled
            ),
        )

    def _print(self, name: str, load: Callable[[str], Any], write: Write) -> None:
        if self.workshop_id is None or self._job is not None:
            return
        path = ask_path(self.window(), file_name(name.format(title=self.title)))
        if path is None:
            return
        self._pending = (path, write)
        self.status.setText(_("Gathering what to print…"))
        op = load(self.workshop_id)
        op.success(self._gathered).failure(self._failed).cancelled(self._stopped)
        self._job = op.progress(self._progress).run(self)
        self._set_busy(True)
        self._enable(False)

    def _gathered(self, data: Any) -> None:
        if self._pending is None:
            return
        path, write = self._pending
        self.status.setText(_("Drawing the pages…"))
        self._missing = int(getattr(data, "missing", 0))
        run = RenderRun(lambda control: saving(path, lambda: write(path, data, control)))
        self.watch(run)

    def _end(self) -> None:
        self._job = None
        self._pending = None
        self._set_busy(False)
        self._enable(self.workshop_id is not None)

    def _written(self, path: Path) -> None:
        self._end()
        text = _("Saved as {path}.").format(path=path)
        if self._missing:
            text += " " + ngettext(
                "{n} agenda item is not installed and was left out.",
                "{n} agenda items are not installed and were left out.",
                self._missing,
            ).format(n=self._missing)
        self.status.setText(text)
        self.saved.emit(str(path))

    def _stopped(self) -> None:
        self._end()
        self.status.setText(_("Printing cancelled: nothing was saved."))

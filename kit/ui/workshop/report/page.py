"""The Report tab of workshop mode: the chosen workshop's report as a view (figures with
their definitions, charts, tables), and Export… in the chosen format.

The report is gathered on the database worker (`ops.load_report`) and gathered again
when check-ins or deliveries change; an export writes the report already shown on a
thread of its own (`RenderRun`), with a progress bar and Cancel on the page. The
facilitator is asked where to save it first, with a name suggested.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import N_, _
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations import report as ops
from kit.ui.runners.worker import Job
from kit.ui.workshop.printing.pdf import RenderRun, saving
from kit.ui.workshop.printing.watch import WatchesRuns
from kit.ui.workshop.report import export as exports
from kit.ui.workshop.report.view import ReportView

NO_WORKSHOP = N_("Choose a workshop in the Plan tab to see its report.")


class ReportPage(WatchesRuns, QWidget):
    """The report of the chosen workshop (`show_workshop`); `saved(path)` after each export."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workshop_id: str | None = None
        self.report: ops.WorkshopReport | None = None
        self._job: Job | None = None
        self._run: RenderRun | None = None
        self.heading = QLabel(_(NO_WORKSHOP))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.format = QComboBox()
        self.format.setAccessibleName(_("Export format"))
        for fmt in exports.FORMATS:
            self.format.addItem(_(fmt.label), fmt.key)
        self.export_button = QPushButton(_("Export…"))
        self.export_button.setShortcut("Ctrl+E")
        self.export_button.setToolTip(_("Export the report (Ctrl+E)"))
        self.export_button.clicked.connect(self.export)
        self.view = ReportView()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.view)
        self._make_run_widgets(_("Exporting"))
        self._lay_out()
        self._set_busy(False)
        self._enable()
        ctx.changes.operation_did_execute.connect(self._changed)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.format)
        top.addWidget(self.export_button)
        busy = QHBoxLayout()
        busy.addWidget(self.bar, 1)
        busy.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(busy)
        layout.addWidget(self.status)

    def _enable(self) -> None:
        ready = self.report is not None and self._job is None
        self.export_button.setEnabled(ready)
        self.format.setEnabled(ready)

    # -- the chosen workshop -------------------------------------------------

    def show_workshop(self, workshop_id: str | None) -> None:
        """Show `workshop_id`'s report (None: no workshop chosen)."""
        self.workshop_id = workshop_id
        self.status.clear()
        if workshop_id is None:
            self.report = None
            self.view.clear()
            self.heading.setText(_(NO_WORKSHOP))
            self._enable()
            return
        self.reload()

    def reload(self) -> None:
        if self.workshop_id is None:
            return
        wanted = self.workshop_id
        op = ops.load_report(self.ctx, wanted)
        op.success(lambda report: self._show(wanted, report)).failure(self._say).run(self)

    def _changed(self, changes: Any, _initiator: object) -> None:
        if Change.WORKSHOPS in changes.kinds or Change.LIBRARY in changes.kinds:
            self.reload()

    def _show(self, workshop_id: str, report: ops.WorkshopReport) -> None:
        if workshop_id != self.workshop_id:
            return  # another workshop was chosen meanwhile
        same = self.report is not None and self.report.workshop_id == report.workshop_id
        where = self.scroll.verticalScrollBar().value() if same else 0
        self.report = report
        self.heading.setText(_("Report of “{title}”").format(title=report.title))
        self.view.show_report(report)
        self._enable()
        # a redraw after a check-in elsewhere keeps the place the facilitator was reading
        QTimer.singleShot(0, self, lambda: self.scroll.verticalScrollBar().setValue(where))

    # -- export --------------------------------------------------------------

    def export(self) -> None:
        """Ask where, then write the shown report in the chosen format off the GUI thread."""
        if self.report is None or self._job is not None:
            return
        fmt = exports.BY_KEY[self.format.currentData()]
        path = exports.ask_path(self.window(), fmt, exports.file_name(self.report.title, fmt))
        if path is None:
            return
        report = self.report
        run = RenderRun(
            lambda control: saving(path, lambda: exports.export(report, fmt.key, path, control))
        )
        self.status.setText(_("Exporting the report…"))
        self.watch(run)  # its signals reach this page through the GUI thread's queue
        self._set_busy(True)
        self._enable()

    def _end(self) -> None:
        self._job = None
        self._run = None
        self._set_busy(False)
        self._enable()

    def _written(self, path: Path) -> None:
        self._end()
        self.status.setText(_("Saved as {path}.").format(path=path))
        self.saved.emit(str(path))

    def _stopped(self) -> None:
        self._end()
        self.status.setText(_("Export cancelled: nothing was saved."))

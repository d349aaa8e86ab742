"""The results of a needs assessment in workshop mode: who answered, the need per
skill (chart and table), how each skill was rated, groups compared under the
small-group rule, the packs that teach the priority skills; "Draft a workshop plan"
(one click) and Export… (Ctrl+E) in CSV, Markdown, wikitext or PDF.

A self-contained widget: the host calls `show_survey(key)` (key = "PACK/ITEM", as
kit.core.needs.installed.find_survey names it). The results are gathered on the
database worker (`ops.load_results`) and gathered again when responses are recorded
or packs change; an export writes the results shown on a thread of its own
(`RenderRun`) with a progress bar and Cancel.
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
from kit.ui.needs.results import export as exports
from kit.ui.needs.results.sections import result_widgets
from kit.ui.operations import needs_results as ops
from kit.ui.runners.worker import Job
from kit.ui.workshop.printing.pdf import RenderRun, saving
from kit.ui.workshop.printing.watch import WatchesRuns

NO_SURVEY = N_("Choose a needs-assessment survey to see its results.")


class ResultsView(WatchesRuns, QWidget):
    """One survey's results (`show_survey`); `drafted(workshop_id)` after a draft plan
    was saved, `saved(path)` after each export."""

    drafted = Signal(str)
    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.key: str | None = None
        self.loaded: ops.SurveyResults | None = None
        self._job: Job | None = None
        self._run: RenderRun | None = None
        self._drafting = False
        self.heading = QLabel(_(NO_SURVEY))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.draft_button = QPushButton(_("Draft a workshop plan"))
        self.draft_button.setShortcut("Ctrl+D")
        self.draft_button.setToolTip(
            _("Make a new workshop from the modules that teach the priority skills (Ctrl+D)")
        )
        self.draft_button.clicked.connect(self.draft)
        self.format = QComboBox()
        self.format.setAccessibleName(_("Export format"))
        for fmt in exports.FORMATS:
            self.format.addItem(_(fmt.label), fmt.key)
        self.export_button = QPushButton(_("Export…"))
        self.export_button.setShortcut("Ctrl+E")
        self.export_button.setToolTip(_("Export the results (Ctrl+E)"))
        self.export_button.clicked.connect(self.export)
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.content)
        self._make_run_widgets(_("Exporting"))
        self.status.setObjectName("resultsStatus")
        self._lay_out()
        self._set_busy(False)
        self._enable()
        ctx.changes.operation_did_execute.connect(self._changed)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.draft_button)
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
        ready = self.loaded is not None and self._job is None
        self.export_button.setEnabled(ready)
        self.format.setEnabled(ready)
        scored = ready and bool(self.loaded and self.loaded.results.priorities())
        self.draft_button.setEnabled(scored and not self._drafting)

    # -- the chosen survey ---------------------------------------------------

    def show_survey(self, key: str | None) -> None:
        """Show the results of the survey `key` ("PACK/ITEM"; None or "": none chosen)."""
        key = key or None
        self.key = key
        self.status.clear()
        if key is None:
            self.loaded = None
            self._clear()
            self.heading.setText(_(NO_SURVEY))
            self._enable()
            return
        self.reload()

    def reload(self) -> None:
        if self.key is None:
            return
        wanted = self.key
        op = ops.load_results(self.ctx, wanted)
        op.success(lambda loaded: self._show(wanted, loaded)).failure(self._say).run(self)

    def _changed(self, changes: Any, _initiator: object) -> None:
        if changes.kinds & (Change.RECORDS | Change.LIBRARY):
            self.reload()

    def _clear(self) -> None:
        while self.content_layout.count():
            item = self.content_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone from the view now, not at the next event loop
                widget.deleteLater()

    def _show(self, key: str, loaded: ops.SurveyResults) -> None:
        if key != self.key:
            return  # another survey was chosen meanwhile
        same = self.loaded is not None and self.loaded.results.survey.key == key
        where = self.scroll.verticalScrollBar().value() if same else 0
        self.loaded = loaded
        self.heading.setText(_("Results of “{title}”").format(title=loaded.results.survey.title))
        self._clear()
        for widget in result_widgets(loaded.results):
            self.content_layout.addWidget(widget)
        self.content_layout.addStretch(1)
        self._enable()
        # a redraw after a response recorded elsewhere keeps the place being read
        QTimer.singleShot(0, self, lambda: self.scroll.verticalScrollBar().setValue(where))

    # -- a draft workshop plan -------------------------------------------------

    def draft(self) -> None:
        """Save a new workshop from the priority skills' modules (one click)."""
        if self.key is None or self._drafting:
            return
        self._drafting = True
        self._enable()
        self.status.setText(_("Drafting a workshop plan…"))
        op = ops.draft_plan(self.ctx, self.key)
        op.success(self._drafted).failure(self._draft_failed).run(self)

    def _drafted(self, draft: ops.Draft) -> None:
        self._drafting = False
        self._enable()
        text = _("Made the workshop “{title}”: open it in the Plan tab to change it.").format(
            title=draft.workshop.title
        )
        if draft.left_out:
            text += " " + _("Left out, as they did not fit in the days: {modules}.").format(
                modules=", ".join(draft.left_out)
            )
        self.status.setText(text)
        self.drafted.emit(draft.workshop.id)

    def _draft_failed(self, text: str) -> None:
        self._drafting = False
        self._enable()
        self.status.setText(text)

    # -- export --------------------------------------------------------------

    def export(self) -> None:
        """Ask where, then write the shown results in the chosen format off the GUI thread."""
        if self.loaded is None or self._job is not None:
            return
        fmt = exports.BY_KEY[self.format.currentData()]
        title = self.loaded.results.survey.title
        path = exports.ask_path(self.window(), fmt, exports.file_name(title, fmt))
        if path is None:
            return
        loaded = self.loaded
        run = RenderRun(
            lambda control: saving(path, lambda: exports.export(loaded, fmt.key, path, control))
        )
        self.status.setText(_("Exporting the results…"))
        self.watch(run)  # its signals reach this view through the GUI thread's queue
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

"""The Collect view of the Needs tab: how many responses the chosen survey holds (per way
of collecting), the kiosk (pass the laptop), the survey printed as PDF, paper forms typed
in, and response files carried from and to other computers.

The file choosers only ask for a path: `print_to(path)`, `import_from(paths)` and
`export_to(path)` do the work (the tests call them directly).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number, ngettext, pgettext
from kit.ui.changes import Change, OpChanges
from kit.ui.context import AppContext
from kit.ui.kiosk.window import IDLE_MS, KioskWindow
from kit.ui.needs.grid import PaperEntry
from kit.ui.needs.printout import write_survey_pdf
from kit.ui.operations import needs as ops
from kit.ui.runners.worker import JobControl
from kit.ui.widgets.owned import owned
from kit.ui.widgets.plain import plain_tooltip
from kit.ui.workshop.printing.pdf import RenderRun, saving
from kit.ui.workshop.printing.watch import WatchesRuns


def counts_text(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    head = ngettext("{n} response so far", "{n} responses so far", total).format(
        n=format_number(total)
    )
    parts = (
        _("kiosk: {n}").format(n=format_number(counts.get(ops.KIOSK, 0))),
        _("paper: {n}").format(n=format_number(counts.get(ops.PAPER, 0))),
        _("imported: {n}").format(n=format_number(counts.get(ops.IMPORTED, 0))),
    )
    return f"{head} ({', '.join(parts)})"


class NeedsCollectView(WatchesRuns, QWidget):
    form_loaded = Signal()  # the chosen survey is ready to collect (self.form)
    counted = Signal()  # the counts line is up to date
    said = Signal(str)  # a sentence for the facilitator (done or refused)
    printed = Signal(object)  # the PDF is written (its path)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.key = ""
        self.lang = ctx.language or "en"
        self.form: ops.NeedsForm | None = None
        self.counts: dict[str, int] = {}
        self.kiosk: KioskWindow | None = None
        self.paper: PaperEntry | None = None
        self._run: RenderRun | None = None
        self._job: Any = None
        self.summary = QLabel()
        self.summary.setObjectName("needsCounts")
        self.summary.setStyleSheet("font-size: 14pt;")
        self.summary.setWordWrap(True)
        self.idle = QSpinBox()
        self.idle.setRange(15, 900)
        self.idle.setValue(IDLE_MS // 1000)
        self.idle.setSuffix(pgettext("seconds after a number", " s"))
        self.idle.setAccessibleName(_("Back to the start screen after this many idle seconds"))
        self.kiosk_button = self._button(_("Start kiosk"), "Ctrl+K", self.start_kiosk)
        self.print_button = self._button(_("Print the survey…"), "Ctrl+P", self.ask_print)
        self.paper_button = self._button(_("Type in paper answers"), "Ctrl+T", self.open_paper)
        self.import_button = self._button(_("Import responses…"), "Ctrl+I", self.ask_import)
        self.export_button = self._button(_("Export responses…"), "Ctrl+E", self.ask_export)
        self.bar = QProgressBar()
        self.bar.setVisible(False)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("needsStatus")
        self._lay_out()
        ctx.changes.operation_did_execute.connect(owned(self, self._changed))
        self._enable()

    def _button(self, text: str, keys: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setShortcut(QKeySequence(keys))
        button.setToolTip(
            plain_tooltip(QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText))
        )
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        kiosk = QGroupBox(_("Kiosk: pass the laptop (anonymous)"))
        kiosk_form = QFormLayout(kiosk)
        kiosk_form.addRow(_("Start screen again after idle"), self.idle)
        kiosk_form.addRow(self.kiosk_button)
        paper = QGroupBox(_("Paper"))
        paper_row = QGridLayout(paper)
        paper_row.addWidget(self.print_button, 0, 0)
        paper_row.addWidget(self.paper_button, 0, 1)
        files = QGroupBox(_("Responses from other computers"))
        files_row = QHBoxLayout(files)
        files_row.addWidget(self.import_button)
        files_row.addWidget(self.export_button)
        files_row.addStretch(1)
        progress = QHBoxLayout()
        progress.addWidget(self.bar, 1)
        progress.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(kiosk)
        layout.addWidget(paper)
        layout.addWidget(files)
        layout.addLayout(progress)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _enable(self) -> None:
        ready = self.form is not None
        for button in (self.kiosk_button, self.print_button, self.paper_button):
            button.setEnabled(ready and self._run is None)
        self.export_button.setEnabled(ready)
        self.import_button.setEnabled(bool(self.key))

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.said.emit(text)

    # -- which survey -----------------------------------------------------------------------
    def show_survey(self, key: str) -> None:
        self.key = key
        self._load()

    def show_language(self, language: str) -> None:
        self.lang = language
        self._load()

    def _load(self) -> None:
        self.form = None
        self._enable()
        if not self.key:
            self.summary.setText("")
            return
        key, lang = self.key, self.lang
        ops.load_form(self.ctx, key, lang).success(self._loaded).failure(self.say).run(self)
        self.recount()

    def _loaded(self, form: ops.NeedsForm) -> None:
        if (form.key, form.language) != (self.key, self.lang):
            return  # another survey or language was chosen meanwhile
        self.form = form
        self._enable()
        self.form_loaded.emit()

    def recount(self) -> None:
        if self.key:
            ops.counts(self.ctx, self.key).success(self._counted).run(self)

    def _counted(self, counts: dict[str, int]) -> None:
        self.counts = counts
        text = counts_text(counts)
        self.summary.setText(text)
        if self.kiosk is not None:
            self.kiosk.set_note(text)
        self.counted.emit()

    def _changed(self, changes: OpChanges, _initiator: object) -> None:
        if changes.touches(Change.RECORDS):
            self.recount()

    # -- the kiosk --------------------------------------------------------------------------
    def start_kiosk(self) -> None:
        form = self.form
        if form is None or self.kiosk is not None:
            return
        self.kiosk = KioskWindow(
            form.title,
            form.kiosk_questions(),
            save=lambda answers: ops.record(self.ctx, form, answers),
            unlock=lambda pin: ops.unlock(self.ctx, pin),
            idle_ms=self.idle.value() * 1000,
            rtl=form.rtl,
            start_text=_("Tap Start to answer the survey"),
        )
        self.kiosk.set_note(counts_text(self.counts))
        self.kiosk.left.connect(self._kiosk_left)
        self.kiosk.start()

    def _kiosk_left(self) -> None:
        if self.kiosk is not None:
            self.kiosk.deleteLater()
            self.kiosk = None
        self.recount()

    # -- paper ------------------------------------------------------------------------------
    def ask_print(self) -> None:
        if self.form is None:
            return
        name = f"{self.form.key.replace('/', '-')}-{self.form.language}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Print the survey"), str(Path.home() / name), _("PDF files (*.pdf)")
        )
        if path:
            self.print_to(Path(path))

    def print_to(self, path: Path) -> None:
        """The survey as PDF at `path`, drawn off the GUI thread (progress, Cancel)."""
        form = self.form
        if form is None or self._run is not None:
            return

        def write(control: JobControl) -> Path:
            return saving(
                path,
                lambda: write_survey_pdf(
                    path,
                    form,
                    progress=control.progress,
                    cancelled=control.cancelled,
                ),
            )

        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.say(_("Writing the survey…"))
        self.watch(RenderRun(write))
        self._enable()

    def _end(self) -> None:
        self._run = self._job = None
        self.bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self._enable()

    def _written(self, path: Path) -> None:
        self._end()
        self.say(_("Saved {name}.").format(name=path))
        self.printed.emit(path)

    def _stopped(self) -> None:
        self._end()
        self.say(_("Cancelled: nothing was written."))

    def open_paper(self) -> None:
        if self.form is None:
            return
        self.paper = PaperEntry(
            self.form, lambda rows, form=self.form: self._save_paper(form, rows)
        )
        self.paper.saved_rows.connect(lambda n: self.say(self._added_text(n)))
        self.paper.show()
        self.paper.start()

    def _save_paper(self, form: ops.NeedsForm, rows: list[dict[str, Any]]) -> Any:
        return ops.record_paper(self.ctx, form, rows)

    @staticmethod
    def _added_text(n: int) -> str:
        return ngettext("{n} response added.", "{n} responses added.", n).format(n=format_number(n))

    # -- files ------------------------------------------------------------------------------
    def ask_import(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, _("Import responses"), str(Path.home()), _("Response files (*.json)")
        )
        if paths:
            self.import_from([Path(p) for p in paths])

    def import_from(self, paths: list[Path]) -> None:
        ops.import_responses(self.ctx, paths).success(self._imported).failure(self.say).run(self)

    def _imported(self, result: tuple[int, int]) -> None:
        added, known = result
        text = self._added_text(added)
        if known:
            text += " " + ngettext("{n} was already here.", "{n} were already here.", known).format(
                n=format_number(known)
            )
        self.say(text)

    def ask_export(self) -> None:
        if self.form is None:
            return
        name = f"{self.form.key.replace('/', '-')}-responses.json"
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export responses"), str(Path.home() / name), _("Response files (*.json)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        if self.form is None:
            return
        ops.export_responses(self.ctx, self.form, path).success(
            lambda n: self.say(
                ngettext(
                    "Wrote {n} response to {file}.", "Wrote {n} responses to {file}.", n
                ).format(n=format_number(n), file=path)
            )
        ).failure(self.say).run(self)

    def closing(self) -> None:
        """Nothing runs on after the window goes (a language change rebuilds the page)."""
        if self._job is not None:
            self._job.cancel()

"""The Learners tab: learners x modules progress from all merged records, drawn as
coloured cells ("3/5", the greener the further), with Import…, Copy progress to a USB
stick… (off the GUI thread, progress bar and Cancel), Save as CSV… and Join profiles….

Not about the chosen workshop: it shows every learner on this computer, joined profiles
as one. Redrawn when records, profiles, workshops or the library change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, ngettext
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations import recordfiles as ops
from kit.ui.runners.worker import Job
from kit.ui.widgets.plain import plain_tooltip
from kit.ui.workshop.printing.watch import WatchesRuns

REDRAW = Change.RECORDS | Change.PROFILES | Change.WORKSHOPS | Change.LIBRARY


def cell_colour(fraction: float) -> QColor:
    """White for nothing done to full green for all done (dark text stays readable)."""
    f = max(0.0, min(1.0, fraction))
    return QColor(int(255 - 120 * f), int(255 - 40 * f), int(255 - 120 * f))


def ask_save_path(parent: QWidget | None, title: str, name: str, pattern: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, name, pattern)
    return Path(chosen) if chosen else None


def ask_open_paths(parent: QWidget | None) -> list[Path]:
    chosen, _filter = QFileDialog.getOpenFileNames(
        parent, _("Import records"), "", _("Records files (*{suffix})").format(suffix=ops.SUFFIX)
    )
    return [Path(c) for c in chosen]


class JoinDialog(QDialog):
    """Two learners to join as one: the one kept and the other."""

    def __init__(self, learners: list[ops.LearnerRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Join profiles"))
        self.keep, self.other = QComboBox(), QComboBox()
        for box in (self.keep, self.other):
            for row in learners:
                box.addItem(f"{row.name} #{row.code}", row.profile_id)
        if len(learners) > 1:
            self.other.setCurrentIndex(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(_("Two profiles of the same person are shown as one.")))
        form.addRow(_("Keep:"), self.keep)
        form.addRow(_("Same person as the one kept:"), self.other)
        form.addRow(buttons)


class LearnersPage(WatchesRuns, QWidget):
    """Every learner's progress; `shown` after each redraw, `saved(path)` after a file."""

    shown = Signal()
    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ops.Overview | None = None
        self._job: Job | None = None
        self._run = None
        self.heading = QLabel(_("Learners' progress from all merged records"))
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.table = QTableWidget()
        self.table.setAccessibleName(_("Learners and modules"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        big = self.table.font()
        big.setPointSizeF(big.pointSizeF() * 1.2)
        self.table.setFont(big)
        self.import_button = self._button(_("Import…"), "Ctrl+I", self.import_files)
        self.copy_button = self._button(
            _("Copy progress to a USB stick…"), "Ctrl+U", self.copy_to_stick
        )
        self.csv_button = self._button(_("Save as CSV…"), "Ctrl+E", self.save_csv)
        self.join_button = self._button(_("Join profiles…"), "Ctrl+J", self.ask_join)
        self._make_run_widgets(_("Copying"))
        self._lay_out()
        self._set_busy(False)
        ctx.changes.operation_did_execute.connect(self._changed)
        self.reload()

    def _button(self, text: str, shortcut: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setShortcut(shortcut)
        button.setToolTip(plain_tooltip(f"{text} ({shortcut})"))
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        actions = QHBoxLayout()
        for button in (self.import_button, self.copy_button, self.csv_button, self.join_button):
            actions.addWidget(button)
        actions.addStretch(1)
        busy = QHBoxLayout()
        busy.addWidget(self.bar, 1)
        busy.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addLayout(busy)
        layout.addWidget(self.status)

    # -- the overview ----------------------------------------------------------

    def reload(self) -> None:
        ops.load_overview(self.ctx).success(self._show).failure(self._say).run(self)

    def _changed(self, changes: Any, _initiator: object) -> None:
        if changes.kinds & REDRAW:
            self.reload()

    def _show(self, view: ops.Overview) -> None:
        self.view = view
        table = self.table
        table.clear()
        table.setRowCount(len(view.learners))
        table.setColumnCount(len(view.modules))
        table.setHorizontalHeaderLabels([c.title for c in view.modules])
        table.setVerticalHeaderLabels([f"{r.name} #{r.code}" for r in view.learners])
        for row, learner in enumerate(view.learners):
            for column, cell in enumerate(learner.cells):
                item = QTableWidgetItem(f"{cell.done}/{cell.total}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(cell_colour(cell.fraction))
                item.setForeground(QColor("#000000"))
                item.setToolTip(
                    plain_tooltip(
                        _("{name}: {done} of {total} items of {module} done").format(
                            name=learner.name,
                            done=cell.done,
                            total=cell.total,
                            module=view.modules[column].title,
                        )
                    )
                )
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        self.join_button.setEnabled(len(view.learners) > 1)
        self.csv_button.setEnabled(bool(view.learners))
        self.shown.emit()

    # -- files -----------------------------------------------------------------

    def import_files(self, paths: list[Path] | None = None) -> None:
        chosen = paths if paths else ask_open_paths(self.window())
        if not chosen:
            return
        ops.import_records(self.ctx, chosen).success(self._imported).failure(self._say).run(self)

    def _imported(self, result: ops.MergeResult) -> None:
        self.status.setText(
            ngettext(
                "Added {n} record; {present} were already present.",
                "Added {n} records; {present} were already present.",
                result.total_added,
            ).format(n=result.total_added, present=result.total_present)
        )

    def copy_to_stick(self, dest: Path | None = None) -> None:
        if self._job is not None:
            return
        path = dest or ask_save_path(
            self.window(),
            _("Copy progress to a USB stick"),
            _("progress") + ops.SUFFIX,
            _("Records files (*{suffix})").format(suffix=ops.SUFFIX),
        )
        if path is None:
            return
        if not path.name.endswith(ops.SUFFIX):
            path = path.with_name(path.name + ops.SUFFIX)
        op = ops.copy_records(self.ctx, path)
        op.progress(self._progress).cancelled(self._stopped).failure(self._failed)
        op.success(lambda _counts: self._written(path))
        self.status.setText(_("Copying the records…"))
        self._set_busy(True)
        self._job = op.run(self)

    def _end(self) -> None:
        self._job = None
        self._set_busy(False)

    def _written(self, path: Path) -> None:
        self._end()
        self.status.setText(_("Saved as {path}.").format(path=path))
        self.saved.emit(str(path))

    def _stopped(self) -> None:
        self._end()
        self.status.setText(_("Copy cancelled: nothing was saved."))

    def save_csv(self, dest: Path | None = None) -> None:
        if self.view is None:
            return
        path = dest or ask_save_path(
            self.window(), _("Save as CSV"), _("learners") + ".csv", _("CSV files (*.csv)")
        )
        if path is None:
            return
        op = ops.save_csv(self.ctx, self.view, path)
        op.success(self._written_csv).failure(self._say).run(self)

    def _written_csv(self, path: Path) -> None:
        self.status.setText(_("Saved as {path}.").format(path=path))
        self.saved.emit(str(path))

    def ask_join(self) -> None:
        if self.view is None or len(self.view.learners) < 2:
            return
        dialog = JoinDialog(list(self.view.learners), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.join(str(dialog.keep.currentData()), str(dialog.other.currentData()))

    def join(self, keep_id: str, other_id: str) -> None:
        if keep_id == other_id:
            self.status.setText(_("Choose two different profiles to join."))
            return
        op = ops.join(self.ctx, keep_id, other_id)
        op.success(lambda _none: self.status.setText(_("The two profiles are shown as one.")))
        op.failure(self._say).run(self)

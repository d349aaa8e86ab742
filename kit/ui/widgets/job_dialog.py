"""A small window with a progress bar and Cancel, bound to one worker Job."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout

from kit.i18n import _
from kit.ui.worker import Job


class JobDialog(QDialog):
    """Shows a job's progress; Cancel asks the job to stop; closes when the job ends.

    Made before the job is submitted, so `on_progress` can be connected first (see
    operations.library); then `attach(job)`. `unit` formats progress: "bytes" (a
    percentage) or "count" (N of M).
    """

    def __init__(self, title: str, text: str, parent=None, unit: str = "bytes") -> None:
        super().__init__(parent)
        self.job: Job | None = None
        self.ended = False
        self.unit = unit
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(title)
        self.bar.setRange(0, 0)  # busy until the first report
        self.bar.setTextVisible(False)
        self.bar.setStyleSheet("QProgressBar { max-height: 12px; }")
        layout.addWidget(self.bar)
        self.detail = QLabel("")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setProperty("role", "muted")
        layout.addWidget(self.detail)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)

    def attach(self, job: Job) -> None:
        """Close when `job` ends, even if it ended on the worker before this call."""
        self.job = job
        job.finished.connect(self._job_ended)
        # Checked after connecting: `done` is set before `finished` is emitted, so a job
        # that is not done yet will still reach the slot above; one that is done may have
        # emitted before the connection.
        if job.done:
            QTimer.singleShot(0, self, self._job_ended)

    def _job_ended(self) -> None:
        self.ended = True
        if self.isVisible():  # once, though both paths above may call
            self.accept()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.ended:  # shown after its job ended: close at once, never stay open
            QTimer.singleShot(0, self, self.accept)

    def on_progress(self, done: int, total: int) -> None:
        from kit.i18n import format_number, format_percent

        if total <= 0:
            return
        self.bar.setRange(0, 1000)
        self.bar.setValue(int(1000 * min(done, total) / total))
        if self.unit == "count":
            self.detail.setText(
                _("{done} of {total}").format(done=format_number(done), total=format_number(total))
            )
        else:
            self.detail.setText(format_percent(int(100 * done / total) / 100))

    def cancel(self) -> None:
        if self.job is None:
            return
        self.job.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText(_("Cancelling…"))

    def reject(self) -> None:  # Escape or closing the window means Cancel
        if self.job is not None and not self.job.done:
            self.cancel()
            return
        super().reject()

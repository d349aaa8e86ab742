"""What the Print and Report tabs share while a file is written off the GUI thread: the
progress bar, Cancel and the status line follow the running job.

A page mixing in `WatchesRuns` calls `_make_run_widgets(name)` for its `bar`
(QProgressBar), `cancel_button` and `status` (QLabel), has `_job` and `_run`, and defines
`_end()` (back to idle, `_set_busy(False)` among it), `_written(path)` and `_stopped()`;
`watch(run)` connects a `RenderRun` to them and starts it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from kit.i18n import _
from kit.ui.workshop.printing.pdf import RenderRun


class WatchesRuns:
    bar: Any
    cancel_button: Any
    status: Any
    _job: Any
    _run: RenderRun | None

    def _make_run_widgets(self, bar_name: str) -> None:
        """The progress bar (its accessible name `bar_name`), Cancel and the status line."""
        self.bar = QProgressBar()
        self.bar.setAccessibleName(bar_name)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _set_busy(self, busy: bool) -> None:
        self.bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.bar.setRange(0, 0)

    def watch(self, run: RenderRun) -> None:
        run.job.progressed.connect(self._progress)
        run.job.succeeded.connect(self._written)
        run.job.failed.connect(self._failed)
        run.job.cancelled.connect(self._stopped)
        self._run, self._job = run, run.job
        run.start()

    def _progress(self, done: int, total: int, _text: str = "") -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _failed(self, error: str) -> None:
        self._end()
        self.status.setText(error)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.cancel_button.setEnabled(False)

    def _end(self) -> None:
        raise NotImplementedError

    def _written(self, path: Path) -> None:
        raise NotImplementedError

    def _stopped(self) -> None:
        raise NotImplementedError

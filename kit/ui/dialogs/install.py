"""Installing packs from the app: from a file, or the packs bundled with the app.

Runs on the worker with a progress window and Cancel; a refusal is one sentence in the
message bar and leaves the library as it was (the core guarantees that).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from kit.i18n import _, ngettext
from kit.ui.context import AppContext
from kit.ui.dialogs.job import JobDialog
from kit.ui.operations import library as ops
from kit.ui.operations.op import Op
from kit.ui.runners.worker import Job


class InstallFlow(QObject):
    """Starts installs and reports the outcome as one sentence (`message(text, kind)`)."""

    message = Signal(str, str)  # text, "info" | "error"
    finished = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window = parent
        self.dialog: JobDialog | None = None
        self.job: Job | None = None

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.window, _("Install a pack"), str(Path.home()),
            _("Training Kit packs (*.kitpack);;All files (*)"),
        )  # fmt: skip
        if path:
            self.install_file(path)

    def install_file(self, path: str | Path) -> JobDialog:
        name = Path(path).name
        self.dialog = JobDialog(
            _("Installing a pack"), _("Installing {name}…").format(name=name), self.window
        )
        self.job = self._run(ops.install_file(self.ctx, path).success(self._installed)
                             .cancelled(self._file_cancelled))  # fmt: skip
        return self._open()

    def install_bundled(self) -> JobDialog:
        self.dialog = JobDialog(
            _("Installing the included packs"),
            _("Setting up the packs that come with Training Kit…"), self.window, unit="count",
        )  # fmt: skip
        self.job = self._run(ops.install_bundled(self.ctx).success(self._bundled_done)
                             .cancelled(self._bundled_cancelled))  # fmt: skip
        return self._open()

    def _run(self, op: Op) -> Job:
        dialog = self.dialog
        return (
            op.failure(self._refused)
            .progress(lambda done, total, _text: dialog.on_progress(done, total))
            .finished(dialog.accept)
            .run(self)
        )

    def _open(self) -> JobDialog:
        self.dialog.attach(self.job)  # for Cancel; the dialog closes through on_finished
        self.dialog.open()
        return self.dialog

    def _installed(self, result) -> None:
        texts = {
            "installed": _("Installed {pack} {version}."),
            "updated": _("Updated {pack} to {version}."),
            "unchanged": _("{pack} {version} was already installed."),
            "repaired": _("Repaired {pack} {version}: its damaged or missing files were restored."),
        }
        text = texts.get(result.action, texts["installed"])
        self._say(text.format(pack=result.pack_id, version=result.version))

    def _bundled_done(self, results: list) -> None:
        added = sum(1 for r in results if r.action != "unchanged")
        self._say(
            ngettext(
                "{n} pack is ready in your library.", "{n} packs are ready in your library.", added
            ).format(n=added)
            if added
            else _("The included packs were already installed.")
        )

    def _file_cancelled(self) -> None:
        self._say(_("The installation was cancelled; nothing changed."))

    def _bundled_cancelled(self) -> None:
        # The packs done before Cancel stay: the runner announced them (announce_cancelled).
        self._say(_("Installing the included packs was cancelled."))

    def _refused(self, sentence: str) -> None:
        self._say(sentence, kind="error")

    def _say(self, text: str, kind: str = "info") -> None:
        """The outcome: the progress window closes as the sentence appears, not after."""
        if self.dialog is not None:
            self.dialog.accept()
        self.message.emit(text, kind)
        self.finished.emit()

"""The network runner: catalog refreshes and source checks in order on one thread, and
each pack download on a thread of its own.

The database worker (kit.ui.runners.worker) holds the databases; fetching a catalog from a slow
or unreachable server can take a minute and must not hold up the database work of other
screens, so network work never runs there. What a download hands to the library (the
install step) goes back to the database worker (kit.ui.operations.getpacks), so one
thread writes library.db. Every result reaches the GUI thread through a queued signal.

Both are daemon threads, unlike a QThread, so they may be left behind at exit while a
slow server keeps them waiting; nothing they write is left half-written (every file is
written atomically by the core).
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Signal

from kit.core.catalog.download import Paused
from kit.core.errors import Cancelled, KitError
from kit.i18n import _
from kit.ui.runners.worker import Worker, run_job

# DownloadTask outcomes
DONE, PAUSED, CANCELLED, FAILED = "done", "paused", "cancelled", "failed"


def describe_error(exc: BaseException) -> str:
    """One sentence for the user (KitError messages already are one)."""
    if isinstance(exc, KitError):
        return str(exc)
    if isinstance(exc, OSError):
        return _("The work failed: {reason}.").format(reason=exc.strerror or exc)
    traceback.print_exception(exc)  # a bug: keep the app alive, say so, log the details
    return _("Something went wrong: {error}.").format(error=exc)


class ThreadRunner(Worker):
    """Work that never touches a database, in order, on one daemon thread named
    `thread_name` (`submit` as Worker's: callbacks on the GUI thread, dropped when their
    widget was deleted)."""

    thread_name: ClassVar[str] = "kit-runner"

    def _start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name=self.thread_name, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while (job := self._jobs.items.get()) is not None:
            with contextlib.suppress(RuntimeError):  # the app is closing: nobody to tell
                run_job(job)

    def _join(self, timeout: float = 2.0) -> None:
        self._thread.join(timeout)


class PreviewRunner(ThreadRunner):
    """Trainer mode's previews (kit.ui.operations.editor_preview): rendering a long lesson
    takes seconds, and a save queued behind it on the database worker would wait."""

    thread_name = "kit-preview"


class NetworkRunner(ThreadRunner):
    """Catalog and source work, in order, on one daemon thread (`submit` as Worker's)."""

    thread_name = "kit-network"

    def stop(self, timeout: float = 2.0) -> None:
        for job in list(self._live):
            job.cancel()
        self._jobs.items.put(None)
        self._join(timeout)

    @property
    def thread_ident(self) -> int | None:
        return self._thread.ident


class DownloadTask(QObject):
    """Download, check and install one pack on its own thread.

    `make_job(progress)` runs on that thread and returns the PackJob to run (making a
    job writes the persistent queue, so it is not done on the GUI thread); `install` is
    the job's install step (kit.core.catalog.jobs.InstallStep), or None for the job's own.
    Signals: `progressed(JobProgress)` and `finished(pack_id, outcome, payload)` where
    outcome is DONE (payload: the InstallResult), PAUSED (payload: bytes kept),
    CANCELLED (payload: None) or FAILED (payload: the sentence to show).
    """

    progressed = Signal(object)
    finished = Signal(str, str, object)

    def __init__(
        self,
        pack_id: str,
        make_job: Callable[[Callable[[Any], None]], Any],
        install: Callable[..., Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pack_id = pack_id
        self._make_job = make_job
        self._install = install
        self.job: Any = None
        self._request = ""  # "pause" or "cancel", asked before or while running
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="kit-download", daemon=True)
        self.phase = "download"

    def start(self) -> DownloadTask:
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float) -> bool:
        """Join the thread (shutdown only); True if it ended."""
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def pause(self) -> None:
        self._ask("pause")

    def cancel(self) -> None:
        self._ask("cancel")

    def _ask(self, what: str) -> None:
        with self._lock:
            if self._request != "cancel":
                self._request = what
            self._apply()

    def _apply(self) -> None:
        if self.job is None or not self._request:
            return
        if self._request == "cancel":
            self.job.cancel()
        elif self.job.phase == "download":  # pausing a check or an install makes no sense
            self.job.pause()

    def _progress(self, p: Any) -> None:
        self.phase = p.phase
        if self._request:  # a pause asked just before run() began is applied here
            with self._lock:
                self._apply()
        self._emit(self.progressed, p)

    def _emit(self, signal: Any, *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the page is gone; the job still ends cleanly
            signal.emit(*args)

    def _run(self) -> None:
        try:
            with self._lock:
                self.job = self._make_job(self._progress)
                request = self._request
            if request:
                outcome, payload = self._stopped_before_start(request)
            else:
                outcome, payload = DONE, self.job.run(install=self._install)
        except Paused:
            outcome, payload = PAUSED, self.job.download.partial_size()
        except Cancelled:
            outcome, payload = CANCELLED, None
        except Exception as exc:
            outcome, payload = FAILED, describe_error(exc)
        self._emit(self.finished, self.pack_id, outcome, payload)

    def _stopped_before_start(self, request: str) -> tuple[str, Any]:
        if request == "cancel":
            self.job.packs.discard(self.job)
            return CANCELLED, None
        return PAUSED, self.job.download.partial_size()

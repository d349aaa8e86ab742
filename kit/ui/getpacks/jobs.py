"""Threads for the "Get packs" page: a serial runner for catalog work, one thread per download.

The app's single worker (ctx.worker) holds the databases; catalogs and downloads talk to
the network and may take minutes, so they never run there. Each download runs
`PackJob.run()` on its own daemon thread (the catalog code and Library.install are
thread-safe), and every result reaches the GUI thread through a queued Qt signal.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from kit.core.catalog.download import Paused
from kit.core.errors import Cancelled, KitError
from kit.i18n import _

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


class _Bridge(QObject):
    """Lives on the GUI thread; a callable emitted from any thread runs there."""

    deliver = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.deliver.connect(self._call)  # a bound slot: queued onto this object's thread

    @Slot(object)
    def _call(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except RuntimeError as exc:  # the page that asked was deleted meanwhile
            if "already deleted" not in str(exc):
                raise

    def post(self, fn: Callable[[], None]) -> None:
        with contextlib.suppress(RuntimeError):  # the page was closed: nobody to tell
            self.deliver.emit(fn)


_BRIDGE: list[_Bridge] = []


def _shared_bridge() -> _Bridge:
    """One bridge for the app's lifetime, made on the GUI thread: it is never deleted, so a
    runner thread that outlives its page never posts to (or destroys) a dead object."""
    if not _BRIDGE:
        _BRIDGE.append(_Bridge())
    return _BRIDGE[0]


class Call:
    """A submitted function; `done` turns True on the GUI thread once its callback ran."""

    def __init__(self, fn: Callable[[], Any], on_success: Any, on_failure: Any) -> None:
        self.fn, self.on_success, self.on_failure = fn, on_success, on_failure
        self.done = False


class SerialRunner:
    """One daemon thread running submitted calls in order (catalogs, sources, queue files).

    A daemon thread, unlike a QThread, may be left behind at exit while a slow server
    keeps it waiting; nothing it does is left half-written (every file is written
    atomically by the core).
    """

    def __init__(self, name: str) -> None:
        self._bridge = _shared_bridge()
        self._calls: queue.Queue[Call | None] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
    ) -> Call:
        call = Call(fn, on_success, on_failure)
        self._calls.put(call)
        return call

    def _loop(self) -> None:
        while (call := self._calls.get()) is not None:
            try:
                result = call.fn()
            except Exception as exc:
                message = describe_error(exc)
                self._bridge.post(lambda c=call, m=message: _finish(c, c.on_failure, m))
            else:
                self._bridge.post(lambda c=call, r=result: _finish(c, c.on_success, r))

    def stop(self, timeout: float = 5.0) -> None:
        self._calls.put(None)
        self._thread.join(timeout)


def _finish(call: Call, callback: Callable[[Any], None] | None, value: Any) -> None:
    call.done = True
    if callback is not None:
        callback(value)


class DownloadTask(QObject):
    """Download, check and install one pack on its own thread.

    `make_job(progress)` runs on that thread and returns the PackJob to run (making a
    job writes the persistent queue, so it is not done on the GUI thread). Signals:
    `progressed(JobProgress)` and `finished(pack_id, outcome, payload)` where outcome
    is DONE (payload: the InstallResult), PAUSED (payload: bytes kept), CANCELLED
    (payload: None) or FAILED (payload: the sentence to show).
    """

    progressed = Signal(object)
    finished = Signal(str, str, object)

    def __init__(
        self, pack_id: str, make_job: Callable[[Callable[[Any], None]], Any], parent=None
    ) -> None:
        super().__init__(parent)
        self.pack_id = pack_id
        self._make_job = make_job
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
                outcome, payload = DONE, self.job.run()
        except Paused:
            outcome, payload = PAUSED, self.job.download.partial_size()
        except Cancelled:
            outcome, payload = CANCELLED, None
        except Exception as exc:
            outcome, payload = FAILED, describe_error(exc)
        self._emit(self.finished, self.pack_id, outcome, payload)

    def _stopped_before_start(self, request: str) -> tuple[str, Any]:
        if request == "cancel":
            self.job.download.discard()
            self.job.packs.queue.remove(self.job.key)
            return CANCELLED, None
        return PAUSED, self.job.download.partial_size()

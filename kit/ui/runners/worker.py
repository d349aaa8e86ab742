"""One background worker thread for all core operations.

The GUI thread never touches the databases: it submits a function, which runs on the
single worker thread (so each database has one writer), and gets the result back on the
GUI thread through a queued signal. Long jobs receive a `JobControl` to report progress
and to check for Cancel between steps.
"""

from __future__ import annotations

import queue
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from kit.core.errors import Cancelled, KitError
from kit.i18n import _


@dataclass
class JobControl:
    """Handed to long jobs: report progress, check for cancellation."""

    _job: Job

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._job.progressed.emit(int(done), int(total), text)

    def cancelled(self) -> bool:
        return self._job.cancel_event.is_set()

    def check(self) -> None:
        if self.cancelled():
            raise Cancelled(_("Cancelled."))


class Job(QObject):
    """A submitted operation.

    The job may start (and even end) on the worker before `submit` returns, so a signal
    connected afterwards can be missed: pass the callbacks to `submit` (on_success,
    on_failure, on_progress, on_cancelled, on_finished), which connects them first.
    `done` turns True on the worker just before `finished` is emitted.
    """

    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(self, fn: Callable[..., Any], wants_control: bool) -> None:
        super().__init__()
        self.fn = fn
        self.wants_control = wants_control
        self.cancel_event = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self.cancel_event.set()


@dataclass
class _Queue:
    items: queue.Queue[Job | None] = field(default_factory=queue.Queue)


class _Runner(QThread):
    def __init__(self, jobs: _Queue) -> None:
        super().__init__()
        self.jobs = jobs
        self.setObjectName("kit-worker")

    def run(self) -> None:
        while True:
            job = self.jobs.items.get()
            if job is None:
                return
            run_job(job)


def run_job(job: Job) -> None:
    """Run one job on the calling (runner) thread and emit its outcome."""
    try:
        if job.cancel_event.is_set():
            raise Cancelled(_("Cancelled."))
        result = job.fn(JobControl(job)) if job.wants_control else job.fn()
    except Cancelled:
        job.cancelled.emit()
    except KitError as exc:
        job.failed.emit(str(exc))
    except OSError as exc:
        job.failed.emit(_("The work failed: {reason}.").format(reason=exc.strerror or exc))
    except Exception as exc:  # a bug: keep the app alive, say so, log the details
        traceback.print_exc()
        job.failed.emit(_("Something went wrong: {error}.").format(error=exc))
    else:
        job.succeeded.emit(result)
    finally:
        job.done = True
        job.finished.emit()


class Worker:
    """The single database worker thread. `submit` is called from the GUI thread only.

    (kit.ui.runners.network.NetworkRunner is the same queue on a thread of its own, for
    catalogs and downloads.)
    """

    def __init__(self) -> None:
        self._jobs = _Queue()
        self._live: set[Job] = set()
        self._held: list[Job] | None = None  # jobs submitted inside together()
        self._start()

    def _start(self) -> None:
        self._runner = _Runner(self._jobs)
        self._runner.start()

    def _join(self) -> None:
        self._runner.wait(10_000)

    def submit(
        self,
        fn: Callable[..., Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str], None] | None = None,
        *,
        control: bool = False,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_finished: Callable[[], None] | None = None,
        after_success: Callable[[Any], None] | None = None,
        after_cancelled: Callable[[], None] | None = None,
    ) -> Job:
        """Queue `fn`; every callback runs on the GUI thread and is connected before queueing.

        on_progress(done, total, text) receives JobControl.progress reports (control=True);
        on_cancelled() runs when the job stopped at Cancel; on_finished() runs last, after
        any of on_success / on_failure / on_cancelled.

        A callback that talks to a widget (its method, or a lambda closing over it) is
        dropped if the widget is deleted before the job ends (kit.ui.widgets.owned): a
        page rebuilt by a language change is not called back. `after_success(result)` and
        `after_cancelled()` run after those callbacks and are never dropped: the operation
        runner (kit.ui.operations.op) announces what changed with them.
        """
        from kit.ui.widgets.owned import owned, owner_of

        job = Job(fn, control)
        relays = []
        for signal, slot in (
            (job.succeeded, on_success),
            (job.failed, on_failure),
            (job.progressed, on_progress),
            (job.cancelled, on_cancelled),
            (job.finished, on_finished),
        ):
            if slot is None:
                continue
            owner = owner_of(slot)
            if (
                owner is not None
                and not isinstance(owner, Job)
                and owner.thread() is QThread.currentThread()  # a relay lives with its owner
            ):
                slot = owned(owner, slot)
                relays.append(slot.__self__)  # type: ignore[attr-defined]  # the relay
            signal.connect(slot)
        if after_success is not None:
            job.succeeded.connect(after_success)
        if after_cancelled is not None:
            job.cancelled.connect(after_cancelled)
        for relay in relays:  # after the callbacks: they run first
            job.finished.connect(relay.deleteLater)
        self._live.add(job)
        job.finished.connect(lambda: self._live.discard(job))
        if self._held is not None:
            self._held.append(job)
        else:
            self._jobs.items.put(job)
        return job

    @contextmanager
    def together(self) -> Iterator[None]:
        """Jobs submitted inside are queued when the block ends, in order.

        Two jobs submitted one after the other (the reader's "load" and "viewed"): the
        worker would start the first at once and hold the GIL while this thread prepares
        the second, making it wait for the interpreter's switch interval (5 ms).
        `call()` is not held (it waits for its answer).
        """
        if self._held is not None:  # already inside: the outer block queues them
            yield
            return
        self._held = []
        try:
            yield
        finally:
            held, self._held = self._held, None
            for job in held:
                self._jobs.items.put(job)

    def call(self, fn: Callable[[], Any], timeout: float | None = 30.0) -> Any:
        """Run `fn` on the worker and wait for it (start-up, shutdown, or from another
        runner's thread: a download hands its install step to this worker so)."""
        box: dict[str, Any] = {}
        done = threading.Event()

        def wrapped() -> None:
            try:
                box["value"] = fn()
            except BaseException as exc:
                box["error"] = exc
            finally:
                done.set()

        self._jobs.items.put(Job(wrapped, False))
        if not done.wait(timeout):
            raise TimeoutError("the worker did not answer")
        if "error" in box:
            raise box["error"]
        return box.get("value")

    def stop(self) -> None:
        for job in list(self._live):
            job.cancel()
        self._jobs.items.put(None)
        self._join()

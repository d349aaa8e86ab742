"""The worker survives a long session: thousands of jobs and signals in one process."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys, time
from PySide6.QtWidgets import QApplication
from kit.ui.runners.worker import Worker
app = QApplication([])
worker = Worker()
done = [0]
for i in range(4000):
    job = worker.submit(lambda ctl, i=i: (ctl.progress(i, 4000), i)[1], control=True,
                        on_success=lambda r: done.__setitem__(0, done[0] + 1))
end = time.time() + 60
while done[0] < 4000 and time.time() < end:
    app.processEvents()
worker.stop()
print(done[0])
"""


def test_thousands_of_jobs_do_not_crash_the_app() -> None:
    # PySide6 6.12.0 aborted ("bool_dealloc") after ~1,000 signal emits: a learner
    # session would have crashed. Run in a subprocess so a crash fails this test only.
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "4000"


def test_callbacks_given_to_submit_are_never_missed(qtbot) -> None:
    import threading

    from kit.ui.runners.worker import Worker

    worker = Worker()
    try:
        seen: list[object] = []
        gate = threading.Event()
        worker.submit(lambda: gate.wait(20))  # holds the worker while B is cancelled
        b = worker.submit(lambda: seen.append("B ran"), on_cancelled=lambda: seen.append("cancelled"),
                          on_finished=lambda: seen.append("B finished"))  # fmt: skip
        b.cancel()
        gate.set()
        job = worker.submit(
            lambda ctl: (ctl.progress(1, 2, "half"), 42)[1], control=True,
            on_success=seen.append, on_progress=lambda *a: seen.append(a),
            on_finished=lambda: seen.append("finished"),
        )  # fmt: skip
        worker.call(lambda: None)  # queued behind: both jobs have ended and emitted
        assert job.done and seen == []  # nothing delivered until the event loop runs
        qtbot.waitUntil(lambda: "finished" in seen)
        assert seen == ["cancelled", "B finished", (1, 2, "half"), 42, "finished"]
    finally:
        worker.stop()


def test_a_job_dialog_closes_even_when_the_job_ends_while_it_attaches(qtbot, monkeypatch) -> None:
    import threading

    from PySide6.QtCore import Qt

    import kit.ui.runners.worker
    from kit.ui.dialogs.job import JobDialog

    gate, ended = threading.Event(), threading.Event()

    class RacingJob(kit.ui.runners.worker.Job):
        """The job ends (on the worker) right after the dialog first looks at `done`."""

        @property
        def done(self) -> bool:
            value = self._done
            if not gate.is_set():
                gate.set()
                assert ended.wait(20)
            return value

        @done.setter
        def done(self, value: bool) -> None:
            self._done = value

    monkeypatch.setattr(kit.ui.runners.worker, "Job", RacingJob)
    worker = kit.ui.runners.worker.Worker()
    try:
        job = worker.submit(lambda: gate.wait(20))
        job.finished.connect(ended.set, Qt.ConnectionType.DirectConnection)
        dialog = JobDialog("Working", "Working…")
        qtbot.addWidget(dialog)
        dialog.open()
        dialog.attach(job)
        assert ended.is_set()
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        gate.set()
        worker.stop()


def test_jobs_submitted_together_start_once_all_are_queued_and_run_in_order(qtbot) -> None:
    from kit.ui.runners.worker import Worker

    worker = Worker()
    try:
        ran: list[str] = []
        delivered: list[object] = []
        with worker.together():
            worker.submit(lambda: ran.append("load") or "view", on_success=delivered.append)
            with worker.together():  # nested: still queued by the outer block
                worker.submit(lambda: ran.append("viewed"))
            worker.call(lambda: ran.append("call"))  # not held: it waits for its answer
            assert ran == ["call"]  # nothing held has started yet
        worker.call(lambda: None)
        assert ran == ["call", "load", "viewed"]
        qtbot.waitUntil(lambda: delivered == ["view"])
    finally:
        worker.stop()

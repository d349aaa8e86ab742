"""Operations as objects, in the spirit of Anki's CollectionOp (qt/aqt/operations).

An operations module returns an `Op`; the screen says what to do with the outcome and
runs it:

    load_library(ctx).success(self.show_view).failure(self._failed).run(self)

`run` submits the work to the database worker (or, for `on_network=True`, to the network
runner), every callback arrives on the GUI thread, and after success the runner
announces the kinds of change the operation declared on the change hub
(`ctx.changes.operation_did_execute(OpChanges, initiator)`), so every screen hears it,
including the one that asked (the initiator, which may skip a redraw it already did).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from kit.ui.changes import Change, OpChanges
from kit.ui.context import AppContext, Services
from kit.ui.runners.worker import Job, JobControl

T = TypeVar("T")
Done = Callable[[T], None]
Failed = Callable[[str], None]
Progress = Callable[[int, int, str], None]
Ended = Callable[[], None]


def announce(services: Services, changes: OpChanges, initiator: object | None = None) -> None:
    """Tell every screen what changed (the runners' job only; screens never call it)."""
    if changes.kinds:
        services.changes.operation_did_execute.emit(changes, initiator)


class Op(Generic[T]):
    """One piece of core work and the kinds of data it changes.

    `work()` (or `work(control)` with control=True, for progress and Cancel) runs off the
    GUI thread. `announce_cancelled`: the changes are announced after a Cancel too (an
    install of several packs keeps those done before it).
    """

    def __init__(
        self,
        ctx: AppContext,
        work: Callable[..., T],
        changes: Change = Change.NONE,
        *,
        control: bool = False,
        on_network: bool = False,
        announce_cancelled: bool = False,
    ) -> None:
        self.ctx = ctx
        self.work = work
        self.kinds = changes
        self.control = control
        self.on_network = on_network
        self.announce_cancelled = announce_cancelled
        self.profile_id = ctx.profile_id  # whose records: the learner signed in when asked
        self._success: Done[T] | None = None
        self._failure: Failed | None = None
        self._progress: Progress | None = None
        self._cancelled: Ended | None = None
        self._finished: Ended | None = None

    def success(self, fn: Done[T] | None) -> Op[T]:
        self._success = fn
        return self

    def failure(self, fn: Failed | None) -> Op[T]:
        self._failure = fn
        return self

    def progress(self, fn: Progress | None) -> Op[T]:
        self._progress = fn
        return self

    def cancelled(self, fn: Ended | None) -> Op[T]:
        self._cancelled = fn
        return self

    def finished(self, fn: Ended | None) -> Op[T]:
        self._finished = fn
        return self

    @property
    def op_changes(self) -> OpChanges:
        return OpChanges(self.kinds, self.profile_id)

    def run(self, initiator: object | None = None) -> Job:
        """Submit the work; callbacks and the announcement arrive on the GUI thread."""
        services = self.ctx.services
        runner = services.network if self.on_network else services.worker
        changes = self.op_changes
        return runner.submit(
            self.work,
            self._success,
            self._failure,
            control=self.control,
            on_progress=self._progress,
            on_cancelled=self._cancelled,
            on_finished=self._finished,
            after_success=lambda _result: announce(services, changes, initiator),
            after_cancelled=(lambda: announce(services, changes, initiator))
            if self.announce_cancelled
            else None,
        )


__all__ = ["Change", "Done", "Ended", "Failed", "JobControl", "Op", "OpChanges", "Progress"]

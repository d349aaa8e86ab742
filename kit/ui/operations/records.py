"""Learner records the shell needs: backups, restore, the start-up backup."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kit.ui.context import AppContext
from kit.ui.worker import Job

Done = Callable[..., None]
Failed = Callable[[str], None]


def auto_backup(ctx: AppContext, on_failure: Failed | None = None) -> Job:
    """The start-up backup (at most once a day; cheap when there is nothing to do)."""
    return ctx.worker.submit(lambda: ctx.records.auto_backup(), None, on_failure)


def list_backups(ctx: AppContext, on_done: Done, on_failure: Failed | None = None) -> Job:
    return ctx.worker.submit(lambda: ctx.records.backups(), on_done, on_failure)


def backup_now(ctx: AppContext, on_done: Done, on_failure: Failed) -> Job:
    return ctx.worker.submit(lambda: ctx.records.backup("manual"), on_done, on_failure)


def restore_question(ctx: AppContext, path: Path | str, on_done: Done, on_failure: Failed) -> Job:
    """For the question before a restore: on_done(RestoreLoss, facilitators), where
    facilitators are the profiles one of whom must give a PIN ([] while there are none)."""
    return ctx.worker.submit(
        lambda: (ctx.records.restore_loss(path), ctx.records.facilitators()),
        lambda answer: on_done(*answer),
        on_failure,
    )


def restore_backup(
    ctx: AppContext,
    path: Path | str,
    on_done: Done,
    on_failure: Failed,
    by: str | None = None,
    pin: str | None = None,
) -> Job:
    """Restore a backup (by facilitator `by` with `pin` once one exists); the current
    records are backed up first by the core."""
    return ctx.worker.submit(lambda: ctx.records.restore(path, by=by, pin=pin), on_done, on_failure)

"""Learner records the shell needs: backups, restore, the start-up backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op


def auto_backup(ctx: AppContext) -> Op[Any]:
    """The start-up backup (at most once a day; cheap when there is nothing to do)."""
    return Op(ctx, lambda: ctx.records.auto_backup())


def list_backups(ctx: AppContext) -> Op[list[Any]]:
    return Op(ctx, lambda: ctx.records.backups())


def backup_now(ctx: AppContext) -> Op[Any]:
    return Op(ctx, lambda: ctx.records.backup("manual"))


def restore_question(ctx: AppContext, path: Path | str) -> Op[tuple[Any, list[Any]]]:
    """For the question before a restore: (RestoreLoss, facilitators), where facilitators
    are the profiles one of whom must give a PIN ([] while there are none)."""
    return Op(ctx, lambda: (ctx.records.restore_loss(path), ctx.records.facilitators()))


def restore_backup(
    ctx: AppContext, path: Path | str, by: str | None = None, pin: str | None = None
) -> Op[Any]:
    """Restore a backup (by facilitator `by` with `pin` once one exists); the current
    records are backed up first by the core. Every profile and every learner's records
    may have changed."""
    return Op(
        ctx, lambda: ctx.records.restore(path, by=by, pin=pin), Change.RECORDS | Change.PROFILES
    )

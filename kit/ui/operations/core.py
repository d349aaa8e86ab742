"""Opening and closing the core objects on the worker thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kit.ui.context import AppContext
from kit.ui.worker import Job


@dataclass(frozen=True)
class StartState:
    """What the first screen needs: the profiles and whether the library is empty."""

    profiles: list  # list[kit.core.records.Profile]
    pack_count: int


def open_core(
    ctx: AppContext, on_done: Callable[[StartState], None], on_failure: Callable[[str], None]
) -> Job:
    """Open library.db and records.db on the worker (they are used only there)."""

    def work() -> StartState:
        from kit.core.library import Library
        from kit.core.records import Records

        if ctx.library is None:
            ctx.library = Library(ctx.data)
        if ctx.records is None:
            ctx.records = Records(ctx.data)
        return StartState(ctx.records.list_profiles(), len(ctx.library.list_packs()))

    return ctx.worker.submit(work, on_done, on_failure)


def close_core(ctx: AppContext) -> None:
    """Close the databases on the worker, then stop it (at shutdown; waits)."""

    def work() -> None:
        for name in ("library", "records"):
            obj = getattr(ctx, name)
            if obj is not None:
                obj.close()
                setattr(ctx, name, None)

    try:
        ctx.worker.call(work, timeout=30)
    finally:
        ctx.worker.stop()

"""Opening and closing the core objects on the worker thread."""

from __future__ import annotations

from dataclasses import dataclass

from kit.ui.context import AppContext
from kit.ui.operations.op import Op


@dataclass(frozen=True)
class StartState:
    """What the first screen needs: the profiles, whether the library is empty, and what
    a portable start repaired (notices for the message bar)."""

    profiles: list  # list[kit.core.records.Profile]
    pack_count: int
    notices: tuple[str, ...] = ()
    library_emptied: bool = False


def open_core(ctx: AppContext) -> Op[StartState]:
    """Open library.db and records.db on the worker (they are used only there)."""

    def work() -> StartState:
        from kit.core.library import Library
        from kit.core.records import Records

        services = ctx.services
        if ctx.data.portable and services.portable is None:
            from kit.core.portable.health import begin

            services.portable = begin(ctx.data)  # checks (and repairs) the stick first
        if services.library is None:
            services.library = Library(ctx.data)
        if services.records is None:
            services.records = Records(ctx.data)
        run = services.portable
        return StartState(
            ctx.records.list_profiles(),
            len(ctx.library.list_packs()),
            tuple(run.notices) if run else (),
            bool(run and run.library_emptied),
        )

    return Op(ctx, work)


def close_core(ctx: AppContext) -> None:
    """Stop the network and preview runners, close the databases on the worker, then stop it
    (at shutdown; waits)."""
    ctx.services.stop_network()
    ctx.services.stop_preview()

    def work() -> None:
        services = ctx.services
        if services.library is not None:
            services.library.close()
            services.library = None
        if services.records is not None:
            services.records.close()
            services.records = None
        if services.portable is not None:
            services.portable.end()  # backs up changed records, removes the running marker
            services.portable = None

    try:
        ctx.worker.call(work, timeout=30)
    finally:
        ctx.worker.stop()

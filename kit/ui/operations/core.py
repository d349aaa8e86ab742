"""Opening and closing the core objects on the worker thread."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from kit.ui.context import AppContext
from kit.ui.operations.op import Op


@dataclass(frozen=True)
class StartState:
    """What the first screen needs: the profiles, whether the library is empty, and what
    a portable start repaired (notices for the message bar).

    library: the library page's view for the profile asked for at start (`kit --profile`),
    read right after opening when that profile has no PIN and its language is the
    session's: (profile id, LibraryView), else None."""

    profiles: list  # list[kit.core.records.Profile]
    pack_count: int
    notices: tuple[str, ...] = ()
    library_emptied: bool = False
    library: tuple[str, Any] | None = None


def open_core(ctx: AppContext, profile: str | None = None) -> Op[StartState]:
    """Open library.db and records.db on the worker (they are used only there); with
    `profile` (a name), also read that learner's library page in the same trip, so the
    first screen does not wait for a second one (bench/startup.py)."""

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
        profiles = ctx.records.list_profiles()
        pack_count = len(ctx.library.list_packs())
        library = _first_library(ctx, profiles, profile) if pack_count else None
        return StartState(
            profiles,
            pack_count,
            tuple(run.notices) if run else (),
            bool(run and run.library_emptied),
            library,
        )

    return Op(ctx, work)


def _first_library(ctx: AppContext, profiles: list, name: str | None) -> tuple[str, Any] | None:
    """The library view `name` signs in to, when the start goes straight to it: a
    profile of that name without a PIN whose language needs no switch."""
    wanted = (name or "").strip().casefold()
    chosen = next((p for p in profiles if p.name.casefold() == wanted), None) if wanted else None
    if chosen is None or chosen.has_pin or (chosen.language and chosen.language != ctx.language):
        return None
    from kit.ui.operations.library import read_library

    learner = AppContext(services=ctx.services, session=replace(ctx.session, profile=chosen))
    return chosen.id, read_library(learner)


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

"""What a "From a pack's plan…" choice asks of the core: the ready plans the installed
packs carry, and adopting one as a new workshop (kit.core.workshops.packplans)."""

from __future__ import annotations

from kit.core.workshops import Workshop, Workshops
from kit.core.workshops.packplans import PackPlan, load_pack_plan, pack_plans
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op


def list_pack_plans(ctx: AppContext) -> Op[list[PackPlan]]:
    """Every ready plan of the installed packs, titles and minutes in the UI language."""
    return Op(ctx, lambda: pack_plans(ctx.library, ctx.language))


def adopt_pack_plan(ctx: AppContext, pack_id: str, name: str) -> Op[tuple[Workshop, list[str]]]:
    """Save the pack's plan as a new workshop; (the workshop, its import warnings).
    A missing pack or plan fails with one sentence and saves nothing."""

    def work() -> tuple[Workshop, list[str]]:
        imported = load_pack_plan(ctx.library, pack_id, name, ctx.language)
        return Workshops(ctx.records.rdb).save(imported.workshop), imported.warnings

    return Op(ctx, work, changes=Change.WORKSHOPS)

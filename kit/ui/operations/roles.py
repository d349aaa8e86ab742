"""Facilitators in the UI: who they are, making one, resetting a forgotten PIN.

Every facilitator action gives a facilitator's id and PIN to the core
(kit.core.records.roles), which checks them through the PIN throttle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op


@dataclass(frozen=True)
class Facilitators:
    """The facilitator profiles (by name) and whether a profile may make itself one
    (True while there are none)."""

    profiles: list[Any]
    may_self_appoint: bool


def facilitators(ctx: AppContext) -> Op[Facilitators]:
    def work() -> Facilitators:
        return Facilitators(ctx.records.facilitators(), ctx.records.may_self_appoint())

    return Op(ctx, work)


def set_role(
    ctx: AppContext, profile_id: str, role: str, by: str | None, pin: str | None
) -> Op[Any]:
    """Make a profile a "facilitator" or a "learner": `by` a facilitator with its `pin`
    (or, while there is no facilitator, the profile itself with its own PIN)."""
    return Op(ctx, lambda: ctx.records.set_role(profile_id, role, by=by, pin=pin), Change.PROFILES)


def reset_pin(
    ctx: AppContext, profile_id: str, new_pin: str | None, by: str | None, pin: str | None
) -> Op[Any]:
    """A forgotten PIN set anew (None: removed) by facilitator `by` with its `pin`."""
    return Op(
        ctx, lambda: ctx.records.reset_pin(profile_id, new_pin, by=by, pin=pin), Change.PROFILES
    )


def create_facilitator(
    ctx: AppContext, name: str, colour: str | None, pin: str, language: str
) -> Op[Any]:
    """The first profile on a computer, as its facilitator (its own PIN appoints it)."""

    def work() -> Any:
        return ctx.records.create_profile(
            name, colour=colour, pin=pin, language=language, role="facilitator"
        )

    return Op(ctx, work, Change.PROFILES)

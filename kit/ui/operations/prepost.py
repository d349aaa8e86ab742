"""What the Pre/post tab asks of the core: a workshop's pre/post test, the questions it may
use, one respondent's answers, and the results (kit.core.workshops.prepost).

An answer returns only how many responses each phase has: the screen that follows a
respondent shows nothing of what they (or anyone before them) answered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kit.core.errors import KitError
from kit.core.workshops.model import WorkshopError
from kit.core.workshops.prepost import (
    PHASES,
    Instrument,
    PrePost,
    already,
    choices,
    code_key,
    load_instrument,
    profile_key,
    scale_top,
    section,
)
from kit.core.workshops.reportdata import Section
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op

__all__ = ["PHASES", "Instrument", "PrePostState", "Respondent", "Section", "scale_top"]


@dataclass(frozen=True)
class Respondent:
    """Who answers: a learner profile (with its PIN, when it has one) or a made-up code."""

    profile_id: str | None = None
    pin: str | None = None
    code: str = ""


@dataclass(frozen=True)
class PrePostState:
    """One workshop's pre/post test as the tab shows it."""

    workshop_id: str
    title: str
    instrument: Instrument | None  # with its questions
    options: list[Instrument] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    profiles: list[tuple[str, str, bool]] = field(default_factory=list)  # id, name, has PIN
    section: Section | None = None


def _state(ctx: AppContext, workshop_id: str) -> PrePostState:
    from kit.core.workshops import Workshops

    rdb = ctx.records.rdb
    shop = Workshops(rdb).get(workshop_id)
    pp = PrePost(rdb)
    chosen = pp.instrument(workshop_id)
    instrument = None
    if chosen is not None:
        try:
            instrument = load_instrument(ctx.library, chosen.pack_id, chosen.item_id)
        except KitError:  # its pack was removed: results stay readable
            instrument = chosen
    return PrePostState(
        workshop_id=workshop_id,
        title=shop.title,
        instrument=instrument,
        options=choices(ctx.library),
        counts=pp.counts(workshop_id),
        profiles=[(p.id, p.name, p.has_pin) for p in ctx.records.list_profiles()],
        section=section(rdb, shop),
    )


def load(ctx: AppContext, workshop_id: str) -> Op[PrePostState]:
    return Op(ctx, lambda: _state(ctx, workshop_id))


def choose(ctx: AppContext, workshop_id: str, pack_id: str, item_id: str) -> Op[PrePostState]:
    """Make `pack_id`/`item_id` ("" / "confidence": built in) the workshop's test."""

    def work() -> PrePostState:
        instrument = load_instrument(ctx.library, pack_id, item_id)
        PrePost(ctx.records.rdb).choose(workshop_id, instrument)
        return _state(ctx, workshop_id)

    return Op(ctx, work, Change.WORKSHOPS)


def _key(ctx: AppContext, who: Respondent) -> Any:
    if who.profile_id is not None:
        return profile_key(ctx.records, who.profile_id, who.pin)
    return code_key(who.code)


def check(ctx: AppContext, workshop_id: str, phase: str, who: Respondent) -> Op[None]:
    """Refuses, before the questions, a wrong PIN or a key that answered `phase` already."""

    def work() -> None:
        key = _key(ctx, who)
        if PrePost(ctx.records.rdb).answered(workshop_id, phase, key):
            raise WorkshopError(already(phase, key))

    return Op(ctx, work)


def answer(
    ctx: AppContext, workshop_id: str, phase: str, who: Respondent, answers: dict[str, Any]
) -> Op[dict[str, int]]:
    """Keep one respondent's answers (durable on success); -> responses per phase."""

    def work() -> dict[str, int]:
        pp = PrePost(ctx.records.rdb)
        chosen = pp.instrument(workshop_id)
        instrument = (
            load_instrument(ctx.library, chosen.pack_id, chosen.item_id) if chosen else None
        )
        pp.answer(workshop_id, phase, _key(ctx, who), answers, instrument)
        return pp.counts(workshop_id)

    return Op(ctx, work, Change.WORKSHOPS)

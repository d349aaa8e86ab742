"""What the Feedback tab and the kiosk ask of the core: the workshop and the surveys to
choose from, anonymous answers saved (durable when the operation succeeds), the previous
half-day's cards shown back grouped, and the facilitator's PIN to leave the kiosk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kit.core import itemtypes
from kit.core.workshops import Workshop, Workshops
from kit.core.workshops.attendance import session_now
from kit.core.workshops.feedback import (
    DEFAULT_SURVEY,
    MINUTE,
    SURVEY,
    UPDOWN,
    Feedback,
    ShowBack,
    Survey,
    pack_survey,
)
from kit.core.workshops.feedback_forms import FORMS
from kit.core.workshops.register import session_label
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op
from kit.ui.operations.presenter import open_as_facilitator


@dataclass(frozen=True)
class FeedbackState:
    """A workshop, its surveys to choose from (the built-in one first), the session
    running now (or next), and how many answers of each kind it holds."""

    shop: Workshop
    surveys: tuple[Survey, ...]
    session_id: str
    counts: Mapping[str, int]  # respondents (cards) per kind: MINUTE, UPDOWN, SURVEY
    sessions: tuple[tuple[str, str], ...] = ()  # (id, "Day 1 09:00 Morning")


__all__ = ["FORMS", "MINUTE", "SURVEY", "UPDOWN", "FeedbackState", "ShowBack", "Survey"]


def _pack_surveys(ctx: AppContext) -> list[Survey]:
    found = []
    for pack in ctx.library.list_packs(ctx.language):
        full = ctx.library.get_pack(pack["id"], ctx.language) or {}
        for module in full.get("modules", []):
            for entry in module.get("items", []):
                if entry.get("type") != itemtypes.SURVEY:
                    continue
                item = ctx.library.get_item(pack["id"], entry["id"], ctx.language)
                if item and item.get("questions"):
                    found.append(pack_survey(str(pack["id"]), item))
    return found


def load(ctx: AppContext, workshop_id: str) -> Op[FeedbackState]:
    def work() -> FeedbackState:
        shop = Workshops(ctx.records.rdb).get(workshop_id)
        now = session_now(shop, dt.datetime.now().astimezone())
        responses: dict[str, set[str]] = {}
        for answer in Feedback(ctx.records.rdb).answers(workshop_id):
            responses.setdefault(answer.kind, set()).add(answer.response_id)
        counts = {kind: len(ids) for kind, ids in responses.items()}
        surveys = (DEFAULT_SURVEY, *_pack_surveys(ctx))
        sessions = tuple((s.id, session_label(s)) for s in shop.sessions)
        return FeedbackState(shop, surveys, now.id if now else "", counts, sessions)

    return Op(ctx, work)


def record_cards(
    ctx: AppContext,
    workshop_id: str,
    kind: str,
    session_id: str,
    cards: Sequence[Mapping[str, str]],
) -> Op[int]:
    """Cards typed from paper (minute cards or one up, one down), saved at once."""
    return Op(
        ctx,
        lambda: Feedback(ctx.records.rdb).record_cards(workshop_id, kind, session_id, cards),
        Change.WORKSHOPS,
    )


def record_response(
    ctx: AppContext,
    workshop_id: str,
    survey: Survey,
    answers: Mapping[str, Any],
    session_id: str = "",
) -> Op[int]:
    """One kiosk respondent's survey answers, anonymous; -> how many were saved."""
    return Op(
        ctx,
        lambda: Feedback(ctx.records.rdb).record(workshop_id, SURVEY, survey, answers, session_id),
        Change.WORKSHOPS,
    )


def show_back(ctx: AppContext, workshop_id: str, session_id: str) -> Op[Any]:
    """The half-day before `session_id`'s cards, grouped (None: there are none)."""

    def work() -> Any:
        shop = Workshops(ctx.records.rdb).get(workshop_id)
        return Feedback(ctx.records.rdb).show_back(shop, session_id)

    return Op(ctx, work)


def unlock(ctx: AppContext, pin: str) -> Op[Any]:
    """The signed-in facilitator's PIN checked (throttled), to leave the kiosk."""
    profile = ctx.session.profile
    return open_as_facilitator(ctx, profile.id if profile is not None else "", pin)

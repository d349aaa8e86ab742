"""What room quizzes and polls ask of the core (kit.core.workshops.room): the questions
of a quiz item, putting a question or a poll to the room, the register to tick answers
from, and the answers (each durable, with a linked learner's records, when it returns)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kit.core import itemtypes
from kit.core.workshops import Participant, Workshops
from kit.core.workshops.room import (
    MAX_OPTIONS,
    MIN_OPTIONS,
    Option,
    RoomQuestion,
    RoomQuestions,
    Tally,
    option_label,
    room_questions,
)
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op

__all__ = [
    "MAX_OPTIONS",
    "MIN_OPTIONS",
    "Option",
    "Participant",
    "RoomQuestion",
    "Tally",
    "answer",
    "ask_poll",
    "ask_quiz",
    "count",
    "option_label",
    "quiz_questions",
    "register",
]
ANSWERS = Change.WORKSHOPS | Change.RECORDS  # a linked learner's records too


def quiz_questions(ctx: AppContext, pack_id: str, item_id: str) -> Op[list[dict[str, Any]]]:
    """The questions of item (pack_id, item_id) the room can answer ([] when it is not a
    quiz or is not installed), in the interface language where the pack has it."""

    def work() -> list[dict[str, Any]]:
        if not pack_id or not item_id:
            return []
        item = ctx.library.get_item(pack_id, item_id, ctx.language)
        if not item or not itemtypes.is_scored(item.get("type")):
            return []
        return room_questions(item)

    return Op(ctx, work)


def ask_quiz(
    ctx: AppContext,
    workshop_id: str,
    session_id: str,
    pack_id: str,
    item_id: str,
    question: Mapping[str, Any],
) -> Op[Tally]:
    def work() -> Tally:
        room = RoomQuestions(ctx.records.rdb)
        asked = room.ask_quiz(workshop_id, session_id, pack_id, item_id, question, ctx.language)
        return room.tally(asked.id)

    return Op(ctx, work, Change.WORKSHOPS)


def ask_poll(
    ctx: AppContext, workshop_id: str, session_id: str, prompt: str, options: Sequence[str]
) -> Op[Tally]:
    def work() -> Tally:
        room = RoomQuestions(ctx.records.rdb)
        return room.tally(room.ask_poll(workshop_id, session_id, prompt, options).id)

    return Op(ctx, work, Change.WORKSHOPS)


def register(ctx: AppContext, workshop_id: str) -> Op[list[Participant]]:
    """The workshop's participants, to tick answers by name."""
    return Op(ctx, lambda: Workshops(ctx.records.rdb).participants(workshop_id))


def answer(ctx: AppContext, question_id: str, participant_id: str, choice: Any) -> Op[Tally]:
    """Keep one participant's answer (their latest counts)."""
    return Op(
        ctx,
        lambda: RoomQuestions(ctx.records.rdb).answer(question_id, participant_id, choice),
        ANSWERS,
    )


def count(ctx: AppContext, question_id: str, counts: Mapping[str, int]) -> Op[Tally]:
    """Keep a show of hands typed in: answers per option (the latest counts)."""
    return Op(
        ctx, lambda: RoomQuestions(ctx.records.rdb).count(question_id, counts), Change.WORKSHOPS
    )

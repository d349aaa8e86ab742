"""The value types of room quizzes and polls (kit.core.workshops.room): a question as
it was put to the room, its options, and the tally of its responses; pure, no storage.

A choice question (single, true/false, multiple) and a poll are answered with option
ids; a short-answer or ordering question is answered out loud and judged by the
facilitator: option "right" or "wrong".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kit.core import quiz
from kit.core.workshops.model import WorkshopError
from kit.i18n import _, format_number, ngettext

QUIZ = "quiz"
POLL = "poll"
CHOICE_TYPES = ("single", "truefalse", "multiple")
JUDGED_TYPES = ("short", "order")  # answered out loud: the facilitator says right or wrong
RIGHT, WRONG = "right", "wrong"
MIN_OPTIONS, MAX_OPTIONS = 2, 8
MAX_TEXT = 500
MAX_COUNT = 10_000


@dataclass(frozen=True)
class Option:
    id: str
    text: str  # Markdown for a quiz choice, plain text for a poll option
    correct: bool = False
    explanation: str = ""


@dataclass(frozen=True)
class RoomQuestion:
    """A question as it was put to the room; `question` is the pack's QUESTION object
    (docs/pack-format.md) or, for a poll, {"type": "poll", "prompt", "choices"}."""

    id: str
    workshop_id: str
    session_id: str
    kind: str  # QUIZ or POLL
    question: Mapping[str, Any]
    pack_id: str = ""
    item_id: str = ""
    language: str = ""

    @property
    def qtype(self) -> str:
        return str(self.question.get("type") or "")

    @property
    def prompt(self) -> str:
        return str(self.question.get("prompt") or "")

    @property
    def explanation(self) -> str:
        return str(self.question.get("explanation") or "")

    @property
    def judged(self) -> bool:
        return self.kind == QUIZ and self.qtype in JUDGED_TYPES

    @property
    def multiple(self) -> bool:
        return self.qtype == "multiple"

    @property
    def options(self) -> tuple[Option, ...]:
        """What the room answers with: choices, poll options, or right/wrong (judged)."""
        if self.judged:
            return (Option(RIGHT, _("Right"), True), Option(WRONG, _("Not right")))
        return tuple(
            Option(
                str(c.get("id")),
                str(c.get("text") or ""),
                bool(c.get("correct")) and self.kind == QUIZ,
                str(c.get("explanation") or ""),
            )
            for c in self.question.get("choices") or []
        )

    def is_correct(self, choice: Any) -> bool | None:
        """Whether `choice` is right (None for a poll: no right answer)."""
        if self.kind == POLL:
            return None
        if self.judged:
            return choice == RIGHT
        return quiz.is_correct(dict(self.question), choice)


@dataclass(frozen=True)
class Tally:
    """The responses to one question so far: each participant's latest answer
    (`ticked`: participant id -> choice) and the latest counts typed in (`counted`)."""

    question: RoomQuestion
    ticked: Mapping[str, Any]
    counted: Mapping[str, int]

    @property
    def per_option(self) -> tuple[tuple[str, int], ...]:
        """(option id, answers) in option order, ticked and counted added up."""
        totals = {o.id: int(self.counted.get(o.id, 0)) for o in self.question.options}
        for choice in self.ticked.values():
            for oid in choice if isinstance(choice, list) else [choice]:
                if oid in totals:
                    totals[oid] += 1
        return tuple(totals.items())

    @property
    def responses(self) -> int:
        """People who answered: those ticked plus the hands counted (for a multiple-answer
        question hands are counted per option, so the highest count is used)."""
        hands = list(self.counted.values()) or [0]
        return len(self.ticked) + (max(hands) if self.question.multiple else sum(hands))

    @property
    def right(self) -> int | None:
        """How many answered right; None for a poll, or when a multiple-answer question
        has counted hands (who chose which set is then unknown)."""
        question = self.question
        if question.kind == POLL or (question.multiple and any(self.counted.values())):
            return None
        right = sum(1 for c in self.ticked.values() if question.is_correct(c))
        if not question.multiple:
            right += sum(n for oid, n in self.counted.items() if question.is_correct(oid))
        return right

    @property
    def right_percent(self) -> float | None:
        right, total = self.right, self.responses
        if right is None or not total:
            return None
        return 100.0 * right / total


def _tidy(value: str, empty: str, too_long: str) -> str:
    """`value` with its spacing tidied; WorkshopError `empty` or `too_long` ({n})."""
    text = " ".join(str(value).split())
    if not text:
        raise WorkshopError(empty)
    if len(text) > MAX_TEXT:
        raise WorkshopError(too_long.format(n=format_number(MAX_TEXT)))
    return text


def poll_question(prompt: str, options: Sequence[str]) -> dict[str, Any]:
    """The stored form of a poll (WorkshopError when the text or options will not do)."""
    texts = [" ".join(str(o).split()) for o in options]
    texts = [t for t in texts if t]
    if not MIN_OPTIONS <= len(texts) <= MAX_OPTIONS:
        raise WorkshopError(
            ngettext(
                "A poll needs 2 to 8 options; it has {n}.",
                "A poll needs 2 to 8 options; it has {n}.",
                len(texts),
            ).format(n=format_number(len(texts)))
        )
    long_option = _("An option is too long: keep it under {n} characters.")
    choices = [
        {"id": str(n), "text": _tidy(t, "", long_option), "correct": False, "explanation": ""}
        for n, t in enumerate(texts, start=1)
    ]
    prompt = _tidy(
        prompt,
        _("Write the poll's question first."),
        _("The question is too long: keep it under {n} characters."),
    )
    return {"type": POLL, "prompt": prompt, "choices": choices}


def room_questions(item: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The questions of a quiz item that can be put to the room (all quiz types)."""
    known = (*CHOICE_TYPES, *JUDGED_TYPES)
    return [dict(q) for q in item.get("questions") or [] if q.get("type") in known]


def checked_choice(question: RoomQuestion, choice: Any) -> Any:
    known = {o.id for o in question.options}
    if question.multiple:
        ids = [str(c) for c in choice] if isinstance(choice, (list, tuple, set)) else []
        if not ids or len(set(ids)) != len(ids) or not set(ids) <= known:
            raise WorkshopError(_("Choose one or more of the question's options."))
        return sorted(ids)
    if not isinstance(choice, str) or choice not in known:
        raise WorkshopError(_("Choose one of the question's options."))
    return choice


def option_label(option: Option, number: int) -> str:
    """ "1. Lesson" (the option's text without Markdown emphasis marks)."""
    text = option.text.replace("**", "").replace("`", "")
    return _("{number}. {text}").format(number=format_number(number), text=text)

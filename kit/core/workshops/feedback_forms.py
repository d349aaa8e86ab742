"""The questions of anonymous feedback: the built-in end-of-workshop survey, minute
cards, "one up, one down", and a pack's survey item read as feedback questions.

Built-in wording is N_()-marked and translated where it is shown, so answers stored in
one language read in another.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kit.core.packformat.conditions import Condition, item_conditions
from kit.i18n import N_, _

MINUTE, UPDOWN, SURVEY = "minute", "updown", "survey"
KINDS = (MINUTE, UPDOWN, SURVEY)
SCALE, CHOICE, MULTIPLE, TEXT = "scale", "choice", "multiple", "text"
SCALE_POINTS = ("1", "2", "3", "4", "5")
NOON = 12 * 60


@dataclass(frozen=True)
class Question:
    """One question: `kind` SCALE (1-5), CHOICE, MULTIPLE or TEXT; `choices` (id, text).
    `marked`: prompt and choice texts are N_()-marked msgids, translated where shown."""

    id: str
    kind: str
    prompt: str
    choices: tuple[tuple[str, str], ...] = ()
    marked: bool = False
    # Shown only while these hold (a pack survey's show_if, kit.core.packformat.conditions).
    show_if: tuple[Condition, ...] = ()

    def shown_prompt(self) -> str:
        return _(self.prompt) if self.marked else self.prompt

    def shown_choices(self) -> tuple[tuple[str, str], ...]:
        if self.kind == SCALE:
            return tuple((p, p) for p in SCALE_POINTS)
        return tuple((c, _(t) if self.marked else t) for c, t in self.choices)


@dataclass(frozen=True)
class Survey:
    key: str  # "" for the built-in survey, else "pack_id/item_id"
    title: str
    questions: tuple[Question, ...]


def _marked(qid: str, kind: str, prompt: str, choices: Sequence[tuple[str, str]] = ()) -> Question:
    return Question(qid, kind, prompt, tuple(choices), marked=True)


DEFAULT_SURVEY = Survey(
    "",
    N_("Workshop feedback"),
    (
        _marked(
            "usefulness",
            SCALE,
            N_("How useful was this workshop to you? (1 = not at all, 5 = very)"),
        ),
        _marked(
            "pace",
            CHOICE,
            N_("How was the pace?"),
            (("slow", N_("Too slow")), ("right", N_("About right")), ("fast", N_("Too fast"))),
        ),
        _marked("before", SCALE, N_("How confident were you before the workshop? (1 to 5)")),
        _marked("after", SCALE, N_("How confident are you now? (1 to 5)")),
        _marked("improve", TEXT, N_("What should we improve?")),
        _marked("comments", TEXT, N_("Anything else you would like to tell us?")),
    ),
)
MINUTE_CARD = Survey(
    "",
    N_("Minute card"),
    (
        _marked("clearest", TEXT, N_("What was clearest?")),
        _marked("muddiest", TEXT, N_("What is still muddy?")),
    ),
)
ONE_UP_ONE_DOWN = Survey(
    "",
    N_("One up, one down"),
    (
        _marked("up", TEXT, N_("One up: what went well")),
        _marked("down", TEXT, N_("One down: what to change")),
    ),
)
FORMS = {MINUTE: MINUTE_CARD, UPDOWN: ONE_UP_ONE_DOWN}
_PACK_KINDS = {"likert": CHOICE, "single": CHOICE, "multiple": MULTIPLE, "text": TEXT}


def pack_survey(pack_id: str, item: Mapping[str, Any]) -> Survey:
    """A pack's survey item as a feedback survey (its questions as written)."""
    conditions = item_conditions(item)
    questions = tuple(
        Question(
            str(q["id"]),
            _PACK_KINDS.get(str(q.get("type")), TEXT),
            str(q.get("prompt") or q["id"]),
            tuple((str(c["id"]), str(c.get("text") or c["id"])) for c in q.get("choices") or []),
            show_if=conditions.get(str(q["id"]), ()),
        )
        for q in item.get("questions") or []
    )
    return Survey(f"{pack_id}/{item['id']}", str(item.get("title") or item["id"]), questions)

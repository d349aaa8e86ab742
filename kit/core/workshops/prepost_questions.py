"""The questions of a workshop's pre/post test (kit.core.workshops.prepost): a pack's quiz,
a pack's survey with rating questions, or the built-in confidence survey; how answers to
them are checked and scored."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kit.core import itemtypes
from kit.core.quiz import score as quiz_score
from kit.core.workshops.model import WorkshopError
from kit.i18n import N_, _

if TYPE_CHECKING:
    from kit.core.library.api import Library

BUILTIN = "confidence"  # item id of the built-in survey (pack id "")
CONFIDENCE = (
    N_("I am confident I can do the tasks this workshop is about."),
    N_("I know where to look for help when I am stuck."),
    N_("I could explain what I learned to someone else."),
    N_("I feel ready to use these skills on my own."),
)
SCALE = (
    N_("Strongly disagree"),
    N_("Disagree"),
    N_("Neither agree nor disagree"),
    N_("Agree"),
    N_("Strongly agree"),
)


@dataclass(frozen=True)
class Instrument:
    """The questions of the pre/post test; `kind` "quiz" or "survey"."""

    pack_id: str
    item_id: str
    kind: str
    title: str
    questions: tuple[dict[str, Any], ...] = ()
    lang: str = ""  # of the questions' text ("" for the built-in survey: the app's)

    @property
    def ref(self) -> str:
        return f"{self.pack_id}/{self.item_id}" if self.pack_id else self.item_id


def builtin_instrument() -> Instrument:
    """The built-in confidence survey, in the current language."""
    scale = [{"id": str(n), "text": _(t), "correct": False} for n, t in enumerate(SCALE, 1)]
    questions = tuple(
        {"id": f"c{n}", "type": "likert", "prompt": _(text), "explanation": "", "choices": scale}
        for n, text in enumerate(CONFIDENCE, 1)
    )
    return Instrument("", BUILTIN, itemtypes.SURVEY, _("Confidence survey (built in)"), questions)


def usable(item: Mapping[str, Any]) -> str | None:
    """ "quiz" or "survey" when `item` can be a pre/post test (a quiz, or a survey with a
    rating question), else None."""
    questions = item.get("questions") or []
    if item.get("type") == itemtypes.QUIZ and questions:
        return itemtypes.QUIZ
    if item.get("type") == itemtypes.SURVEY and any(q.get("type") == "likert" for q in questions):
        return itemtypes.SURVEY
    return None


def from_item(pack_id: str, item: Mapping[str, Any]) -> Instrument:
    kind = usable(item)
    if kind is None:
        raise WorkshopError(
            _("{title} cannot be a pre/post test: choose a quiz or a survey with ratings.").format(
                title=item.get("title") or item.get("id")
            )
        )
    questions = tuple(dict(q) for q in item.get("questions") or [])
    title, lang = str(item.get("title") or ""), str(item.get("lang") or "")
    return Instrument(pack_id, str(item["id"]), kind, title, questions, lang)


def load_instrument(library: Library | None, pack_id: str, item_id: str) -> Instrument:
    """The instrument `pack_id`/`item_id` from the library ("" / "confidence": built in)."""
    if not pack_id and item_id == BUILTIN:
        return builtin_instrument()
    item = library.get_item(pack_id, item_id) if library is not None else None
    if item is None:
        raise WorkshopError(
            _("There is no item {ref} in the library; install its pack first.").format(
                ref=f"{pack_id}/{item_id}"
            )
        )
    return from_item(pack_id, item)


def choices(library: Library) -> list[Instrument]:
    """Everything that can be a pre/post test: the built-in survey, then the installed
    packs' quizzes and rating surveys (questions not loaded)."""
    found = [builtin_instrument()]
    for pack in library.list_packs():
        pack_id = str(pack["id"])
        full = library.get_pack(pack_id) or {}
        for module in full.get("modules", []):
            for item in module.get("items", []):
                if item.get("type") == itemtypes.SURVEY:  # only those with ratings
                    whole = library.get_item(pack_id, str(item["id"])) or {}
                    if usable(whole) is None:
                        continue
                elif item.get("type") != itemtypes.QUIZ:
                    continue
                title = f"{full.get('title') or pack_id}: {item.get('title') or item['id']}"
                found.append(Instrument(pack_id, str(item["id"]), str(item["type"]), title))
    return found


def scale_top(instrument: Instrument) -> float:
    """The highest score: 100 (%) for a quiz, a survey's longest rating scale (5 without
    its questions)."""
    if instrument.kind == itemtypes.QUIZ:
        return 100.0
    points = [
        len(q.get("choices") or []) for q in instrument.questions if q.get("type") == "likert"
    ]
    return float(max(points, default=5))


def check_answers(instrument: Instrument, answers: Mapping[str, Any]) -> dict[str, Any]:
    """`answers` kept for the instrument's questions; refuses an answer that is not one."""
    kept: dict[str, Any] = {}
    for q in instrument.questions:
        qid = str(q["id"])
        if answers.get(qid) in (None, "", []):
            continue
        given = answers[qid]
        ids = {str(c["id"]) for c in q.get("choices") or []}
        picked = [given] if isinstance(given, str) else given
        if q.get("type") not in ("short", "text") and (
            not isinstance(picked, list | tuple) or not set(map(str, picked)) <= ids
        ):
            raise WorkshopError(
                _("Question {question} has no answer {answer}; answer with {choices}.").format(
                    question=qid, answer=given, choices=", ".join(sorted(ids))
                )
            )
        kept[qid] = given if isinstance(given, str) else [str(p) for p in given]
    return kept


def score(instrument: Instrument, answers: Mapping[str, Any]) -> float | None:
    """A quiz: the percentage right (0-100). A survey: the mean rating (1 = first point
    of each scale) of the rating questions answered; None when none was."""
    if instrument.kind == itemtypes.QUIZ:
        return quiz_score(list(instrument.questions), dict(answers))
    ratings = []
    for q in instrument.questions:
        ids = [str(c["id"]) for c in q.get("choices") or []]
        if q.get("type") == "likert" and answers.get(q["id"]) in ids:
            ratings.append(ids.index(answers[q["id"]]) + 1)
    return sum(ratings) / len(ratings) if ratings else None


def parse_answer(instrument: Instrument, text: str) -> tuple[str, Any]:
    """One "QUESTION=ANSWER" of the command line: several choices comma-separated."""
    qid, sep, value = text.partition("=")
    question = next((q for q in instrument.questions if str(q["id"]) == qid.strip()), None)
    if not sep or question is None:
        known = ", ".join(str(q["id"]) for q in instrument.questions)
        raise WorkshopError(
            _("Give answers as QUESTION=ANSWER with a question of {known}, not {text}.").format(
                known=known, text=text
            )
        )
    if question.get("type") in ("multiple", "order"):
        return qid.strip(), [v.strip() for v in value.split(",") if v.strip()]
    return qid.strip(), value.strip()

"""Anonymous workshop feedback: minute cards, "one up, one down", the end-of-workshop survey.

Untraceable by design: a row holds the workshop, the session it was given in (never a
time), a random key and a random response id shared by one respondent's answers; no
participant or profile id. The table is WITHOUT ROWID, so the order answers were
written in is not kept, and append-only.

    fb = Feedback(records.rdb)
    fb.record(shop.id, SURVEY, DEFAULT_SURVEY, {"usefulness": "4", "pace": "right"})
    fb.record_cards(shop.id, MINUTE, session.id, [{"clearest": "Links", "muddiest": "Refs"}])
    fb.show_back(shop, next_session.id)  # the previous half-day's cards, grouped
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kit.core.workshops.checks import text_field
from kit.core.workshops.feedback_forms import (
    CHOICE,
    DEFAULT_SURVEY,
    FORMS,
    KINDS,
    MINUTE,
    MINUTE_CARD,
    MULTIPLE,
    NOON,
    ONE_UP_ONE_DOWN,
    SCALE,
    SCALE_POINTS,
    SURVEY,
    TEXT,
    UPDOWN,
    Question,
    Survey,
    pack_survey,
)
from kit.core.workshops.model import Workshop, WorkshopError, WorkshopSession, minutes_of, new_id
from kit.core.workshops.reportdata import MIN_GROUP, BarChart, Figure, Section, Table, suppressed
from kit.i18n import _

if TYPE_CHECKING:
    from kit.core.records.db import RecordsDB

__all__ = [
    "DEFAULT_SURVEY",
    "MINUTE",
    "MINUTE_CARD",
    "ONE_UP_ONE_DOWN",
    "SURVEY",
    "UPDOWN",
    "Feedback",
    "Question",
    "Survey",
    "pack_survey",
    "section",
]


@dataclass(frozen=True)
class Answer:
    """One stored answer: a scale point, a choice's text as written, or a text."""

    kind: str
    session_id: str
    survey: str
    response_id: str
    position: int
    question: str
    qtype: str
    prompt: str
    answer: str
    marked: bool


def half_day(session: WorkshopSession) -> tuple[int, int]:
    """(day, 0 morning / 1 afternoon) of a session, by its start."""
    return session.day, int(minutes_of(session.start) >= NOON)


def _rows(question: Question, value: Any) -> list[tuple[str, str]]:
    """(qtype, answer) rows for one given answer; [] when it is empty."""
    values = value if isinstance(value, list | tuple) else [value]
    given = [str(v).strip() for v in values if v is not None and str(v).strip()]
    if question.kind == TEXT:
        text = text_field(" ".join(given), question.shown_prompt())
        return [(TEXT, text)] if text else []
    allowed = {c for c, _t in question.shown_choices()}
    if any(v not in allowed for v in given) or (question.kind != MULTIPLE and len(given) > 1):
        raise WorkshopError(
            _("“{answer}” is not one of the answers to “{question}”.").format(
                answer=", ".join(given), question=question.shown_prompt()
            )
        )
    if question.kind == SCALE:
        return [(SCALE, v) for v in given]
    texts = dict(question.choices)  # kept as written (a msgid when marked): readable later
    return [(CHOICE, texts[v]) for v in dict.fromkeys(given)]


class Feedback:
    """The anonymous feedback of the workshops in one records.db; every write is one
    transaction, durable when it returns."""

    def __init__(self, rdb: RecordsDB) -> None:
        self.rdb = rdb

    def record(
        self,
        workshop_id: str,
        kind: str,
        survey: Survey,
        answers: Mapping[str, Any],
        session_id: str = "",
    ) -> int:
        """One respondent's answers (question id -> choice id(s) or text); returns how
        many were saved. WorkshopError when every answer is empty or one is not allowed."""
        return self.record_many(workshop_id, kind, survey, [answers], session_id)

    def record_cards(
        self, workshop_id: str, kind: str, session_id: str, cards: Iterable[Mapping[str, str]]
    ) -> int:
        """Minute cards or "one up, one down" cards typed from paper, all at once."""
        if kind not in FORMS:
            raise ValueError(f"not a kind of card: {kind}")
        return self.record_many(workshop_id, kind, FORMS[kind], list(cards), session_id)

    def record_many(
        self,
        workshop_id: str,
        kind: str,
        survey: Survey,
        responses: Sequence[Mapping[str, Any]],
        session_id: str = "",
    ) -> int:
        if kind not in KINDS:
            raise ValueError(f"not a kind of feedback: {kind}")
        rows: list[tuple[Any, ...]] = []
        for answers in responses:
            response = self._response_rows(survey, answers)
            rows.extend((new_id(), *row) for row in response)
        if not rows:
            raise WorkshopError(_("Nothing to save: every answer is empty."))
        with self.rdb.write() as db:
            self._check_refs(db.conn, workshop_id, session_id)
            for row in rows:
                db.execute(
                    "INSERT INTO workshop_feedback (id, response_id, position, question, qtype,"
                    " prompt, answer, workshop_id, kind, session_id, survey)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [*row, workshop_id, kind, session_id, survey.key],
                )
        return len(rows)

    @staticmethod
    def _response_rows(survey: Survey, answers: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        known = {q.id: (n, q) for n, q in enumerate(survey.questions)}
        unknown = set(answers) - set(known)
        if unknown:
            raise WorkshopError(
                _("{question} is not a question of this survey.").format(
                    question=", ".join(sorted(unknown))
                )
            )
        response_id = new_id()
        rows = []
        for qid, value in answers.items():
            position, question = known[qid]
            for qtype, answer in _rows(question, value):
                rows.append((response_id, position, qid, qtype, question.prompt, answer))
        return rows

    @staticmethod
    def _check_refs(conn: Any, workshop_id: str, session_id: str) -> None:
        if not conn.execute("SELECT 1 FROM workshops WHERE id = ?", [workshop_id]).fetchone():
            raise WorkshopError(_("There is no workshop with the id {id}.").format(id=workshop_id))
        if (
            session_id
            and not conn.execute(
                "SELECT 1 FROM workshop_sessions WHERE id = ? AND workshop_id = ?",
                [session_id, workshop_id],
            ).fetchone()
        ):
            raise WorkshopError(_("That session is not in this workshop's agenda."))

    def answers(self, workshop_id: str, kind: str | None = None) -> list[Answer]:
        """The stored answers (in no meaningful order: none is kept)."""
        sql = "SELECT * FROM workshop_feedback WHERE workshop_id = ?"
        params = [workshop_id]
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind)
        return [
            Answer(
                str(r["kind"]),
                str(r["session_id"]),
                str(r["survey"]),
                str(r["response_id"]),
                int(r["position"]),
                str(r["question"]),
                str(r["qtype"]),
                str(r["prompt"]),
                str(r["answer"]),
                marked=r["kind"] != SURVEY or not r["survey"],
            )
            for r in self.rdb.query(sql, params)
        ]

    def show_back(self, shop: Workshop, session_id: str) -> ShowBack | None:
        """The cards of the half-day before `session_id`'s (the latest one with any),
        grouped by question; None when there are none."""
        halves = {s.id: half_day(s) for s in shop.sessions}
        now = halves.get(session_id, (10**6, 0))
        cards = [a for a in self.answers(shop.id) if a.kind in FORMS]
        earlier = sorted(
            {halves[a.session_id] for a in cards if halves.get(a.session_id, now) < now}
        )
        if not earlier:
            return None
        chosen = earlier[-1]
        groups = []
        for kind in (UPDOWN, MINUTE):
            for question in FORMS[kind].questions:
                texts = [
                    a.answer
                    for a in cards
                    if a.kind == kind
                    and a.question == question.id
                    and halves.get(a.session_id) == chosen
                ]
                if texts:
                    groups.append((question.shown_prompt(), grouped_texts(texts)))
        return ShowBack(chosen[0], chosen[1], tuple(groups))


@dataclass(frozen=True)
class ShowBack:
    """A half-day's cards: (heading, ((text, how many wrote it), ...)) per question."""

    day: int
    afternoon: int
    groups: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]

    def heading(self) -> str:
        if self.afternoon:
            return _("What you told us on day {day}, afternoon").format(day=self.day)
        return _("What you told us on day {day}, morning").format(day=self.day)


def grouped_texts(texts: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """Texts that say the same (ignoring case and spaces) merged, most written first."""
    counts: dict[str, list[Any]] = {}
    for text in sorted(texts):  # the same spelling shown whatever order rows come in
        key = " ".join(text.casefold().split())
        entry = counts.setdefault(key, [text, 0])
        entry[1] += 1
    ordered = sorted(counts.values(), key=lambda e: (-e[1], e[0].casefold()))
    return tuple((str(t), int(n)) for t, n in ordered)


# -- the report's section ------------------------------------------------------------------


def section(rdb: RecordsDB, shop: Workshop) -> Section | None:
    """The feedback part of the workshop report (None: no feedback recorded). Each
    question answered by fewer than MIN_GROUP respondents is not broken out."""
    answers = Feedback(rdb).answers(shop.id)
    if not answers:
        return None
    survey = [a for a in answers if a.kind == SURVEY]
    respondents = len({a.response_id for a in survey})
    figures = [
        Figure(
            "feedback_respondents",
            _("Survey respondents"),
            respondents,
            _("People who sent the end-of-workshop feedback survey (anonymous)."),
        ),
        _confidence_change(survey),
    ]
    rows: list[tuple[str, str, int, float | None]] = []
    charts: list[BarChart] = []
    comments: list[str] = []
    notes: list[str] = []
    for kind, given in _by_question(answers):
        shown = _shown(given[0])
        count = len({a.response_id for a in given})
        if suppressed(count):
            rows.append((_KIND_TITLES[kind](), shown, count, None))
            notes.append(
                _("“{question}” was answered by fewer than {n} people: not broken out.").format(
                    question=shown, n=MIN_GROUP
                )
            )
            continue
        rows.append((_KIND_TITLES[kind](), shown, count, _average(given)))
        chart = _chart(shown, given)
        if chart is not None:
            charts.append(chart)
        comments.extend(
            _("{question}: {answer}").format(question=shown, answer=a.answer)
            for a in sorted(given, key=lambda a: a.answer.casefold())
            if a.qtype == TEXT
        )
    table = Table(
        "feedback",
        _("Feedback per question"),
        (_("Asked as"), _("Question"), _("Answered"), _("Average (1 to 5)")),
        tuple(rows),
    )
    return Section(
        key="feedback",
        title=_("Feedback"),
        figures=tuple(figures),
        tables=(table,),
        charts=tuple(charts),
        comments=tuple(comments),
        notes=tuple(notes),
    )


_KIND_TITLES = {
    MINUTE: lambda: _("Minute cards"),
    UPDOWN: lambda: _("One up, one down"),
    SURVEY: lambda: _("Survey"),
}


def _shown(answer: Answer) -> str:
    return _(answer.prompt) if answer.marked else answer.prompt


def _by_question(answers: Iterable[Answer]) -> list[tuple[str, list[Answer]]]:
    """(kind, its answers) per question: the survey first, then the cards, as asked."""
    groups: dict[tuple[int, int, str], list[Answer]] = {}
    for a in answers:
        groups.setdefault((_ORDER.index(a.kind), a.position, a.question), []).append(a)
    return [(_ORDER[key[0]], given) for key, given in sorted(groups.items())]


_ORDER = (SURVEY, MINUTE, UPDOWN)


def _average(given: Sequence[Answer]) -> float | None:
    points = [int(a.answer) for a in given if a.qtype == SCALE]
    return round(sum(points) / len(points), 2) if points else None


def _chart(title: str, given: Sequence[Answer]) -> BarChart | None:
    if given[0].qtype == SCALE:
        counts = dict.fromkeys(SCALE_POINTS, 0)
    elif given[0].qtype == CHOICE:
        question = _default_question(given[0])
        counts = dict.fromkeys((t for _c, t in question.choices), 0) if question else {}
    else:
        return None
    for a in given:
        counts[a.answer] = counts.get(a.answer, 0) + 1
    marked = given[0].marked and given[0].qtype == CHOICE
    return BarChart(title, tuple((_(k) if marked else k, float(n)) for k, n in counts.items()))


def _default_question(answer: Answer) -> Question | None:
    if not answer.marked:
        return None
    return next((q for q in DEFAULT_SURVEY.questions if q.id == answer.question), None)


def _confidence_change(survey: Sequence[Answer]) -> Figure:
    """The mean change from confidence before to after, over respondents who gave both."""
    points: dict[str, dict[str, int]] = {}
    for a in survey:
        if a.marked and a.question in ("before", "after"):
            points.setdefault(a.response_id, {})[a.question] = int(a.answer)
    pairs = [p["after"] - p["before"] for p in points.values() if len(p) == 2]
    label = _("Change in confidence")
    definition = _(
        "Mean of (confidence now minus confidence before the workshop, each 1 to 5) over "
        "the respondents who answered both."
    )
    if not pairs or suppressed(len(pairs)):
        note = _("Fewer than {n} respondents answered both: not broken out.").format(n=MIN_GROUP)
        return Figure("confidence_change", label, None, definition, note if pairs else "")
    return Figure("confidence_change", label, round(sum(pairs) / len(pairs), 2), definition)

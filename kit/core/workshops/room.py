"""Room quizzes and polls: a question put to the whole room during a workshop.

A room question is one question of a pack's quiz item (any quiz question type) or a
poll written on the spot (a text and 2 to 8 options, no right answer). It is kept as
it was asked, with a stable id, per workshop and session. Responses are append-only:
a participant's answer ticked by the facilitator (the latest one of each participant
counts), or a show of hands typed in as counts per option (the latest counts count).
The results add both up.

Choice questions (single, true/false, multiple) and polls are answered with their
option ids; a short-answer or ordering question is answered out loud, so the
facilitator judges it: option "right" or "wrong".

A participant whose register entry is linked to a learner profile also gets the
answer in their records, as an "answered" event in the same durable commit (context:
the workshop id): about the quiz item (result: question, response, correct, room) or,
for a poll, about the poll.

Example::

    room = RoomQuestions(records.rdb)
    q = room.ask_poll(shop.id, session.id, "Which topic next?", ["Maps", "Photos"])
    room.answer(q.id, ana.id, "2")
    room.count(q.id, {"1": 7, "2": 3})
    room.tally(q.id).per_option  # (("1", 7), ("2", 4))
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from kit.core.records import verbs
from kit.core.records.db import RecordsDB
from kit.core.records.events import ANSWERED, append_event, append_object_event
from kit.core.records.profiles import ProfileNotFound
from kit.core.records.timeutil import utc_now_text
from kit.core.workshops.model import Workshop, WorkshopError, new_id
from kit.core.workshops.reportdata import BarChart, Figure, Section, Table, suppressed
from kit.core.workshops.room_model import (
    CHOICE_TYPES,
    JUDGED_TYPES,
    MAX_COUNT,
    MAX_OPTIONS,
    MIN_OPTIONS,
    POLL,
    QUIZ,
    Option,
    RoomQuestion,
    Tally,
    checked_choice,
    option_label,
    poll_question,
    room_questions,
)
from kit.i18n import _

__all__ = [
    "MAX_OPTIONS",
    "MIN_OPTIONS",
    "POLL",
    "QUIZ",
    "Option",
    "RoomQuestion",
    "RoomQuestions",
    "Tally",
    "option_label",
    "poll_question",
    "room_questions",
    "section",
]


class RoomQuestions:
    """The room questions and responses of the workshops in one records.db; every write
    is one transaction, durable when it returns."""

    def __init__(self, rdb: RecordsDB) -> None:
        self.rdb = rdb

    # -- asking ---------------------------------------------------------------------------
    def ask_quiz(
        self,
        workshop_id: str,
        session_id: str,
        pack_id: str,
        item_id: str,
        question: Mapping[str, Any],
        language: str = "",
    ) -> RoomQuestion:
        """Put one question of the quiz item (pack_id, item_id) to the room."""
        if question.get("type") not in (*CHOICE_TYPES, *JUDGED_TYPES) or not question.get("id"):
            raise WorkshopError(_("That is not a quiz question the room can answer."))
        asked = RoomQuestion(
            new_id(), workshop_id, session_id, QUIZ, dict(question), pack_id, item_id, language
        )
        return self._save(asked)

    def ask_poll(
        self, workshop_id: str, session_id: str, prompt: str, options: Sequence[str]
    ) -> RoomQuestion:
        """Put a poll written on the spot to the room."""
        asked = RoomQuestion(
            new_id(), workshop_id, session_id, POLL, poll_question(prompt, options)
        )
        return self._save(asked)

    def _save(self, q: RoomQuestion) -> RoomQuestion:
        with self.rdb.write() as db:
            if not db.conn.execute(
                "SELECT 1 FROM workshops WHERE id = ?", [q.workshop_id]
            ).fetchone():
                raise WorkshopError(_("There is no workshop {ref}.").format(ref=q.workshop_id))
            db.execute(
                "INSERT INTO workshop_room_questions (id, workshop_id, session_id, kind,"
                " pack_id, item_id, question, language, asked, device_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    q.id, q.workshop_id, q.session_id, q.kind, q.pack_id, q.item_id,
                    json.dumps(dict(q.question), ensure_ascii=False, sort_keys=True),
                    q.language, utc_now_text(), self.rdb.device_id,
                ],
            )  # fmt: skip
        return q

    # -- reading --------------------------------------------------------------------------
    def get(self, question_id: str) -> RoomQuestion:
        rows = self.rdb.query("SELECT * FROM workshop_room_questions WHERE id = ?", [question_id])
        if not rows:
            raise WorkshopError(_("That room question is not in the records."))
        return _question(rows[0])

    def of(self, workshop_id: str) -> list[RoomQuestion]:
        """The workshop's room questions in the order they were asked."""
        rows = self.rdb.query(
            "SELECT * FROM workshop_room_questions WHERE workshop_id = ? ORDER BY seq",
            [workshop_id],
        )
        return [_question(r) for r in rows]

    def tally(self, question_id: str) -> Tally:
        question = self.get(question_id)
        ticked: dict[str, Any] = {}
        counted: dict[str, int] = {}
        for r in self.rdb.query(
            "SELECT participant_id, choice, counts FROM workshop_room_responses"
            " WHERE question_id = ? ORDER BY seq",
            [question_id],
        ):
            if r["participant_id"]:
                ticked[str(r["participant_id"])] = json.loads(r["choice"])
            else:
                counted = {str(k): int(v) for k, v in json.loads(r["counts"]).items()}
        return Tally(question, ticked, counted)

    # -- answering ------------------------------------------------------------------------
    def answer(self, question_id: str, participant_id: str, choice: Any) -> Tally:
        """Keep `participant_id`'s answer (replacing their earlier one in the results);
        into their learner records too when they have a profile."""
        question = self.get(question_id)
        choice = checked_choice(question, choice)
        with self.rdb.write() as db:
            row = db.conn.execute(
                "SELECT profile_id FROM workshop_participants WHERE id = ? AND workshop_id = ?",
                [participant_id, question.workshop_id],
            ).fetchone()
            if row is None:
                raise WorkshopError(_("That participant is not on this workshop's register."))
            db.execute(
                "INSERT INTO workshop_room_responses (id, question_id, participant_id, choice,"
                " at, device_id) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    new_id(), question.id, participant_id, json.dumps(choice),
                    utc_now_text(), self.rdb.device_id,
                ],
            )  # fmt: skip
            if row[0]:
                self._into_records(str(row[0]), question, choice)
        return self.tally(question_id)

    def _into_records(self, profile_id: str, q: RoomQuestion, choice: Any) -> None:
        try:
            if q.kind == POLL:
                append_object_event(
                    self.rdb, profile_id, verbs.POLL, q.id, ANSWERED,
                    {"response": choice, "room": q.id}, context=q.workshop_id,
                )  # fmt: skip
                return
            result: dict[str, Any] = {"question": str(q.question.get("id")), "room": q.id}
            if not q.judged:
                result["response"] = choice
            result["correct"] = bool(q.is_correct(choice))
            append_event(
                self.rdb, profile_id, q.pack_id, q.item_id, ANSWERED, result, q.workshop_id
            )
        except ProfileNotFound:
            return  # the profile was deleted since it was linked: the room's answer stays

    def count(self, question_id: str, counts: Mapping[str, int]) -> Tally:
        """Keep a show of hands: answers per option id (replacing earlier counts)."""
        question = self.get(question_id)
        known = {o.id for o in question.options}
        clean: dict[str, int] = {}
        for oid, n in counts.items():
            if oid not in known:
                raise WorkshopError(_("That is not one of the question's options."))
            if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= MAX_COUNT:
                raise WorkshopError(_("A count must be a whole number from 0 to 10,000."))
            clean[oid] = n
        with self.rdb.write() as db:
            db.execute(
                "INSERT INTO workshop_room_responses (id, question_id, counts, at, device_id)"
                " VALUES (?, ?, ?, ?, ?)",
                [new_id(), question.id, json.dumps(clean), utc_now_text(), self.rdb.device_id],
            )
        return self.tally(question_id)


def _question(row: Any) -> RoomQuestion:
    return RoomQuestion(
        id=str(row["id"]),
        workshop_id=str(row["workshop_id"]),
        session_id=str(row["session_id"]),
        kind=str(row["kind"]),
        question=json.loads(row["question"]),
        pack_id=str(row["pack_id"]),
        item_id=str(row["item_id"]),
        language=str(row["language"]),
    )


def section(rdb: RecordsDB, shop: Workshop) -> Section | None:
    """The room quizzes and polls of `shop` for the workshop report (None: none asked)."""
    room = RoomQuestions(rdb)
    tallies = [room.tally(q.id) for q in room.of(shop.id)]
    if not tallies:
        return None
    rows, charts = [], []
    notes = [_("A question answered by fewer than 5 people is not broken out.")]
    for t in tallies:
        q = t.question
        kind = _("Poll") if q.kind == POLL else _("Quiz")
        small = suppressed(t.responses)
        percent = None if small or t.right_percent is None else round(t.right_percent, 1)
        rows.append((q.prompt, kind, t.responses, percent))
        if not small and t.responses:
            bars = tuple(
                (option_label(o, n), float(count))
                for n, (o, (_oid, count)) in enumerate(
                    zip(q.options, t.per_option, strict=True), start=1
                )
            )
            charts.append(BarChart(q.prompt, bars))
    quiz_tallies = [t for t in tallies if t.right is not None and t.responses]
    answered = sum(t.responses for t in quiz_tallies)
    right = sum(t.right or 0 for t in quiz_tallies)
    figures = (
        Figure("room_questions", _("Room questions"), len(tallies),
               _("Quiz questions and polls put to the room during the workshop.")),
        Figure("room_responses", _("Room responses"), sum(t.responses for t in tallies),
               _("Answers given to room questions: ticked by name or counted by a show of"
                 " hands.")),
        Figure("room_right_percent", _("Room quiz answers right"),
               round(100.0 * right / answered, 1) if answered and not suppressed(answered)
               else None,
               _("Of the answers to room quiz questions whose right answer is known, the"
                 " percentage that were right.")),
    )  # fmt: skip
    table = Table(
        "room_questions",
        _("Room quizzes and polls"),
        (_("Question"), _("Kind"), _("Responses"), _("Percent right")),
        tuple(rows),
    )
    return Section(
        key="room",
        title=_("Room quizzes and polls"),
        figures=figures,
        tables=(table,),
        charts=tuple(charts),
        notes=tuple(notes),
    )

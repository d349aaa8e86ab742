"""Anonymous needs-assessment responses in records.db (tables of migration m010_needs).

A response is a random id, the survey (pack, item, version code), how it was collected
(kiosk, paper or imported) and the date only; its answers are rows keyed (response id,
question id) holding the choice id, the list of choice ids or the text, as JSON.
Nothing links a response to a person, and nothing is ever changed or removed.

    store = NeedsResponses(records.rdb)
    rid = store.record(survey, {"q1c": "4", "q1i": "5", "years": "2"}, mode=KIOSK)
    store.responses(survey)      # -> [Response(...)], in no meaningful order
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kit.core.needs.survey import NeedsError, NeedsSurvey
from kit.i18n import _

if TYPE_CHECKING:
    from kit.core.records.db import RecordsDB

KIOSK = "kiosk"
PAPER = "paper"
IMPORTED = "imported"
MODES = (KIOSK, PAPER, IMPORTED)
MAX_TEXT = 4000  # characters of one free-text answer

Value = str | list[str]


@dataclass(frozen=True)
class Response:
    id: str
    pack_id: str
    item_id: str
    version: str
    mode: str
    day: str
    answers: Mapping[str, Value] = field(default_factory=dict)


def _value(survey: NeedsSurvey, qid: str, value: Any) -> Value | None:
    """The answer as stored, None when empty; NeedsError when not one of the choices."""
    kind = survey.kinds[qid]
    if kind == "text":
        text = str(value or "").strip()
        if len(text) > MAX_TEXT:
            raise NeedsError(
                _("The answer to {question} is too long (at most {count} characters).").format(
                    question=qid, count=MAX_TEXT
                )
            )
        return text or None
    given = value if isinstance(value, list | tuple) else [value]
    ids = list(dict.fromkeys(str(v).strip() for v in given if v is not None and str(v).strip()))
    if not ids:
        return None
    if any(v not in survey.choices[qid] for v in ids) or (kind != "multiple" and len(ids) > 1):
        raise NeedsError(
            _("“{answer}” is not one of the answers to {question}.").format(
                answer=", ".join(ids), question=qid
            )
        )
    return sorted(ids) if kind == "multiple" else ids[0]


def checked_answers(survey: NeedsSurvey, answers: Mapping[str, Any]) -> dict[str, Value]:
    """`answers` (question id -> choice id(s) or text) checked against the survey, empty
    ones left out; NeedsError for an unknown question or choice."""
    unknown = sorted(set(answers) - set(survey.kinds))
    if unknown:
        raise NeedsError(
            _("{question} is not a question of this survey.").format(question=", ".join(unknown))
        )
    out: dict[str, Value] = {}
    for qid, value in answers.items():
        stored = _value(survey, qid, value)
        if stored is not None:
            out[qid] = stored
    return out


def new_response_id() -> str:
    return uuid.uuid4().hex


class NeedsResponses:
    """The needs-assessment responses in one records.db; every write is one transaction,
    durable when it returns."""

    def __init__(self, rdb: RecordsDB) -> None:
        self.rdb = rdb

    def record(
        self,
        survey: NeedsSurvey,
        answers: Mapping[str, Any],
        mode: str,
        day: datetime.date | None = None,
    ) -> str:
        """One respondent's answers; returns the new response id. NeedsError when every
        answer is empty or one is not allowed."""
        return self.record_many(survey, [answers], mode, day)[0]

    def record_many(
        self,
        survey: NeedsSurvey,
        responses: Sequence[Mapping[str, Any]],
        mode: str,
        day: datetime.date | None = None,
    ) -> list[str]:
        """Several respondents at once (a stack of paper forms): all saved or none."""
        if mode not in (KIOSK, PAPER):
            raise ValueError(f"not a collection mode: {mode}")
        today = (day or datetime.date.today()).isoformat()
        made = []
        for answers in responses:
            checked = checked_answers(survey, answers)
            if not checked:
                raise NeedsError(_("Nothing to save: every answer is empty."))
            made.append(
                Response(
                    new_response_id(),
                    survey.pack_id,
                    survey.item_id,
                    survey.version,
                    mode,
                    today,
                    checked,
                )
            )
        self.add(made)
        return [r.id for r in made]

    def add(self, responses: Iterable[Response]) -> int:
        """Store responses whose id is not here yet (one transaction); returns how many
        were new. Used by `record_many` and by imports."""
        added = 0
        with self.rdb.write() as db:
            for r in responses:
                known = db.execute("SELECT 1 FROM needs_responses WHERE id = ?", [r.id])
                if known.fetchone():
                    continue
                db.execute(
                    "INSERT INTO needs_responses (id, pack_id, item_id, version, mode, day)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [r.id, r.pack_id, r.item_id, r.version, r.mode, r.day],
                )
                for qid, value in r.answers.items():
                    db.execute(
                        "INSERT INTO needs_answers (response_id, question_id, answer)"
                        " VALUES (?, ?, ?)",
                        [r.id, qid, json.dumps(value, ensure_ascii=False)],
                    )
                added += 1
        return added

    def responses(self, survey: NeedsSurvey) -> list[Response]:
        """Every stored response to the survey (any version), in no meaningful order."""
        rows = self.rdb.query(
            "SELECT * FROM needs_responses WHERE pack_id = ? AND item_id = ? ORDER BY id",
            [survey.pack_id, survey.item_id],
        )
        answers: dict[str, dict[str, Value]] = {str(r["id"]): {} for r in rows}
        for a in self.rdb.query(
            "SELECT a.* FROM needs_answers a JOIN needs_responses r ON r.id = a.response_id"
            " WHERE r.pack_id = ? AND r.item_id = ?",
            [survey.pack_id, survey.item_id],
        ):
            answers[str(a["response_id"])][str(a["question_id"])] = json.loads(a["answer"])
        return [
            Response(
                str(r["id"]),
                str(r["pack_id"]),
                str(r["item_id"]),
                str(r["version"]),
                str(r["mode"]),
                str(r["day"]),
                answers[str(r["id"])],
            )
            for r in rows
        ]

    def counts(self) -> dict[tuple[str, str], int]:
        """(pack id, item id) -> how many responses are stored."""
        rows = self.rdb.query(
            "SELECT pack_id, item_id, COUNT(*) AS n FROM needs_responses GROUP BY pack_id, item_id"
        )
        return {(str(r["pack_id"]), str(r["item_id"])): int(r["n"]) for r in rows}

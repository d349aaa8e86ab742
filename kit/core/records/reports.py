"""Group reports for facilitators: figures over many learners, never one learner's answers.

Only a facilitator may read them (`Reports(records, auth)` with a token from
`Records.check_facilitator` or a (facilitator id, PIN) pair; a learner gets
NotFacilitator). Learner profiles only are counted (facilitators are not), each
learner once per figure. What comes back is counts: how many learners have each item
not started, in progress or done; how many learners' best quiz score falls in each
band; how many learners chose each option of a survey question. Free-text answers and
anyone's own responses are never returned.

Small groups: any figure about fewer than `MIN_GROUP` (5) people, zero included, is
returned as `FEWER_THAN_5` instead of a number. Where exactly one figure of a row whose
figures add up to a shown total is hidden, the next smallest is hidden too, or the
hidden one could be worked out by subtraction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from kit.core.records import events as event_rows
from kit.core.records import progress, roles
from kit.core.records.events import Event
from kit.core.records.profiles import LEARNER
from kit.core.records.progress import Status
from kit.i18n import _, format_number

MIN_GROUP = 5
SCORE_BANDS = ((0, 20), (20, 40), (40, 60), (60, 80), (80, 101))  # [low, high)
K = TypeVar("K")


class Suppressed:
    """Stands for a figure about fewer than 5 people; shows as "fewer than 5"."""

    _instance: Suppressed | None = None

    def __new__(cls) -> Suppressed:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __str__(self) -> str:
        return _("fewer than {n}").format(n=format_number(MIN_GROUP))

    def __repr__(self) -> str:
        return "FEWER_THAN_5"


FEWER_THAN_5 = Suppressed()
Count = int | Suppressed


def suppressed(value: int) -> Count:
    return value if value >= MIN_GROUP else FEWER_THAN_5


def suppress_row(counts: Mapping[K, int], *, adds_up: bool) -> dict[K, Count]:
    """`counts` with every figure under 5 hidden; when they add up to a shown total
    (`adds_up`) and just one is hidden, the next smallest is hidden as well."""
    shown: dict[K, Count] = {key: suppressed(value) for key, value in counts.items()}
    hidden = [key for key, value in shown.items() if value is FEWER_THAN_5]
    total = sum(counts.values())
    if adds_up and total >= MIN_GROUP and len(hidden) == 1 and len(counts) > 1:
        others = [key for key in counts if key not in hidden]
        shown[min(others, key=lambda key: counts[key])] = FEWER_THAN_5
    return shown


@dataclass(frozen=True)
class ItemCounts:
    """How many learners have one item not started, in progress and done."""

    item_id: str
    statuses: dict[Status, Count]


@dataclass(frozen=True)
class QuizScores:
    """Learners who tried a quiz, passed it, and whose best score is in each band."""

    item_id: str
    attempted: Count
    passed: Count
    bands: dict[tuple[int, int], Count]  # (low, high) -> learners, high exclusive


@dataclass(frozen=True)
class SurveyCounts:
    """Learners who sent the survey, and per choice question how many chose each option."""

    item_id: str
    answered: Count
    questions: dict[str, dict[str, Count]]


class Reports:
    """Aggregates for a facilitator. Example::

    token = records.check_facilitator(marta.id, "1234")
    reports = Reports(records, token)
    reports.item_status(library.get_pack("first-aid"))
    """

    def __init__(self, records: Any, auth: roles.FacilitatorToken | tuple[str, str | None]):
        self.records = records
        self.facilitator = records.facilitator(auth)  # NotFacilitator, WrongPin, PinLocked
        self._auth = auth if isinstance(auth, roles.FacilitatorToken) else None

    def _check(self) -> None:
        if self._auth is not None:
            self.records.facilitator(self._auth)  # an expired token stops every report

    def _learner_ids(self) -> list[str]:
        rows = self.records.rdb.query("SELECT id FROM profiles WHERE role = ?", [LEARNER])
        return [str(r["id"]) for r in rows]

    def _events(self, pack_id: str, item_id: str | None = None) -> dict[str, list[Event]]:
        sql = (
            f"SELECT {', '.join('e.' + c for c in event_rows.COLUMNS)} FROM events e "
            "JOIN profiles p ON p.id = e.profile_id "
            "WHERE p.role = ? AND e.object_type = 'item' AND e.pack_id = ?"
        )
        params: list[Any] = [LEARNER, pack_id]
        if item_id is not None:
            sql += " AND e.item_id = ?"
            params.append(item_id)
        grouped: dict[str, list[Event]] = {}
        for row in self.records.rdb.query(sql + " ORDER BY e.seq", params):
            event = event_rows.to_event(row)
            grouped.setdefault(event.profile_id, []).append(event)
        return grouped

    def learners(self) -> Count:
        """How many learner profiles there are."""
        self._check()
        return suppressed(len(self._learner_ids()))

    def item_status(self, pack: Mapping[str, Any]) -> list[ItemCounts]:
        """For each item of `pack` (a Library.get_pack dict), in order: learners per status."""
        self._check()
        learners = self._learner_ids()
        mine = self._events(str(pack["id"]))
        found = []
        for module in pack.get("modules", []):
            for item in module.get("items", []):
                item_id, kind = str(item["id"]), str(item.get("type", ""))
                counts = dict.fromkeys(Status, 0)
                for learner in learners:
                    of_item = [e for e in mine.get(learner, []) if e.item_id == item_id]
                    counts[progress.item_status(kind, of_item)] += 1
                found.append(ItemCounts(item_id, suppress_row(counts, adds_up=True)))
        return found

    def quiz_scores(self, pack_id: str, item_id: str) -> QuizScores:
        """Each learner's best score of one quiz, counted per band of 20 points."""
        self._check()
        best: list[float] = []
        passed = 0
        for attempts in self._events(pack_id, item_id).values():
            stats = progress.quiz_stats(attempts)
            if stats.attempts and stats.best_score is not None:
                best.append(stats.best_score)
                passed += stats.passed
        bands = {band: sum(band[0] <= s < band[1] for s in best) for band in SCORE_BANDS}
        return QuizScores(
            item_id, suppressed(len(best)), suppressed(passed), suppress_row(bands, adds_up=True)
        )

    def survey_answers(self, pack_id: str, item: Mapping[str, Any]) -> SurveyCounts:
        """How many learners chose each option of each choice question of a survey
        (`item` as Library.get_item gives it); free-text questions are left out."""
        self._check()
        questions = [q for q in item.get("questions", []) if q.get("choices")]
        latest = [_latest_answers(evs) for evs in self._events(pack_id, str(item["id"])).values()]
        found: dict[str, dict[str, Count]] = {}
        for question in questions:
            qid = str(question["id"])
            options = [str(c["id"]) for c in question["choices"]]
            counts = dict.fromkeys(options, 0)
            for answers in latest:
                for choice in _chosen(answers.get(qid)):
                    if choice in counts:
                        counts[choice] += 1
            found[qid] = suppress_row(counts, adds_up=question.get("type") != "multiple")
        answered = sum(1 for answers in latest if answers)
        return SurveyCounts(str(item["id"]), suppressed(answered), found)


def _latest_answers(events: Iterable[Event]) -> dict[str, Any]:
    """One learner's last response to each question ({question id: response})."""
    answers: dict[str, Any] = {}
    for event in events:
        if event.verb == event_rows.ANSWERED and "question" in event.result:
            answers[str(event.result["question"])] = event.result.get("response")
    return answers


def _chosen(response: Any) -> set[str]:
    if isinstance(response, list):
        return {str(r) for r in response}
    return {str(response)} if response is not None else set()

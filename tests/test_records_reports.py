"""Group reports: facilitators only, counts over learners, every figure under 5 people hidden."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.core.paths import DataDir
from kit.core.records import FacilitatorToken, NotFacilitator, Records, Status, WrongPin
from kit.core.records.reports import FEWER_THAN_5, Reports

PACK = {
    "id": "first-aid",
    "modules": [
        {
            "id": "basics",
            "items": [
                {"id": "burns", "type": "lesson"},
                {"id": "burns-quiz", "type": "quiz"},
                {"id": "feedback", "type": "survey"},
            ],
        }
    ],
}
SURVEY = {
    "id": "feedback",
    "type": "survey",
    "questions": [
        {"id": "useful", "type": "single", "choices": [{"id": "1"}, {"id": "2"}, {"id": "3"}]},
        {"id": "topics", "type": "multiple", "choices": [{"id": "1"}, {"id": "2"}]},
        {"id": "comments", "type": "text", "choices": []},
    ],
}


@pytest.fixture
def records(data_dir: Path):
    with Records(DataDir(data_dir)) as rec:
        rec.create_profile("Marta", pin="1111", role="facilitator")
        yield rec


def _marta(records: Records) -> FacilitatorToken:
    marta = next(p for p in records.list_profiles() if p.name == "Marta")
    return records.check_facilitator(marta.id, "1111")


def _learners(records: Records, count: int, prefix: str = "L") -> list[str]:
    return [records.create_profile(f"{prefix}{n}", pin="2222").id for n in range(count)]


def test_a_learner_cannot_read_reports(records: Records) -> None:
    ana = records.create_profile("Ana", pin="2222")
    with pytest.raises(NotFacilitator):
        Reports(records, (ana.id, "2222"))
    with pytest.raises(NotFacilitator):
        records.reports(FacilitatorToken(ana.id, "made-up"))
    with pytest.raises(NotFacilitator):
        records.reports(FacilitatorToken(_marta(records).profile_id, "made-up"))
    marta = _marta(records).profile_id
    with pytest.raises(WrongPin):
        records.reports((marta, "2222"))
    assert records.reports((marta, "1111")).learners() is FEWER_THAN_5  # only Ana


def test_item_status_counts_hide_small_groups(records: Records) -> None:
    done, started = _learners(records, 6, "D"), _learners(records, 5, "S")
    _learners(records, 1, "U")  # one who has not opened anything
    for learner in done:
        records.append_event(learner, "first-aid", "burns", "completed")
    for learner in started:
        records.append_event(learner, "first-aid", "burns", "viewed")
    records.append_event(done[0], "first-aid", "burns-quiz", "started")
    report = records.reports(_marta(records))
    assert report.learners() == 12
    burns, quiz, _survey = report.item_status(PACK)
    # 1 not started is hidden, and then 5 in progress too: else 12 - 6 would tell it.
    assert burns.statuses == {
        Status.DONE: 6, Status.IN_PROGRESS: FEWER_THAN_5, Status.NOT_STARTED: FEWER_THAN_5
    }  # fmt: skip
    assert quiz.statuses == {
        Status.DONE: FEWER_THAN_5, Status.IN_PROGRESS: FEWER_THAN_5, Status.NOT_STARTED: 11
    }  # fmt: skip
    assert str(FEWER_THAN_5) == "fewer than 5"


def test_a_group_of_four_shows_no_figure_at_all(records: Records) -> None:
    for learner in _learners(records, 4):
        records.append_event(learner, "first-aid", "burns", "completed")
        records.record_quiz_attempt(learner, "first-aid", "burns-quiz", 90, 60)
    report = records.reports(_marta(records))
    assert set(report.item_status(PACK)[0].statuses.values()) == {FEWER_THAN_5}
    scores = report.quiz_scores("first-aid", "burns-quiz")
    assert scores.attempted is FEWER_THAN_5 and scores.passed is FEWER_THAN_5
    assert set(scores.bands.values()) == {FEWER_THAN_5}


def test_quiz_scores_count_each_learners_best_attempt(records: Records) -> None:
    learners = _learners(records, 7)
    for learner, score in zip(learners, [85, 90, 95, 100, 81, 30, 45], strict=True):
        records.record_quiz_attempt(learner, "first-aid", "burns-quiz", 10, 60)  # a first try
        records.record_quiz_attempt(learner, "first-aid", "burns-quiz", score, 60)
    scores = records.reports(_marta(records)).quiz_scores("first-aid", "burns-quiz")
    assert (scores.attempted, scores.passed) == (7, 5)
    assert scores.bands == {
        (0, 20): FEWER_THAN_5, (20, 40): FEWER_THAN_5, (40, 60): FEWER_THAN_5,
        (60, 80): FEWER_THAN_5, (80, 101): 5,
    }  # fmt: skip


def test_survey_counts_choices_never_text_and_never_who(records: Records) -> None:
    learners = _learners(records, 6)
    for n, learner in enumerate(learners):
        records.append_events(
            learner,
            "first-aid",
            "feedback",
            [
                ("answered", {"question": "useful", "response": "3" if n else "1"}),
                ("answered", {"question": "topics", "response": ["1", "2"]}),
                ("answered", {"question": "comments", "response": f"I am learner {n}"}),
                ("completed", None),
            ],
        )
    # A learner who changes an answer is counted once, with the last one.
    records.append_event(learners[1], "first-aid", "feedback", "answered",
                         {"question": "useful", "response": "2"})  # fmt: skip
    counts = records.reports(_marta(records)).survey_answers("first-aid", SURVEY)
    assert counts.answered == 6
    assert counts.questions == {
        "useful": {"1": FEWER_THAN_5, "2": FEWER_THAN_5, "3": FEWER_THAN_5},
        "topics": {"1": 6, "2": 6},
    }
    assert "learner" not in repr(counts) and "comments" not in counts.questions


def test_facilitators_are_not_counted_and_a_stale_token_stops_reports(records: Records) -> None:
    learners = _learners(records, 5)
    for learner in learners:
        records.append_event(learner, "first-aid", "burns", "completed")
    token = _marta(records)
    report = records.reports(token)
    records.append_event(token.profile_id, "first-aid", "burns", "completed")
    assert report.item_status(PACK)[0].statuses[Status.DONE] == 5
    records.set_role(token.profile_id, "learner", by=token.profile_id, pin="1111")
    with pytest.raises(NotFacilitator):
        report.learners()

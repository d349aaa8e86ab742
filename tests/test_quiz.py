"""Scoring quiz answers (kit.core.quiz) against questions as a built pack holds them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pack_helpers import make_source

from kit.core.packformat.source import load_source
from kit.core.quiz import feedback, is_correct, normalize_answer, passed, score


@pytest.fixture(scope="module")
def quiz(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = make_source(tmp_path_factory.mktemp("quiz") / "src")
    items = load_source(root).content["modules"][0]["items"]
    return next(i for i in items if i["type"] == "quiz")


def question(quiz: dict[str, Any], qid: str) -> dict[str, Any]:
    return next(q for q in quiz["questions"] if q["id"] == qid)


@pytest.mark.parametrize(
    ("qid", "response", "right"),
    [
        ("colour", "1", True),
        ("colour", "2", False),
        ("colour", "9", False),
        ("colour", 1, False),
        ("colour", None, False),
        ("fruits", ["1", "2"], True),
        ("fruits", ("2", "1"), True),
        ("fruits", {"1", "2"}, True),
        ("fruits", ["1"], False),
        ("fruits", ["1", "2", "3"], False),
        ("fruits", ["1", "1", "2"], False),
        ("fruits", "12", False),
        ("fruits", [["1"]], False),
        ("earth", "1", True),
        ("earth", "2", False),
        ("capital", "Nairobi", True),
        ("capital", "  nairobi ", True),
        ("capital", "NAIROBI.", True),
        ("capital", "Ｎａｉｒｏｂｉ", True),
        ("capital", "Nai robi", False),
        ("capital", "Mombasa", False),
        ("capital", "", False),
        ("capital", None, False),
        ("capital", ["Nairobi"], False),
        ("steps", ["1", "2", "3"], True),
        ("steps", ["2", "1", "3"], False),
        ("steps", ["1", "2"], False),
        ("steps", None, False),
        ("steps", "123", False),
    ],
)
def test_is_correct(quiz: dict[str, Any], qid: str, response: Any, right: bool) -> None:
    assert is_correct(question(quiz, qid), response) is right


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("  New   York ", "new york"),
        ("New\tYork\n", "new york"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("Yes!", "yes"),
        ("...", ""),
    ],
)
def test_normalize_answer(typed: str, normal: str) -> None:
    assert normalize_answer(typed) == normal


def test_unknown_question_type_is_never_right() -> None:
    assert is_correct({"type": "essay", "choices": []}, "anything") is False


def test_a_short_question_without_accepted_answers_is_wrong_not_an_error() -> None:
    # The library installs such a question (content.json need not list "accepted").
    question = {"id": "a", "type": "short", "prompt": "Capital?", "explanation": "Nairobi."}
    assert is_correct(question, "Nairobi") is False
    assert feedback(question, "Nairobi") == ["Nairobi."]


@pytest.mark.parametrize(
    ("responses", "expected"),
    [
        ({}, 0.0),
        ({"colour": "1"}, 20.0),
        ({"colour": "1", "fruits": ["1", "2"], "earth": "1"}, 60.0),
        (
            {"colour": "1", "fruits": ["2", "1"], "earth": "1", "capital": " nairobi",
             "steps": ["1", "2", "3"]},
            100.0,
        ),
    ],
)  # fmt: skip
def test_score_and_pass_mark(quiz: dict[str, Any], responses: dict, expected: float) -> None:
    assert score(quiz["questions"], responses) == expected
    assert passed(quiz, responses) is (expected >= 60)  # the scaffold's pass_mark is 60


def test_score_of_no_questions_is_zero() -> None:
    assert score([], {}) == 0.0


def test_short_answers_accept_every_listed_answer(tmp_path: Path) -> None:
    q = {"type": "short", "accepted": ["colour", "color"], "choices": []}
    assert is_correct(q, "Color") and is_correct(q, "COLOUR ")
    assert not is_correct(q, "colors")


@pytest.mark.parametrize(
    ("qid", "response", "texts"),
    [
        ("colour", "1", ["Right: the air scatters blue light the most."]),
        ("colour", "2", ["Not quite: look up on a clear day."]),
        ("fruits", ["1", "3"], ["A carrot is a root."]),
        ("earth", "2", ["One trip takes a year."]),
        ("capital", "nairobi", ["Nairobi has been the capital since 1907."]),
        ("steps", ["1", "2", "3"], []),
    ],
)
def test_feedback(quiz: dict[str, Any], qid: str, response: Any, texts: list[str]) -> None:
    assert feedback(question(quiz, qid), response) == texts


def test_feedback_for_a_known_wrong_short_answer() -> None:
    q = {
        "type": "short",
        "accepted": ["Nairobi"],
        "answers": [
            {"text": "Nairobi", "correct": True, "explanation": ""},
            {"text": "Mombasa", "correct": False, "explanation": "Mombasa is the port."},
        ],
        "explanation": "",
        "choices": [],
    }
    assert feedback(q, " mombasa") == ["Mombasa is the port."]
    assert not is_correct(q, "Mombasa")


def test_unfinished_answers_are_those_after_the_last_finished_attempt() -> None:
    from types import SimpleNamespace

    from kit.core.quiz import unfinished_answers

    def ev(verb: str, **result):
        return SimpleNamespace(verb=verb, result=result)

    questions = [{"id": "a"}, {"id": "b"}, {"id": "c"}]
    history = [
        ev("viewed"),
        ev("answered", question="a", response="1"),
        ev("passed", score=100),
        ev("answered", question="b", response="2"),
        ev("viewed"),
        ev("answered", question="b", response="3"),  # checked once: the first one counts
        ev("answered", question="gone", response="1"),  # no longer in the quiz
        ev("answered", question="c"),  # no response recorded
    ]
    assert unfinished_answers(history, questions) == {"b": "2"}
    assert unfinished_answers([*history, ev("failed", score=0)], questions) == {}
    assert unfinished_answers([], questions) == {}

"""Scoring answers to quiz questions (built-pack form, see docs/pack-format.md).

Responses, by question type:
- single, truefalse: the chosen choice id, e.g. "2";
- multiple: a collection of choice ids, e.g. ["1", "3"];
- short: the typed text;
- order: every choice id in the learner's order (content.json lists them in the right order).
Anything else (None, a wrong type) is simply a wrong answer, never an error.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from kit.core import itemtypes


def normalize_answer(text: str) -> str:
    """Case-, width- and spacing-tolerant form of a short answer.

    >>> normalize_answer("  New   YORK. ")
    'new york'
    """
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .!?;:")


def _ids(response: Any) -> list[str] | None:
    if isinstance(response, (list, tuple, set, frozenset)) and all(
        isinstance(r, str) for r in response
    ):
        return list(response)
    return None


def is_correct(question: dict[str, Any], response: Any) -> bool:
    """Whether `response` answers `question` (see the module docstring for the forms)."""
    qtype = question.get("type")
    choices = question.get("choices", [])
    if qtype in ("single", "truefalse"):
        return isinstance(response, str) and any(
            c["id"] == response and c["correct"] for c in choices
        )
    if qtype == "multiple":
        ids = _ids(response)
        wanted = {c["id"] for c in choices if c["correct"]}
        return ids is not None and len(ids) == len(set(ids)) and set(ids) == wanted
    if qtype == "short":
        if not isinstance(response, str):
            return False
        given = normalize_answer(response)
        accepted = question.get("accepted") or []
        return bool(given) and given in {normalize_answer(a) for a in accepted}
    if qtype == "order":
        return _ids(response) == [c["id"] for c in choices]
    return False


def score(questions: Sequence[dict[str, Any]], responses: dict[str, Any]) -> float:
    """Percentage of questions answered correctly (0-100).

    Whether that passes is kit.core.itemtypes.passed(score, pass_mark).
    """
    if not questions:
        return 0.0
    right = sum(1 for q in questions if is_correct(q, responses.get(q["id"])))
    return 100.0 * right / len(questions)


def passed(quiz: dict[str, Any], responses: dict[str, Any]) -> bool:
    """Whether the responses reach the quiz's pass mark."""
    return itemtypes.passed(score(quiz.get("questions", []), responses), itemtypes.pass_mark(quiz))


def feedback(question: dict[str, Any], response: Any) -> list[str]:
    """Explanations to show after an answer: those of the chosen answers, then the question's.

    For a short answer, a written answer (right or known wrong) that matches the typed
    text gives its own explanation.
    """
    out: list[str] = []
    qtype = question.get("type")
    if qtype in ("single", "truefalse", "multiple"):
        chosen = {response} if isinstance(response, str) else set(_ids(response) or [])
        out = [c["explanation"] for c in question.get("choices", []) if c["id"] in chosen]
    elif qtype == "short" and isinstance(response, str):
        given = normalize_answer(response)
        out = [
            a["explanation"]
            for a in question.get("answers", [])
            if normalize_answer(a["text"]) == given
        ]
    if question.get("explanation"):
        out.append(question["explanation"])
    return [text for text in out if text]


ATTEMPT_VERBS = ("passed", "failed")


def unfinished_answers(
    events: Sequence[Any], questions: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """The answers of the attempt in progress: question id -> response.

    `events` are one quiz's records, oldest first (objects with `verb` and `result`, as
    kit.core.records gives them). The attempt in progress is every "answered" event after
    the last finished attempt ("passed" or "failed"); a question answered twice there keeps
    its first answer, as the screen did (an answer once checked cannot change). Answers
    to questions the quiz no longer has are left out. Empty when no attempt is open.

    >>> from types import SimpleNamespace as E
    >>> qs = [{"id": "a"}, {"id": "b"}]
    >>> unfinished_answers([E(verb="answered", result={"question": "a", "response": "1"}),
    ...                     E(verb="failed", result={}),
    ...                     E(verb="answered", result={"question": "b", "response": "2"})], qs)
    {'b': '2'}
    """
    known = {str(q.get("id")) for q in questions}
    answers: dict[str, Any] = {}
    for event in events:
        if event.verb in ATTEMPT_VERBS:
            answers = {}
        elif event.verb == "answered":
            result = event.result if isinstance(event.result, dict) else {}
            qid = str(result.get("question"))
            if qid in known and qid not in answers and "response" in result:
                answers[qid] = result["response"]
    return answers

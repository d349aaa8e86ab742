"""Scoring answers to quiz questions (built-pack form, see docs/pack-format.md)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any


def normalize_answer(text: str) -> str:
    """Case-, width- and spacing-tolerant form of a short answer."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .!?;:")


def is_correct(question: dict[str, Any], response: Any) -> bool:
    """Whether `response` answers `question`.

    single/truefalse: a choice id; multiple: a collection of choice ids;
    short: the typed text; order: choice ids in the learner's order.
    """
    qtype = question["type"]
    choices = question.get("choices", [])
    if qtype in ("single", "truefalse"):
        return any(c["id"] == response and c["correct"] for c in choices)
    if qtype == "multiple":
        wanted = {c["id"] for c in choices if c["correct"]}
        return isinstance(response, (list, tuple, set)) and set(response) == wanted
    if qtype == "short":
        given = normalize_answer(str(response or ""))
        return bool(given) and given in {normalize_answer(a) for a in question["accepted"]}
    if qtype == "order":
        return list(response or []) == [c["id"] for c in choices]
    return False


def score(questions: Sequence[dict[str, Any]], responses: dict[str, Any]) -> float:
    """Percentage of questions answered correctly (0-100)."""
    if not questions:
        return 0.0
    right = sum(1 for q in questions if is_correct(q, responses.get(q["id"])))
    return 100.0 * right / len(questions)

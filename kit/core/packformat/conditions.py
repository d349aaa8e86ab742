"""Conditional survey questions (`show_if`): which questions are shown for given answers.

A question is shown when every condition on it (its section's and its own) holds; a
condition holds when the earlier question it names is itself shown and its answer (a
choice id, or any of several) is one of `answer_in`. Answers to hidden questions are not
kept. Conditions only look backwards (validation checks it), so one pass in order is enough.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Condition = tuple[str, tuple[str, ...]]  # (question id, choice ids)


def _condition(value: Any) -> Condition | None:
    if not isinstance(value, Mapping):
        return None
    return str(value.get("question")), tuple(str(a) for a in value.get("answer_in") or ())


def item_conditions(item: Mapping[str, Any]) -> dict[str, tuple[Condition, ...]]:
    """Question id -> its conditions (its section's, then its own), in written order."""
    sections = {str(s.get("id")): _condition(s.get("show_if")) for s in item.get("sections") or []}
    out: dict[str, tuple[Condition, ...]] = {}
    for q in item.get("questions") or []:
        found = (sections.get(str(q.get("section"))), _condition(q.get("show_if")))
        out[str(q["id"])] = tuple(c for c in found if c is not None)
    return out


def _chosen(value: Any) -> set[str]:
    if isinstance(value, list | tuple | set):
        return {str(v) for v in value}
    return set() if value is None else {str(value)}


def visible(
    conditions: Iterable[tuple[str, Sequence[Condition]]], answers: Mapping[str, Any]
) -> set[str]:
    """The ids of the questions shown, given (id, conditions) in written order."""
    shown: set[str] = set()
    for qid, conds in conditions:
        if all(q in shown and _chosen(answers.get(q)) & set(ids) for q, ids in conds):
            shown.add(qid)
    return shown


def kept_answers(
    conditions: Iterable[tuple[str, Sequence[Condition]]], answers: Mapping[str, Any]
) -> dict[str, Any]:
    """The answers to shown questions only (a hidden question's answer is dropped)."""
    shown = visible(conditions, answers)
    return {qid: value for qid, value in answers.items() if qid in shown}

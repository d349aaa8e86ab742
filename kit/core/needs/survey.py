"""A needs-assessment survey as the results read it, from a survey item of a pack.

A survey item whose header has `needs_assessment: true` (docs/pack-format.md): rating
questions (`type: likert`, `skill: KEY`, `dimension: confidence|importance`, the labelled
points 1..5 in order plus one choice with `na: true`), questions about the respondent
(`about: true`) and free text.

    survey = from_item("community-skills", "1.0.0", library.get_item(pack, item))
    survey.ratings[0].point("3")   # -> 3; None for "not relevant / don't know"
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kit.core.errors import KitError
from kit.core.itemtypes import SURVEY
from kit.i18n import _

CONFIDENCE = "confidence"
IMPORTANCE = "importance"
DIMENSIONS = (CONFIDENCE, IMPORTANCE)


class NeedsError(KitError):
    """A needs-assessment survey, response or file is not acceptable (one sentence)."""


@dataclass(frozen=True)
class Rating:
    """One rating question: a skill rated on one dimension; `points` maps a choice id to
    its point (1..n in written order), `na` holds the "not relevant" choice ids."""

    id: str
    skill: str
    dimension: str
    points: Mapping[str, int]
    na: frozenset[str]

    def point(self, choice: str) -> int | None:
        return self.points.get(choice)


@dataclass(frozen=True)
class About:
    """A question about the respondent: its choices (id, text) as the pack writes them."""

    id: str
    prompt: str
    choices: tuple[tuple[str, str], ...]
    multiple: bool


@dataclass(frozen=True)
class NeedsSurvey:
    pack_id: str
    item_id: str
    version: str
    title: str
    ratings: tuple[Rating, ...]
    about: tuple[About, ...]
    kinds: Mapping[str, str]  # question id -> type (likert, single, multiple, text)
    choices: Mapping[str, frozenset[str]]  # question id -> its choice ids

    @property
    def key(self) -> str:
        return f"{self.pack_id}/{self.item_id}"

    def skills(self) -> list[str]:
        """The rated skill keys, in the order the survey first asks them."""
        return list(dict.fromkeys(r.skill for r in self.ratings))

    def rating(self, skill: str, dimension: str) -> Rating | None:
        return next(
            (r for r in self.ratings if r.skill == skill and r.dimension == dimension), None
        )


def is_needs_item(item: Mapping[str, Any] | None) -> bool:
    return bool(item) and item.get("type") == SURVEY and item.get("needs_assessment") is True  # type: ignore[union-attr]


def version_code(pack_version: str, item: Mapping[str, Any]) -> str:
    """The pack's version and a short digest of the questions' ids, types and choice
    ids: two printouts with the same code ask the same questions in the same order."""
    shape = [
        [q.get("id"), q.get("type"), [c.get("id") for c in q.get("choices") or []]]
        for q in item.get("questions") or []
    ]
    digest = hashlib.sha256(json.dumps(shape, sort_keys=True).encode("utf-8")).hexdigest()
    return f"{pack_version}-{digest[:6]}"


def _texts(translated: Mapping[str, Any] | None) -> dict[str, Mapping[str, Any]]:
    questions = (translated or {}).get("questions") or []
    return {str(q.get("id")): q for q in questions if isinstance(q, Mapping)}


def _choice_texts(q: Mapping[str, Any], shown: Mapping[str, Any] | None) -> dict[str, str]:
    texts = {str(c.get("id")): str(c.get("text") or "") for c in q.get("choices") or []}
    for c in (shown or {}).get("choices") or []:
        if isinstance(c, Mapping) and str(c.get("id")) in texts and c.get("text"):
            texts[str(c.get("id"))] = str(c["text"])
    return texts


def from_item(
    pack_id: str,
    pack_version: str,
    item: Mapping[str, Any],
    translated: Mapping[str, Any] | None = None,
) -> NeedsSurvey:
    """The survey of a needs-assessment item; NeedsError when the item is not one.
    `translated` (the item as `Library.get_item(..., lang)` gives it) lends only its
    texts (title, prompts, choices): skills, dimensions and choices come from `item`."""
    shown = _texts(translated)
    if not is_needs_item(item):
        raise NeedsError(
            _("{item} is not a needs-assessment survey.").format(item=f"{pack_id}/{item.get('id')}")
        )
    ratings: list[Rating] = []
    about: list[About] = []
    kinds: dict[str, str] = {}
    choices: dict[str, frozenset[str]] = {}
    for q in item.get("questions") or []:
        qid, qtype = str(q.get("id")), str(q.get("type"))
        listed = [c for c in q.get("choices") or [] if isinstance(c, Mapping)]
        kinds[qid] = qtype
        choices[qid] = frozenset(str(c.get("id")) for c in listed)
        if qtype == "likert" and q.get("skill") and q.get("dimension") in DIMENSIONS:
            scale = [str(c.get("id")) for c in listed if not c.get("na")]
            ratings.append(
                Rating(
                    qid,
                    str(q["skill"]),
                    str(q["dimension"]),
                    {cid: n for n, cid in enumerate(scale, start=1)},
                    frozenset(str(c.get("id")) for c in listed if c.get("na")),
                )
            )
        elif q.get("about") and qtype in ("single", "multiple"):
            about.append(
                About(
                    qid,
                    str(shown.get(qid, {}).get("prompt") or q.get("prompt") or qid),
                    tuple(_choice_texts(q, shown.get(qid)).items()),
                    qtype == "multiple",
                )
            )
    return NeedsSurvey(
        pack_id,
        str(item.get("id")),
        version_code(pack_version, item),
        str((translated or {}).get("title") or item.get("title") or item.get("id")),
        tuple(ratings),
        tuple(about),
        kinds,
        choices,
    )

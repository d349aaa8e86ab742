"""The bundled needs-assessment pack and the getting-started pack (whose modules are
tagged with CapX skills) installed in a real data folder, 38 generated respondents
recorded through kit.core.needs, and the figures computed again here from the answers
as generated."""

from __future__ import annotations

import random
import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pack_helpers import CONTENT_PACKS

from kit.core.library import Library
from kit.core.needs import KIOSK, PAPER, NeedsResponses
from kit.core.needs.installed import find_survey
from kit.core.packformat.build import build_pack
from kit.core.paths import DataDir
from kit.core.records import Records

PACKS = ("needs-assessment", "getting-started")
SURVEY = "needs-assessment/skills-needs"
WANTED = ("capx:training", "capx:facilitation", "capx:surveys")  # high need, taught by modules
GROUPS_OF_WANTED = ("Q60231731", "Q1413287")  # learning and evaluation, social skill
NEWCOMERS = 3  # "I have not started yet": a group too small to show


def build_packs(folder: Path) -> list[Path]:
    return [build_pack(CONTENT_PACKS / name, folder) for name in PACKS]


def install(data: Path, built: list[Path]) -> DataDir:
    folder = DataDir(data).ensure()
    with Library(folder) as lib:
        for path in built:
            lib.install(path)
    return folder


def ratings(item: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """question id -> (skill, dimension) of the survey item's rating questions."""
    return {q["id"]: (q["skill"], q["dimension"]) for q in item["questions"] if q.get("skill")}


def respondents(item: Mapping[str, Any], count: int = 38, seed: int = 5) -> list[dict[str, Any]]:
    """Answer sets: the wanted skills important and little known, the rest at random
    (some "not relevant", some left out); the first NEWCOMERS have not started yet."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        answers: dict[str, Any] = {}
        for qid, (skill, dimension) in ratings(item).items():
            if skill in WANTED:
                pick = rng.choice("45" if dimension == "importance" else "1122")
            elif skill in GROUPS_OF_WANTED and dimension == "importance":
                pick = "5"  # so their sub-capacities are asked
            else:
                pick = rng.choice(["1", "2", "3", "4", "5", "6", None])
            if pick is not None:
                answers[qid] = pick
        answers["years"] = "5" if n < NEWCOMERS else rng.choice("1234")
        answers["roles"] = rng.sample("123456", rng.randint(1, 2))
        out.append(answers)
    return out


@dataclass
class Seeded:
    data: DataDir
    item: dict[str, Any]
    answers: list[dict[str, Any]]


def seed(data: Path, built: list[Path]) -> Seeded:
    """The packs installed, 30 respondents by kiosk and 8 on paper."""
    folder = install(data, built)
    with Records(folder) as records, Library(folder) as lib:
        item = lib.get_item(*SURVEY.split("/"))
        survey = find_survey(lib, SURVEY)
        answers = respondents(item)
        store = NeedsResponses(records.rdb)
        store.record_many(survey, answers[:30], KIOSK)
        store.record_many(survey, answers[30:], PAPER)
    return Seeded(folder, item, answers)


def _point(value: Any) -> int | None:
    return int(value) if isinstance(value, str) and value in "12345" else None


def expected_mwds(item: Mapping[str, Any], answers: list[dict[str, Any]]) -> dict[str, float]:
    """skill -> Borich's MWDS: the mean discrepancy weighted by the mean importance."""
    by_skill: dict[str, dict[str, str]] = {}
    for qid, (skill, dimension) in ratings(item).items():
        by_skill.setdefault(skill, {})[dimension] = qid
    out = {}
    for skill, qids in by_skill.items():
        pairs = []
        for a in answers:
            c, i = _point(a.get(qids["confidence"])), _point(a.get(qids["importance"]))
            if c is not None and i is not None:
                pairs.append((c, i))
        if pairs:
            mean_i = statistics.mean(i for _c, i in pairs)
            out[skill] = statistics.mean(i - c for c, i in pairs) * mean_i
    return out


def expected_ranking(item: Mapping[str, Any], answers: list[dict[str, Any]]) -> list[str]:
    scores = expected_mwds(item, answers)
    return sorted(scores, key=lambda s: -scores[s])


def tagged_modules(lib: Library, skills: list[str]) -> list[tuple[str, str]]:
    """(pack id, module id) of the installed modules tagged with the skills, in the
    skills' order, each once."""
    found: list[tuple[str, str]] = []
    for skill in skills:
        for pack in lib.list_packs():
            full = lib.get_pack(pack["id"])
            for module in full["modules"]:
                ref = (pack["id"], module["id"])
                if skill in (module.get("tags") or []) and ref not in found:
                    found.append(ref)
    return found

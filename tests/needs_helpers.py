"""A needs-assessment survey item written with the contract's fields, a pack that carries
it (written straight into a zip), and generated respondents."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from library_helpers import content, lesson, write_pack

from kit.core.library import Library
from kit.core.paths import DataDir

SKILLS = ("Q11024", "capx:budgeting", "Q11016", "capx:wikidata")
SCALE = ("Not at all", "A little", "Somewhat", "Quite", "Very")
NA = "6"  # the "not relevant / don't know" choice id
YEARS = {"1": "Less than a year", "2": "1 to 5 years", "3": "More than 5 years"}
ROLES = {"1": "Editor", "2": "Organiser", "3": "Trainer"}


def _choices(texts: Any) -> list[dict[str, Any]]:
    return [
        {"id": str(n), "text": t, "correct": False, "explanation": ""}
        for n, t in enumerate(texts, start=1)
    ]


def rating(skill: str, dimension: str) -> dict[str, Any]:
    choices = _choices(SCALE)
    choices.append(
        {"id": NA, "text": "Not relevant / don't know", "correct": False, "explanation": "",
         "na": True}
    )  # fmt: skip
    return {
        "id": f"{skill.replace(':', '-')}-{dimension[:4]}",
        "type": "likert",
        "prompt": f"{skill}: your {dimension}",
        "explanation": "",
        "skill": skill,
        "dimension": dimension,
        "choices": choices,
    }


def needs_item(item_id: str = "needs") -> dict[str, Any]:
    questions = [rating(s, d) for s in SKILLS for d in ("confidence", "importance")]
    questions += [
        {"id": "years", "type": "single", "about": True, "prompt": "Years contributing",
         "explanation": "", "choices": _choices(YEARS.values())},
        {"id": "roles", "type": "multiple", "about": True, "prompt": "Your roles",
         "explanation": "", "choices": _choices(ROLES.values())},
        {"id": "wish", "type": "text", "prompt": "What else?", "explanation": "", "choices": []},
    ]  # fmt: skip
    return {
        "id": item_id,
        "type": "survey",
        "title": "Community skills needs",
        "summary": "",
        "minutes": 10,
        "notes": "",
        "body": "",
        "needs_assessment": True,
        "questions": questions,
    }


# A translation carries texts only: no skill, dimension, na or about fields.
SPANISH = {
    "title": "Necesidades de habilidades",
    "questions": [
        {"id": "years", "type": "single", "prompt": "Años contribuyendo", "explanation": "",
         "choices": _choices(["Menos de un año", "De 1 a 5 años", "Más de 5 años"])},
        {"id": "Q11024-conf", "type": "likert", "prompt": "Comunicación: su confianza",
         "explanation": "", "choices": _choices(["Nada", "Poco", "Algo", "Bastante", "Mucho"])},
    ],
}  # fmt: skip


def qid(skill: str, dimension: str) -> str:
    return f"{skill.replace(':', '-')}-{dimension[:4]}"


def needs_pack(folder: Path, pack_id: str = "skills-survey") -> Path:
    """A pack with the survey and two modules, one tagged with Q11024 (communication)."""
    body = content(
        pack_id, items=[needs_item()], translations={"es": {"items": {"needs": SPANISH}}}
    )
    body["modules"].append(
        {"id": "talk", "title": "Speaking to a room", "summary": "", "objectives": [],
         "minutes": 30, "tags": ["Q11024", "public-speaking"],
         "items": [lesson("speak", "Speak up")]}
    )  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    return write_pack(folder / f"{pack_id}-1.0.0.kitpack", body)


def install(data: Path, pack: Path) -> DataDir:
    folder = DataDir(data)
    with Library(folder) as lib:
        lib.install(pack)
    return folder


def respondents(count: int, seed: int = 13, years: Any = None) -> list[dict[str, Any]]:
    """`count` answer sets: every rating 1..5, "not relevant" or left out; `years` a
    list of the years answer per respondent (default: mostly 1 or 2, three 3s)."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        answers: dict[str, Any] = {}
        for skill in SKILLS:
            for dimension in ("confidence", "importance"):
                pick = rng.choice(["1", "2", "3", "4", "5", "1", "2", "3", "4", "5", NA, None])
                if pick is not None:
                    answers[qid(skill, dimension)] = pick
        if years is not None:
            if years[n] is not None:
                answers["years"] = years[n]
        else:
            answers["years"] = "3" if n < 3 else rng.choice(["1", "2"])
        answers["roles"] = rng.sample(sorted(ROLES), rng.randint(1, 2))
        if n % 4 == 0:
            answers["wish"] = f"More on topic {n}"
        out.append(answers)
    return out

"""Survey attributes as form fields: skill, dimension, about, show_if and "not applicable".

A survey question heading may end with a YAML flow mapping (docs/pack-format.md 6.3):

    ## imp-tech: likert {skill: Q11016, dimension: importance}
    ## why: text {show_if: {question: imp-tech, answer_in: ["4", "5"]}}

`read_attrs` turns that mapping into plain values the form shows, or None when it holds
anything the form cannot show (the question is then kept exactly as written);
`format_attrs` writes them back the way a person would. Pure: no file is read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import yaml

from kit.core.packformat.survey_attrs import DIMENSIONS, LIKERT_POINTS
from kit.core.packformat.yamlio import strict_load
from kit.core.skills import capx

__all__ = [
    "DIMENSIONS",
    "LIKERT_POINTS",
    "ShowIf",
    "SurveyAttrs",
    "format_attrs",
    "read_attrs",
    "skill_label",
    "skill_options",
    "yaml_scalar",
]


@dataclass(frozen=True)
class ShowIf:
    """Shown only when the answer to `question` (an earlier one) is one of `answer_in`."""

    question: str
    answer_in: tuple[str, ...]


@dataclass(frozen=True)
class SurveyAttrs:
    skill: str = ""
    dimension: str = ""
    about: bool = False
    show_if: ShowIf | None = None


def yaml_scalar(value: str, flow: bool = False) -> str:
    """`value` as a YAML scalar: plain when YAML reads it back unchanged, else quoted."""
    if value and value == value.strip() and "\n" not in value and "#" not in value:
        sample = f"{{k: {value}}}" if flow else f"k: {value}"
        try:
            loaded = yaml.safe_load(sample)
        except yaml.YAMLError:
            loaded = None
        if loaded == {"k": value}:
            return value
    return json.dumps(value, ensure_ascii=False)


def read_attrs(raw: str | None, section: bool = False) -> SurveyAttrs | None:
    """The attributes of a heading ('{...}' text, None for none); None when not showable."""
    if raw is None:
        return SurveyAttrs()
    try:
        value = strict_load(raw)
    except (yaml.YAMLError, ValueError):
        return None
    if not isinstance(value, dict):
        return None
    allowed = {"show_if"} if section else {"skill", "dimension", "about", "show_if"}
    if set(value) - allowed:
        return None
    skill = value.get("skill", "")
    dimension = value.get("dimension", "")
    about = value.get("about", False)
    if not isinstance(skill, str) or dimension not in ("", *DIMENSIONS):
        return None
    if not isinstance(about, bool) or ("skill" in value and not skill):
        return None
    if "about" in value and not about:
        return None  # 'about: false' is kept as written
    show_if = None
    if "show_if" in value:
        show_if = _read_show_if(value["show_if"])
        if show_if is None:
            return None
    return SurveyAttrs(str(skill), str(dimension), about, show_if)


def _read_show_if(value: Any) -> ShowIf | None:
    if not isinstance(value, dict) or set(value) != {"question", "answer_in"}:
        return None
    answers = value["answer_in"]
    if not isinstance(value["question"], str) or not isinstance(answers, list) or not answers:
        return None
    if not all(isinstance(a, str) for a in answers):
        return None
    return ShowIf(value["question"], tuple(answers))


def format_attrs(attrs: SurveyAttrs) -> str:
    """' {skill: ..., dimension: ...}' (with its leading space), or '' for none."""
    parts = []
    if attrs.skill:
        parts.append(f"skill: {yaml_scalar(attrs.skill, flow=True)}")
    if attrs.dimension:
        parts.append(f"dimension: {attrs.dimension}")
    if attrs.about:
        parts.append("about: true")
    if attrs.show_if is not None:
        ids = ", ".join(json.dumps(a, ensure_ascii=False) for a in attrs.show_if.answer_in)
        question = yaml_scalar(attrs.show_if.question, flow=True)
        parts.append(f"show_if: {{question: {question}, answer_in: [{ids}]}}")
    return " {" + ", ".join(parts) + "}" if parts else ""


def skill_options() -> list[tuple[str, str]]:
    """(key, label) for every skill of the directory: each group, then its sub-capacities."""
    out = []
    for skill in capx.all_skills():
        label = skill.shown_label()
        if not skill.is_group:
            group = capx.skill(skill.group_key)
            label = f"{group.shown_label() if group else skill.group_key} › {label}"
        out.append((skill.key, label))
    return out


def skill_label(key: str) -> str:
    """The skill's name for a key, or the key itself when the directory does not know it."""
    skill = capx.skill(key)
    return skill.shown_label() if skill else key

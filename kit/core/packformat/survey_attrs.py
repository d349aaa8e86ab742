"""Survey question attributes: skill ratings, about-the-respondent questions, conditions.

A survey question heading may end with a YAML flow mapping of attributes:

    ## imp-org: likert {skill: Q759524, dimension: importance}
    ## years: single {about: true}
    ## org-section: section {show_if: {question: imp-org, answer_in: ["4", "5"]}}

and a choice may end with `{na: true}` ("not relevant / don't know").
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from kit.core.packformat.problems import Report
from kit.core.packformat.yamlio import strict_load
from kit.core.skills import capx
from kit.i18n import _

ATTRS_RE = re.compile(r"^(.*?)\s*(\{.*\})\s*$")
QUESTION_ATTRS = {"skill", "dimension", "about", "show_if"}
SECTION_ATTRS = {"show_if"}
DIMENSIONS = ("confidence", "importance")
LIKERT_POINTS = 5

Where = tuple[Report, str, int]


def split_attrs(text: str) -> tuple[str, str | None]:
    """Text and its trailing '{...}' attributes (None when there are none)."""
    m = ATTRS_RE.match(text)
    return (m.group(1), m.group(2)) if m else (text, None)


def load_attrs(raw: str | None, where: Where) -> dict[str, Any] | None:
    """The attributes as a mapping ({} for none; None when they are not a YAML mapping)."""
    if raw is None:
        return {}
    report, path, line = where
    try:
        value = strict_load(raw)
    except (yaml.YAMLError, ValueError):  # one sentence to the author, whatever it is
        value = None
    if not isinstance(value, dict):
        report.error(
            path,
            line,
            _("attributes '{raw}' must be a mapping like {{about: true}}").format(raw=raw),
        )
        return None
    return value


def check_question_attrs(
    q: dict[str, Any], attrs: dict[str, Any], earlier: dict[str, dict[str, Any]], where: Where
) -> bool:
    """Check and copy a survey question's attributes into `q`; False on an error."""
    report, path, line = where
    allowed = SECTION_ATTRS if q["type"] == "section" else QUESTION_ATTRS
    unknown = sorted(set(attrs) - allowed)
    if unknown:
        report.error(
            path,
            line,
            _("unknown attribute '{name}' (use: {choices})").format(
                name=unknown[0], choices=", ".join(sorted(allowed))
            ),
        )
        return False
    ok = True
    if "skill" in attrs:
        ok = _skill(q, attrs, where) and ok
    if "dimension" in attrs:
        if q["type"] != "likert" or attrs["dimension"] not in DIMENSIONS:
            report.error(
                path, line, "'dimension' is for likert questions: confidence or importance"
            )
            ok = False
        else:
            q["dimension"] = attrs["dimension"]
    if "about" in attrs:
        if q["type"] not in ("single", "multiple") or not isinstance(attrs["about"], bool):
            report.error(path, line, _("'about: true' is for single or multiple questions"))
            ok = False
        elif attrs["about"]:
            q["about"] = True
    if "show_if" in attrs:
        cond = check_condition(attrs["show_if"], earlier, where)
        if cond is None:
            return False
        q["show_if"] = cond
    return ok


def _skill(q: dict[str, Any], attrs: dict[str, Any], where: Where) -> bool:
    report, path, line = where
    key = attrs["skill"]
    if q["type"] != "likert" or not isinstance(key, str) or not key:
        report.error(path, line, _("'skill' is for likert questions: a QID or a capx: key"))
        return False
    problem = capx.tag_problem(key)
    if problem:
        report.warn(path, line, problem)
    q["skill"] = key
    return True


def check_condition(
    value: Any, earlier: dict[str, dict[str, Any]], where: Where
) -> dict[str, Any] | None:
    """A show_if mapping {question: ID, answer_in: [choice ids]} naming an earlier question."""
    report, path, line = where
    if not isinstance(value, dict) or set(value) != {"question", "answer_in"}:
        report.error(path, line, _("'show_if' must be {question: ID, answer_in: [choice ids]}"))
        return None
    target = earlier.get(str(value["question"]))
    if target is None or target["type"] == "section":
        report.error(
            path,
            line,
            _("'show_if' must name an earlier question, not '{question}'").format(
                question=value["question"]
            ),
        )
        return None
    answers = value["answer_in"]
    if not isinstance(answers, list) or not answers:
        report.error(path, line, '\'answer_in\' must be a list of choice ids, e.g. ["4", "5"]')
        return None
    ids = {c["id"] for c in target.get("choices", [])}
    wanted = [str(a) for a in answers]
    bad = [a for a in wanted if a not in ids]
    if bad:
        report.error(
            path,
            line,
            _(
                "question '{question}' has no choice '{choice}' (choices are numbered from 1)"
            ).format(question=target["id"], choice=bad[0]),
        )
        return None
    return {"question": target["id"], "answer_in": wanted}


def check_needs_item(questions: list[dict[str, Any]], where: Where) -> None:
    """A needs-assessment survey: each rating names a skill and a dimension, 5 points + n/a."""
    report, path, line = where
    for q in questions:
        if q["type"] != "likert":
            continue
        if "skill" not in q or "dimension" not in q:
            report.error(
                path,
                line,
                _("rating '{question}' needs {{skill: QID or capx: key, dimension: ...}}").format(
                    question=q["id"]
                ),
            )
        points = [c for c in q["choices"] if not c.get("na")]
        na = [c for c in q["choices"] if c.get("na")]
        if len(points) != LIKERT_POINTS or len(na) != 1:
            report.error(
                path,
                line,
                _(
                    "rating '{question}' needs {likert_points} labelled points and one "
                    "'{{na: true}}' choice (not relevant / don't know)"
                ).format(question=q["id"], likert_points=LIKERT_POINTS),
            )

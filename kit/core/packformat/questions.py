"""Quiz and survey questions written as Markdown sections.

## capital: single
What is the capital of Kenya?

- [x] Nairobi
  Right: Nairobi has been the capital since 1907.
- [ ] Mombasa
  Mombasa is the largest port.

Explanation: shown after any answer.
"""

from __future__ import annotations

import re
from typing import Any

from kit.core.packformat import QUESTION_TYPES, SURVEY_TYPES
from kit.core.packformat.body import code_fence_mask
from kit.core.packformat.problems import Report
from kit.core.packformat.survey_attrs import (
    check_question_attrs,
    load_attrs,
    split_attrs,
)
from kit.i18n import _

HEADING_RE = re.compile(r"^##(?!#)\s*(.*?)\s*$")
QHEAD_RE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_.-]*)\s*:\s*([A-Za-z-]+)$")
SECTION = "section"  # a survey heading grouping the questions after it
CHECK_RE = re.compile(r"^[-*+]\s+\[([ xX])\]\s+(.*)$")
NUM_RE = re.compile(r"^\d+[.)]\s+(.*)$")
BULLET_RE = re.compile(r"^[-*+]\s+(.*)$")
EXPL_RE = re.compile(r"^Explanation:\s*(.*)$", re.IGNORECASE)


def split_sections(body: str) -> tuple[str, list[tuple[str, int, list[str]]]]:
    """Split a body into intro text and '## heading' sections (heading, line offset, lines)."""
    lines = body.split("\n")
    mask = code_fence_mask(lines)
    intro: list[str] = []
    sections: list[tuple[str, int, list[str]]] = []
    for i, (line, in_code) in enumerate(zip(lines, mask, strict=True)):
        m = None if in_code else HEADING_RE.match(line)
        if m:
            sections.append((m.group(1), i, []))
        elif sections:
            sections[-1][2].append(line)
        else:
            intro.append(line)
    return "\n".join(intro).strip(), sections


def _parse_block(lines: list[str]) -> dict[str, Any]:
    """Prompt, options (marker, text, explanation) and explanation of one question."""
    prompt: list[str] = []
    options: list[dict[str, Any]] = []
    explanation: list[str] = []
    stray: list[int] = []
    state = "prompt"
    for i, line in enumerate(lines):
        stripped = line.strip()
        expl = EXPL_RE.match(stripped) if not line.startswith(" ") else None
        opt = _match_option(line)
        if expl:
            state = "explanation"
            explanation.append(expl.group(1))
        elif state == "explanation":
            explanation.append(line)
        elif opt is not None:
            state = "options"
            options.append({**opt, "explanation_lines": [], "line": i})
        elif state == "options" and (line.startswith("  ") or line.startswith("\t")):
            options[-1]["explanation_lines"].append(stripped)
        elif state == "options" and stripped:
            stray.append(i)
        elif state == "prompt":
            prompt.append(line)
    for option in options:
        option["explanation"] = "\n".join(option.pop("explanation_lines")).strip()
    return {
        "prompt": "\n".join(prompt).strip(),
        "options": options,
        "explanation": "\n".join(explanation).strip(),
        "stray": stray,
    }


def _match_option(line: str) -> dict[str, Any] | None:
    m = CHECK_RE.match(line)
    if m:
        return {"marker": "check", "correct": m.group(1) in "xX", "text": m.group(2).strip()}
    m = NUM_RE.match(line)
    if m:
        return {"marker": "number", "correct": False, "text": m.group(1).strip()}
    m = BULLET_RE.match(line)
    if m:
        return {"marker": "bullet", "correct": False, "text": m.group(1).strip()}
    return None


def _check_quiz_question(
    qtype: str, block: dict[str, Any], where: tuple[Report, str, int]
) -> dict[str, Any] | None:
    report, path, line = where
    options = block["options"]
    markers = {o["marker"] for o in options}
    correct = [o for o in options if o["correct"]]
    if qtype in ("single", "multiple", "truefalse"):
        if markers - {"check"}:
            report.error(
                path,
                line,
                _("{qtype} answers must be written '- [x] right' or '- [ ] wrong'").format(
                    qtype=qtype
                ),
            )
            return None
        if len(options) < 2:
            report.error(path, line, _("a choice question needs at least two answers"))
            return None
        if not correct:
            report.error(
                path, line, _("this question has no correct answer (mark one with '- [x]')")
            )
            return None
        if qtype in ("single", "truefalse") and len(correct) > 1:
            report.error(
                path,
                line,
                _("a {qtype} question must have exactly one correct answer").format(qtype=qtype),
            )
            return None
        if qtype == "truefalse" and len(options) != 2:
            report.error(path, line, _("a truefalse question must have exactly two answers"))
            return None
    elif qtype == "short":
        accepted = [o for o in options if o["correct"] or o["marker"] == "bullet"]
        if not accepted:
            report.error(
                path, line, "a short answer question needs accepted answers ('- [x] answer')"
            )
            return None
        # Every written answer, so a known wrong answer can get its own explanation.
        answers = [
            {"text": o["text"], "correct": o in accepted, "explanation": o["explanation"]}
            for o in options
        ]
        return {"accepted": [o["text"] for o in accepted], "answers": answers, "choices": []}
    elif qtype == "order" and (markers != {"number"} or len(options) < 2):
        report.error(path, line, _("an order question needs a numbered list of 2 or more steps"))
        return None
    return {"choices": _choices(options)}


def _choices(options: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "id": str(n),
            "text": o["text"],
            "correct": bool(o["correct"]),
            "explanation": o["explanation"],
        }
        for n, o in enumerate(options, start=1)
    ]


def _check_survey_question(
    qtype: str, block: dict[str, Any], where: tuple[Report, str, int]
) -> dict[str, Any] | None:
    report, path, line = where
    options = block["options"]
    if qtype == "text":
        if options:
            report.error(path, line, _("a text question takes no answer list"))
            return None
        return {"choices": []}
    if len(options) < 2:
        report.error(
            path,
            line,
            _("a {qtype} question needs at least two options ('- option')").format(qtype=qtype),
        )
        return None
    # A survey has no right answers, whatever the markers say.
    choices = []
    for c in _choices(options):
        text, raw = split_attrs(c["text"])
        attrs = load_attrs(raw, where)
        if attrs is None:
            return None
        if set(attrs) - {"na"} or (attrs and (qtype != "likert" or attrs["na"] is not True)):
            report.error(path, line, _("a choice takes only '{na: true}', on a likert question"))
            return None
        choices.append({**c, "text": text, "correct": False, **({"na": True} if attrs else {})})
    return {"choices": choices}


def parse_questions(
    body: str, *, survey: bool, report: Report, path: str, body_line: int
) -> tuple[str, list[dict[str, Any]]]:
    """Parse the questions of a quiz (survey=False) or survey body.

    A survey's '## ID: section' headings come back as entries of type "section" (their
    text is the section's introduction); each question after one names it in "section".
    """
    intro, sections = split_sections(body)
    questions: list[dict[str, Any]] = []
    seen: dict[str, dict[str, Any]] = {}
    section: str | None = None
    for heading, offset, lines in sections:
        line = body_line + offset
        q = _parse_one(heading, lines, (report, path, line), survey, seen)
        if q is None:
            continue
        seen[q["id"]] = q
        if q["type"] == SECTION:
            section = q["id"]
        elif section is not None:
            q["section"] = section
        questions.append(q)
    if not any(q["type"] != SECTION for q in questions) and not report.errors:
        report.error(path, body_line, _("no questions found (start each with '## ID: TYPE')"))
    return intro, questions


def _parse_one(
    heading: str,
    lines: list[str],
    where: tuple[Report, str, int],
    survey: bool,
    seen: dict[str, dict[str, Any]],
) -> dict[str, Any] | None:
    report, path, line = where
    allowed = (*SURVEY_TYPES, SECTION) if survey else QUESTION_TYPES
    heading, raw = split_attrs(heading) if survey else (heading, None)
    m = QHEAD_RE.match(heading)
    if not m:
        report.error(
            path,
            line,
            _("question heading must be '## ID: TYPE', not '## {heading}'").format(heading=heading),
        )
        return None
    qid, qtype = m.group(1), m.group(2).lower()
    if qtype not in allowed:
        report.error(
            path,
            line,
            _("unknown question type '{qtype}' (use one of: {choices})").format(
                qtype=qtype, choices=", ".join(allowed)
            ),
        )
        return None
    if qid in seen:
        report.error(path, line, _("duplicate question id '{qid}'").format(qid=qid))
        return None
    attrs = load_attrs(raw, where)
    if attrs is None:
        return None
    block = _parse_block(lines)
    if qtype == SECTION:
        q: dict[str, Any] = {"id": qid, "type": SECTION, "prompt": block["prompt"]}
        return q if check_question_attrs(q, attrs, seen, where) else None
    if not block["prompt"]:
        report.error(path, line, _("question '{qid}' has no question text").format(qid=qid))
        return None
    for stray in block["stray"]:
        report.warn(path, line + 1 + stray, _("text between answers is ignored"))
    check = _check_survey_question if survey else _check_quiz_question
    extra = check(qtype, block, where)
    if extra is None:
        return None
    q = {
        "id": qid,
        "type": qtype,
        "prompt": block["prompt"],
        "explanation": block["explanation"],
        **extra,
    }
    return q if check_question_attrs(q, attrs, seen, where) else None

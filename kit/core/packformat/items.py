"""The type-specific parts of an item: lesson, slides, quiz, activity, survey."""

from __future__ import annotations

import re
from typing import Any

from kit.core import itemtypes
from kit.core.itemtypes import ACTIVITY, LESSON, QUIZ, SLIDES, SURVEY
from kit.core.packformat.body import extract_notes, split_slides
from kit.core.packformat.fields import FieldChecker
from kit.core.packformat.problems import Report
from kit.core.packformat.questions import SECTION, parse_questions
from kit.core.packformat.survey_attrs import check_needs_item
from kit.i18n import _

WORDS_PER_MINUTE = 180
# Header fields that only mean something for some item types.
TYPE_FIELDS = itemtypes.type_fields()


def reading_minutes(text: str) -> int:
    words = len(re.findall(r"\w+", text))
    return max(1, round(words / WORDS_PER_MINUTE))


def _check_type_fields(itype: str, f: FieldChecker, report: Report, rel: str) -> None:
    for key, types in TYPE_FIELDS.items():
        if key in f.doc.data and itype not in types:
            report.error(
                rel,
                f.doc.line(key),
                _("'{key}' only applies to {item_type} items").format(key=key, item_type=types[0]),
            )


def parse_item_body(
    itype: str, body: str, f: FieldChecker, report: Report, rel: str, body_line: int
) -> dict[str, Any] | None:
    """The type-specific fields of an item (body, notes, slides, questions, ...)."""
    _check_type_fields(itype, f, report, rel)
    # '::: solution' and other named blocks stay in the body: the reader renders them.
    learner_body, notes = extract_notes(body)
    out: dict[str, Any] = {
        "minutes": f.number("minutes", default=None, high=10000),
        "notes": notes,
    }
    if itype == LESSON:
        if not learner_body.strip():
            report.warn(rel, body_line, _("the lesson has no text"))
        out["body"] = learner_body
        out["minutes"] = out["minutes"] or reading_minutes(learner_body)
    elif itype == SLIDES:
        return _slides(body, out, report, rel, body_line)
    elif itype in (QUIZ, SURVEY):
        return _questions(itype, learner_body, out, f, (report, rel, body_line))
    elif itype == ACTIVITY:
        _activity(learner_body, out, f, report, rel)
    return out


def _slides(
    body: str, out: dict[str, Any], report: Report, rel: str, body_line: int
) -> dict[str, Any] | None:
    slides = []
    for text, _offset in split_slides(body):
        slide_body, slide_notes = extract_notes(text)
        slides.append({"body": slide_body, "notes": slide_notes})
    if not slides:
        report.error(rel, body_line, _("the slide deck has no slides (separate slides with '---')"))
        return None
    out["slides"] = slides
    out["body"] = ""
    out["notes"] = ""
    out["minutes"] = out["minutes"] or max(1, len(slides))
    return out


def _questions(
    itype: str,
    learner_body: str,
    out: dict[str, Any],
    f: FieldChecker,
    where: tuple[Report, str, int],
) -> dict[str, Any] | None:
    report, rel, body_line = where
    survey = itype == SURVEY
    intro, questions = parse_questions(
        learner_body, survey=survey, report=report, path=rel, body_line=body_line
    )
    sections = [q for q in questions if q["type"] == SECTION]
    questions = [q for q in questions if q["type"] != SECTION]
    if not questions:
        return None
    out["body"] = intro
    out["questions"] = questions
    if sections:
        out["sections"] = sections
    if survey and "needs_assessment" in f.doc.data:
        if f.doc.data["needs_assessment"] is not True:
            report.error(rel, f.doc.line("needs_assessment"), "'needs_assessment' must be true")
        else:
            out["needs_assessment"] = True
            check_needs_item(questions, (report, rel, f.doc.line("needs_assessment")))
    default_mark = itemtypes.TYPES[itype].default_pass_mark
    if default_mark is not None:
        out["pass_mark"] = f.number("pass_mark", default=default_mark, low=0, high=100)
    out["minutes"] = out["minutes"] or max(1, len(questions))
    return out


def _activity(
    learner_body: str, out: dict[str, Any], f: FieldChecker, report: Report, rel: str
) -> None:
    kind = f.text("kind", default="hands-on")
    if kind not in ("hands-on", "discussion"):
        report.error(rel, f.doc.line("kind"), "'kind' must be 'hands-on' or 'discussion'")
    if out["minutes"] is None:
        report.error(rel, f.doc.line(), _("an activity needs 'minutes' (how long it takes)"))
    out["kind"] = kind
    out["materials"] = f.text_list("materials")
    out["body"] = learner_body

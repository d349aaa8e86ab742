"""One Dashboard slide as a pack item: a lesson, or a quiz when it has an assessment."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from kit.core.importers.common import ImportReport, item_file, text_of

# Lines a question's text must not start with, or they would read as answers/headings.
RESERVED_RE = re.compile(r"^(?:[-*+]\s|\d+[.)]\s|##(?!#)|Explanation:)", re.IGNORECASE)
QUESTION_ID = "question"


def slide_title(data: dict[str, Any], fallback: str) -> str:
    title = text_of(data.get("title")) or fallback
    prefix = text_of(data.get("title_prefix"))
    if prefix and not title.lower().startswith(prefix.lower()):
        title = f"{prefix} {title}"
    return re.sub(r"\s+", " ", title)


def _one_line(value: Any) -> str:
    return re.sub(r"\s+", " ", text_of(value))


def _answers(assessment: dict[str, Any]) -> list[dict[str, Any]]:
    answers = assessment.get("answers")
    if not isinstance(answers, list):
        return []
    return [a for a in answers if isinstance(a, dict)]


def check_assessment(assessment: Any, source: str, report: ImportReport) -> dict[str, Any] | None:
    """The assessment if it makes a single-choice question, else None (with a warning)."""
    if not isinstance(assessment, dict):
        report.warn(source, "the assessment is not a mapping; the slide becomes a lesson")
        return None
    answers = _answers(assessment)
    correct = text_of(assessment.get("correct_answer_id"))
    problem = ""
    if not text_of(assessment.get("question")):
        problem = "has no question"
    elif len(answers) < 2:
        problem = "has fewer than two answers"
    elif [text_of(a.get("id")) for a in answers].count(correct) != 1:
        problem = f"has no answer with the correct_answer_id '{correct}'"
    if problem:
        report.warn(source, f"the assessment {problem}; the slide becomes a lesson")
        return None
    return assessment


def _escape_prompt(text: str) -> str:
    # One leading space keeps Markdown's meaning but not the quiz syntax's.
    return "\n".join(" " + line if RESERVED_RE.match(line) else line for line in text.split("\n"))


def question_markdown(assessment: dict[str, Any], translated: dict[str, Any] | None) -> str:
    """'## question: single' with the answers, right one marked, explanations indented."""
    translated = translated if isinstance(translated, dict) else {}
    by_id = {text_of(a.get("id")): a for a in _answers(translated)}
    correct = text_of(assessment.get("correct_answer_id"))
    prompt = text_of(translated.get("question")) or text_of(assessment.get("question"))
    lines = [f"## {QUESTION_ID}: single", _escape_prompt(prompt), ""]
    for answer in _answers(assessment):
        aid = text_of(answer.get("id"))
        other = by_id.get(aid, {})
        text = _one_line(other.get("text")) or _one_line(answer.get("text")) or "…"
        mark = "x" if aid == correct else " "
        lines.append(f"- [{mark}] {text}")
        explanation = text_of(other.get("explanation")) or text_of(answer.get("explanation"))
        lines += [f"  {line}".rstrip() or "  " for line in explanation.split("\n") if explanation]
    return "\n".join(lines)


def lesson_text_of_assessment(assessment: Any) -> str:
    """A broken assessment, kept as readable text in a lesson so nothing is lost."""
    if not isinstance(assessment, dict):
        return ""
    lines = [text_of(assessment.get("question")), ""]
    for answer in _answers(assessment):
        lines.append(f"- {_one_line(answer.get('text'))}")
        if text_of(answer.get("explanation")):
            lines.append(f"  {_one_line(answer.get('explanation'))}")
    return "\n".join(lines).strip()


def _demote_headings(text: str) -> str:
    return "\n".join(
        "#" + line if re.match(r"^##(?!#)", line) else line for line in text.split("\n")
    )


def slide_files(
    data: dict[str, Any],
    header: dict[str, Any],
    convert: Callable[[str], str],
    report: ImportReport,
    source: str,
    original: dict[str, Any] | None = None,
) -> str:
    """The item file of a slide (original when `original` is None, else a translation).

    `convert` rewrites media and links of a Markdown body.
    """
    content = convert(text_of(data.get("content")))
    base = original if original is not None else data
    assessment = base.get("assessment")
    if header.get("type") == "quiz":
        intro = _demote_headings(content)
        question = convert(
            question_markdown(assessment or {}, data.get("assessment") if original else None)
        )
        return item_file(header, f"{intro}\n\n{question}" if intro else question)
    extra = lesson_text_of_assessment(assessment) if assessment is not None else ""
    if not content and not extra and original is None:
        report.warn(source, "the slide has no content")
    body = "\n\n".join(part for part in (content, convert(extra) if extra else "") if part)
    return item_file(header, body)

"""One question of a quiz or survey: its text as a draft the form edits, and back.

`read_block` reads one '## ID: TYPE' part (docs/pack-format.md 6) the way
kit.core.packformat.questions does, into a `QuestionDraft`, or None when the form cannot
show it without losing something (text between answers, attributes it does not know...);
`question_text` writes a draft the way a person would. Pure: no file is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kit.core.authoring.surveyform import ShowIf, SurveyAttrs, format_attrs, read_attrs
from kit.core.packformat import QUESTION_TYPES, SURVEY_TYPES
from kit.core.packformat.questions import (
    BULLET_RE,
    CHECK_RE,
    EXPL_RE,
    HEADING_RE,
    NUM_RE,
    QHEAD_RE,
    SECTION,
)
from kit.core.packformat.survey_attrs import split_attrs

CHOICE_TYPES = ("single", "multiple", "truefalse")


@dataclass
class AnswerDraft:
    text: str = ""
    correct: bool = False  # quiz: a right answer (short: an accepted one)
    explanation: str = ""  # shown after this answer is chosen
    na: bool = False  # survey likert: "not relevant / don't know"


@dataclass
class QuestionDraft:
    qid: str
    qtype: str  # a quiz or survey question type, or SECTION
    prompt: str = ""
    answers: list[AnswerDraft] = field(default_factory=list)
    explanation: str = ""
    skill: str = ""
    dimension: str = ""
    about: bool = False
    show_if: ShowIf | None = None

    @property
    def attrs(self) -> SurveyAttrs:
        return SurveyAttrs(self.skill, self.dimension, self.about, self.show_if)


def read_block(raw: str, survey: bool) -> QuestionDraft | None:
    """The question of one block, or None when the form cannot show it without a loss."""
    first, _nl, rest = raw.partition("\n")
    m = HEADING_RE.match(first)
    if not m:
        return None
    heading, attrs_raw = split_attrs(m.group(1)) if survey else (m.group(1), None)
    head = QHEAD_RE.match(heading)
    if not head:
        return None
    qid, qtype = head.group(1), head.group(2)
    allowed = (*SURVEY_TYPES, SECTION) if survey else QUESTION_TYPES
    if qtype not in allowed:  # other letter cases are kept as written
        return None
    attrs = read_attrs(attrs_raw, section=qtype == SECTION) if survey else SurveyAttrs()
    if attrs is None:
        return None
    found = _read_lines(rest.split("\n"), survey)
    if found is None:
        return None
    prompt, markers, answers, explanation = found
    if not _markers_fit(qtype, markers, answers, survey, bool(explanation)):
        return None
    if qtype == "short" and not survey:  # '- text' is an accepted answer too
        for marker, answer in zip(markers, answers, strict=True):
            answer.correct = answer.correct or marker == "bullet"
    question = QuestionDraft(
        qid, qtype, prompt, answers, explanation, attrs.skill, attrs.dimension, attrs.about
    )
    question.show_if = attrs.show_if
    again = _read_lines(question_text(question, survey).split("\n")[1:], survey)
    if again is None or (again[0], again[2], again[3]) != (prompt, answers, explanation):
        return None
    return question


def _read_lines(
    lines: list[str], survey: bool
) -> tuple[str, list[str], list[AnswerDraft], str] | None:
    """As kit.core.packformat.questions reads a block; None when text lies between answers."""
    prompt: list[str] = []
    markers: list[str] = []
    answers: list[AnswerDraft] = []
    notes: list[list[str]] = []
    explanation: list[str] = []
    state = "prompt"
    for line in lines:
        stripped = line.strip()
        expl = EXPL_RE.match(stripped) if not line.startswith(" ") else None
        option = _option(line)
        if expl:
            state = "explanation"
            explanation.append(expl.group(1))
        elif state == "explanation":
            explanation.append(line)
        elif option is not None:
            state = "options"
            markers.append(option[0])
            answers.append(AnswerDraft(option[2], option[1]))
            notes.append([])
        elif state == "options" and (line.startswith("  ") or line.startswith("\t")):
            notes[-1].append(stripped)
        elif state == "options" and stripped:
            return None
        elif state == "prompt":
            prompt.append(line)
    for answer, lines_of in zip(answers, notes, strict=True):
        answer.explanation = "\n".join(lines_of).strip()
        if survey:
            text, raw = split_attrs(answer.text)
            if raw is not None:
                if raw.replace(" ", "") != "{na:true}":
                    return None
                answer.text, answer.na = text, True
            answer.correct = False
    return "\n".join(prompt).strip(), markers, answers, "\n".join(explanation).strip()


def _option(line: str) -> tuple[str, bool, str] | None:
    m = CHECK_RE.match(line)
    if m:
        return "check", m.group(1) in "xX", m.group(2).strip()
    m = NUM_RE.match(line)
    if m:
        return "number", False, m.group(1).strip()
    m = BULLET_RE.match(line)
    return ("bullet", False, m.group(1).strip()) if m else None


def _markers_fit(
    qtype: str, markers: list[str], answers: list[AnswerDraft], survey: bool, explained: bool
) -> bool:
    kinds = set(markers)
    if qtype == SECTION:
        return not answers and not explained
    if survey:
        return not (qtype == "text" and answers) and not (
            any(a.na for a in answers) and qtype != "likert"
        )
    if qtype in CHOICE_TYPES:
        return kinds <= {"check"}
    if qtype == "short":
        return kinds <= {"check", "bullet"}
    return kinds <= {"number"}  # order


def question_text(q: QuestionDraft, survey: bool) -> str:
    """The question as a person writes it (docs/pack-format.md 6), without a final newline."""
    head = f"## {q.qid}: {q.qtype}" + (format_attrs(q.attrs) if survey else "")
    lines = [head]
    if q.prompt.strip():
        lines.append(q.prompt.strip())
    if q.answers and q.qtype != SECTION:
        lines.append("")
        for n, answer in enumerate(q.answers, start=1):
            lines += _answer_lines(q.qtype, n, answer, survey)
    if q.explanation.strip() and q.qtype != SECTION:
        lines += ["", "Explanation: " + q.explanation.strip()]
    return "\n".join(lines)


def _answer_lines(qtype: str, n: int, answer: AnswerDraft, survey: bool) -> list[str]:
    text = " ".join(answer.text.split())
    if survey:
        first = f"- {text}" + (" {na: true}" if answer.na else "")
    elif qtype == "order":
        first = f"{n}. {text}"
    else:
        first = f"- [{'x' if answer.correct else ' '}] {text}"
    indent = " " * (len(f"{n}. ") if qtype == "order" and not survey else 2)
    notes = [indent + line.strip() for line in answer.explanation.split("\n") if line.strip()]
    return [first, *notes]

"""What the pack validator says about a quiz or survey being edited, and the learner's view.

`read_as_learner(text)` reads one item file the way `kit pack build` does (header fields,
questions, sections, attributes) without the rest of the pack: the item mapping the
reader shows (None when it cannot be shown) and the problems found, each with its line.
`problems_by_block` sorts those problems onto the form's questions. Pure: no file is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kit.core.authoring.questionform import ItemDraft, QuestionDraft
from kit.core.packformat.fields import ID_RE, FieldChecker
from kit.core.packformat.items import parse_item_body
from kit.core.packformat.problems import Report
from kit.core.packformat.questions import BULLET_RE, CHECK_RE, NUM_RE, QHEAD_RE
from kit.core.packformat.source import ITEM_KEYS
from kit.core.packformat.yamlio import YamlProblem, load_mapping, split_front_matter
from kit.i18n import _, format_number


@dataclass(frozen=True)
class FormProblem:
    line: int
    message: str
    warning: bool = False


def read_as_learner(
    text: str, rel: str = "item.md"
) -> tuple[dict[str, Any] | None, list[FormProblem]]:
    report = Report()
    item = _read(text, rel, report)
    found = [FormProblem(p.line, p.message, p.warning) for p in report.problems]
    return item, sorted(found, key=lambda p: (p.line, p.warning))


def _read(text: str, rel: str, report: Report) -> dict[str, Any] | None:
    header_src, header_line, body, body_line = split_front_matter(text)
    if header_src is None:
        report.error(
            rel,
            1,
            _("missing header: start the file with '---', 'id:', 'type:', 'title:' and '---'"),
        )
        return None
    try:
        doc = load_mapping(header_src, first_line=header_line)
    except YamlProblem as exc:
        report.error(rel, exc.line, exc.message)
        return None
    doc.first_line = 1
    f = FieldChecker(doc, report, rel, ITEM_KEYS)
    iid = f.pattern("id", ID_RE, "lowercase letters, digits, '.', '_' or '-'")
    itype = f.text("type", required=True)
    title = f.text("title", required=True)
    parsed = parse_item_body(itype, body, f, report, rel, body_line) if itype else None
    if parsed is None:
        return None
    return {"id": iid, "type": itype, "title": title, "summary": f.text("summary"), **parsed}


def problems_by_block(
    draft: ItemDraft, problems: list[FormProblem]
) -> tuple[list[FormProblem], list[list[FormProblem]]]:
    """(problems of the header and introduction, problems of each block in order)."""
    starts = draft.block_lines()
    head: list[FormProblem] = []
    per_block: list[list[FormProblem]] = [[] for _ in starts]
    for problem in problems:
        index = max((n for n, line in enumerate(starts) if line <= problem.line), default=None)
        (head if index is None else per_block[index]).append(problem)
    return head, per_block


def draft_problems(question: QuestionDraft) -> list[str]:
    """What the form sees wrong in a question before the validator does, in plain words."""
    found = []
    if not QHEAD_RE.match(f"{question.qid}: {question.qtype}"):
        found.append(
            _(
                "The id must start with a letter or digit and hold only letters, digits, '.', '_' or '-'."
            )
        )
    for line in question.prompt.split("\n"):
        if CHECK_RE.match(line) or NUM_RE.match(line) or BULLET_RE.match(line):
            found.append(
                _(
                    "The question text cannot hold a list: its first list line would start the answers."
                )
            )
            break
    empty = [n for n, a in enumerate(question.answers, start=1) if not a.text.strip()]
    if empty:
        found.append(_("Answer {n} has no text.").format(n=format_number(empty[0])))
    return found

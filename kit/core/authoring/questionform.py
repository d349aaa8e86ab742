"""A quiz or survey item file as a form: header, introduction, questions; and back to text.

`parse_item(text)` reads an item file (docs/pack-format.md sections 4-6) into an
`ItemDraft`: the header (title and pass mark editable, every other field kept as written),
the introduction and one `DraftBlock` per '## ' heading. A block the form understands holds
a `QuestionDraft` (type, prompt, answers with the right ones ticked, explanations, survey
attributes); any other block (a heading that is not 'ID: TYPE', text between answers,
attributes the form cannot show...) is kept exactly as written.

`ItemDraft.text()` writes the file back: an unedited block is its original text, byte for
byte; an edited or new one is written the way a person would (`question_text`). So an
unedited file comes back identical and an edit changes only the lines of its question.
Pure: no file is read or written.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from kit.core import itemtypes
from kit.core.authoring.questionblock import (
    AnswerDraft,
    QuestionDraft,
    question_text,
    read_block,
)
from kit.core.authoring.surveyform import ShowIf, yaml_scalar
from kit.core.packformat.body import code_fence_mask
from kit.core.packformat.questions import HEADING_RE, QHEAD_RE, SECTION
from kit.core.packformat.survey_attrs import split_attrs
from kit.core.packformat.yamlio import YamlProblem, load_mapping, split_front_matter

__all__ = [
    "SECTION",
    "AnswerDraft",
    "DraftBlock",
    "ItemDraft",
    "QuestionDraft",
    "ShowIf",
    "new_question",
    "parse_item",
    "question_text",
]

TRAILER_RE = re.compile(r"(?:\n[ \t]*)*\Z")
KEY_LINE = r"^{key}[ \t]*:"


@dataclass
class DraftBlock:
    """One '## ' part of the body, from its heading to the next one."""

    raw: str  # as written, with its newlines
    question: QuestionDraft | None  # None: not understood, kept as written
    original: QuestionDraft | None = None  # as parsed: an edit is a difference from it
    was_last: bool = False

    @property
    def edited(self) -> bool:
        return self.question is not None and self.question != self.original

    def text(self, survey: bool, last: bool) -> str:
        if self.question is not None and (self.edited or not self.raw):
            keep = self.raw and self.was_last == last
            trailer = TRAILER_RE.search(self.raw).group(0) if keep else ""  # type: ignore[union-attr]
            if not keep or (not last and not trailer.endswith("\n")):
                trailer = "\n" if last else "\n\n"
            return question_text(self.question, survey) + trailer
        text = self.raw
        if last and not self.was_last:
            text = TRAILER_RE.sub("\n", text, count=1)
        elif not last and (self.was_last or not text.endswith("\n")):
            text = TRAILER_RE.sub("\n\n", text, count=1)
        return text


@dataclass
class ItemDraft:
    survey: bool
    header_text: str  # from the first '---' through the closing line, as written
    header: dict[str, Any]
    intro: str  # the body before the first question, as written
    blocks: list[DraftBlock]
    had_blocks: bool = True

    # -- the header --------------------------------------------------------------------
    @property
    def title(self) -> str:
        return str(self.header.get("title") or "")

    def set_title(self, title: str) -> None:
        if title != self.title:
            self.set_header_field("title", yaml_scalar(title))

    @property
    def default_pass_mark(self) -> int | None:
        kind = itemtypes.get(itemtypes.SURVEY if self.survey else itemtypes.QUIZ)
        return kind.default_pass_mark if kind else None

    @property
    def pass_mark(self) -> int | float:
        value = self.header.get("pass_mark")
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        return self.default_pass_mark or itemtypes.DEFAULT_PASS_MARK

    def set_pass_mark(self, mark: int) -> None:
        if mark == self.pass_mark and (
            "pass_mark" in self.header or mark == self.default_pass_mark
        ):
            return
        self.set_header_field("pass_mark", str(mark))

    def set_header_field(self, key: str, value: str | None) -> None:
        """Write `key: value` in the header (None removes it); other lines stay as written."""
        lines = self.header_text.split("\n")
        if not self.header_text:
            lines = ["---", "---", ""]
        close = next(
            (i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), len(lines)
        )
        pattern = re.compile(KEY_LINE.format(key=re.escape(key)))
        start = next((i for i in range(1, close) if pattern.match(lines[i])), None)
        new = [] if value is None else [f"{key}: {value}"]
        if start is None:
            lines[close:close] = new
        else:
            end = start + 1
            while end < close and (lines[end][:1] in (" ", "\t") or lines[end].startswith("- ")):
                end += 1
            lines[start:end] = new
        self.header_text = "\n".join(lines)
        self.header = _header_data(self.header_text)

    # -- the introduction --------------------------------------------------------------
    def set_intro(self, text: str) -> None:
        if text.strip() == self.intro.strip():
            return
        end = "\n\n" if self.blocks else "\n"
        self.intro = text.strip() + end if text.strip() else ""

    # -- the questions -----------------------------------------------------------------
    @property
    def questions(self) -> list[QuestionDraft]:
        return [b.question for b in self.blocks if b.question is not None]

    def ids(self) -> set[str]:
        ids = set()
        for block in self.blocks:
            if block.question is not None:
                ids.add(block.question.qid)
            else:
                m = QHEAD_RE.match(split_attrs(_heading(block.raw))[0])
                ids.add(m.group(1) if m else "")
        return ids

    def unique_id(self, base: str = "q") -> str:
        ids = self.ids()
        if base not in ids and base != "q":
            return base
        n = 1
        while f"{base}{n}" in ids or f"{base}-{n}" in ids:
            n += 1
        return f"{base}{n}" if base == "q" else f"{base}-{n}"

    def insert(self, index: int, question: QuestionDraft) -> DraftBlock:
        block = DraftBlock("", question, None)
        self.blocks.insert(index, block)
        return block

    def duplicate(self, index: int) -> DraftBlock:
        source = self.blocks[index]
        if source.question is None:
            block = DraftBlock(source.raw, None, None)
        else:
            question = copy.deepcopy(source.question)
            question.qid = self.unique_id(question.qid)
            block = DraftBlock("", question, None)
        self.blocks.insert(index + 1, block)
        return block

    def set_raw(self, index: int, text: str) -> None:
        """New text for a block kept as written (the form does not show it)."""
        block = self.blocks[index]
        if text != block.raw:
            block.raw = text if text.endswith("\n") or block.was_last else text + "\n"

    def rename(self, question: QuestionDraft, qid: str) -> None:
        """Give `question` the id `qid`; the conditions naming it follow."""
        old, question.qid = question.qid, qid
        for other in self.questions:
            if other is not question and other.show_if and other.show_if.question == old:
                other.show_if = ShowIf(qid, other.show_if.answer_in)

    def move(self, index: int, to: int) -> None:
        self.blocks.insert(to, self.blocks.pop(index))

    # -- the text ----------------------------------------------------------------------
    def pieces(self) -> list[str]:
        """The header and introduction, then each block's text: joined, the file."""
        head = self.header_text + self.intro
        if self.blocks and not self.had_blocks and head:
            head = TRAILER_RE.sub("\n\n", head, count=1) if self.intro.strip() else head
            if not head.endswith("\n"):
                head += "\n"
        last = len(self.blocks) - 1
        return [head] + [b.text(self.survey, n == last) for n, b in enumerate(self.blocks)]

    def text(self) -> str:
        return "".join(self.pieces())

    def block_lines(self) -> list[int]:
        """The 1-based line of each block's heading in `text()`."""
        pieces = self.pieces()
        out, line = [], 1 + pieces[0].count("\n")
        for piece in pieces[1:]:
            out.append(line)
            line += piece.count("\n")
        return out


def _header_data(header_text: str) -> dict[str, Any]:
    lines = header_text.split("\n")
    inner = "\n".join(lines[1:-2] if header_text.endswith("\n") else lines[1:-1])
    try:
        return load_mapping(inner, first_line=2).data
    except YamlProblem:
        return {}


def _heading(raw: str) -> str:
    m = HEADING_RE.match(raw.split("\n", 1)[0])
    return m.group(1) if m else ""


def _lines_with_ends(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def parse_item(text: str, survey: bool | None = None) -> ItemDraft:
    """The form of a quiz (or survey) item file; `survey` defaults to its header's type."""
    header_src, _line, body, _body_line = split_front_matter(text)
    header_text = "" if header_src is None else text[: len(text) - len(body)]
    header = _header_data(header_text) if header_text else {}
    if survey is None:
        survey = header.get("type") == itemtypes.SURVEY
    lines = _lines_with_ends(body)
    mask = code_fence_mask([line.rstrip("\n") for line in lines])
    starts = [
        i
        for i, (line, code) in enumerate(zip(lines, mask, strict=True))
        if not code and HEADING_RE.match(line.rstrip("\n"))
    ]
    intro = "".join(lines[: starts[0]] if starts else lines)
    blocks = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        raw = "".join(lines[start:end])
        question = read_block(raw, survey)
        blocks.append(DraftBlock(raw, question, copy.deepcopy(question), end == len(lines)))
    return ItemDraft(survey, header_text, header, intro, blocks, bool(blocks))


def new_question(draft: ItemDraft, qtype: str, true_false: tuple[str, str]) -> QuestionDraft:
    """A fresh question of `qtype` with a unique id and the answers it needs to start."""
    question = QuestionDraft(draft.unique_id(), qtype)
    if qtype == "truefalse":
        question.answers = [AnswerDraft(true_false[0], True), AnswerDraft(true_false[1])]
    elif qtype == "short":
        question.answers = [AnswerDraft("", True)]
    elif qtype not in ("text", SECTION):
        question.answers = [AnswerDraft(), AnswerDraft()]
    return question

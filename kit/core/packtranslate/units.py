"""A pack source file cut into translatable units and the fixed text between them.

One Markdown paragraph or block is one unit; headings, list items, quiz answers and
explanations are units without their markers. Code fences, fenced-div lines (`::: notes`),
slide breaks, question headings and reference definitions are fixed: a translation never
touches them, so the translated file has the original's structure. Each unit's context is
stable: `item/ID/FIELD/N` (FIELD such as `body`, `notes`, `slide2`, `q.colour.answer1`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kit.core import itemtypes
from kit.core.packformat.body import DIV_CLOSE_RE, DIV_OPEN_RE, FENCE_RE, NOTE_ALIASES, REF_DEF_RE
from kit.core.packformat.questions import EXPL_RE, HEADING_RE

HEAD_RE = re.compile(r"^(\s{0,3}#{1,6}[ \t]+)(\S.*)$")
LIST_RE = re.compile(r"^(\s*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(\S.*)$")
EXPL_PREFIX_RE = re.compile(r"^(Explanation:[ \t]*)(.*)$", re.IGNORECASE)
QUESTION_ID_RE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_.-]*)\s*:")


@dataclass
class Unit:
    """One translatable text and how it sits in its file."""

    context: str
    text: str
    line: int  # 1-based line in the file
    prefix: str = ""  # put before the first line (a heading's '# ', a list marker)
    indent: str = ""  # put before every following line

    def render(self, text: str) -> str:
        lines = text.split("\n")
        return "\n".join([self.prefix + lines[0], *(self.indent + x for x in lines[1:])])


@dataclass
class CutFile:
    """A file as fixed text and units, in order; `render` puts it back together."""

    rel: str
    pieces: list[str | Unit] = field(default_factory=list)

    @property
    def units(self) -> list[Unit]:
        return [p for p in self.pieces if isinstance(p, Unit)]

    def render(self, translations: dict[str, str]) -> str:
        """The text with each unit's translation (the original where there is none)."""
        text = "".join(
            p if isinstance(p, str) else p.render(translations.get(p.context) or p.text) + "\n"
            for p in self.pieces
        )
        return text[:-1]  # every piece ends a line; the last line of the text has no newline


class _Cutter:
    """Walks a Markdown body line by line, keeping track of which field it is in."""

    def __init__(self, rel: str, item_id: str, kind: str, first_line: int) -> None:
        self.out = CutFile(rel)
        self.base = f"item/{item_id}/"
        self.questions = kind in (itemtypes.QUIZ, itemtypes.SURVEY)
        self.slides = kind == itemtypes.SLIDES
        self.first_line = first_line
        self.counts: dict[str, int] = {}
        self.slide = 1
        self.question = ""
        self.answers = 0
        self.divs: list[str] = []
        self.open: Unit | None = None
        self.open_kind = ""  # "para", "list", "answer", "explanation"

    # -- fields ------------------------------------------------------------
    def field(self, sub: str = "") -> str:
        in_notes = "notes" in self.divs
        if self.slides:
            name = f"slide{self.slide}" + (".notes" if in_notes else "")
        elif in_notes:
            name = "notes"
        elif self.question:
            name = f"q.{self.question}" + (f".{sub}" if sub else ".prompt")
        else:
            name = "body"
        return name

    def new_unit(self, name: str, text: str, line: int, prefix: str, kind: str) -> Unit:
        self.close()
        n = self.counts[name] = self.counts.get(name, 0) + 1
        unit = self.open = Unit(f"{self.base}{name}/{n}", text, line, prefix)
        self.open_kind = kind
        self.out.pieces.append(unit)
        return unit

    def close(self) -> None:
        self.open, self.open_kind = None, ""

    def fixed(self, line: str) -> None:
        self.close()
        self.out.pieces.append(line + "\n")

    # -- lines -------------------------------------------------------------
    def cut(self, body: str) -> CutFile:
        fence = ""
        for n, line in enumerate(body.split("\n")):
            lineno = self.first_line + n
            m = FENCE_RE.match(line)
            if fence or m:
                if m and not fence:
                    fence = m.group(1)
                elif m and m.group(1) == fence:
                    fence = ""
                self.fixed(line)
            else:
                self.line(line, lineno)
        return self.out

    def line(self, line: str, lineno: int) -> None:  # noqa: C901 - one decision per kind
        stripped = line.strip()
        if not stripped:
            return self.fixed(line)
        opened, closed = DIV_OPEN_RE.match(line), DIV_CLOSE_RE.match(line)
        if closed:
            if self.divs:
                self.divs.pop()
            return self.fixed(line)
        if opened:
            name = opened.group(2).lower()
            self.divs.append(NOTE_ALIASES.get(name, name))
            return self.fixed(line)
        if self.slides and stripped == "---" and "notes" not in self.divs:
            self.slide += 1
            return self.fixed(line)
        if REF_DEF_RE.match(line):
            return self.fixed(line)
        if self.questions and (q := HEADING_RE.match(line)):
            qid = QUESTION_ID_RE.match(q.group(1))
            self.question = qid.group(1) if qid else q.group(1)
            self.answers = 0
            return self.fixed(line)
        if self.question and not self.divs:
            if EXPL_RE.match(line) and (e := EXPL_PREFIX_RE.match(line)):
                self.new_unit(self.field("explanation"), e.group(2), lineno, e.group(1), "para")
                return None
            if self.open_kind in ("answer", "explanation") and line[:1] in (" ", "\t"):
                return self._continue_explanation(line, lineno)
            if (li := LIST_RE.match(line)) and not line[:1].isspace():
                self.answers += 1
                self.new_unit(
                    self.field(f"answer{self.answers}"), li.group(2), lineno, li.group(1), "answer"
                )
                return None
        if h := HEAD_RE.match(line):
            self.new_unit(self.field(), h.group(2), lineno, h.group(1), "head")
            return self.close()
        if li := LIST_RE.match(line):
            self.new_unit(self.field(), li.group(2), lineno, li.group(1), "list")
            return None
        if self.open is not None and not (
            self.open_kind in ("answer", "explanation") and not line[:1].isspace()
        ):  # text right under an answer that is not its explanation stands apart
            return self._append(line)
        indent = line[: len(line) - len(line.lstrip())]
        self.new_unit(self.field(), line[len(indent) :], lineno, indent, "para").indent = indent
        return None

    def _continue_explanation(self, line: str, lineno: int) -> None:
        if self.open_kind == "explanation":
            return self._append(line)
        sub = f"answer{self.answers}.explanation"
        indent = line[: len(line) - len(line.lstrip())]
        self.new_unit(self.field(sub), line.strip(), lineno, indent, "explanation").indent = indent
        return None

    def _append(self, line: str) -> None:
        unit = self.open
        assert unit is not None
        if "\n" not in unit.text and unit.indent == "" and self.open_kind != "para":
            unit.indent = line[: len(line) - len(line.lstrip())]
        rest = line[len(unit.indent) :] if line.startswith(unit.indent) else line.lstrip()
        unit.text += "\n" + rest


def cut_body(rel: str, item_id: str, kind: str, body: str, first_line: int) -> CutFile:
    """The units of an item's Markdown body (see the module docstring)."""
    return _Cutter(rel, item_id, kind, first_line).cut(body)


def yaml_units(prefix: str, rel: str, data: dict[str, Any], lines: dict[str, int],
               keys: tuple[str, ...], lists: tuple[str, ...] = ()) -> list[Unit]:  # fmt: skip
    """Units of a YAML mapping: `prefix/KEY` for texts, `prefix/KEY/N` for list entries."""
    units: list[Unit] = []
    for key in (*keys, *lists):
        value = data.get(key)
        line = lines.get(key, 1)
        if key in lists:
            if isinstance(value, str):
                value = [value]
            for n, entry in enumerate(value or [], 1):
                if isinstance(entry, str | int | float) and str(entry).strip():
                    units.append(Unit(f"{prefix}/{key}/{n}", str(entry).strip(), line + n))
        elif isinstance(value, str | int | float) and str(value).strip():
            units.append(Unit(f"{prefix}/{key}", str(value).strip(), line))
    return units

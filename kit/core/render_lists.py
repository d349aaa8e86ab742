"""Lists as CommonMark (and so the Wiki Education Dashboard's markdown-it) reads them,
rewritten for Python-Markdown before it renders them.

Python-Markdown wants a blank line before a list and four spaces per level of nesting;
CommonMark lets a list start right after a paragraph line and nests whatever is indented
to the item's text (two spaces under '- ', three under '1. '). This pass re-indents the
content of every list item to four spaces a level (code blocks and fences inside items
keep their place) and puts a blank line before a list that interrupts a paragraph, so
both read the same Markdown the same way. Code fences outside lists are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kit.core.packformat.body import FENCE_RE

MARKER_RE = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)(.*)$")
RULE_RE = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")
BLOCK_START_RE = re.compile(r"^ {0,3}(#{1,6}(\s|$)|>|```|~~~|<[A-Za-z/!]|\||:::)")


@dataclass
class _Item:
    content: int  # the column where the item's text starts in the source
    out: int  # the column it gets in the output
    ordered: bool = False


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _marker(line: str) -> re.Match[str] | None:
    if RULE_RE.match(line):
        return None
    return MARKER_RE.match(line)


class _Lists:
    def __init__(self) -> None:
        self.stack: list[_Item] = []
        self.out: list[str] = []
        self.prev_blank = True
        self.prev_paragraph = False  # the line before was paragraph text
        self.fence = ""  # the marker of the code fence we are in, if any
        self.prev_item = False  # the line before was an item's first paragraph

    def feed(self, line: str) -> None:
        line = line.expandtabs(4)
        if not line.strip():
            line = ""  # spaces alone make no line of an indented code block
        if self.fence:
            self._in_fence(line)
        elif not line.strip():
            self.out.append("")
            self.prev_blank, self.prev_paragraph, self.prev_item = True, False, False
        elif (m := _marker(line)) is None:
            self._other(line)
        elif self._can_start(m):
            self._item(m)
        else:  # text that only looks like an item: keep Python-Markdown from listing it
            mark = m.group(2)
            escaped = mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark
            self._other(m.group(1) + escaped + line[len(m.group(1)) + len(mark) :])

    def _can_start(self, m: re.Match[str]) -> bool:
        if not self.stack and len(m.group(1)) >= 4:
            return False  # an indented code block
        if self.prev_blank or not self.prev_paragraph:
            return True
        if self.stack and len(m.group(1)) < self.stack[-1].content:
            return True  # the next item of an open list
        # CommonMark: only a non-empty item, and of an ordered list only '1.', interrupts
        # a paragraph (also to start a list nested in an item).
        ordered = m.group(2)[0].isdigit()
        return bool(m.group(4).strip()) and (not ordered or m.group(2)[:-1] == "1")

    def _item(self, m: re.Match[str]) -> None:
        indent = len(m.group(1))
        opened = bool(self.stack)
        ordered = m.group(2)[0].isdigit()
        sibling = None
        while self.stack and indent < self.stack[-1].content:
            sibling = self.stack.pop()
        # A list that interrupts a paragraph, an item after code, and (as CommonMark has
        # it) a numbered list after a bulleted one or the other way round: a new list.
        switched = (
            sibling is not None
            and sibling.ordered != ordered
            and sibling.out == (self.stack[-1].out + 4 if self.stack else 4)
        )
        if not self.prev_blank and (not opened or not self.prev_item or switched):
            self.out.append("")
        spaces = len(m.group(3))
        width = len(m.group(2)) + (spaces if 0 < spaces <= 4 else 1)
        out = self.stack[-1].out if self.stack else 0
        self.stack.append(_Item(indent + width, out + 4, ordered))
        marker = m.group(2)[:-1] + "." if m.group(2).endswith(")") else m.group(2)
        self.out.append((" " * out + marker + " " + m.group(4).lstrip(" ")).rstrip())
        self.prev_blank, self.prev_paragraph, self.prev_item = False, True, True

    def _other(self, line: str) -> None:
        indent = _indent(line)
        lazy = self.prev_paragraph and not self.prev_blank and not BLOCK_START_RE.match(line)
        self.prev_item = self.prev_item and lazy
        while self.stack and indent < self.stack[-1].content and not lazy:
            self.stack.pop()
        if self.stack:
            top = self.stack[-1]
            keep = max(0, indent - top.content) if indent >= top.content else 0
            line = " " * (top.out + keep) + line.lstrip(" ")
        fence = FENCE_RE.match(line)
        if fence:
            self.fence = fence.group(1)
            if self.stack:
                # Python-Markdown reads no fences inside list items: an indented code
                # block shows the same lines.
                self.out.append("")
                self.prev_blank = self.prev_paragraph = False
                return
        self.out.append(line)
        self.prev_blank = False
        self.prev_paragraph = (
            not fence
            and not BLOCK_START_RE.match(line)
            and (not self.stack or _indent(line) < (self.stack[-1].out + 4))
        )

    def _in_fence(self, line: str) -> None:
        closing = (
            FENCE_RE.match(line)
            and line.strip().rstrip("`~") == ""
            and (line.strip().startswith(self.fence))
        )
        if closing:
            self.fence = ""
        if self.stack:
            top = self.stack[-1]
            cut = min(_indent(line), top.content)
            line = "" if closing or not line.strip() else " " * (top.out + 4) + line[cut:]
        self.out.append(line)
        self.prev_blank, self.prev_paragraph = False, False


def normalize_lists(text: str) -> str:
    """Markdown whose lists Python-Markdown reads as CommonMark does (see module doc)."""
    if not re.search(r"^ *([-*+]|\d{1,9}[.)])( |$)", text, re.MULTILINE):
        return re.sub(r"(?m)^[ \t]+$", "", text)
    lists = _Lists()
    for line in text.split("\n"):
        lists.feed(line)
    return "\n".join(lists.out)

"""Colours for Markdown as it is typed: the header, headings, emphasis, links, blocks, code."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

_HEADER, _BODY, _FENCE = 1, 2, 3  # block states: in the '---' header, in the body, in code


def _format(colour: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


RULES: list[tuple[re.Pattern[str], QTextCharFormat]] = []


def _rules() -> list[tuple[re.Pattern[str], QTextCharFormat]]:
    if not RULES:
        RULES.extend(
            [
                (re.compile(r"^#{1,6}\s.*$"), _format("#1a3d7c", bold=True)),
                (re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), _format("#111111", bold=True)),
                (
                    re.compile(r"(?<![*\w])\*[^*\s][^*\n]*\*(?!\*)|(?<!\w)_[^_\s][^_\n]*_(?!\w)"),
                    _format("#333333", italic=True),
                ),
                (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"), _format("#1a5fb4")),
                (re.compile(r"`[^`\n]+`"), _format("#8a3b12")),
                (re.compile(r"^\s*:{3,}.*$"), _format("#7a4b00", bold=True)),
                (re.compile(r"^\s*---\s*$"), _format("#7a4b00", bold=True)),
                (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s"), _format("#7a4b00")),
            ]
        )
    return RULES


class MarkdownHighlighter(QSyntaxHighlighter):
    """Light colours only: the text stays what it is, nothing is hidden or reflowed."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._key = _format("#7a4b00")
        self._code = _format("#8a3b12")
        self._dashes = _format("#6b7280", bold=True)

    def highlightBlock(self, text: str) -> None:
        previous = self.previousBlockState()
        block = self.currentBlock()
        if block.blockNumber() == 0:
            if text.rstrip() == "---":
                self.setFormat(0, len(text), self._dashes)
                self.setCurrentBlockState(_HEADER)
                return
            previous = _BODY
        if previous == _HEADER:
            if text.rstrip() in ("---", "..."):
                self.setFormat(0, len(text), self._dashes)
                self.setCurrentBlockState(_BODY)
                return
            key = re.match(r"^\s*[\w-]+:", text)
            if key:
                self.setFormat(0, key.end(), self._key)
            self.setCurrentBlockState(_HEADER)
            return
        fence = re.match(r"^\s*(```|~~~)", text)
        if previous == _FENCE:
            self.setFormat(0, len(text), self._code)
            self.setCurrentBlockState(_BODY if fence else _FENCE)
            return
        if fence:
            self.setFormat(0, len(text), self._code)
            self.setCurrentBlockState(_FENCE)
            return
        self.setCurrentBlockState(_BODY)
        for pattern, fmt in _rules():
            for m in pattern.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), fmt)

"""Fitting text into a width: word wrap to a few lines, eliding what does not fit.

Qt's item views wrap a row's text at the row's width without the stylesheet's padding,
so a wrapped row ends up wider than its list and is cut at the side (the start side in a
right-to-left language, where the selection mark is). The lines are made here instead.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from kit.ui.widgets.enumkeys import elide_right


def fit_lines(text: str, metrics: QFontMetrics, width: int, max_lines: int = 2) -> list[str]:
    """`text` as at most `max_lines` lines no wider than `width` pixels.

    Words go on the line while they fit; what is left for the last line, or a single
    word wider than the line, is elided at its end ("…" after the last kept character,
    which is on the left in Arabic: Qt elides in the text's own direction).
    """
    width = max(1, width)
    lines: list[str] = []
    words = text.split()
    whole = " ".join(words)
    if words and metrics.horizontalAdvance(whole) <= width:
        return [whole]  # what the loop below gives when every word fits on the first line
    while words and len(lines) < max_lines:
        if len(lines) == max_lines - 1:
            lines.append(elide_right(metrics, " ".join(words), width))
            break
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(elide_right(metrics, line, width))
    return lines

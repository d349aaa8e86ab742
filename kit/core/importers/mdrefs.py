"""Reference-style images and links ('![alt][ref]' with '[ref]: url "title"') made inline.

markdown-it and pandoc resolve them; turning them into '![alt](url "title")' lets the
importers treat them like every other image (copied into media/, or a placeholder for a
remote one) and lets `kit pack validate` check them. Labels match as CommonMark says:
case-insensitively, with runs of spaces counted as one. A reference without a definition
is left as text and reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kit.core.packformat.body import code_fence_mask

DEF_RE = re.compile(
    r"^ {0,3}\[([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+)"
    r"(?:[ \t]+(\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$"
)
# ![alt][ref], ![alt][], ![alt] and [text][ref], [text][], [text]; not [x](url), not [x]:
REF_RE = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\](?:\[([^\[\]\n]*)\])?(?![(:\[{])")


def label_key(label: str) -> str:
    return re.sub(r"\s+", " ", label.strip()).casefold()


def definitions(text: str) -> dict[str, tuple[str, str]]:
    """{label: (target, title)} of a text's definitions (outside code; the first wins)."""
    lines = text.split("\n")
    found: dict[str, tuple[str, str]] = {}
    for line, code in zip(lines, code_fence_mask(lines), strict=True):
        m = None if code else DEF_RE.match(line)
        if m and label_key(m.group(1)) not in found:
            title = (m.group(3) or "")[1:-1]
            found[label_key(m.group(1))] = (m.group(2).strip("<>"), title)
    return found


def _code_spans(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"(`+).*?\1", line)]


def inline_references(text: str, warn: Callable[[str], None]) -> str:
    """The text with every resolvable reference inline and its definitions removed."""
    defs = definitions(text)
    lines = text.split("\n")
    mask = code_fence_mask(lines)
    if not defs and not any("][" in line for line in lines):
        return text
    out: list[str] = []
    for line, code in zip(lines, mask, strict=True):
        if code:
            out.append(line)
            continue
        if DEF_RE.match(line):
            continue
        spans = _code_spans(line)

        def repl(m: re.Match[str], spans: list[tuple[int, int]] = spans) -> str:
            if any(a <= m.start() < b for a, b in spans):
                return m.group(0)
            bang, text_part, ref = m.group(1), m.group(2), m.group(3)
            label = label_key(ref if ref else text_part)
            if label in defs:
                target, title = defs[label]
                title_md = f' "{title}"' if title else ""
                target_md = f"<{target}>" if " " in target else target
                return f"{bang}[{text_part}]({target_md}{title_md})"
            if ref is not None and (bang or ref):
                warn(
                    f"the {'image' if bang else 'link'} '{m.group(0)}' refers to [{ref or text_part}], "
                    "which is not defined; its text is shown instead"
                )
                return text_part or (ref or "")
            return m.group(0)

        out.append(REF_RE.sub(repl, line))
    return "\n".join(out)

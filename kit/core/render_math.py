"""TeX math in item Markdown, drawn offline as SVG pictures the reader shows inline.

`$...$` is inline math and `$$...$$` display math, with pandoc's rules (the Carpentries
Workbench's), so prices stay text: the opening `$` has a non-space character right after
it, the closing one a non-space character right before it and no digit after it; `\\$`
is a dollar sign; nothing inside code is math. ziamath (pure Python, its own math font)
draws each formula as SVG paths: nothing is fetched, nothing is installed. A formula it
cannot read is shown as its TeX in code style.

The pictures are `data:` addresses made here, after the sanitizer has removed every
`data:` address a pack's own HTML could hold.
"""

from __future__ import annotations

import base64
import html
import re
import threading
from dataclasses import dataclass

from kit.core.packformat.body import CODE_SPAN_RE, code_fence_mask

OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters mark a formula's place
TOKEN_RE = re.compile(f"{OPEN}(\\d+){CLOSE}")
DISPLAY_RE = re.compile(r"(?<!\\)\$\$(.+?)\$\$")
INLINE_RE = re.compile(r"(?<![\\$])\$(?=\S)((?:[^$\\\n]|\\.)*?\S)\$(?![\d$])")
SVG_PREFIX = "data:image/svg+xml;base64,"
INLINE_SIZE, DISPLAY_SIZE = 16, 18
_MAX_CACHE = 512


@dataclass(frozen=True)
class Formula:
    tex: str
    display: bool
    source: str = ""  # as written, '$...$' (restored inside attributes and addresses)


def _token(found: list[Formula], tex: str, display: bool, source: str = "") -> str:
    found.append(Formula(tex.strip(), display, source))
    return f"{OPEN}{len(found) - 1}{CLOSE}"


def _inline(line: str, found: list[Formula]) -> str:
    if "$" not in line:
        return line
    out, last = [], 0
    for span in [*CODE_SPAN_RE.finditer(line), None]:
        start = span.start() if span else len(line)
        part = line[last:start]
        part = DISPLAY_RE.sub(lambda m: _token(found, m.group(1), True, m.group(0)), part)
        part = INLINE_RE.sub(lambda m: _token(found, m.group(1), False, m.group(0)), part)
        out.append(part.replace("\\$", "&#36;"))
        if span:
            out.append(span.group(0))
            last = span.end()
    return "".join(out)


def extract_math(text: str) -> tuple[str, list[Formula]]:
    """The text with each formula replaced by a marker, and the formulas in order."""
    found: list[Formula] = []
    text = text.replace(OPEN, "").replace(CLOSE, "")
    if "$" not in text:
        return text, found
    lines = text.split("\n")
    mask = code_fence_mask(lines)
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        opened = line.strip()
        if not mask[i] and opened.startswith("$$") and opened.count("$$") == 1:
            end = next((k for k in range(i + 1, len(lines)) if not mask[k] and "$$" in lines[k]),
                       None)  # fmt: skip
            if end is not None:
                tex, rest = lines[end].split("$$", 1)
                block = "\n".join([opened[2:], *lines[i + 1 : end], tex])
                indent = line[: len(line) - len(line.lstrip())]
                source = "\n".join(lines[i : end + 1])
                out.append(indent + _token(found, block, True, source) + _inline(rest, found))
                i = end + 1
                continue
        out.append(line if mask[i] else _inline(line, found))
        i += 1
    return "\n".join(out), found


_cache: dict[Formula, str | None] = {}
_lock = threading.Lock()


def _svg(formula: Formula) -> str | None:
    """The formula as a data: address of an SVG picture, or None if it is not valid TeX."""
    with _lock:
        if formula in _cache:
            return _cache[formula]
        try:
            import ziamath  # imported with the first formula: slow to import

            # SVG 1.1 paths: Qt's SVG renderer (SVG Tiny) draws no SVG 2 <symbol> glyphs.
            ziamath.config.svg2 = False
            size = DISPLAY_SIZE if formula.display else INLINE_SIZE
            svg = ziamath.Latex(formula.tex, size=size, inline=not formula.display).svg()
            address: str | None = SVG_PREFIX + base64.b64encode(svg.encode("utf-8")).decode()
        except Exception:  # any TeX ziamath cannot read is shown as TeX
            address = None
        if len(_cache) >= _MAX_CACHE:
            _cache.clear()
        _cache[formula] = address
        return address


def _html(formula: Formula) -> str:
    address = _svg(formula)
    alt = html.escape(formula.tex, quote=True)
    if address is None:
        return f"<code>{html.escape(formula.tex)}</code>"
    return f'<img src="{address}" alt="{alt}" align="middle">'


def insert_math(html_text: str, found: list[Formula]) -> str:
    """Put each formula's picture where its marker is (display math centred)."""
    if not found:
        return html_text

    def alone(m: re.Match[str]) -> str:
        formula = found[int(m.group(1))]
        return f'<p align="center">{_html(formula)}</p>' if formula.display else m.group(0)

    def tex(m: re.Match[str]) -> str:
        formula = found[int(m.group(1))]
        return html.escape(formula.source or formula.tex, quote=True)

    # In an attribute (an address, an image's alt text) a formula stays as written.
    html_text = re.sub(r'"[^"<>]*"', lambda m: TOKEN_RE.sub(tex, m.group(0)), html_text)
    html_text = re.sub(rf"<p>\s*{OPEN}(\d+){CLOSE}\s*</p>", alone, html_text)
    return TOKEN_RE.sub(
        lambda m: _html(found[int(m.group(1))]) if int(m.group(1)) < len(found) else "",
        html_text,
    )

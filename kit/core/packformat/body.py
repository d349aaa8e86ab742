"""Markdown bodies: facilitator notes, slide breaks and links to media or items."""

from __future__ import annotations

import re
from collections.abc import Iterator

FENCE_RE = re.compile(r"^\s*(```|~~~)")
DIV_OPEN_RE = re.compile(r"^\s*(:{3,})\s*\{?\s*\.?([A-Za-z][\w-]*)\s*\}?\s*(.*)$")
DIV_CLOSE_RE = re.compile(r"^\s*:{3,}\s*$")
# ![alt](target "title"), [text](target), <img src="target">
LINK_RE = re.compile(r"(!?\[[^\]\n]*\]\()\s*(<[^>\n]+>|[^)\s]+)((?:\s+\"[^\"\n]*\")?\s*\))")
IMG_SRC_RE = re.compile(
    r"(<(?:img|audio|video|source)\b[^>]*?\bsrc\s*=\s*[\"'])([^\"']+)([\"'])", re.IGNORECASE
)
# [label]: target "title" (a reference definition) and ![alt][label] / ![alt][] (its use)
REF_DEF_RE = re.compile(r"^( {0,3}\[([^\]\n]+)\]:[ \t]*)(<[^>\n]*>|\S+)")
REF_IMAGE_RE = re.compile(r"!\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\[([^\[\]\n]*)\]")
# [text]{#id .class} (a pandoc span, which Python-Markdown shows as typed)
SPAN_RE = re.compile(r"(?<![!\]\\])\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\{[^{}\n]*\}")
CODE_SPAN_RE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
# '::: instructor' is another name for '::: notes'.
NOTE_ALIASES = {"instructor": "notes", "facilitator": "notes"}


def code_fence_mask(lines: list[str]) -> list[bool]:
    """True for lines inside ``` or ~~~ code fences (which are never interpreted)."""
    mask, inside, marker = [], False, ""
    for line in lines:
        m = FENCE_RE.match(line)
        if m and (not inside or m.group(1) == marker):
            mask.append(True)
            inside, marker = (not inside), m.group(1)
            continue
        mask.append(inside)
    return mask


def extract_blocks(body: str, names: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """Remove '::: NAME' ... ':::' blocks whose NAME is in `names` from a body.

    Returns (the body without them, {name: text of all its blocks joined by a blank line}).
    Other fenced divs and everything inside code fences are left as they are.
    """
    lines = body.split("\n")
    mask = code_fence_mask(lines)
    kept: list[str] = []
    found: dict[str, list[str]] = {name: [] for name in names}
    current: list[str] | None = None
    depth = 0  # depth of fenced divs nested inside the block being removed
    for line, in_code in zip(lines, mask, strict=True):
        if in_code:
            (current if current is not None else kept).append(line)
            continue
        opened = DIV_OPEN_RE.match(line)
        closed = DIV_CLOSE_RE.match(line)
        if current is None:
            name = _block_name(opened)
            if name in names and not closed:
                current, depth = found[name], 0
            else:
                kept.append(line)
            continue
        if opened and not closed:
            depth += 1
        elif closed:
            if depth == 0:
                current.append("")
                current = None
                continue
            depth -= 1
        current.append(line)
    texts = {name: "\n".join(v).strip("\n") for name, v in found.items()}
    return "\n".join(kept).strip("\n"), texts


def _block_name(opened: re.Match[str] | None) -> str:
    if opened is None:
        return ""
    name = opened.group(2).lower()
    return NOTE_ALIASES.get(name, name)


def extract_notes(body: str) -> tuple[str, str]:
    """Remove '::: notes' blocks from a body; returns (learner body, facilitator notes)."""
    rest, blocks = extract_blocks(body, ("notes",))
    return rest, blocks["notes"]


def split_slides(body: str) -> list[tuple[str, int]]:
    """Split a slide deck on lines that are exactly '---'; returns (text, line offset)."""
    lines = body.split("\n")
    mask = code_fence_mask(lines)
    slides: list[tuple[str, int]] = []
    start = 0
    for i, (line, in_code) in enumerate(zip(lines, mask, strict=True)):
        if not in_code and line.strip() == "---":
            slides.append(("\n".join(lines[start:i]).strip("\n"), start))
            start = i + 1
    slides.append(("\n".join(lines[start:]).strip("\n"), start))
    return [(text, off) for text, off in slides if text.strip()]


def _code_spans(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in CODE_SPAN_RE.finditer(line)]


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


def iter_targets(body: str) -> Iterator[tuple[int, str, bool]]:
    """Yield (line offset, link target, is_image) for every link outside code."""
    lines = body.split("\n")
    mask = code_fence_mask(lines)
    for i, (line, in_code) in enumerate(zip(lines, mask, strict=True)):
        if in_code:
            continue
        spans = _code_spans(line)
        if (ref := REF_DEF_RE.match(line)) is not None:
            yield i, ref.group(3).strip("<>"), False
        for m in LINK_RE.finditer(line):
            if not _in_spans(m.start(), spans):
                yield i, m.group(2).strip("<>"), m.group(1).startswith("!")
        for m in IMG_SRC_RE.finditer(line):
            if not _in_spans(m.start(), spans):
                yield i, m.group(2), True


def rewrite_targets(body: str, mapping: dict[str, str]) -> str:
    """Replace link targets found in `mapping` (outside code fences)."""
    if not mapping:
        return body
    lines = body.split("\n")
    mask = code_fence_mask(lines)

    spans: list[tuple[int, int]] = []

    def md(m: re.Match[str]) -> str:
        if _in_spans(m.start(), spans):
            return m.group(0)
        target = m.group(2).strip("<>")
        return m.group(1) + mapping.get(target, m.group(2)) + m.group(3)

    def img(m: re.Match[str]) -> str:
        if _in_spans(m.start(), spans):
            return m.group(0)
        return m.group(1) + mapping.get(m.group(2), m.group(2)) + m.group(3)

    out = []
    for line, in_code in zip(lines, mask, strict=True):
        if not in_code:
            spans = _code_spans(line)
            line = REF_DEF_RE.sub(
                lambda m: m.group(1) + mapping.get(m.group(3).strip("<>"), m.group(3)), line
            )
            line = LINK_RE.sub(md, line)
            spans = _code_spans(line)
            line = IMG_SRC_RE.sub(img, line)
        out.append(line)
    return "\n".join(out)


def _label(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip()).casefold()


def raw_markup(body: str) -> list[tuple[int, str]]:
    """(line offset, message) for constructs learners would see as raw markup: an image
    reference ('![alt][ref]') whose label no '[ref]: target' line defines, and a pandoc
    attribute span ('[term]{#id}')."""
    lines = body.split("\n")
    mask = code_fence_mask(lines)
    defined = {
        _label(m.group(2))
        for line, code in zip(lines, mask, strict=True)
        if not code and (m := REF_DEF_RE.match(line))
    }
    found: list[tuple[int, str]] = []
    for i, (line, code) in enumerate(zip(lines, mask, strict=True)):
        if code:
            continue
        spans = _code_spans(line)
        for m in REF_IMAGE_RE.finditer(line):
            label = _label(m.group(2) or m.group(1))
            if label not in defined and not _in_spans(m.start(), spans):
                found.append((i, f"the image '{m.group(0)}' refers to [{m.group(2) or m.group(1)}], "
                              "which no '[label]: file' line defines; learners would see the markup"))  # fmt: skip
        for m in SPAN_RE.finditer(line):
            if not _in_spans(m.start(), spans):
                found.append((i, f"'{m.group(0)}' is a pandoc attribute span, which learners would "
                              "see as typed; write the text alone"))  # fmt: skip
    return found


def is_external(target: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target)) and not target.startswith("item:")

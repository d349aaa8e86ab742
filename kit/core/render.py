"""Turn item Markdown into safe HTML for the lesson reader.

The HTML goes through an allow-list sanitizer (nh3), so a hostile pack cannot inject
scripts, forms, frames or styles; remote images are replaced by a link (the reader
never fetches anything from the network). Fenced blocks:

- ``::: solution`` becomes a "Show solution" link until revealed;
- ``::: callout`` (and other named blocks) become a framed box with a heading;
- ``::: notes`` never reach learners (they are removed when the pack is built).
"""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass

from kit.core.direction import RTL_LANGUAGES as RTL_LANGUAGES  # re-exported
from kit.core.direction import is_rtl as is_rtl  # re-exported: kit.ui imports it from here
from kit.core.packformat.body import DIV_CLOSE_RE, DIV_OPEN_RE, code_fence_mask
from kit.core.render_lists import normalize_lists
from kit.core.render_math import extract_math, insert_math

REVEAL_SCHEME = "kit-reveal"

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"dir", "lang", "title"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align", "bgcolor"},
    "th": {"colspan", "rowspan", "align", "bgcolor"},
    "table": {"width", "cellpadding", "cellspacing", "border", "bgcolor"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "item", REVEAL_SCHEME}
BOX_TITLES = {
    "callout": "Note",
    "caution": "Caution",
    "testimonial": "Testimonial",
    "discussion": "Discussion",
    "checklist": "Checklist",
    "keypoints": "Key points",
    "objectives": "Objectives",
    "questions": "Questions",
    "challenge": "Challenge",
    "hint": "Hint",
    "spoiler": "More",
    "prereq": "Prerequisites",
}
HIDDEN_KINDS = {"solution", "hint", "spoiler"}


@dataclass(frozen=True)
class Labels:
    """Words the renderer shows; the UI passes them translated."""

    show_solution: str = "Show solution"
    solution: str = "Solution"
    remote_image: str = "Image (online only)"
    box_titles: tuple[tuple[str, str], ...] = tuple(BOX_TITLES.items())


_local = threading.local()


def _render_md(text: str) -> str:
    # Building a Markdown object costs about a millisecond: keep one per thread.
    md = getattr(_local, "md", None)
    if md is None:
        import markdown  # imported when the first item is shown: slow to import

        md = _local.md = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")
    return md.reset().convert(normalize_lists(_drop_attribute_lines(text)))


_ATTRIBUTE_LINE_RE = re.compile(r"^\s*\{:[^}\n]*\}\s*$")


def _drop_attribute_lines(text: str) -> str:
    """A line holding only a '{: .class}' attribute list (kramdown's block attributes)
    never shows: Python-Markdown applies it only right after a paragraph's text."""
    if "{:" not in text:
        return text
    lines = text.split("\n")
    mask = code_fence_mask(lines)
    return "\n".join(
        line
        for line, code in zip(lines, mask, strict=True)
        if code or not _ATTRIBUTE_LINE_RE.match(line)
    )


def _blocks(text: str, revealed: set[int], labels: Labels, counter: list[int]) -> str:
    """Render Markdown with nested '::: kind' blocks (outside code fences)."""
    lines = text.split("\n")
    mask = code_fence_mask(lines)
    out: list[str] = []
    plain: list[str] = []
    i = 0
    while i < len(lines):
        opened = None if mask[i] else DIV_OPEN_RE.match(lines[i])
        if opened is None or DIV_CLOSE_RE.match(lines[i]):
            if not mask[i] and DIV_CLOSE_RE.match(lines[i]):
                i += 1  # a stray closing fence
                continue
            plain.append(lines[i])
            i += 1
            continue
        out.append(_render_md("\n".join(plain)))
        plain = []
        end = _block_end(lines, mask, i)
        inner = "\n".join(lines[i + 1 : end])
        out.append(
            _box(opened.group(2).lower(), opened.group(3).strip(), inner, revealed, labels, counter)
        )
        i = end + 1
    out.append(_render_md("\n".join(plain)))
    return "\n".join(part for part in out if part)


def _block_end(lines: list[str], mask: list[bool], start: int) -> int:
    depth = 0
    for j in range(start + 1, len(lines)):
        if mask[j]:
            continue
        if DIV_CLOSE_RE.match(lines[j]):
            if depth == 0:
                return j
            depth -= 1
        elif DIV_OPEN_RE.match(lines[j]):
            depth += 1
    return len(lines)


def _box(
    kind: str, title: str, inner: str, revealed: set[int], labels: Labels, counter: list[int]
) -> str:
    if kind in ("notes", "instructor"):
        return ""
    titles = dict(labels.box_titles)
    if kind in HIDDEN_KINDS:
        counter[0] += 1
        number = counter[0]
        heading = html.escape(
            title or (labels.solution if kind == "solution" else titles.get(kind, kind.title()))
        )
        if number not in revealed:
            return f'<p><a href="{REVEAL_SCHEME}:{number}">{html.escape(labels.show_solution) if kind == "solution" else heading}</a></p>'
        body = _blocks(inner, revealed, labels, counter)
        return f'<table width="100%" cellpadding="8" bgcolor="#eef6ee"><tr><td><p><b>{heading}</b></p>{body}</td></tr></table>'
    heading = html.escape(title or titles.get(kind, kind.replace("-", " ").title()))
    body = _blocks(inner, revealed, labels, counter)
    return f'<table width="100%" cellpadding="8" bgcolor="#eef2fa"><tr><td><p><b>{heading}</b></p>{body}</td></tr></table>'


_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_SRC_RE = re.compile(r'\bsrc="([^"]*)"')
_ALT_RE = re.compile(r'\balt="([^"]*)"')


def image_source(src: str) -> tuple[str, str]:
    """('local', path), ('remote', url) or ('refused', '') for an image address.

    Browsers strip leading spaces and control characters and drop tabs and newlines
    anywhere in an address, and read '//host/x' (protocol-relative) and '\\\\host\\x' as
    remote: the same is done here, so no spelling of a remote or outside address slips
    through as a "local" one. A local path must stay inside the pack's media store:
    relative, no '..' part, no backslash.
    """
    clean = re.sub(r"[\t\n\r]", "", src).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
        "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    if _SCHEME_RE.match(clean) or clean.replace("\\", "/").startswith("//"):
        remote = "https:" + clean.replace("\\", "/") if not _SCHEME_RE.match(clean) else clean
        scheme = remote.split(":", 1)[0].lower()
        return ("remote", remote) if scheme in ("http", "https") else ("refused", "")
    parts = clean.split("?")[0].split("#")[0].split("/")
    if not clean or clean.startswith("/") or "\\" in clean or ".." in parts:
        return "refused", ""
    return "local", clean


def _localize_images(html_text: str, labels: Labels) -> str:
    """Remote images become links, images outside the media store their alt text:
    nothing is ever fetched while reading."""

    def repl(m: re.Match[str]) -> str:
        tag = m.group(0)
        src = _SRC_RE.search(tag)
        if not src:
            return tag
        kind, where = image_source(html.unescape(src.group(1)))
        alt = _ALT_RE.search(tag)
        text = alt.group(1) if alt and alt.group(1) else ""
        if kind == "local":
            return tag[: src.start(1)] + html.escape(where) + tag[src.end(1) :]
        if kind == "remote":
            return (
                f'<a href="{html.escape(where)}">[{text or html.escape(labels.remote_image)}]</a>'
            )
        return f"[{text}]" if text else ""

    return re.sub(r"<img\b[^>]*>", repl, html_text)


def render_markdown(
    text: str,
    *,
    lang: str | None = None,
    revealed: set[int] | None = None,
    labels: Labels | None = None,
) -> str:
    """Markdown (with '::: kind' blocks) to sanitized HTML, right-to-left where the language is."""
    labels = labels or Labels()
    text, formulas = extract_math(text or "")
    raw = _blocks(text, revealed or set(), labels, [0])
    import nh3

    clean = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    clean = insert_math(_localize_images(clean, labels), formulas)
    if is_rtl(lang):
        return f'<div dir="rtl" align="right">{clean}</div>'
    return clean


def count_hidden_blocks(text: str) -> int:
    """How many '::: solution'-like blocks a text has (for 'reveal all')."""
    lines = (text or "").split("\n")
    mask = code_fence_mask(lines)
    return sum(
        1
        for line, code in zip(lines, mask, strict=True)
        if not code and (m := DIV_OPEN_RE.match(line)) and m.group(2).lower() in HIDDEN_KINDS
    )

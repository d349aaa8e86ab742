"""Carpentries Workbench Markdown made into pack Markdown.

Pandoc fenced divs ('::::::: challenge' with any number of colons, nested, closed by
the innermost open one) become the format's '::: kind' blocks with three colons;
'instructor' becomes '::: notes'; '{alt=...}' attributes are folded into the image.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kit.core.packformat.body import CODE_SPAN_RE, code_fence_mask

OPEN_RE = re.compile(r"^\s*:{3,}\s*\{?\s*\.?([A-Za-z][\w-]*)\s*\}?\s*(.*?)\s*:*\s*$")
CLOSE_RE = re.compile(r"^\s*:{3,}\s*$")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*\})?\s*#*\s*$")
KIND_ALIASES = {"instructor": "notes", "facilitator": "notes"}
R_CHUNK_RE = re.compile(r"^(\s*)```\{(\w+)[^}]*\}\s*$")


@dataclass
class Div:
    kind: str
    title: str
    children: list[str | Div] = field(default_factory=list)


def parse_divs(text: str) -> list[str | Div]:
    """Lines and Div blocks; an unclosed div runs to the end, a stray closer is dropped."""
    lines = text.split("\n")
    mask = code_fence_mask(lines)
    root: list[str | Div] = []
    stack: list[Div] = []
    for line, code in zip(lines, mask, strict=True):
        target = stack[-1].children if stack else root
        if code:
            target.append(line)
        elif CLOSE_RE.match(line):
            if stack:
                stack.pop()
        elif (m := OPEN_RE.match(line)) is not None:
            kind = m.group(1).lower()
            div = Div(KIND_ALIASES.get(kind, kind), m.group(2).strip("{} ."))
            target.append(div)
            stack.append(div)
        else:
            target.append(line)
    return root


def render(nodes: list[str | Div]) -> str:
    """Nodes back to Markdown, every div as '::: kind [title]' ... ':::'."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
            continue
        inner = render(node.children).strip("\n")
        head = f"::: {node.kind} {node.title}".rstrip()
        out += ["", head, inner, ":::", ""]
    return tidy("\n".join(out))


def tidy(text: str) -> str:
    """No runs of more than one blank line; no blank lines at the ends."""
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.split("\n"))).strip(
        "\n"
    )


def list_items(div: Div) -> list[str]:
    """The '- item' entries of an objectives/questions/keypoints block, one line each."""
    items: list[str] = []
    for line in render(div.children).split("\n"):
        m = re.match(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$", line)
        if m:
            items.append(m.group(1).strip())
        elif line.strip() and items:
            items[-1] += " " + line.strip()
    return [i for i in items if i]


def take_title(nodes: list[str | Div]) -> tuple[str, list[str | Div]]:
    """The first heading of a block (its title) and the nodes without it."""
    for i, node in enumerate(nodes):
        if isinstance(node, Div):
            break
        if not node.strip():
            continue
        m = HEADING_RE.match(node)
        if m:
            return clean_inline(m.group(2)), nodes[:i] + nodes[i + 1 :]
        break
    return "", nodes


def clean_inline(text: str) -> str:
    text = re.sub(r"\\([.#*_\[\]()-])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip().strip("*_").strip()


def code_chunks(text: str) -> str:
    """R Markdown chunks ('```{r name}') as plain code fences ('```r')."""
    return "\n".join(R_CHUNK_RE.sub(r"\1```\2", line) for line in text.split("\n"))


# [text]{#id .class key=value} (a pandoc span), `code`{.lang} (attributes on code)
SPAN_RE = re.compile(r"(?<![!\]\\])\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\{([^{}\n]*)\}")
CODE_ATTR_RE = re.compile(r"(`+)([^`\n]+?)\1\{[^{}\n]*\}")
IAL_RE = re.compile(r"^\s*\{:\s*([^}]*)\}\s*$")
ID_RE = re.compile(r"(?:^|\s)#([\w:.-]+)")
LANG_RE = re.compile(r"\blang\s*=\s*[\"']?([A-Za-z0-9-]+)")
BOX_KINDS = {"callout", "challenge", "solution", "discussion", "checklist", "keypoints",
             "objectives", "questions", "prereq", "testimonial", "caution", "hint", "spoiler",
             "instructor", "exercise"}  # fmt: skip


def pandoc_spans(text: str) -> str:
    """Pandoc's attribute spans as what they mean to a reader: '[term]{#term}' becomes an
    anchor that links to '#term' reach, 'lang' is kept, other attributes are dropped."""
    lines = text.split("\n")
    out = []
    for line, code in zip(lines, code_fence_mask(lines), strict=True):
        if not code and "{" in line:
            line = CODE_ATTR_RE.sub(lambda m: m.group(1) + m.group(2) + m.group(1), line)
            line = _spans_outside_code(line)
        out.append(line)
    return "\n".join(out)


def _spans_outside_code(line: str) -> str:
    code = [m.span() for m in CODE_SPAN_RE.finditer(line)]
    return SPAN_RE.sub(
        lambda m: m.group(0) if any(a <= m.start() < b for a, b in code) else _span(m), line
    )


def _span(m: re.Match[str]) -> str:
    attrs, words = m.group(2), m.group(1)
    anchor = ID_RE.search(attrs)
    lang = LANG_RE.search(attrs)
    if lang:
        words = f'<span lang="{lang.group(1)}">{words}</span>'
    return (f'<a name="{anchor.group(1)}"></a>' if anchor else "") + words


def kramdown_boxes(text: str) -> str:
    """Older lessons' boxes, a blockquote closed by '{: .challenge}' (kramdown), as
    '::: challenge' blocks; other '{: ...}' lines (kramdown attributes) are dropped."""
    out: list[str] = []
    lines = text.split("\n")
    for line, code in zip(lines, code_fence_mask(lines), strict=True):
        m = None if code else IAL_RE.match(line)
        if m is None:
            out.append(line)
            continue
        kind = next((c[1:] for c in m.group(1).split() if c[1:] in BOX_KINDS), None)
        start = len(out)
        while start > 0 and out[start - 1].lstrip().startswith(">"):
            start -= 1
        if kind is None or start == len(out):
            continue
        inner = [re.sub(r"^\s*> ?", "", q) for q in out[start:]]
        out[start:] = [f"::: {kind}", kramdown_boxes("\n".join(inner)), ":::"]
    return "\n".join(out)

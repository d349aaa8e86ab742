"""What a learner sees of some HTML, as comparable tokens: lists and their nesting, list
items, code blocks, headings, images (alt text), figure captions and the words between.

Used to compare the reader's rendering with the original renderer's (markdown-it for the
Wiki Education Dashboard, pandoc for the Carpentries Workbench) without comparing bytes:
paragraph wrappers, inline emphasis and spacing do not count.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

STRUCTURE = {"ul", "ol", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption",
             "table", "tr", "td", "th", "blockquote"}  # fmt: skip


class _Tokens(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[str] = []
        self.text = ""

    def _flush(self) -> None:
        words = re.sub(r"\s+", " ", self.text).strip()
        if words:
            self.tokens.append(words)
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in STRUCTURE:
            self._flush()
            self.tokens.append(f"<{tag}>")
        elif tag == "img":
            self._flush()
            self.tokens.append(f"img[{dict(attrs).get('alt') or ''}]")
        elif tag in ("p", "div", "br", "figure"):
            self.text += " "

    def handle_endtag(self, tag: str) -> None:
        if tag in STRUCTURE:
            self._flush()
            self.tokens.append(f"</{tag}>")
        elif tag in ("p", "div", "figure"):
            self.text += " "

    def handle_data(self, data: str) -> None:
        self.text += data


def tokens(html_text: str) -> list[str]:
    parser = _Tokens()
    parser.feed(html_text)
    parser.close()
    parser._flush()
    # Text split by ignored tags ('a <em>b</em> c') is one run of words.
    merged: list[str] = []
    for tok in parser.tokens:
        if (
            merged
            and not tok.startswith("<")
            and not tok.startswith("img[")
            and not (merged[-1].startswith("<") or merged[-1].startswith("img["))
        ):
            merged[-1] += " " + tok
        else:
            merged.append(tok)
    return merged


def markdown_it(text: str) -> list[str]:
    """What the Dashboard shows (markdown-it, CommonMark with HTML allowed)."""
    from markdown_it import MarkdownIt

    return tokens(MarkdownIt("commonmark", {"html": True}).render(text))


def pandoc_available() -> bool:
    return shutil.which("pandoc") is not None


def pandoc(text: str) -> list[str]:
    """What the Workbench shows (pandoc's Markdown to HTML5)."""
    done = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "html5", "--mathml"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return tokens(done.stdout)


def reader(text: str) -> list[str]:
    from kit.core.render import render_markdown

    return tokens(render_markdown(text))

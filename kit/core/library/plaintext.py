"""Markdown as plain text: the search index's rows (`index_rows`, written at install),
their normalisation (shared with queries) and short descriptions a reader sees as text
(`readable_text`).

Kept apart from kit.core.library.search so the library page (pack descriptions) can
use it without the search engine's modules, which are first needed by a search.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from kit.core import itemtypes

_ARABIC_MARKS = dict.fromkeys(
    [*range(0x610, 0x61B), *range(0x64B, 0x660), 0x670, *range(0x6D6, 0x6DD),
     *range(0x6DF, 0x6E9), *range(0x6EA, 0x6EE)]
)  # fmt: skip
_EMPHASIS = str.maketrans("", "", "*_`~")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_LINE = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|:::.*$)", re.MULTILINE)
_HTML_TAG = re.compile(r"<[^>]{0,200}>")


def normalise(text: str) -> str:
    if text.isascii():  # NFC, the marks and ё change nothing in ASCII (the install's hot path)
        return text
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_ARABIC_MARKS)
    return text.replace("ё", "е").replace("Ё", "Е")


def plain_text(markdown: str) -> str:
    """Markdown to readable text for the index and snippets (cheap, not a renderer)."""
    text = markdown
    if "](" in text:
        text = _MD_LINK.sub(r"\1", _MD_IMAGE.sub(r"\1", text))
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if "#" in text or ">" in text or ":::" in text:
        text = _MD_LINE.sub("", text)
    if "*" in text or "_" in text or "`" in text or "~" in text:
        return text.translate(_EMPHASIS)
    return text


_MD_LIST = re.compile(r"^(?:[-*+]|\d{1,3}[.)])[ \t]+")
_MD_FENCE = re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE)


def readable_text(markdown: str) -> str:
    """Markdown as the plain text a reader sees, for short descriptions shown as text:
    no marks, links as their words, list items as bullets, paragraphs kept."""
    text = plain_text(_MD_FENCE.sub("", markdown))
    if "&" in text:  # an entity: html (and its table of names) is loaded only then
        import html

        text = html.unescape(text)
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines: list[str] = []
        for raw in block.splitlines():
            line = " ".join(raw.split())
            if not line:
                continue
            bullet = _MD_LIST.match(line)
            if bullet:
                lines.append("• " + line[bullet.end() :])
            elif lines:
                lines[-1] += " " + line
            else:
                lines.append(line)
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def item_text(item: dict[str, Any]) -> str:
    """The searchable text of an item: summary, body, slides, questions and their answers
    (the fields kit.core.itemtypes sends to the text column)."""
    return normalise(plain_text("\n".join(itemtypes.index_texts(item, itemtypes.TEXT))))


def title_text(item: dict[str, Any]) -> str:
    """The item's title for the index's title column."""
    return normalise(" ".join(itemtypes.index_texts(item, itemtypes.TITLE)))


def index_rows(
    pack_id: str, items: list[dict[str, Any]], translations: dict[str, Any]
) -> list[tuple[str, str, str, str, str]]:
    rows = [(title_text(it), item_text(it), pack_id, it["id"], "") for it in items]
    for lang, entry in translations.items():
        for item_id, tr in (entry.get("items") or {}).items():
            rows.append((title_text(tr), item_text(tr), pack_id, item_id, lang))
    return rows

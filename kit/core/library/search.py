"""Full-text search (SQLite FTS5) over titles, lesson and slide text, and questions.

Text is normalised the same way for the index and for queries: NFC, Arabic vowel
marks (harakat) dropped, Cyrillic ё read as е. The tokenizer (see db.FTS_TOKENIZE)
folds case and Latin diacritics and keeps combining marks inside words, so Devanagari
words stay whole. Snippets therefore show Arabic without harakat.
"""

from __future__ import annotations

import html
import re
import sqlite3
import unicodedata
from typing import Any

_ARABIC_MARKS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]"
)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_NOISE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|:::.*$)|[*_`~]{1,3}", re.MULTILINE)
_HTML_TAG = re.compile(r"<[^>]{0,200}>")
START, END = "\x02", "\x03"


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _ARABIC_MARKS.sub("", text)
    return text.replace("ё", "е").replace("Ё", "Е")


def plain_text(markdown: str) -> str:
    """Markdown to readable text for the index and snippets (cheap, not a renderer)."""
    text = _MD_IMAGE.sub(r"\1", markdown)
    text = _MD_LINK.sub(r"\1", text)
    text = _HTML_TAG.sub(" ", text)
    return _MD_NOISE.sub("", text)


def item_text(item: dict[str, Any]) -> str:
    """The searchable text of an item: body, slides, questions and their answers."""
    parts = [item.get("summary") or "", item.get("body") or ""]
    parts += [s.get("body") or "" for s in item.get("slides") or []]
    for q in item.get("questions") or []:
        parts.append(q.get("prompt") or "")
        parts += [c.get("text") or "" for c in q.get("choices") or []]
    return normalise(plain_text("\n".join(p for p in parts if p)))


def index_rows(
    pack_id: str, items: list[dict[str, Any]], translations: dict[str, Any]
) -> list[tuple[str, str, str, str, str]]:
    rows = [(normalise(it["title"]), item_text(it), pack_id, it["id"], "") for it in items]
    for lang, entry in translations.items():
        for item_id, tr in (entry.get("items") or {}).items():
            rows.append((normalise(tr.get("title") or ""), item_text(tr), pack_id, item_id, lang))
    return rows


def fts_query(query: str) -> str:
    """A user's words as an FTS5 query: every word must match, the last as a prefix."""
    # Keep what the tokenizer keeps (letters, digits, marks); anything else separates.
    chars = [
        c if unicodedata.category(c)[0] in "LNM" or c in "\ue000" else " " for c in normalise(query)
    ]
    words = "".join(chars).split()
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _is_word_char(c: str) -> bool:
    category = unicodedata.category(c)
    return category[0] in "LNM" or category == "Co"


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    match = fts_query(query)
    if not match or limit <= 0:
        return []
    rows = conn.execute(
        f"""
        SELECT s.pack_id, s.item_id, s.lang, s.title, i.type, i.module_id, p.title,
               snippet(search_index, 1, '{START}', '{END}', '…', 12), bm25(search_index, 5.0, 1.0)
        FROM search_index s
        JOIN items i ON i.pack_id = s.pack_id AND i.id = s.item_id
        JOIN packs p ON p.id = s.pack_id
        WHERE search_index MATCH ? ORDER BY 9 LIMIT ?
        """,
        (match, limit * 2),
    ).fetchall()
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for pack_id, item_id, lang, title, itype, module_id, pack_title, snip, rank in rows:
        snip = " ".join(snip.split())
        if (pack_id, item_id) in seen:
            continue
        seen.add((pack_id, item_id))
        out.append(
            {
                "pack_id": pack_id,
                "item_id": item_id,
                "lang": lang or None,
                "title": title,
                "type": itype,
                "module_id": module_id,
                "pack_title": pack_title,
                "snippet": snip.replace(START, "[").replace(END, "]"),
                "snippet_html": html.escape(snip).replace(START, "<b>").replace(END, "</b>"),
                "rank": rank,
            }
        )
        if len(out) >= limit:
            break
    return out

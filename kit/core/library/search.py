"""Full-text search (SQLite FTS5) over titles, lesson and slide text, and questions.

Text is normalised the same way for the index and for queries: NFC, Arabic vowel
marks (harakat) dropped, Cyrillic ё read as е. The tokenizer (see db.FTS_TOKENIZE)
folds case and Latin diacritics and keeps combining marks inside words, so Devanagari
words stay whole. Snippets therefore show Arabic without harakat.
"""

from __future__ import annotations

import html
import json
import sqlite3
from typing import Any

from kit.core.library import ranking
from kit.core.library.plaintext import normalise
from kit.core.library.snippets import (
    END,
    START,
    Matcher,
    ascii_words,
    fold,
    is_word_char,
    make_snippet,
)
from kit.core.library.snippets import WORD as _WORDS

RANK_AT_MOST = 1000
PREFIX_MIN = 3


def query_words(query: str) -> list[str]:
    # Keep what the tokenizer keeps (letters, digits, marks); anything else separates.
    return "".join(c if is_word_char(c) else " " for c in normalise(query)).split()


THIN_WORDS = 12  # an item with fewer words of its own than this (a "watch online" stub)
FETCH_FACTOR = 3  # rows ranked per row returned, so stubs and copies can make room


# Read from the index's content table (FTS5's documented shadow table search_index_content:
# id = rowid, c0..c4 = title, text, pack_id, item_id, lang): a lookup through the FTS5
# table itself costs several times more per row.
_TEXTS = """
    SELECT c.id, c.c2, c.c3, c.c4, c.c0, c.c1
    FROM json_each(?) AS j CROSS JOIN search_index_content c ON c.id = j.value
"""
# What a result shows besides its text, read only for the rows on the page.
_META = """
    SELECT m.rowid, i.type, i.module_id, p.title
    FROM json_each(?) AS j
    CROSS JOIN search_map m ON m.rowid = j.value
    JOIN items i ON i.pack_id = m.pack_id AND i.id = m.item_id
    JOIN packs p ON p.id = m.pack_id
"""


def _ranked_rows(conn: sqlite3.Connection, words: list[str], limit: int) -> list[Any]:
    """The rows to show, best first: (rowid, pack_id, item_id, lang, title, text, rank).
    See library/ranking.py for how they are chosen."""
    read: dict[int, tuple[Any, ...]] = {}

    def fetch(ids: list[int]) -> dict[int, tuple[str, str]]:
        wanted = [i for i in ids if i not in read]
        if wanted:
            for row in conn.execute(_TEXTS, (json.dumps(wanted),)):
                read[row[0]] = row
        return {i: (read[i][4], read[i][5]) for i in ids if i in read}

    phrases = ranking.plan(conn, words, PREFIX_MIN)
    ranked = ranking.ranked_ids(conn, phrases, RANK_AT_MOST, limit * FETCH_FACTOR, fetch)
    fetch([rowid for rowid, _rank in ranked])
    return [(*read[rowid], rank) for rowid, rank in ranked if rowid in read]


def _meta(conn: sqlite3.Connection, rowids: list[int]) -> dict[int, tuple[str, str, str]]:
    """(type, module_id, pack_title) of index rows whose item and pack are there."""
    return {row[0]: row[1:] for row in conn.execute(_META, (json.dumps(rowids),))}


def is_thin(title: str, text: str) -> bool:
    """Whether an item has hardly any text of its own beyond its title (a video or link
    stub): such items match every word of their title and would otherwise rank first."""
    if text.isascii():
        return _is_thin_ascii(title, text)
    own = {fold(w) for w in _WORDS.findall(title)}
    count = 0
    for match in _WORDS.finditer(text):  # lazily: most texts are decided in a few words
        if fold(match.group()) not in own:
            count += 1
            if count >= THIN_WORDS:
                return False
    return True


def _is_thin_ascii(title: str, text: str) -> bool:
    """is_thin for ASCII text, whose words are ASCII letters and digits folded by
    lowercasing: read as bytes, a growing slice at a time, each cut between two words."""
    if title.isascii():
        own = set(ascii_words(title))
    else:  # only its words that fold to ASCII can be words of the text
        own = {w.encode() for w in map(fold, _WORDS.findall(title)) if w.isascii()}
    count, start, size = 0, 0, 128
    while start < len(text):
        end = start + size
        while end < len(text) and text[end].isalnum():
            end += 1
        for word in ascii_words(text[start:end]):
            if word not in own:
                count += 1
                if count >= THIN_WORDS:
                    return False
        start, size = end, size * 4
    return True


def _real_text_first(ranked: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The best `limit` of `ranked` (best first) with thin items after the others: the
    same as sorting by (thin, rank), but `is_thin` is decided only until `limit` items
    with real text are found."""
    real: list[dict[str, Any]] = []
    thin: list[dict[str, Any]] = []
    for result in ranked:
        result["thin"] = is_thin(result["title"], result["_text"])
        (thin if result["thin"] else real).append(result)
        if len(real) == limit:
            return real
    return (real + thin)[:limit]


COUNT_AT_MOST = RANK_AT_MOST  # index rows read to count; past them it is "more than N"


def count(conn: sqlite3.Connection, query: str) -> tuple[int, bool]:
    """How many items match `query` (every copy counted), and whether that is exact.

    Counting distinct items reads each matching row, so at most COUNT_AT_MOST rows are
    read (a few milliseconds): when more match, the count is a lower bound (False). The
    item of each row is read from search_map (kept with the index by rows.py), a small
    rowid table, instead of the index's content rows, which also hold all the text.
    """
    words = query_words(query)
    if not words:
        return 0, True
    try:
        found, rows = conn.execute(
            "SELECT count(DISTINCT m.pack_id || char(31) || m.item_id), count(*) FROM ("
            " SELECT rowid AS id FROM search_index WHERE search_index MATCH ? LIMIT ?) AS f"
            " JOIN search_map m ON m.rowid = f.id",
            (ranking.expression(ranking.plan(conn, words, PREFIX_MIN)), COUNT_AT_MOST + 1),
        ).fetchone()
    except sqlite3.OperationalError:
        return 0, True
    return int(found), int(rows) <= COUNT_AT_MOST


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """The best `limit` items for `query`: real text before stubs, identical copies
    (same title and text, e.g. a lesson shared by two packs) as one row whose
    `copies` lists the others as (pack_id, item_id)."""
    words = query_words(query)
    if not words or limit <= 0:
        return []
    # Ranking is exact up to RANK_AT_MOST matches; a broader query (words found in
    # most lessons) is ranked among its first RANK_AT_MOST matches, which keeps every
    # search within a few milliseconds. Snippets are made for the rows kept only.
    try:
        rows = _ranked_rows(conn, words, limit)
    except sqlite3.OperationalError:
        return []  # a query the index cannot answer (e.g. a phrase): nothing found
    best = _page(rows, limit)
    shown = [rowid for r in best for rowid in r["_rowids"]]  # with the copies'
    meta = _meta(conn, shown)
    if len(meta) < len(shown):  # a row whose item is gone (not in a sound library): left out
        meta = _meta(conn, [row[0] for row in rows])
        best = _page([row for row in rows if row[0] in meta], limit)
    matcher = Matcher(words, words[-1] if len(words[-1]) >= PREFIX_MIN else None)
    for result in best:
        result["type"], result["module_id"], result["pack_title"] = meta[result.pop("_rowids")[0]]
        snip = make_snippet(result.pop("_text"), matcher)
        result["snippet"] = snip.replace(START, "[").replace(END, "]")
        result["snippet_html"] = html.escape(snip).replace(START, "<b>").replace(END, "</b>")
    return best


def _page(rows: list[Any], limit: int) -> list[dict[str, Any]]:
    """The best `limit` results of ranked rows: each item once, identical copies folded
    into the first one's `copies`, real text before stubs."""
    kept: dict[tuple[str, str], dict[str, Any]] = {}  # (title, text) -> result
    seen: set[tuple[str, str]] = set()
    for rowid, pack_id, item_id, lang, title, text, rank in rows:
        if (pack_id, item_id) in seen:
            continue
        seen.add((pack_id, item_id))
        same = kept.get((title, text))
        if same is not None:
            same["copies"].append((pack_id, item_id))
            same["_rowids"].append(rowid)
            continue
        kept[(title, text)] = {
            "pack_id": pack_id,
            "item_id": item_id,
            "lang": lang or None,
            "title": title,
            "type": None,  # these three read for the page's rows only (_meta)
            "module_id": None,
            "pack_title": None,
            "rank": rank,
            "thin": None,  # decided by _real_text_first
            "copies": [],
            "_text": text,
            "_rowids": [rowid],
        }
    return _real_text_first(list(kept.values()), limit)

"""Which index rows a search ranks, and how, with work bounded as the library grows.

FTS5's bm25() first counts, for every query word, the rows that hold it, by reading the
word's whole list of rows. A rare word's list is short; a common word's is most of the
library, and reading it was most of a search's time. search_terms (library/terms.py)
says how many rows hold each word, so a search plans its query first:

- A typed prefix of 4 letters or more that stands for common words becomes those
  words, OR-ed ("expo*" -> "export" OR "exports"): FTS5 would otherwise merge the
  lists of every word under the prefix before returning the first row (3-letter
  prefixes have FTS5's own prefix index).
- Every word rare (in at most BROAD rows): bm25 over the first RANK_AT_MOST matches,
  as before.
- Some words rare, some common: the first RANK_AT_MOST rows matching every word are
  ranked by bm25 over the rare words only. bm25 gives a word in over half of the rows
  no weight at all, and little to one in many, so the order hardly changes.
- Every word common: the candidates are the first rows with a query word in their
  title and the first rows in index order; they are ranked here with bm25's own
  formula (weights, k1, b), the word counts taken from their text.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from kit.core.library import terms
from kit.core.library.snippets import WORD, fold

BROAD = 2_000  # a word in more rows than this is not counted by FTS5's bm25
NEARLY_ALL = 0.9  # common words in this share of rows: rare rows ranked without a check
EXPAND_AT_MOST = 64  # words a prefix may stand for; past that FTS5 expands it
PREFIX_INDEX = 3  # db: the index keeps prefixes of 3 characters
WEIGHTS = (5.0, 1.0)  # bm25(5.0, 1.0): title, text (db.m002_search_map)
K1, B = 1.2, 0.75  # FTS5's bm25 constants


@dataclass
class Phrase:
    """One query word as an FTS5 expression, the terms it matches (None: unknown,
    FTS5 expands it) and how many rows hold it at most."""

    expr: str
    terms: list[str] | None
    docs: int


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def plan(conn: sqlite3.Connection, words: list[str], prefix_min: int) -> list[Phrase]:
    """The query words as phrases; the last is a prefix when it has prefix_min+ chars."""
    rows = terms.row_count(conn)
    phrases = []
    for n, word in enumerate(words):
        term = terms.query_term(conn, word)
        if n < len(words) - 1 or len(word) < prefix_min:
            docs = terms.docs_of(conn, term) if term is not None else rows
            phrases.append(Phrase(_quoted(word), [term] if term else None, docs))
            continue
        if term is None or len(term) <= PREFIX_INDEX:
            docs = terms.prefix_docs(conn, term, rows) if term is not None else rows
            phrases.append(Phrase(_quoted(word) + "*", None, docs))
            continue
        found = terms.expand(conn, term, EXPAND_AT_MOST)
        if not found:  # None (too many words) or none at all: FTS5 decides
            docs = rows if found is None else 0
            phrases.append(Phrase(_quoted(word) + "*", None, docs))
            continue
        docs = min(rows, sum(n for _t, n in found))
        expr = _quoted(word) + "*"  # cheap while its words are rare, and one bm25 phrase
        if docs > BROAD:
            expr = "(" + " OR ".join(_quoted(t) for t, _n in found) + ")"
        phrases.append(Phrase(expr, [t for t, _n in found], docs))
    return phrases


def expression(phrases: list[Phrase]) -> str:
    return " AND ".join(p.expr for p in phrases)


def ranked_ids(
    conn: sqlite3.Connection,
    phrases: list[Phrase],
    at_most: int,
    wanted: int,
    fetch: Callable[[list[int]], dict[int, tuple[str, str]]],
) -> list[tuple[int, float]]:
    """The best `wanted` (rowid, rank) of the query, best (lowest rank) first.

    `fetch` gives the (title, text) of rows (the caller reads them for its results)."""
    rare = [p for p in phrases if p.docs <= BROAD]
    every = expression(phrases)
    if len(rare) == len(phrases):
        return conn.execute(
            "SELECT id, rank FROM (SELECT rowid AS id, rank FROM search_index"
            " WHERE search_index MATCH ? LIMIT ?) ORDER BY rank LIMIT ?",
            (every, at_most, wanted),
        ).fetchall()
    ids = [r[0] for r in conn.execute(_FIRST, (every, at_most if rare else wanted))]
    if not ids:
        return []
    if rare:
        # "+rowid": checked on each row of the rare words' list, not one FTS5 lookup
        # per id; rank is worked out only for the rows that pass (not sorted here:
        # FTS5 would rank every row of the list to sort them).
        share = math.prod(p.docs / max(1, terms.row_count(conn)) for p in phrases if p.docs > BROAD)
        if share >= NEARLY_ALL:
            # The common words are in nearly every row: ranking the few rows of the range
            # without them costs less than checking each row against the list of ids.
            # Same rows, same ranks (a row's rank does not depend on the others ranked).
            within = set(ids)
            found = [
                row
                for row in conn.execute(
                    "SELECT rowid, rank FROM search_index WHERE search_index MATCH ?"
                    " AND rowid BETWEEN ? AND ?",
                    (expression(rare), ids[0], ids[-1]),
                )
                if row[0] in within
            ]
        else:
            found = conn.execute(
                "SELECT rowid, rank FROM search_index WHERE search_index MATCH ?"
                " AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))",
                (expression(rare), ids[0], ids[-1], json.dumps(ids)),
            ).fetchall()
        return sorted(found, key=lambda r: r[1])[:wanted]
    titled = [
        r[0]
        for r in conn.execute(
            _FIRST, (f"({every}) AND {{title}} : ({' OR '.join(p.expr for p in phrases)})", wanted)
        )
    ]
    chosen = list(dict.fromkeys([*titled, *ids[:wanted]]))
    texts = fetch(chosen)
    scored = _score(phrases, texts, terms.row_count(conn))
    return sorted(scored.items(), key=lambda kv: kv[1])[:wanted]


_FIRST = "SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?"


def _score(phrases: list[Phrase], texts: dict[int, tuple[str, str]], rows: int) -> dict[int, float]:
    """bm25 as FTS5 works it out (weights 5 and 1), for rows whose words are all common."""
    idf = []
    for p in phrases:
        value = math.log((rows - p.docs + 0.5) / (p.docs + 0.5))
        idf.append(value if value > 0 else 1e-6)
    wanted = list(zip(idf, [_Needles(p) for p in phrases], strict=True))
    lengths = {rowid: _length(title) + _length(text) for rowid, (title, text) in texts.items()}
    avg = max(1.0, sum(lengths.values()) / max(1, len(lengths)))
    scores = {}
    for rowid, (title, text) in texts.items():
        norm = K1 * (1 - B + B * lengths[rowid] / avg)
        score = 0.0
        # Each column lowercased once for every phrase (None: not ASCII).
        low_title = title.lower() if title.isascii() else None
        low_text = text.lower() if text.isascii() else None
        for weight_idf, needles in wanted:
            freq = WEIGHTS[0] * needles.count(title, low_title) + WEIGHTS[1] * needles.count(
                text, low_text
            )
            score += weight_idf * freq * (K1 + 1) / (freq + norm)
        scores[rowid] = -score
    return scores


def _length(text: str) -> int:
    return text.count(" ") + 1 if text else 0


class _Needles:
    """How many words of a column a phrase matches: exactly as the tokenizer folds for
    ASCII text (found with str.find, much faster than a regex), roughly otherwise."""

    def __init__(self, phrase: Phrase) -> None:
        self.wanted = set(phrase.terms or [])
        self.prefix = None if phrase.terms else fold(phrase.expr.strip('"*').replace('""', '"'))
        self.needles = [(t, False) for t in self.wanted]
        if self.prefix:
            self.needles.append((self.prefix, True))

    def count(self, text: str, low: str | None) -> int:
        """Matches in `text`; `low` is text.lower() if the text is ASCII, else None."""
        found = 0
        if low is not None:
            end = len(low)
            for needle, is_prefix in self.needles:
                at = low.find(needle)
                while at >= 0:
                    after = at + len(needle)
                    if (at == 0 or not low[at - 1].isalnum()) and (
                        is_prefix or after == end or not low[after].isalnum()
                    ):
                        found += 1
                    at = low.find(needle, after)
            return found
        prefix = self.prefix
        for m in WORD.finditer(text):
            word = fold(m.group())
            if word in self.wanted or (prefix is not None and word.startswith(prefix)):
                found += 1
        return found

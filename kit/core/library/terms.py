"""How many index rows hold each word: the search index's vocabulary, kept by rows.py.

FTS5's bm25() counts the rows that hold each query word on every query, by reading
the word's whole list of rows: for a word found in most lessons that is most of the
cost of a search, and it grows with the library. The table search_terms keeps that
count per word (its "document frequency"), updated whenever index rows are written or
deleted, so search.py can tell a rare word from a common one and expand a typed prefix
into the words it stands for without reading any list of rows.

The words are exactly the terms FTS5 makes of the same text: ASCII text is split and
lowercased here (for ASCII, unicode61 keeps letters and digits and folds case, nothing
more); any other text goes through a scratch FTS5 table with the index's tokenizer,
whose vocabulary is read back. The row '' (never a term) holds the number of rows.
A whole pack's rows are counted by `counting` on a thread of its own, in a database of
its own in memory, while the installing thread writes the index: SQLite tokenizes there
with the GIL released, so the count costs the row thread nothing but the wait.
tests/test_library_terms.py checks the table against a recount by fts5vocab.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable

from kit.core.library.background import started

ROWS = ""  # search_terms' row for the number of index rows
# ASCII letters and digits lowercased, every other ASCII character a separator.
_ASCII_FOLD = {
    c: (chr(c).lower() if chr(c).isalnum() else " ") for c in range(128)
}  # fmt: skip
_SCRATCH = "search_terms_scratch"
# From this many rows on, `counting` counts on a thread of its own (below it, starting
# the thread and its database costs more than counting on the caller's thread).
BACKGROUND_ROWS = 200
# The scratch index keeps pending terms in memory up to this size before writing a
# segment: fewer segments to write and merge (its memory is freed with its database).
_SCRATCH_HASHSIZE = 64 * 1024 * 1024


def _scratch(conn: sqlite3.Connection) -> None:
    from kit.core.library.db import FTS_TOKENIZE

    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_SCRATCH} USING fts5("
        f'title, text, tokenize = "{FTS_TOKENIZE}", content = "", detail = none)'
    )
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_SCRATCH}_vocab "
        f"USING fts5vocab(temp, {_SCRATCH}, 'row')"
    )


def row_terms(conn: sqlite3.Connection, rows: Iterable[tuple[str, str]]) -> Counter[str]:
    """For (title, text) index rows: each term with the number of rows holding it,
    and ROWS with the number of rows."""
    docs: Counter[str] = Counter()
    other: list[tuple[str, str]] = []
    for title, text in rows:
        docs[ROWS] += 1
        if title.isascii() and text.isascii():
            docs.update(set(f"{title} {text}".translate(_ASCII_FOLD).split()))
        else:
            other.append((title, text))
    if other:
        _scratch(conn)
        conn.executemany(f"INSERT INTO temp.{_SCRATCH} (title, text) VALUES (?, ?)", other)
        docs.update(dict(conn.execute(f"SELECT term, doc FROM temp.{_SCRATCH}_vocab")))
        conn.execute(f"INSERT INTO temp.{_SCRATCH} ({_SCRATCH}) VALUES ('delete-all')")
    return docs


def _counted_apart(rows: list[tuple[str, str]]) -> Counter[str]:
    """row_terms, worked out in a database of its own in memory (any thread)."""
    from kit.core.library.db import FTS_TOKENIZE

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute(
            f'CREATE VIRTUAL TABLE s USING fts5(title, text, tokenize = "{FTS_TOKENIZE}",'
            ' content = "", detail = none)'
        )
        conn.execute(f"INSERT INTO s (s, rank) VALUES ('hashsize', {_SCRATCH_HASHSIZE})")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(s, 'row')")
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO s (title, text) VALUES (?, ?)", rows)
        docs: Counter[str] = Counter(dict(conn.execute("SELECT term, doc FROM v")))
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    docs[ROWS] = len(rows)
    return docs


def counting(conn: sqlite3.Connection, rows: list[tuple[str, str]]) -> Callable[[], Counter[str]]:
    """row_terms(conn, rows), started now; the returned function waits for the counts
    (and raises what counting raised). Many rows are counted on a thread of their own."""
    if len(rows) < BACKGROUND_ROWS:
        docs = row_terms(conn, rows)
        return lambda: docs
    return started(lambda: _counted_apart(rows), "kit-search-terms")


def add(conn: sqlite3.Connection, docs: Counter[str], sign: int = 1) -> None:
    """Add (sign 1) or take away (sign -1) row counts; words no row holds are dropped."""
    if not docs:
        return
    conn.executemany(
        "INSERT INTO search_terms (term, docs) VALUES (?, ?) "
        "ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs",
        [(term, sign * n) for term, n in docs.items()],
    )
    if sign < 0:
        conn.executemany(
            "DELETE FROM search_terms WHERE term = ? AND docs <= 0 AND term != ''",
            [(term,) for term in docs],
        )


def rebuild(conn: sqlite3.Connection) -> None:
    """Count every term of the index again (migration m010, and a check in tests)."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_index_vocab "
        "USING fts5vocab(main, search_index, 'row')"
    )
    conn.execute("DELETE FROM search_terms")
    conn.execute(
        "INSERT INTO search_terms (term, docs) SELECT term, doc FROM temp.search_index_vocab"
    )
    conn.execute("INSERT INTO search_terms (term, docs) SELECT '', count(*) FROM search_map")
    conn.execute("DROP TABLE temp.search_index_vocab")


def row_count(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT docs FROM search_terms WHERE term = ''").fetchone()
    return int(row[0]) if row else 0


def docs_of(conn: sqlite3.Connection, term: str) -> int:
    row = conn.execute("SELECT docs FROM search_terms WHERE term = ?", (term,)).fetchone()
    return int(row[0]) if row else 0


def expand(conn: sqlite3.Connection, prefix: str, at_most: int) -> list[tuple[str, int]] | None:
    """The terms that start with `prefix` and their row counts, most rows first; None
    when more than `at_most` terms do."""
    found = conn.execute(
        "SELECT term, docs FROM search_terms WHERE term >= ? AND term < ? LIMIT ?",
        (prefix, prefix + "\U0010ffff", at_most + 1),
    ).fetchall()
    if len(found) > at_most:
        return None
    return sorted(found, key=lambda t: -t[1])


def prefix_docs(conn: sqlite3.Connection, prefix: str, rows: int, at_most: int = 2000) -> int:
    """At most how many rows hold a term starting with `prefix` (`rows` past at_most terms)."""
    found = conn.execute(
        "SELECT count(*), sum(docs) FROM (SELECT docs FROM search_terms"
        " WHERE term >= ? AND term < ? LIMIT ?)",
        (prefix, prefix + "\U0010ffff", at_most + 1),
    ).fetchone()
    if found[0] > at_most:
        return rows
    return min(rows, int(found[1] or 0))


def query_term(conn: sqlite3.Connection, word: str) -> str | None:
    """The term FTS5 makes of one query word (None if it makes none or several)."""
    if word.isascii():
        parts = word.translate(_ASCII_FOLD).split()
    else:
        parts = [t for t in row_terms(conn, [(word, "")]) if t != ROWS]
    return parts[0] if len(parts) == 1 else None

"""Checking the library: the database, the search index and every stored file's hash."""

from __future__ import annotations

import sqlite3

from kit.core.fsutil import sha256_file
from kit.core.library.store import MediaStore


def verify(conn: sqlite3.Connection, store: MediaStore) -> list[str]:
    """Every problem found, one sentence each; an empty list means all is well."""
    problems: list[str] = []
    result = conn.execute("PRAGMA quick_check").fetchall()
    if [r[0] for r in result] != ["ok"]:
        problems.append(f"The library database is damaged: {result[0][0]}.")
    try:
        conn.execute("INSERT INTO search_index(search_index) VALUES('integrity-check')")
    except sqlite3.DatabaseError:
        problems.append("The search index is damaged.")
    users: dict[str, list[tuple[str, str, int]]] = {}
    for pack_id, path, sha, size in conn.execute(
        "SELECT pack_id, path, sha256, size FROM files ORDER BY pack_id, path"
    ):
        users.setdefault(sha, []).append((pack_id, path, size))
    for sha, uses in users.items():
        problem = _check_file(store, sha, uses[0][2])
        if problem:
            problems += [f"{pack_id}: {path} {problem}." for pack_id, path, _size in uses]
    for name, path in store.all_files():
        if name not in users:
            problems.append(f"The store holds a file no pack uses: {path}.")
    return problems


def _check_file(store: MediaStore, sha: str, size: int) -> str:
    path = store.path_for(sha)
    try:
        actual = path.stat().st_size
    except OSError:
        return "is missing from the media store"
    if actual != size:
        return f"is damaged in the media store ({actual} bytes instead of {size})"
    try:
        if sha256_file(path) != sha:
            return "is damaged in the media store (its SHA-256 differs)"
    except OSError as exc:
        return f"cannot be read from the media store ({exc.strerror or exc})"
    return ""

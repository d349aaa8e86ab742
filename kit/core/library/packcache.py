"""Recently read packs (modules and item lists), kept until the library database changes.

Opening an item reads its whole pack (every module and item title): for a pack of a few
hundred items that is most of a millisecond of queries and JSON. The reader asks for the
same pack at every Next, so the last few are kept here. An entry is valid only while the
database is unchanged: the stamp is the connection's own count of changed rows
(`total_changes`, which any install, removal or key change moves) and SQLite's
`PRAGMA data_version` (which moves when another process, such as the command line,
commits). Callers get a copy, so a caller changing its dict never changes the next answer.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from typing import Any

SIZE = 16  # packs kept (each is a few hundred small dicts at most)


def _copy(value: Any) -> Any:
    """A copy of a JSON-like value (dicts and lists copied, the rest shared)."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _copy_pack(pack: dict[str, Any]) -> dict[str, Any]:
    """A copy of get_pack's answer; its item entries hold only plain values (id, type,
    title, minutes), so a shallow copy of each is a whole one (they are most of a pack)."""
    return {
        key: [_copy_module(m) for m in value] if key == "modules" else _copy(value)
        for key, value in pack.items()
    }


def _copy_module(module: dict[str, Any]) -> dict[str, Any]:
    return {
        key: [dict(i) for i in value] if key == "items" else _copy(value)
        for key, value in module.items()
    }


class PackCache:
    """get_pack answers by (pack id, language), dropped whenever the database changed."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._stamp: tuple[int, int] | None = None
        self._packs: OrderedDict[tuple[str, str], dict[str, Any] | None] = OrderedDict()

    @staticmethod
    def stamp(conn: sqlite3.Connection) -> tuple[int, int]:
        row = conn.execute("PRAGMA data_version").fetchone()
        return int(row[0]), int(conn.total_changes)

    def get(
        self, conn: sqlite3.Connection, pack_id: str, lang: str | None, read: Any
    ) -> dict[str, Any] | None:
        """The pack from the cache, or `read(conn, pack_id, lang)` kept for next time."""
        stamp = self.stamp(conn)
        if stamp != self._stamp:
            self._packs.clear()
            self._stamp = stamp
        key = (pack_id, lang or "")
        if key in self._packs:
            self._packs.move_to_end(key)
        else:
            self._packs[key] = read(conn, pack_id, lang)
            while len(self._packs) > self.size:
                self._packs.popitem(last=False)
        pack = self._packs[key]
        return None if pack is None else _copy_pack(pack)

    def clear(self) -> None:
        self._packs.clear()
        self._stamp = None

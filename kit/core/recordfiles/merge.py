"""Merging records files into records.db: by stable id, idempotent, order-independent.

Every row is keyed by the random id it was made with, so a row already present (from an
earlier import, or the same event that came through another computer) is left as it is
and counted as "already present"; a new one is added. Profiles new to this computer
arrive without a PIN and as learners (PIN hashes and roles never travel); a profile
already here keeps its name, PIN and role. All files are read and checked first, then
everything is written in one transaction: a refused file changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.core.recordfiles.fileformat import RecordFileError, Rows, read_file
from kit.core.recordfiles.tables import TABLES
from kit.core.records import profiles, verbs
from kit.core.records.db import RecordsDB, RecordsError
from kit.core.records.events import MAX_ID_LENGTH, MAX_RESULT_BYTES
from kit.core.records.timeutil import parse_utc
from kit.i18n import _


@dataclass
class MergeResult:
    """Rows added and rows already present, per table."""

    added: dict[str, int] = field(default_factory=dict)
    present: dict[str, int] = field(default_factory=dict)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_present(self) -> int:
        return sum(self.present.values())


def _date_ok(value: Any) -> bool:
    try:
        parse_utc(value)
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def _id_ok(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_ID_LENGTH


def _profile_problem(row: dict[str, Any]) -> str | None:
    try:
        ok = (
            profiles.clean_name(row["name"]) == row["name"]
            and profiles.clean_language(row["language"]) == row["language"]
        )
    except RecordsError:
        ok = False
    if not ok or not _id_ok(row["id"]) or not profiles.COLOUR_RE.fullmatch(row["colour"]):
        return "profiles"
    return None if _date_ok(row["created"]) else "profiles.created"


def _event_problem(row: dict[str, Any]) -> str | None:
    if not (_id_ok(row["id"]) and _id_ok(row["profile_id"]) and _id_ok(row["device_id"])):
        return "events.id"
    if not verbs.allowed(row["verb"], row["object_type"]):
        return "events.verb"
    if row["object_type"] == verbs.ITEM:
        if not (_id_ok(row["pack_id"]) and _id_ok(row["item_id"])):
            return "events.pack_id"
    elif not _id_ok(row["object_id"]) or row["pack_id"] is not None:
        return "events.object_id"
    if row["context"] is not None and not _id_ok(row["context"]):
        return "events.context"
    if not _date_ok(row["at"]):
        return "events.at"
    result = row["result"]
    if len(result.encode("utf-8")) > MAX_RESULT_BYTES or not result.startswith("{"):
        return "events.result"
    return None


def _check(rows: Rows, label: str) -> None:
    checks = {"profiles": _profile_problem, "events": _event_problem}
    for table, check in checks.items():
        for row in rows.get(table, []):
            problem = check(row)
            if problem:
                raise RecordFileError(
                    _("{file} has a record Training Kit would not write ({what}).").format(
                        file=label, what=problem
                    )
                )
    for row in rows.get("profile_aliases", []):
        if row["keep_id"] == row["other_id"] or not _date_ok(row["at"]):
            raise RecordFileError(
                _("{file} has a record Training Kit would not write ({what}).").format(
                    file=label, what="profile_aliases"
                )
            )


def read_files(paths: Sequence[Path]) -> list[Rows]:
    """Every file read and checked (RecordFileError at the first refused one)."""
    found = []
    for path in paths:
        rows = read_file(path)
        _check(rows, path.name)
        found.append(rows)
    return found


def merge_rows(rdb: RecordsDB, batches: Sequence[Rows]) -> MergeResult:
    """Insert every row not yet present, all batches in one transaction."""
    result = MergeResult()
    with rdb.lock:
        cache = rdb.db.conn.execute("PRAGMA cache_size").fetchone()[0]
        # A large merge touches every page of the id index: keep them in memory meanwhile.
        rdb.db.conn.execute("PRAGMA cache_size=-65536")
        try:
            return _merge(rdb, batches, result)
        finally:
            rdb.db.conn.execute(f"PRAGMA cache_size={int(cache)}")


def _merge(rdb: RecordsDB, batches: Sequence[Rows], result: MergeResult) -> MergeResult:
    try:
        with rdb.write() as db:
            for table in TABLES:
                columns = list(table.names)
                values = [
                    [row[c] for c in columns]
                    for rows in batches
                    for row in rows.get(table.name, [])
                ]
                values.sort(key=lambda v: str(v[0]))  # by id: the unique index is filled in order
                if table.name == "profiles":
                    columns.append("name_key")
                    for v in values:
                        v.append(profiles.name_key(v[1]))
                sql = (
                    f"INSERT INTO {table.name} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))}) ON CONFLICT DO NOTHING"
                )
                added = db.conn.executemany(sql, values).rowcount if values else 0
                result.added[table.name] = max(added, 0)
                result.present[table.name] = len(values) - max(added, 0)
    except sqlite3.IntegrityError as exc:
        raise RecordFileError(
            _(
                "The records file does not fit these records ({reason}); nothing was imported."
            ).format(reason=str(exc)[:120])
        ) from None
    return result


def import_files(rdb: RecordsDB, paths: Sequence[Path]) -> MergeResult:
    """Read, check and merge `paths` (RecordFileError, and nothing changed, when refused)."""
    return merge_rows(rdb, read_files(paths))

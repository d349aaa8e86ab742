"""Choosing the rows that go into a records file (`export_records`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from kit.core.errors import KitError
from kit.core.recordfiles.fileformat import Rows, write_file
from kit.core.recordfiles.joins import canonical_map
from kit.core.recordfiles.tables import TABLES
from kit.core.records.db import RecordsDB
from kit.i18n import _

# table -> (column that names its workshop, or its parent: (parent table, column))
_BY_WORKSHOP = (
    "workshop_sessions", "workshop_participants", "workshop_checkins", "workshop_delivered",
    "workshop_room_questions", "workshop_prepost", "workshop_prepost_responses",
    "workshop_feedback",
)  # fmt: skip
# table -> its time column, for --since ("day" columns hold a date only)
_SINCE = {
    "events": "at",
    "workshop_checkins": "at",
    "workshop_delivered": "started",
    "workshop_room_responses": "at",
    "workshop_prepost_responses": "day",
    "needs_responses": "day",
}


def parse_since(text: str) -> str:
    """A date like 2026-11-01 as the stored text it compares with (KitError if wrong)."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise KitError(_("{date} is not a date like 2026-11-01.").format(date=text[:40])) from None
    return f"{day.isoformat()}T00:00:00.000000Z"


def _in(column: str, values: Sequence[str]) -> tuple[str, list[Any]]:
    if not values:
        return "0", []
    return f"{column} IN ({', '.join('?' * len(values))})", list(values)


def _since(table: str, since: str | None) -> tuple[list[str], list[Any]]:
    if table == "needs_answers" and since:
        return ["response_id IN (SELECT id FROM needs_responses WHERE day >= ?)"], [since[:10]]
    if table not in _SINCE or not since:
        return [], []
    column = _SINCE[table]
    return [f"{column} >= ?"], [since[:10] if column == "day" else since]


def _chosen(
    table: str, wanted: list[str], workshops: list[str], rows: Rows
) -> tuple[str, list[Any]]:
    """The condition that keeps `table` to the chosen profiles and their workshops."""
    if table in ("profiles", "events"):
        return _in("id" if table == "profiles" else "profile_id", wanted)
    if table == "profile_aliases":
        a, pa = _in("keep_id", wanted)
        b, pb = _in("other_id", wanted)
        return f"({a} OR {b})", pa + pb
    if table == "workshops":
        return _in("id", workshops)
    if table in _BY_WORKSHOP:
        return _in("workshop_id", workshops)
    if table == "workshop_items":
        return _in("session_id", [r["id"] for r in rows.get("workshop_sessions", [])])
    if table == "workshop_room_responses":
        return _in("question_id", [r["id"] for r in rows.get("workshop_room_questions", [])])
    return "0", []  # anonymous needs responses travel only with all records


def _wanted(rdb: RecordsDB, profile_ids: Sequence[str]) -> list[str]:
    """The chosen profiles and every profile joined to one of them."""
    mapping = canonical_map(rdb)
    present = {str(r[0]) for r in rdb.query("SELECT id FROM profiles")}
    for pid in profile_ids:
        if pid not in present:
            raise KitError(_("There is no profile with the id {id}.").format(id=pid[:40]))
    heads = {mapping.get(p, p) for p in profile_ids}
    return sorted({p for p in present if mapping.get(p, p) in heads})


def collect(rdb: RecordsDB, profile_ids: Sequence[str] | None, since: str | None) -> Rows:
    """The rows of a records file: all records, or those of `profile_ids` (with every
    profile joined to them) and the workshops they took part in; since `since`."""
    wanted = _wanted(rdb, profile_ids) if profile_ids is not None else []
    workshops: list[str] = []
    if profile_ids is not None:
        sql, params = _in("profile_id", wanted)
        found = rdb.query(
            f"SELECT DISTINCT workshop_id FROM workshop_participants WHERE {sql}", params
        )
        workshops = sorted(str(r[0]) for r in found)
    rows: Rows = {}
    for table in TABLES:
        clauses, params = _since(table.name, since)
        if profile_ids is not None:
            sql, extra = _chosen(table.name, wanted, workshops, rows)
            clauses, params = [*clauses, sql], params + extra
        where = " AND ".join(clauses) or "1"
        found = rdb.query(
            f"SELECT {', '.join(table.names)} FROM {table.name} WHERE {where}", params
        )
        rows[table.name] = [dict(r) for r in found]
    return rows


def export_records(
    rdb: RecordsDB,
    dest: Path,
    *,
    profile_ids: Sequence[str] | None = None,
    since: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> dict[str, int]:
    """Write a records file to `dest`; returns the rows written per table."""
    rows = collect(rdb, profile_ids, since)
    try:
        write_file(dest, rows, rdb.device_id, progress=progress, cancel=cancel)
    except OSError as exc:
        raise KitError(
            _("Could not write {file} ({reason}).").format(file=dest, reason=exc.strerror or exc)
        ) from exc
    return {t: len(v) for t, v in rows.items()}

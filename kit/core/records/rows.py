"""Whether every row of a records database holds values Training Kit itself would write.

The schema check (`schema`) keeps a crafted backup from bringing its own triggers or
tables; this keeps it from bringing rows the app would choke on later: a date that
cannot be read (the start screen could not list profiles), a name with control
characters, an unknown verb, a PIN hash whose cost would stall every sign-in. Each
problem is one phrase naming the row and the column; [] when every row is sound.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from kit.core.records import profiles, verbs
from kit.core.records.db import RecordsError
from kit.core.records.events import MAX_ID_LENGTH, MAX_RESULT_BYTES
from kit.core.records.timeutil import parse_utc
from kit.i18n import _

HASH_RE = re.compile(r"scrypt\$(\d+)\$(\d+)\$(\d+)\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}")
LIMIT = 3  # problems reported per table: enough to say what is wrong


def _text(value: Any, longest: int = MAX_ID_LENGTH) -> bool:
    return isinstance(value, str) and 0 < len(value) <= longest


def _date(value: Any) -> bool:
    try:
        return isinstance(value, str) and parse_utc(value) is not None
    except ValueError:
        return False


def _accepted(check: Callable[[Any], Any], value: Any) -> bool:
    try:
        return check(value) == value
    except (RecordsError, TypeError):
        return False


def _pin_hash(value: Any) -> bool:
    if value is None:
        return True
    match = HASH_RE.fullmatch(value) if isinstance(value, str) else None
    if not match:
        return False
    n, r, p = (int(g) for g in match.groups())
    return 2**10 <= n <= 2**17 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4


def _result(value: Any) -> bool:
    if not isinstance(value, str) or len(value.encode("utf-8")) > MAX_RESULT_BYTES:
        return False
    try:
        return isinstance(json.loads(value), dict)
    except ValueError:
        return False


PROFILE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "id": _text,
    "name": lambda v: _accepted(profiles.clean_name, v),
    "colour": lambda v: isinstance(v, str) and bool(profiles.COLOUR_RE.fullmatch(v)),
    "language": lambda v: _accepted(profiles.clean_language, v),
    "created": _date,
    "pin_hash": _pin_hash,
}


def _event_checks(row: sqlite3.Row) -> Iterator[str]:
    for column in ("id", "profile_id", "device_id"):
        if not _text(row[column]):
            yield column
    if not verbs.allowed(row["verb"], row["object_type"]):
        yield "verb"
    if row["object_type"] == verbs.ITEM:
        if not (_text(row["pack_id"]) and _text(row["item_id"])):
            yield "pack_id"
    elif not _text(row["object_id"]) or row["pack_id"] is not None:
        yield "object_id"
    if row["context"] is not None and not _text(row["context"]):
        yield "context"
    if not _date(row["at"]):
        yield "at"
    if not _result(row["result"]):
        yield "result"


def _throttle_ok(row: sqlite3.Row) -> bool:
    def number(v: Any) -> bool:
        return isinstance(v, int | float) and not isinstance(v, bool) and v >= 0

    return (
        isinstance(row["failures"], int)
        and row["failures"] >= 0
        and number(row["wait"])
        and (row["anchor"] is None or number(row["anchor"]))
        and isinstance(row["boot_id"], str)
    )


def problems(conn: sqlite3.Connection) -> list[str]:
    """Rows of a database at the current schema that the app would not have written."""
    conn.row_factory = sqlite3.Row
    try:
        return _profile_problems(conn) + _event_problems(conn) + _throttle_problems(conn)
    finally:
        conn.row_factory = None


def _profile_problems(conn: sqlite3.Connection) -> list[str]:
    found = []
    for row in conn.execute("SELECT * FROM profiles"):
        bad = [column for column, ok in PROFILE_CHECKS.items() if not ok(row[column])]
        if not bad and row["name_key"] != profiles.name_key(row["name"]):
            bad = ["name_key"]
        if bad:
            found.append(
                _("the profile {id} has a value Training Kit would not write ({column})").format(
                    id=str(row["id"])[:40], column=bad[0]
                )
            )
            if len(found) == LIMIT:
                break
    return found


def _event_problems(conn: sqlite3.Connection) -> list[str]:
    found = []
    for row in conn.execute("SELECT * FROM events ORDER BY seq"):
        bad = next(_event_checks(row), None)
        if bad:
            found.append(
                _("the event {id} has a value Training Kit would not write ({column})").format(
                    id=str(row["id"])[:40], column=bad
                )
            )
            if len(found) == LIMIT:
                break
    return found


def _throttle_problems(conn: sqlite3.Connection) -> list[str]:
    for row in conn.execute("SELECT * FROM pin_throttle"):
        if not _throttle_ok(row):
            return [_("the PIN lock of {id} has a value Training Kit would not write").format(
                id=str(row["profile_id"])[:40]
            )]  # fmt: skip
    return []

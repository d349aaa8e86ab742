"""Append-only learner events, from which all progress is derived.

An event says that a profile did something (a verb from `verbs.REGISTRY`) to an
object: most often one item of one pack (``viewed`` a lesson, ``answered`` a question,
``completed`` an activity, ``passed`` or ``failed`` a quiz attempt), identified by the
stable pair (pack_id, item_id), so installing, updating or removing content never
touches records. An event may instead be about a workshop session or a poll
(`object_type`, `object_id`; no pack or item), and may name the workshop or session it
happened in (`context`). Events are never changed (a trigger refuses UPDATE) and are
deleted only together with their profile. Each has a random UUID, so events recorded
on different computers can later be merged without clashes.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kit.core.itemtypes import passed
from kit.core.records import verbs
from kit.core.records.db import RecordsDB, RecordsError
from kit.core.records.profiles import ProfileNotFound
from kit.core.records.timeutil import parse_utc, utc_now_text
from kit.i18n import _

VIEWED = "viewed"
STARTED = "started"
ANSWERED = "answered"
COMPLETED = "completed"
PASSED = "passed"
FAILED = "failed"
VERBS = verbs.NAMES
MAX_RESULT_BYTES = 64 * 1024
MAX_ID_LENGTH = 200


@dataclass(frozen=True)
class Event:
    """One recorded learner action. `result` is the decoded JSON object."""

    id: str
    profile_id: str
    pack_id: str | None
    item_id: str | None
    verb: str
    result: dict[str, Any]
    at: datetime
    device_id: str
    object_type: str = verbs.ITEM
    object_id: str | None = None  # for objects other than items
    context: str | None = None  # the workshop or session it happened in, if any


def _check_ref(value: str, what: str) -> str:
    text = str(value)
    if not text or len(text) > MAX_ID_LENGTH:
        raise RecordsError(_("An event needs a {what} of 1 to 200 characters.").format(what=what))
    return text


def encode_result(result: Mapping[str, Any] | None) -> str:
    """`result` as compact JSON text; RecordsError when it is not plain JSON data."""
    if result is None:
        return "{}"
    if not isinstance(result, Mapping):
        raise RecordsError(_("An event result must be a mapping of names to values."))
    try:
        text = json.dumps(dict(result), ensure_ascii=False, allow_nan=False, sort_keys=True)
    except (TypeError, ValueError) as exc:
        raise RecordsError(_("An event result must be plain JSON data.")) from exc
    if len(text.encode("utf-8")) > MAX_RESULT_BYTES:
        raise RecordsError(_("An event result is too large."))
    return text


def append_event(
    rdb: RecordsDB,
    profile_id: str,
    pack_id: str,
    item_id: str,
    verb: str,
    result: Mapping[str, Any] | None = None,
    context: str | None = None,
) -> Event:
    """Record an event about a pack item; returns only once it is on stable storage.

    Example::

        append_event(rdb, profile.id, "first-aid", "burns-quiz", "answered",
                     {"question": "q1", "response": "b", "correct": True})
    """
    return append_events(rdb, profile_id, pack_id, item_id, [(verb, result)], context)[0]


def append_events(
    rdb: RecordsDB,
    profile_id: str,
    pack_id: str,
    item_id: str,
    entries: Sequence[tuple[str, Mapping[str, Any] | None]],
    context: str | None = None,
) -> list[Event]:
    """Record several (verb, result) events of one item in one durable commit: all or none."""
    target = (verbs.ITEM, None, _check_ref(pack_id, "pack id"), _check_ref(item_id, "item id"))
    return _append(rdb, profile_id, target, entries, context)


def append_object_event(
    rdb: RecordsDB,
    profile_id: str,
    object_type: str,
    object_id: str,
    verb: str,
    result: Mapping[str, Any] | None = None,
    context: str | None = None,
) -> Event:
    """Record an event about something other than a pack item (a workshop session, a
    poll), e.g. ``append_object_event(rdb, ana.id, "workshop_session", sid, "attended")``."""
    if object_type not in verbs.OBJECT_TYPES or object_type == verbs.ITEM:
        raise RecordsError(_("{kind} is not a kind of event object.").format(kind=object_type))
    target = (object_type, _check_ref(object_id, "object id"), None, None)
    return _append(rdb, profile_id, target, [(verb, result)], context)[0]


def _append(
    rdb: RecordsDB,
    profile_id: str,
    target: tuple[str, str | None, str | None, str | None],
    entries: Sequence[tuple[str, Mapping[str, Any] | None]],
    context: str | None,
) -> list[Event]:
    object_type, object_id, pack_id, item_id = target
    where = None if context is None else _check_ref(context, "context")
    import uuid  # here: uuid imports platform, which the app's start does not need

    rows = []
    for verb, result in entries:
        if verb not in VERBS:
            raise RecordsError(_("{verb} is not a kind of learner event.").format(verb=verb))
        if not verbs.allowed(verb, object_type):
            raise RecordsError(
                _("{verb} is not a verb for {kind} events.").format(verb=verb, kind=object_type)
            )
        rows.append(
            [
                uuid.uuid4().hex,
                str(profile_id),
                pack_id,
                item_id,
                verb,
                encode_result(result),
                utc_now_text(),
                rdb.device_id,
                object_type,
                object_id,
                where,
            ]
        )
    with rdb.write() as db:
        known = db.conn.execute("SELECT 1 FROM profiles WHERE id = ?", [str(profile_id)]).fetchone()
        if not known:
            raise ProfileNotFound(_("That profile no longer exists."))
        db.conn.executemany(
            f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
            rows,
        )
    return [to_event(dict(zip(COLUMNS, values, strict=True))) for values in rows]


COLUMNS = (
    "id", "profile_id", "pack_id", "item_id", "verb", "result", "at", "device_id",
    "object_type", "object_id", "context",
)  # fmt: skip


def to_event(row: Mapping[str, Any] | sqlite3.Row) -> Event:
    try:
        result = json.loads(row["result"])
    except ValueError:
        result = {}
    return Event(
        id=row["id"],
        profile_id=row["profile_id"],
        pack_id=row["pack_id"],
        item_id=row["item_id"],
        verb=row["verb"],
        result=result if isinstance(result, dict) else {},
        at=parse_utc(row["at"]),
        device_id=row["device_id"],
        object_type=row["object_type"],
        object_id=row["object_id"],
        context=row["context"],
    )


def events_for(
    rdb: RecordsDB,
    profile_id: str,
    pack_id: str | None = None,
    item_id: str | None = None,
) -> list[Event]:
    """The profile's events, oldest first (in the order this computer recorded them).

    Optionally only those of one pack, or of one item of a pack. There is deliberately
    no way to read all profiles' events at once.
    """
    sql = f"SELECT {', '.join(COLUMNS)} FROM events WHERE profile_id = ?"
    params: list[Any] = [str(profile_id)]
    if pack_id is not None:
        sql += " AND pack_id = ?"
        params.append(pack_id)
        if item_id is not None:
            sql += " AND item_id = ?"
            params.append(item_id)
    return [to_event(r) for r in rdb.query(sql + " ORDER BY seq", params)]


def event_ids(rdb: RecordsDB, profile_id: str) -> set[str]:
    """The ids of the profile's events (cheap; for checks and merges)."""
    rows = rdb.query("SELECT id FROM events WHERE profile_id = ?", [str(profile_id)])
    return {r["id"] for r in rows}


def quiz_result(score: float, pass_mark: float, **extra: Any) -> tuple[str, dict[str, Any]]:
    """The verb and result of a finished quiz attempt: ("passed"|"failed", {...}).

    Passed as kit.core.itemtypes.passed decides: `score` (0-100) at or above `pass_mark`.
    """
    if not (math.isfinite(score) and math.isfinite(pass_mark)):
        raise RecordsError(_("A quiz score must be a number."))
    verb = PASSED if passed(score, pass_mark) else FAILED
    return verb, {**extra, "score": float(score), "pass_mark": float(pass_mark)}

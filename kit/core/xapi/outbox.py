"""What waits to go to a Learning Record Store, and what has gone.

Nothing is copied into a queue: every learner event and every workshop check-in
("attended", "attended-on-paper") is a statement, and it waits until the LRS has it,
that is until xapi_deliveries has a row (lrs, 'event:ID' or 'checkin:ID'). Delivery
rows and push attempts are append-only; the records themselves are never touched.
A check-in taken back later ("unmarked") is not withdrawn from the LRS.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kit.core.records.db import RecordsDB
from kit.core.records.events import COLUMNS, to_event
from kit.core.records.timeutil import utc_now_text
from kit.core.xapi import statements

_EVENTS_WAITING = (
    "FROM events e WHERE NOT EXISTS (SELECT 1 FROM xapi_deliveries d"
    " WHERE d.lrs = ? AND d.record = 'event:' || e.id)"
)
_CHECKINS_WAITING = (
    "FROM workshop_checkins c LEFT JOIN workshop_participants p ON p.id = c.participant_id"
    " WHERE c.verb IN ('attended', 'attended-on-paper') AND NOT EXISTS (SELECT 1 FROM"
    " xapi_deliveries d WHERE d.lrs = ? AND d.record = 'checkin:' || c.id)"
)


@dataclass(frozen=True)
class Attempt:
    at: str
    sent: int
    error: str


@dataclass(frozen=True)
class Waiting:
    events: int
    checkins: int

    @property
    def total(self) -> int:
        return self.events + self.checkins


class Outbox:
    """The statements of `rdb` not yet delivered to the LRS named `lrs` (its address)."""

    def __init__(
        self,
        rdb: RecordsDB,
        lrs: str,
        home_page: str,
        activity_base: str = statements.DEFAULT_ACTIVITY_BASE,
    ) -> None:
        self.rdb = rdb
        self.lrs = lrs
        self.home_page = home_page
        self.base = activity_base

    def waiting(self) -> Waiting:
        events = self.rdb.query(f"SELECT count(*) {_EVENTS_WAITING}", [self.lrs])[0][0]
        checkins = self.rdb.query(f"SELECT count(*) {_CHECKINS_WAITING}", [self.lrs])[0][0]
        return Waiting(int(events), int(checkins))

    def next_batch(self, size: int) -> list[tuple[str, dict[str, Any]]]:
        """Up to `size` waiting (record key, statement) pairs, oldest first."""
        cols = ", ".join(f"e.{c}" for c in COLUMNS)
        rows = self.rdb.query(
            f"SELECT {cols} {_EVENTS_WAITING} ORDER BY e.seq LIMIT ?", [self.lrs, size]
        )
        out = [
            (f"event:{r['id']}", statements.from_event(to_event(r), self.home_page, self.base))
            for r in rows
        ]
        if len(out) < size:
            rows = self.rdb.query(
                "SELECT c.id, c.workshop_id, c.session_id, c.participant_id, c.at, p.profile_id"
                f" {_CHECKINS_WAITING} ORDER BY c.seq LIMIT ?",
                [self.lrs, size - len(out)],
            )
            out += [
                (f"checkin:{r['id']}", statements.from_checkin(r, self.home_page, self.base))
                for r in rows
            ]
        return out

    def mark_delivered(self, records: Iterable[str]) -> None:
        now = utc_now_text()
        with self.rdb.write() as db:
            db.conn.executemany(
                "INSERT OR IGNORE INTO xapi_deliveries (lrs, record, at) VALUES (?, ?, ?)",
                [(self.lrs, key, now) for key in records],
            )

    def delivered_count(self) -> int:
        rows = self.rdb.query("SELECT count(*) FROM xapi_deliveries WHERE lrs = ?", [self.lrs])
        return int(rows[0][0])

    def log_attempt(self, sent: int, error: str = "") -> None:
        with self.rdb.write() as db:
            db.execute(
                "INSERT INTO xapi_attempts (lrs, at, sent, error) VALUES (?, ?, ?, ?)",
                [self.lrs, utc_now_text(), int(sent), error],
            )

    def last_attempt(self) -> Attempt | None:
        rows = self.rdb.query(
            "SELECT at, sent, error FROM xapi_attempts WHERE lrs = ? ORDER BY seq DESC LIMIT 1",
            [self.lrs],
        )
        return Attempt(rows[0]["at"], int(rows[0]["sent"]), rows[0]["error"]) if rows else None

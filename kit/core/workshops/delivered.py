"""The agenda as delivered: when each item was actually presented.

The presenter records one row per item it moved away from (started, ended, UTC). Rows
are append-only (a trigger refuses UPDATE and DELETE) and durable when `record`
returns, like check-ins; an item presented twice has two rows, and `actual_minutes`
adds them up, so the report can set planned against actual times.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kit.core.records.db import RecordsDB
from kit.core.workshops.model import WorkshopError, new_id
from kit.i18n import _


@dataclass(frozen=True)
class Delivery:
    id: str
    workshop_id: str
    session_id: str
    item_id: str
    started: str  # ISO 8601, UTC
    ended: str

    @property
    def seconds(self) -> float:
        return max(0.0, (_moment(self.ended) - _moment(self.started)).total_seconds())


def _moment(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise WorkshopError(
            _("The time {value} is not a date and time.").format(value=text)
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class Deliveries:
    """Delivered times of the workshops in one records.db.

    Example::

        log = Deliveries(records.rdb)
        log.record(shop.id, session.id, item.id, started, ended)
        log.actual_minutes(shop.id)  # {item id: minutes}
    """

    def __init__(self, rdb: RecordsDB) -> None:
        self.rdb = rdb

    def record(
        self,
        workshop_id: str,
        session_id: str,
        item_id: str,
        started: dt.datetime,
        ended: dt.datetime,
    ) -> Delivery:
        """Keep that `item_id` of `session_id` was presented from `started` to `ended`."""
        if ended < started:
            raise WorkshopError(_("An item cannot end before it started."))
        row = Delivery(
            id=new_id(),
            workshop_id=workshop_id,
            session_id=session_id,
            item_id=item_id,
            started=_utc(started),
            ended=_utc(ended),
        )
        with self.rdb.write() as db:
            known = db.conn.execute(
                "SELECT 1 FROM workshop_sessions WHERE id = ? AND workshop_id = ?",
                [session_id, workshop_id],
            ).fetchone()
            if known is None:
                raise WorkshopError(_("That session is not in this workshop's agenda."))
            db.execute(
                "INSERT INTO workshop_delivered (id, workshop_id, session_id, item_id,"
                " started, ended, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    row.id,
                    workshop_id,
                    session_id,
                    item_id,
                    row.started,
                    row.ended,
                    self.rdb.device_id,
                ],
            )
        return row

    def of(self, workshop_id: str, session_id: str | None = None) -> list[Delivery]:
        sql = "SELECT * FROM workshop_delivered WHERE workshop_id = ?"
        params = [workshop_id]
        if session_id is not None:
            sql += " AND session_id = ?"
            params.append(session_id)
        return [
            Delivery(
                id=str(r["id"]),
                workshop_id=str(r["workshop_id"]),
                session_id=str(r["session_id"]),
                item_id=str(r["item_id"]),
                started=str(r["started"]),
                ended=str(r["ended"]),
            )
            for r in self.rdb.query(sql + " ORDER BY seq", params)
        ]

    def actual_minutes(self, workshop_id: str) -> dict[str, float]:
        """Minutes each item was presented, all its deliveries added up."""
        totals: dict[str, float] = {}
        for d in self.of(workshop_id):
            totals[d.item_id] = totals.get(d.item_id, 0.0) + d.seconds / 60
        return totals


def _utc(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")

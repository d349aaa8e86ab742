"""Workshops kept in records.db, with the durability of learner records.

Every write is one transaction on `RecordsDB.write()` (WAL, synchronous=FULL), so a
call that returns has its change on stable storage: an acknowledged check-in survives
``kill -9``. Check-ins are append-only rows; the agenda is saved whole, keeping the
ids of sessions and items so check-ins still point at their session.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

from kit.core.records.db import RecordsDB
from kit.core.records.timeutil import utc_now_text
from kit.core.workshops.attendance import ATTENDED, Attendance, CheckIn, Participant
from kit.core.workshops.checks import own_ids, validate
from kit.core.workshops.model import (
    AgendaItem,
    Workshop,
    WorkshopError,
    WorkshopSession,
    new_id,
)
from kit.i18n import _

__all__ = ["ATTENDED", "CheckIn", "Participant", "Workshops"]


class Workshops(Attendance):
    """The workshops of one records.db.

    Example::

        shops = Workshops(records.rdb)
        shop = shops.save(Workshop(title="Wiki editing", sessions=template_day(1)))
        ana = shops.add_participant(shop.id, "Ana", wiki_username="AnaW")
        shops.check_in(shop.id, shop.sessions[0].id, [ana.id])
    """

    def __init__(self, rdb: RecordsDB) -> None:
        self.rdb = rdb

    def save(self, workshop: Workshop) -> Workshop:
        """Create or replace a workshop and its whole agenda (ids kept)."""
        with self.rdb.write() as db:
            shop = own_ids(db.conn, validate(workshop))
            db.execute(
                "INSERT INTO workshops (id, title, starts, ends, place, language, facilitators,"
                " description, archived, creates_accounts, materials, created)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                " starts = excluded.starts, ends = excluded.ends, place = excluded.place,"
                " language = excluded.language, facilitators = excluded.facilitators,"
                " description = excluded.description, archived = excluded.archived,"
                " creates_accounts = excluded.creates_accounts, materials = excluded.materials",
                [
                    shop.id,
                    shop.title,
                    shop.starts,
                    shop.ends,
                    shop.place,
                    shop.language,
                    json.dumps(list(shop.facilitators), ensure_ascii=False),
                    shop.description,
                    int(shop.archived),
                    int(shop.creates_accounts),
                    json.dumps(list(shop.materials)),
                    utc_now_text(),
                ],
            )
            self._save_agenda(db.conn, shop)
        return self.get(shop.id)

    def _save_agenda(self, conn: sqlite3.Connection, shop: Workshop) -> None:
        conn.execute(
            "DELETE FROM workshop_items WHERE session_id IN "
            "(SELECT id FROM workshop_sessions WHERE workshop_id = ?)",
            [shop.id],
        )
        conn.execute("DELETE FROM workshop_sessions WHERE workshop_id = ?", [shop.id])
        for pos, s in enumerate(shop.sessions):
            conn.execute(
                "INSERT INTO workshop_sessions (id, workshop_id, position, day, start, slot, title)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [s.id, shop.id, pos, s.day, s.start, s.slot, s.title],
            )
            for ipos, i in enumerate(s.items):
                conn.execute(
                    "INSERT INTO workshop_items (id, session_id, position, kind, title, minutes,"
                    " pack_id, item_id, module_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        i.id,
                        s.id,
                        ipos,
                        i.kind,
                        i.title,
                        i.minutes,
                        i.pack_id,
                        i.item_id,
                        i.module_id,
                    ],
                )

    def list_workshops(self, *, archived: bool = False) -> list[Workshop]:
        """Workshops by start date then title (archived ones only when asked)."""
        rows = self.rdb.query(
            "SELECT id FROM workshops WHERE archived <= ? ORDER BY starts, title, id",
            [int(archived)],
        )
        return [self.get(str(r["id"])) for r in rows]

    def get(self, workshop_id: str) -> Workshop:
        rows = self.rdb.query("SELECT * FROM workshops WHERE id = ?", [workshop_id])
        if not rows:
            raise WorkshopError(_("There is no workshop {ref}.").format(ref=workshop_id))
        row = rows[0]
        return Workshop(
            id=str(row["id"]),
            title=str(row["title"]),
            starts=str(row["starts"]),
            ends=str(row["ends"]),
            place=str(row["place"]),
            language=str(row["language"]),
            facilitators=tuple(json.loads(row["facilitators"])),
            description=str(row["description"]),
            archived=bool(row["archived"]),
            creates_accounts=bool(row["creates_accounts"]),
            materials=tuple(json.loads(row["materials"])),
            sessions=self._sessions(workshop_id),
        )

    def _sessions(self, workshop_id: str) -> tuple[WorkshopSession, ...]:
        items: dict[str, list[AgendaItem]] = {}
        for r in self.rdb.query(
            "SELECT i.* FROM workshop_items i JOIN workshop_sessions s ON s.id = i.session_id"
            " WHERE s.workshop_id = ? ORDER BY i.position",
            [workshop_id],
        ):
            items.setdefault(str(r["session_id"]), []).append(
                AgendaItem(
                    id=str(r["id"]),
                    kind=str(r["kind"]),
                    title=str(r["title"]),
                    minutes=int(r["minutes"]),
                    pack_id=str(r["pack_id"]),
                    item_id=str(r["item_id"]),
                    module_id=str(r["module_id"]),
                )
            )
        return tuple(
            WorkshopSession(
                id=str(r["id"]),
                day=int(r["day"]),
                start=str(r["start"]),
                slot=int(r["slot"]),
                title=str(r["title"]),
                items=tuple(items.get(str(r["id"]), [])),
            )
            for r in self.rdb.query(
                "SELECT * FROM workshop_sessions WHERE workshop_id = ? ORDER BY position",
                [workshop_id],
            )
        )

    def find(self, ref: str) -> Workshop:
        """A workshop by id, id prefix (at least 4 characters) or title (ignoring case)."""
        rows = self.rdb.query(
            "SELECT id FROM workshops WHERE id = ? OR (length(?) >= 4 AND id LIKE ? || '%')"
            " OR title = ? COLLATE NOCASE",
            [ref, ref, ref.lower(), ref],
        )
        ids = sorted({str(r["id"]) for r in rows})
        if not ids:
            raise WorkshopError(_("There is no workshop {ref}.").format(ref=ref))
        if len(ids) > 1:
            raise WorkshopError(
                _("Several workshops match {ref}; give more of the id.").format(ref=ref)
            )
        return self.get(ids[0])

    def set_archived(self, workshop_id: str, archived: bool = True) -> Workshop:
        return self.save(replace(self.get(workshop_id), archived=archived))

    def duplicate(self, workshop_id: str, title: str | None = None) -> Workshop:
        """A copy to run again: new ids everywhere, no participants, not archived."""
        shop = self.get(workshop_id)
        sessions = tuple(
            replace(s, id=new_id(), items=tuple(replace(i, id=new_id()) for i in s.items))
            for s in shop.sessions
        )
        copy_title = title or _("{title} (copy)").format(title=shop.title)
        return self.save(
            replace(
                shop,
                id=new_id(),
                title=copy_title,
                archived=False,
                materials=(),
                sessions=sessions,
            )
        )

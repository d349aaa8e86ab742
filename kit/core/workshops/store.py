"""Workshops kept in records.db, with the durability of learner records.

Every write is one transaction on `RecordsDB.write()` (WAL, synchronous=FULL), so a
call that returns has its change on stable storage: an acknowledged check-in survives
``kill -9``. Check-ins are append-only rows; the agenda is saved whole, keeping the
ids of sessions and items so check-ins still point at their session.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from kit.core.records.db import RecordsDB
from kit.core.records.timeutil import utc_now_text
from kit.core.workshops.checks import own_ids, text_field, validate
from kit.core.workshops.model import (
    AgendaItem,
    Workshop,
    WorkshopError,
    WorkshopSession,
    new_id,
)
from kit.i18n import _

ATTENDED = "attended"


@dataclass(frozen=True)
class Participant:
    id: str
    workshop_id: str
    name: str
    wiki_username: str = ""
    contact: str = ""
    notes: str = ""
    profile_id: str | None = None
    new_editor: bool = False


@dataclass(frozen=True)
class CheckIn:
    id: str
    session_id: str
    participant_id: str
    at: str


class Workshops:
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

    # Participants and check-ins

    def add_participant(
        self,
        workshop_id: str,
        name: str,
        *,
        wiki_username: str = "",
        contact: str = "",
        consent: bool = False,
        notes: str = "",
        profile_id: str | None = None,
        new_editor: bool = False,
    ) -> Participant:
        """Register a participant. `contact` is kept only with `consent`; without it the
        contact is dropped, never stored."""
        self.get(workshop_id)
        who = Participant(
            id=new_id(),
            workshop_id=workshop_id,
            name=text_field(name, _("name"), missing=_("A participant needs a name.")),
            wiki_username=text_field(wiki_username, _("wiki username")),
            contact=text_field(contact, _("contact")) if consent else "",
            notes=text_field(notes, _("notes")),
            profile_id=profile_id or None,
            new_editor=new_editor,
        )
        with self.rdb.write() as db:
            db.execute(
                "INSERT INTO workshop_participants (id, workshop_id, name, wiki_username,"
                " consent, contact, notes, profile_id, new_editor, added)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    who.id,
                    workshop_id,
                    who.name,
                    who.wiki_username,
                    int(bool(who.contact)),
                    who.contact,
                    who.notes,
                    who.profile_id,
                    int(new_editor),
                    utc_now_text(),
                ],
            )
        return who

    def participants(self, workshop_id: str) -> list[Participant]:
        return [
            Participant(
                id=str(r["id"]),
                workshop_id=workshop_id,
                name=str(r["name"]),
                wiki_username=str(r["wiki_username"]),
                contact=str(r["contact"]),
                notes=str(r["notes"]),
                profile_id=r["profile_id"],
                new_editor=bool(r["new_editor"]),
            )
            for r in self.rdb.query(
                "SELECT * FROM workshop_participants WHERE workshop_id = ?"
                " ORDER BY name COLLATE NOCASE, added",
                [workshop_id],
            )
        ]

    def participant(self, workshop_id: str, name: str) -> Participant:
        """The participant called `name` (ignoring case) or with that wiki username."""
        key = name.strip().casefold()
        found = [
            p
            for p in self.participants(workshop_id)
            if key in (p.name.casefold(), p.wiki_username.casefold()) or p.id == name
        ]
        if not found:
            raise WorkshopError(_("There is no participant called {name}.").format(name=name))
        if len(found) > 1:
            raise WorkshopError(
                _("Several participants are called {name}; check in by wiki username.").format(
                    name=name
                )
            )
        return found[0]

    def check_in(self, workshop_id: str, session_id: str, participant_ids: list[str]) -> int:
        """Record that each participant attended the session; returns how many were new.

        Durable when it returns. Checking someone in twice records nothing more.
        """
        with self.rdb.write() as db:
            conn = db.conn
            known = conn.execute(
                "SELECT 1 FROM workshop_sessions WHERE id = ? AND workshop_id = ?",
                [session_id, workshop_id],
            ).fetchone()
            if known is None:
                raise WorkshopError(_("That session is not in this workshop's agenda."))
            registered = {
                str(r[0])
                for r in conn.execute(
                    "SELECT id FROM workshop_participants WHERE workshop_id = ?", [workshop_id]
                )
            }
            if not set(participant_ids) <= registered:
                raise WorkshopError(_("Check in only participants of this workshop's register."))
            already = {
                str(r[0])
                for r in conn.execute(
                    "SELECT participant_id FROM workshop_checkins "
                    "WHERE workshop_id = ? AND session_id = ?",
                    [workshop_id, session_id],
                )
            }
            new = [p for p in dict.fromkeys(participant_ids) if p not in already]
            for pid in new:
                conn.execute(
                    "INSERT INTO workshop_checkins (id, workshop_id, session_id, participant_id,"
                    " verb, at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        new_id(),
                        workshop_id,
                        session_id,
                        pid,
                        ATTENDED,
                        utc_now_text(),
                        self.rdb.device_id,
                    ],
                )
        return len(new)

    def checkins(self, workshop_id: str, session_id: str | None = None) -> list[CheckIn]:
        sql = "SELECT * FROM workshop_checkins WHERE workshop_id = ?"
        params: list[Any] = [workshop_id]
        if session_id is not None:
            sql += " AND session_id = ?"
            params.append(session_id)
        return [
            CheckIn(str(r["id"]), str(r["session_id"]), str(r["participant_id"]), str(r["at"]))
            for r in self.rdb.query(sql + " ORDER BY seq", params)
        ]

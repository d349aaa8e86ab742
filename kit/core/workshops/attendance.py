"""A workshop's register and check-ins: who came to which session, and when.

Participants may be edited (one row each). Check-ins are append-only rows with a verb:
"attended" (checked in at the door, `at` is the arrival), "attended-on-paper" (typed
in afterwards from a paper sign-in sheet: the time is unknown, so never late) and
"unmarked" (a correction: undo, or a tick taken off the paper grid). For each
participant and session the latest row wins; `checkins()`, the register, the usernames
and the CLI all read that. Every write is one transaction, durable when it returns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from kit.core.records.timeutil import parse_utc, utc_now_text
from kit.core.workshops.checks import text_field
from kit.core.workshops.model import (
    Workshop,
    WorkshopError,
    WorkshopSession,
    minutes_of,
    new_id,
)
from kit.i18n import _

if TYPE_CHECKING:
    from kit.core.records.db import RecordsDB

ATTENDED = "attended"
ON_PAPER = "attended-on-paper"
UNMARKED = "unmarked"
PRESENT = (ATTENDED, ON_PAPER)
LATE_AFTER = timedelta(minutes=10)
_ROWS = (
    "SELECT id, session_id, participant_id, at, verb FROM workshop_checkins"
    " WHERE workshop_id = ? ORDER BY seq"
)


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
    consent: bool = False


@dataclass(frozen=True)
class CheckIn:
    id: str
    session_id: str
    participant_id: str
    at: str
    verb: str = ATTENDED


def session_start(shop: Workshop, session: WorkshopSession) -> datetime | None:
    """When `session` starts, on this computer's clock (None when the workshop has no date)."""
    if not shop.starts:
        return None
    day = datetime.fromisoformat(shop.starts) + timedelta(days=session.day - 1)
    return (day + timedelta(minutes=minutes_of(session.start))).astimezone()


def is_late(shop: Workshop, session: WorkshopSession, checkin: CheckIn) -> bool:
    """Checked in at the door more than ten minutes after the session started."""
    start = session_start(shop, session)
    if start is None or checkin.verb != ATTENDED:
        return False
    return parse_utc(checkin.at) > start + LATE_AFTER


def session_now(shop: Workshop, now: datetime) -> WorkshopSession | None:
    """The session running at `now` (aware), else the next one to start, else the last
    one (None when the agenda is empty). A workshop without a date: its first session."""
    if not shop.sessions:
        return None
    starts = [(session_start(shop, s), s) for s in shop.sessions]
    timed = [(start, s) for start, s in starts if start is not None]
    if len(timed) < len(starts):
        return shop.sessions[0]
    timed.sort(key=lambda pair: pair[0])
    for start, session in timed:
        if start <= now < start + timedelta(minutes=session.slot):
            return session
    later = [s for start, s in timed if start > now]
    return later[0] if later else timed[-1][1]


class Attendance:
    """The register and check-ins part of `Workshops` (which provides `get`)."""

    rdb: RecordsDB

    def get(self, workshop_id: str) -> Workshop:  # pragma: no cover - Workshops.get
        raise NotImplementedError

    def _checked(self, who: Participant) -> Participant:
        """`who` with trimmed texts; the contact dropped, never kept, without consent."""
        consent = bool(who.consent)
        return replace(
            who,
            name=text_field(who.name, _("name"), missing=_("A participant needs a name.")),
            wiki_username=text_field(who.wiki_username, _("wiki username")),
            contact=text_field(who.contact, _("contact")) if consent else "",
            notes=text_field(who.notes, _("notes")),
            profile_id=who.profile_id or None,
            new_editor=bool(who.new_editor),
            consent=consent,
        )

    def _check_profile(self, conn: sqlite3.Connection, profile_id: str | None) -> None:
        if (
            profile_id
            and not conn.execute("SELECT 1 FROM profiles WHERE id = ?", [profile_id]).fetchone()
        ):
            raise WorkshopError(
                _("There is no learner profile {ref} on this computer.").format(ref=profile_id)
            )

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
        who = self._checked(
            Participant(
                id=new_id(),
                workshop_id=workshop_id,
                name=name,
                wiki_username=wiki_username,
                contact=contact,
                notes=notes,
                profile_id=profile_id,
                new_editor=new_editor,
                consent=consent,
            )
        )
        with self.rdb.write() as db:
            self._check_profile(db.conn, who.profile_id)
            db.execute(
                "INSERT INTO workshop_participants (id, workshop_id, name, wiki_username,"
                " consent, contact, notes, profile_id, new_editor, added)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    who.id,
                    workshop_id,
                    who.name,
                    who.wiki_username,
                    int(who.consent),
                    who.contact,
                    who.notes,
                    who.profile_id,
                    int(who.new_editor),
                    utc_now_text(),
                ],
            )
        return who

    def update_participant(self, who: Participant) -> Participant:
        """Save an edited participant (same id); without consent the contact is removed."""
        who = self._checked(who)
        with self.rdb.write() as db:
            self._check_profile(db.conn, who.profile_id)
            changed = db.conn.execute(
                "UPDATE workshop_participants SET name = ?, wiki_username = ?, consent = ?,"
                " contact = ?, notes = ?, profile_id = ?, new_editor = ?"
                " WHERE id = ? AND workshop_id = ?",
                [
                    who.name,
                    who.wiki_username,
                    int(who.consent),
                    who.contact,
                    who.notes,
                    who.profile_id,
                    int(who.new_editor),
                    who.id,
                    who.workshop_id,
                ],
            ).rowcount
            if not changed:
                raise WorkshopError(_("That participant is not in this workshop's register."))
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
                consent=bool(r["consent"]),
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

    # Check-ins

    def _refs(
        self, conn: sqlite3.Connection, workshop_id: str, session_ids: set[str], people: set[str]
    ) -> None:
        known = {
            str(r[0])
            for r in conn.execute(
                "SELECT id FROM workshop_sessions WHERE workshop_id = ?", [workshop_id]
            )
        }
        if not session_ids <= known:
            raise WorkshopError(_("That session is not in this workshop's agenda."))
        registered = {
            str(r[0])
            for r in conn.execute(
                "SELECT id FROM workshop_participants WHERE workshop_id = ?", [workshop_id]
            )
        }
        if not people <= registered:
            raise WorkshopError(_("Check in only participants of this workshop's register."))

    @staticmethod
    def _latest(rows: Iterable[sqlite3.Row | tuple]) -> dict[tuple[str, str], CheckIn]:
        """The latest row per (session, participant), in the order they were written."""
        latest: dict[tuple[str, str], CheckIn] = {}
        for r in rows:
            key = (str(r[1]), str(r[2]))
            latest.pop(key, None)
            latest[key] = CheckIn(str(r[0]), key[0], key[1], str(r[3]), str(r[4]))
        return latest

    def _append(
        self, conn: sqlite3.Connection, workshop_id: str, key: tuple[str, str], verb: str
    ) -> None:
        conn.execute(
            "INSERT INTO workshop_checkins (id, workshop_id, session_id, participant_id,"
            " verb, at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [new_id(), workshop_id, key[0], key[1], verb, utc_now_text(), self.rdb.device_id],
        )

    def mark(
        self,
        workshop_id: str,
        marks: Mapping[tuple[str, str], bool],
        verb: str = ON_PAPER,
        sessions: Iterable[str] = (),
    ) -> int:
        """Set (session_id, participant_id) pairs present (True, with `verb`) or not
        (False); only pairs whose state changes get a row. Returns how many changed."""
        if verb not in PRESENT:
            raise ValueError(f"not a check-in verb: {verb}")
        with self.rdb.write() as db:
            conn = db.conn
            session_ids = set(sessions) | {s for s, _p in marks}
            self._refs(conn, workshop_id, session_ids, {p for _s, p in marks})
            latest = self._latest(conn.execute(_ROWS, [workshop_id]))
            changed = 0
            for key, present in marks.items():
                now = key in latest and latest[key].verb in PRESENT
                if now != present:
                    self._append(conn, workshop_id, key, verb if present else UNMARKED)
                    changed += 1
        return changed

    def check_in(self, workshop_id: str, session_id: str, participant_ids: list[str]) -> int:
        """Record that each participant attended the session; returns how many were new.

        Durable when it returns. Checking someone in twice records nothing more.
        """
        marks = dict.fromkeys(((session_id, p) for p in participant_ids), True)
        return self.mark(workshop_id, marks, ATTENDED, [session_id])

    def uncheck(self, workshop_id: str, session_id: str, participant_ids: list[str]) -> int:
        """Take back check-ins (an "unmarked" row after each); returns how many."""
        marks = dict.fromkeys(((session_id, p) for p in participant_ids), False)
        return self.mark(workshop_id, marks, ATTENDED, [session_id])

    def checkins(self, workshop_id: str, session_id: str | None = None) -> list[CheckIn]:
        """Who is checked in (the latest row per participant and session is a check-in),
        oldest first."""
        latest = self._latest(self.rdb.query(_ROWS, [workshop_id]))
        return [
            c
            for c in latest.values()
            if c.verb in PRESENT and (session_id is None or c.session_id == session_id)
        ]

    def checkin_history(self, workshop_id: str) -> list[CheckIn]:
        """Every check-in row of the workshop, corrections included, in order."""
        return [
            CheckIn(
                str(r["id"]),
                str(r["session_id"]),
                str(r["participant_id"]),
                str(r["at"]),
                str(r["verb"]),
            )
            for r in self.rdb.query(
                "SELECT * FROM workshop_checkins WHERE workshop_id = ? ORDER BY seq", [workshop_id]
            )
        ]


def present_pairs(checkins: Iterable[CheckIn]) -> set[tuple[str, str]]:
    return {(c.session_id, c.participant_id) for c in checkins}

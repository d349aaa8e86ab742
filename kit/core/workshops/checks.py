"""Checks on a workshop before it is stored: fields, and ids of its own."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from kit.core.workshops.model import (
    KINDS,
    MATERIALS,
    MAX_MINUTES,
    Workshop,
    WorkshopError,
    check_date,
    minutes_of,
    new_id,
)
from kit.i18n import _

MAX_TEXT = 2000

MATERIAL_KEYS = frozenset(key for key, _text in MATERIALS)


def text_field(value: str, field: str, *, missing: str = "") -> str:
    """`value` trimmed; WorkshopError with `missing` when empty and that is given."""
    text = str(value or "").strip()
    if missing and not text:
        raise WorkshopError(missing)
    if len(text) > MAX_TEXT:
        raise WorkshopError(
            _("The text of “{field}” is too long (at most {count} characters).").format(
                field=field, count=MAX_TEXT
            )
        )
    return text


def validate(workshop: Workshop) -> Workshop:
    """`workshop` with its texts trimmed; WorkshopError on a bad field."""
    check_date(workshop.starts)
    check_date(workshop.ends)
    for session in workshop.sessions:
        minutes_of(session.start)
        if session.day < 1 or not 0 <= session.slot <= MAX_MINUTES:
            raise WorkshopError(_("A session needs a day from 1 and a slot of 0 to 1440 minutes."))
        for item in session.items:
            if item.kind not in KINDS:
                raise WorkshopError(
                    _("{kind} is not a kind of agenda item.").format(kind=item.kind)
                )
            if not 0 <= item.minutes <= MAX_MINUTES:
                raise WorkshopError(_("An agenda item needs 0 to 1440 minutes."))
    return replace(
        workshop,
        title=text_field(workshop.title, _("title"), missing=_("A workshop needs a title.")),
        place=text_field(workshop.place, _("place")),
        description=text_field(workshop.description, _("description")),
        facilitators=tuple(f.strip() for f in workshop.facilitators if f.strip()),
        materials=tuple(k for k in dict.fromkeys(workshop.materials) if k in MATERIAL_KEYS),
    )


def own_ids(conn: sqlite3.Connection, shop: Workshop) -> Workshop:
    """`shop` with a new id for any session or item id another workshop already has
    (a plan file copied by hand keeps the ids of the one it came from)."""

    def taken(table: str, ids: list[str], owner_sql: str) -> set[str]:
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        sql = f"SELECT t.id FROM {table} t {owner_sql} AND t.id IN ({marks})"
        return {str(r[0]) for r in conn.execute(sql, [shop.id, *ids])}

    sessions = [s.id for s in shop.sessions]
    items = [i.id for s in shop.sessions for i in s.items]
    bad_sessions = taken("workshop_sessions", sessions, "WHERE t.workshop_id <> ?")
    bad_items = taken(
        "workshop_items",
        items,
        "JOIN workshop_sessions s ON s.id = t.session_id WHERE s.workshop_id <> ?",
    )
    seen: set[str] = set()

    def fresh(old: str, bad: set[str]) -> str:
        value = new_id() if old in bad or old in seen else old
        seen.add(value)
        return value

    return replace(
        shop,
        sessions=tuple(
            replace(
                s,
                id=fresh(s.id, bad_sessions),
                items=tuple(replace(i, id=fresh(i.id, bad_items)) for i in s.items),
            )
            for s in shop.sessions
        ),
    )

"""Learner profiles on a shared computer: name, colour, optional PIN, language, role.

Each profile is keyed by a random UUID (uuid4, hex), made once and never changed, so
records from several computers can be merged by id. Display names are unique on one
computer ignoring case (and width and spacing): "Ana" and " ana " cannot both be
created here. The schema does not require it (merged records may hold two "Ana"s), so
`Profile.short_code` and `Profile.display_hint` tell them apart on screen, next to the
avatar colour. The PIN is kept only as a salted scrypt hash (see `pins`); `Profile`
never carries it, only `has_pin`. Roles (learner, facilitator): see `roles`.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from kit.core.records import pins
from kit.core.records.db import RecordsDB, RecordsError
from kit.core.records.timeutil import parse_utc, utc_now_text
from kit.i18n import _, format_date

MAX_NAME_LENGTH = 40
COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}")
# Distinct, readable on white and dark text: the default colour is picked by name.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")


class ProfileNotFound(RecordsError):
    """No profile has the given id (it may have been deleted)."""


LEARNER = "learner"
FACILITATOR = "facilitator"
ROLES = (LEARNER, FACILITATOR)


@dataclass(frozen=True)
class Profile:
    """A learner profile as the UI shows it (the PIN hash is never included)."""

    id: str
    name: str
    colour: str
    has_pin: bool
    language: str
    created: datetime
    role: str = LEARNER

    @property
    def is_facilitator(self) -> bool:
        return self.role == FACILITATOR

    @property
    def short_code(self) -> str:
        """Four characters of the random id, e.g. "3F2A": the same on every computer."""
        return self.id.replace("-", "")[:4].upper()

    @property
    def display_hint(self) -> str:
        """What tells two profiles of one name apart, e.g. "3F2A · since 2 Dec 2026"
        (shown with the avatar colour)."""
        return _("{code} · since {date}").format(
            code=self.short_code, date=format_date(self.created)
        )


def name_key(name: str) -> str:
    """The form of a display name used to keep names unique ignoring case."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip().casefold()


def clean_name(name: str) -> str:
    """The display name trimmed and checked; RecordsError when unusable."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(name))).strip()
    if not text:
        raise RecordsError(_("A profile needs a name."))
    if len(text) > MAX_NAME_LENGTH:
        raise RecordsError(
            _("A profile name can have at most {n} characters.").format(n=MAX_NAME_LENGTH)
        )
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") for ch in text):
        raise RecordsError(_("A profile name cannot contain control characters."))
    return text


def clean_colour(colour: str | None, name: str) -> str:
    if colour is None or colour == "":
        return PALETTE[sum(map(ord, name_key(name))) % len(PALETTE)]
    if not COLOUR_RE.fullmatch(colour):
        raise RecordsError(_("An avatar colour is written like #1f77b4."))
    return colour.lower()


def clean_language(language: str) -> str:
    text = str(language).strip().replace("-", "_")
    if not re.fullmatch(r"[A-Za-z]{2,3}(_[A-Za-z0-9]{2,8})*", text):
        raise RecordsError(_("{lang} is not a language code.").format(lang=language))
    return text


def _row_to_profile(row: sqlite3.Row) -> Profile:
    return Profile(
        id=row["id"],
        name=row["name"],
        colour=row["colour"],
        has_pin=row["pin_hash"] is not None,
        language=row["language"],
        created=parse_utc(row["created"]),
        role=row["role"] if row["role"] in ROLES else LEARNER,
    )


def list_profiles(rdb: RecordsDB) -> list[Profile]:
    """Every profile, by name (case-insensitive)."""
    rows = rdb.query("SELECT * FROM profiles ORDER BY name_key, id")
    return [_row_to_profile(r) for r in rows]


def get_profile(rdb: RecordsDB, profile_id: str) -> Profile:
    """The profile `profile_id`; ProfileNotFound when there is none."""
    return _row_to_profile(_row(rdb, profile_id))


def _row(rdb: RecordsDB, profile_id: str) -> sqlite3.Row:
    rows = rdb.query("SELECT * FROM profiles WHERE id = ?", [str(profile_id)])
    if not rows:
        raise ProfileNotFound(_("That profile no longer exists."))
    return rows[0]


def _name_taken(name: str) -> RecordsError:
    return RecordsError(_("There is already a profile called {name}.").format(name=name))


def create_profile(
    rdb: RecordsDB,
    name: str,
    *,
    colour: str | None = None,
    pin: str | None = None,
    language: str = "en",
    role: str = LEARNER,
) -> Profile:
    """Create a profile; RecordsError when the name is taken or a value is not valid.

    No rights are checked here: `Records.create_profile` checks who may make a
    facilitator.
    """
    display = clean_name(name)
    if role not in ROLES:
        raise RecordsError(_("{role} is not a role.").format(role=role))
    if role == FACILITATOR and pin in (None, ""):
        raise RecordsError(_("A facilitator needs a PIN."))
    import uuid  # here: uuid imports platform, which the app's start does not need

    values = [
        uuid.uuid4().hex,
        display,
        name_key(display),
        clean_colour(colour, display),
        pins.hash_pin(pin) if pin not in (None, "") else None,
        clean_language(language),
        utc_now_text(),
        role,
    ]
    with rdb.write() as db:
        _refuse_taken(db.conn, display, None)
        db.conn.execute(
            "INSERT INTO profiles (id, name, name_key, colour, pin_hash, language, created, "
            "role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            values,
        )
    return get_profile(rdb, str(values[0]))


def _refuse_taken(conn: sqlite3.Connection, display: str, other_than: str | None) -> None:
    """Names are unique on this computer (checked here, in the writing transaction)."""
    row = conn.execute(
        "SELECT 1 FROM profiles WHERE name_key = ? AND id IS NOT ?",
        [name_key(display), other_than],
    ).fetchone()
    if row:
        raise _name_taken(display)


def rename_profile(rdb: RecordsDB, profile_id: str, new_name: str) -> Profile:
    """Give a profile a new display name (unique ignoring case)."""
    display = clean_name(new_name)
    _row(rdb, profile_id)
    with rdb.write() as db:
        _refuse_taken(db.conn, display, profile_id)
        db.conn.execute(
            "UPDATE profiles SET name = ?, name_key = ? WHERE id = ?",
            [display, name_key(display), profile_id],
        )
    return get_profile(rdb, profile_id)


def update_profile(
    rdb: RecordsDB, profile_id: str, *, colour: str | None = None, language: str | None = None
) -> Profile:
    """Change the avatar colour and/or interface language (None leaves a value as is)."""
    row = _row(rdb, profile_id)
    new_colour = clean_colour(colour, row["name"]) if colour is not None else row["colour"]
    new_language = clean_language(language) if language is not None else row["language"]
    with rdb.write() as db:
        db.conn.execute(
            "UPDATE profiles SET colour = ?, language = ? WHERE id = ?",
            [new_colour, new_language, profile_id],
        )
    return get_profile(rdb, profile_id)


def check_pin(rdb: RecordsDB, profile_id: str, pin: str | None, clocks: pins.Clocks) -> None:
    """Pass silently when the profile has no PIN or `pin` is right.

    Raises WrongPin or PinLocked (throttled, see `pins`).
    """
    stored = _row(rdb, profile_id)["pin_hash"]
    if stored is None:
        return
    pins.verify(rdb, profile_id, pin, stored, clocks)


def set_pin(
    rdb: RecordsDB,
    profile_id: str,
    new_pin: str | None,
    *,
    current_pin: str | None,
    clocks: pins.Clocks,
) -> Profile:
    """Set, change or (with `new_pin` None) remove the PIN; the current PIN is required."""
    check_pin(rdb, profile_id, current_pin, clocks)
    return store_pin(rdb, profile_id, new_pin)


def store_pin(rdb: RecordsDB, profile_id: str, new_pin: str | None) -> Profile:
    """Replace the PIN (None: remove it) and clear its throttle; no check here.

    A facilitator's PIN cannot be removed (RecordsError).
    """
    row = _row(rdb, profile_id)
    if new_pin in (None, "") and row["role"] == FACILITATOR:
        raise RecordsError(_("A facilitator needs a PIN."))
    stored = pins.hash_pin(new_pin) if new_pin not in (None, "") else None
    with rdb.write() as db:
        db.conn.execute("UPDATE profiles SET pin_hash = ? WHERE id = ?", [stored, profile_id])
        db.conn.execute("DELETE FROM pin_throttle WHERE profile_id = ?", [profile_id])
    return get_profile(rdb, profile_id)


def delete_profile_rows(rdb: RecordsDB, profile_id: str) -> None:
    """Remove the profile, its throttle state and its events, in one transaction.

    No PIN check and no backup here: `Records.delete_profile` does both first.
    """
    with rdb.write() as db:
        c = db.conn
        c.execute("DELETE FROM pin_throttle WHERE profile_id = ?", [profile_id])
        c.execute("DELETE FROM profiles WHERE id = ?", [profile_id])
        # The append-only trigger lets events go only once their profile is gone.
        c.execute("DELETE FROM events WHERE profile_id = ?", [profile_id])

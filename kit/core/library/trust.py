"""Publishers' public keys the user trusts (kit keys trust / list / untrust)."""

from __future__ import annotations

import sqlite3
from typing import Any

from kit.core.errors import KitError
from kit.core.library.rows import now
from kit.i18n import _

MAX_NAME = 100


def trust_key(conn: sqlite3.Connection, public_key: str, name: str) -> str:
    """Trust `public_key` (base64 Ed25519) under `name`; returns its key id."""
    from kit.core.signing import key_id, valid_public_key  # nacl: slow to import

    public = valid_public_key(public_key)
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise KitError(
            _("Give the publisher a name of 1 to {MAX_NAME} characters.").format(MAX_NAME=MAX_NAME)
        )
    kid = key_id(public)
    with conn:
        conn.execute(
            """INSERT INTO trusted_keys VALUES (?,?,?,?)
               ON CONFLICT(key_id) DO UPDATE SET name = excluded.name""",
            (kid, public, name, now()),
        )
    return kid


def untrust_key(conn: sqlite3.Connection, key: str) -> str:
    """Stop trusting a key given by id or name; returns the name it had."""
    key = key.strip()
    rows = conn.execute(
        "SELECT key_id, name FROM trusted_keys WHERE key_id = ? OR name = ? OR public_key = ?",
        (key, key, key),
    ).fetchall()
    if not rows:
        raise KitError(
            _("No trusted key has the id or name '{key}'; see 'kit keys list'.").format(key=key)
        )
    if len(rows) > 1:
        raise KitError(
            _("Several trusted keys are named '{key}'; give the key id instead.").format(key=key)
        )
    with conn:
        conn.execute("DELETE FROM trusted_keys WHERE key_id = ?", (rows[0][0],))
    return rows[0][1]


def trusted_keys(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [
        {"key_id": kid, "public_key": pub, "name": name, "added_at": added}
        for kid, pub, name, added in conn.execute(
            "SELECT key_id, public_key, name, added_at FROM trusted_keys ORDER BY name, key_id"
        )
    ]

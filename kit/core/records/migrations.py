"""The records.db schema as named, append-only migrations (never edit a shipped step).

Each step is recorded by name in ``_sqlite_migrations`` and counted in
``PRAGMA user_version``. A restored backup must have exactly the schema these steps
make at its own version (see `kit.core.records.schema`), so every step must be
deterministic: the same SQL text on every computer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.core.migrations import MigrationSet

if TYPE_CHECKING:
    from sqlite_utils import Database

# Recorded without importing sqlite-utils, which is slow to import (see kit.core.migrations).
migrations = MigrationSet("kit.records")


def _run(db: Database, *statements: str) -> None:
    # Statement by statement on the open transaction: executescript() would COMMIT
    # first and make a half-applied migration possible.
    for sql in statements:
        db.conn.execute(sql)


@migrations()
def m001_profiles_and_events(db: Database) -> None:
    _run(
        db,
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE profiles (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            colour TEXT NOT NULL,
            pin_hash TEXT,
            language TEXT NOT NULL,
            created TEXT NOT NULL
        )""",
        """CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            profile_id TEXT NOT NULL REFERENCES profiles(id) DEFERRABLE INITIALLY DEFERRED,
            pack_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            verb TEXT NOT NULL,
            result TEXT NOT NULL DEFAULT '{}',
            at TEXT NOT NULL,
            device_id TEXT NOT NULL
        )""",
        "CREATE INDEX events_profile_item ON events (profile_id, pack_id, item_id)",
        """CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
        """CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        WHEN EXISTS (SELECT 1 FROM profiles WHERE id = OLD.profile_id)
        BEGIN SELECT RAISE(ABORT, 'events are deleted only with their profile'); END""",
    )


@migrations()
def m002_pin_throttle(db: Database) -> None:
    _run(
        db,
        """CREATE TABLE pin_throttle (
            profile_id TEXT PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
            failures INTEGER NOT NULL DEFAULT 0,
            locked_until REAL NOT NULL DEFAULT 0
        )""",
    )


@migrations()
def m003_pin_throttle_boot_clock(db: Database) -> None:
    # The lock is counted on the clock that runs since boot, not the wall clock:
    # boot_id names the boot `anchor` (seconds since that boot) was read in, and `wait`
    # is how many seconds were still owed at `anchor` (see kit.core.records.pins).
    # Rows from before have no anchor: their wait restarts the first time they are seen.
    _run(
        db,
        "ALTER TABLE pin_throttle ADD COLUMN boot_id TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE pin_throttle ADD COLUMN anchor REAL",
        "ALTER TABLE pin_throttle ADD COLUMN wait REAL NOT NULL DEFAULT 0",
        # The full lock of the count so far (pins.lock_seconds), never less than was left.
        "UPDATE pin_throttle SET wait = min(1 << min(failures - 2, 9), 300) WHERE failures >= 3",
    )


def schema_version() -> int:
    """How many steps this app knows (a fresh records.db has this user_version)."""
    return len(migrations.steps)


def migrate(db: Database) -> None:
    """Apply pending migrations and record the schema version in user_version."""
    migrations.as_sqlite_utils().apply(db)
    count = len(migrations.applied_names(db.conn))
    db.execute(f"PRAGMA user_version={int(count)}")

"""The records.db schema as named, append-only migrations (never edit a shipped step).

Each step is recorded by name in ``_sqlite_migrations`` and counted in
``PRAGMA user_version``. A restored backup must have exactly the schema these steps
make at its own version (see `kit.core.records.schema`), so every step must be
deterministic: the same SQL text on every computer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.core.migrations import MigrationSet
from kit.core.migrations import run_statements as _run
from kit.core.records import migrations_workshops

if TYPE_CHECKING:
    from sqlite_utils import Database

# Recorded without importing sqlite-utils, which is slow to import (see kit.core.migrations).
migrations = MigrationSet("kit.records")


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


EVENT_TRIGGERS = (
    """CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END""",
    """CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        WHEN EXISTS (SELECT 1 FROM profiles WHERE id = OLD.profile_id)
        BEGIN SELECT RAISE(ABORT, 'events are deleted only with their profile'); END""",
)


@migrations()
def m004_roles_object_types_context(db: Database) -> None:
    """Profiles get a role and names stop being unique in the schema (records of two
    computers may both have an "Ana": the id tells them apart; this computer still
    refuses a second "Ana" when one is created). Events may be about something other
    than a pack item (object_type, object_id; pack_id/item_id then empty) and may name
    the workshop or session they happened in (context).

    SQLite cannot drop a UNIQUE or NOT NULL in place, so both tables are rebuilt (the
    documented create-copy-drop-rename order); `migrate` runs steps with foreign keys
    off, so dropping the old profiles table cascades to nothing.
    """
    if db.conn.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("records migrations must run with foreign keys off (see migrate)")
    _run(
        db,
        """CREATE TABLE profiles_new (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            colour TEXT NOT NULL,
            pin_hash TEXT,
            language TEXT NOT NULL,
            created TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT 'learner' CHECK (role IN ('learner', 'facilitator'))
        )""",
        "INSERT INTO profiles_new (id, name, name_key, colour, pin_hash, language, created) "
        "SELECT id, name, name_key, colour, pin_hash, language, created FROM profiles",
        """CREATE TABLE events_new (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            profile_id TEXT NOT NULL REFERENCES profiles(id) DEFERRABLE INITIALLY DEFERRED,
            object_type TEXT NOT NULL DEFAULT 'item',
            object_id TEXT,
            pack_id TEXT,
            item_id TEXT,
            context TEXT,
            verb TEXT NOT NULL,
            result TEXT NOT NULL DEFAULT '{}',
            at TEXT NOT NULL,
            device_id TEXT NOT NULL,
            CHECK (object_type <> 'item' OR (pack_id IS NOT NULL AND item_id IS NOT NULL)),
            CHECK (object_type = 'item' OR object_id IS NOT NULL)
        )""",
        "INSERT INTO events_new (seq, id, profile_id, pack_id, item_id, verb, result, at, "
        "device_id) SELECT seq, id, profile_id, pack_id, item_id, verb, result, at, device_id "
        "FROM events ORDER BY seq",
        "DROP TABLE events",
        "DROP TABLE profiles",
        "ALTER TABLE profiles_new RENAME TO profiles",
        "ALTER TABLE events_new RENAME TO events",
        "CREATE INDEX profiles_name_key ON profiles (name_key)",
        "CREATE INDEX events_profile_item ON events (profile_id, pack_id, item_id)",
        "CREATE INDEX events_object ON events (object_type, object_id)",
        "CREATE INDEX events_context ON events (context) WHERE context IS NOT NULL",
        *EVENT_TRIGGERS,
    )


for _step in migrations_workshops.STEPS:  # m005 to m010, in order
    migrations()(_step)


@migrations()
def m011_records_merge(db: Database) -> None:
    """Two profiles joined as one person (kit.core.recordfiles.joins): an append-only
    row saying `other` is the same learner as `keep`, so joins travel in records files
    and merge like events; views and the overview resolve them."""
    _run(
        db,
        """CREATE TABLE profile_aliases (
            id TEXT PRIMARY KEY,
            keep_id TEXT NOT NULL,
            other_id TEXT NOT NULL,
            at TEXT NOT NULL,
            device_id TEXT NOT NULL,
            CHECK (keep_id <> other_id)
        )""",
        """CREATE TRIGGER profile_aliases_no_update BEFORE UPDATE ON profile_aliases
        BEGIN SELECT RAISE(ABORT, 'profile joins are append-only'); END""",
        """CREATE TRIGGER profile_aliases_no_delete BEFORE DELETE ON profile_aliases
        BEGIN SELECT RAISE(ABORT, 'profile joins are append-only'); END""",
    )


@migrations()
def m012_xapi_outbox(db: Database) -> None:
    """What has gone to a Learning Record Store (kit.core.xapi). The outbox itself is
    derived: every event and check-in maps to one statement whose id is made from the
    record's id, so what waits is what has no delivery row (record = 'event:ID' or
    'checkin:ID') for the LRS. Deliveries and
    push attempts are append-only rows (records stay untouched by sending)."""
    _run(
        db,
        """CREATE TABLE xapi_deliveries (
            lrs TEXT NOT NULL,
            record TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (lrs, record)
        ) WITHOUT ROWID""",
        """CREATE TABLE xapi_attempts (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            lrs TEXT NOT NULL,
            at TEXT NOT NULL,
            sent INTEGER NOT NULL DEFAULT 0,
            error TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TRIGGER xapi_deliveries_no_update BEFORE UPDATE ON xapi_deliveries
        BEGIN SELECT RAISE(ABORT, 'deliveries are append-only'); END""",
        """CREATE TRIGGER xapi_deliveries_no_delete BEFORE DELETE ON xapi_deliveries
        BEGIN SELECT RAISE(ABORT, 'deliveries are append-only'); END""",
        """CREATE TRIGGER xapi_attempts_no_update BEFORE UPDATE ON xapi_attempts
        BEGIN SELECT RAISE(ABORT, 'push attempts are append-only'); END""",
        """CREATE TRIGGER xapi_attempts_no_delete BEFORE DELETE ON xapi_attempts
        BEGIN SELECT RAISE(ABORT, 'push attempts are append-only'); END""",
    )


@migrations()
def m013_progress_index(db: Database) -> None:
    """Indexes for progress and Continue (kit.core.records.progress_query); no data change."""
    _run(
        db,
        "CREATE INDEX events_profile_pack_verb ON events (profile_id, pack_id, verb, item_id)",
        "CREATE INDEX events_profile_seq ON events (profile_id, seq)",
    )


def schema_version() -> int:
    """How many steps this app knows (a fresh records.db has this user_version)."""
    return len(migrations.steps)


def migrate(db: Database) -> None:
    """Apply pending migrations and record the schema version in user_version.

    Foreign keys are off while the steps run (a table rebuild must not cascade) and
    back as they were after; `Records.check` reports any row left pointing nowhere.
    """
    conn = db.conn
    enforced = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        migrations.as_sqlite_utils().apply(db)
        count = len(migrations.applied_names(conn))
        db.execute(f"PRAGMA user_version={int(count)}")
    finally:
        if enforced:
            conn.execute("PRAGMA foreign_keys=ON")

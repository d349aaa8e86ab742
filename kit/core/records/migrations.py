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


@migrations()
def m005_workshops(db: Database) -> None:
    """Workshops, their agendas, participants and check-ins (kit.core.workshops).

    Check-ins are append-only (a participant need not have a profile, so they are not
    learner events): a trigger refuses UPDATE and DELETE. Contact details are kept only
    with consent (a CHECK makes it so whatever writes the row).
    """
    _run(
        db,
        """CREATE TABLE workshops (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            starts TEXT NOT NULL DEFAULT '',
            ends TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'en',
            facilitators TEXT NOT NULL DEFAULT '[]',
            description TEXT NOT NULL DEFAULT '',
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
            created TEXT NOT NULL
        )""",
        """CREATE TABLE workshop_sessions (
            id TEXT PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            day INTEGER NOT NULL CHECK (day >= 1),
            start TEXT NOT NULL,
            slot INTEGER NOT NULL CHECK (slot >= 0),
            title TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX workshop_sessions_workshop ON workshop_sessions (workshop_id, position)",
        """CREATE TABLE workshop_items (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES workshop_sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            minutes INTEGER NOT NULL CHECK (minutes >= 0),
            pack_id TEXT NOT NULL DEFAULT '',
            item_id TEXT NOT NULL DEFAULT '',
            module_id TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX workshop_items_session ON workshop_items (session_id, position)",
        """CREATE TABLE workshop_participants (
            id TEXT PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            wiki_username TEXT NOT NULL DEFAULT '',
            consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
            contact TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            profile_id TEXT,
            new_editor INTEGER NOT NULL DEFAULT 0 CHECK (new_editor IN (0, 1)),
            added TEXT NOT NULL,
            CHECK (consent = 1 OR contact = '')
        )""",
        "CREATE INDEX workshop_participants_workshop ON workshop_participants (workshop_id)",
        """CREATE TABLE workshop_checkins (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            workshop_id TEXT NOT NULL,
            session_id TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            verb TEXT NOT NULL DEFAULT 'attended',
            at TEXT NOT NULL,
            device_id TEXT NOT NULL
        )""",
        "CREATE INDEX workshop_checkins_session ON workshop_checkins (workshop_id, session_id)",
        """CREATE TRIGGER workshop_checkins_no_update BEFORE UPDATE ON workshop_checkins
        BEGIN SELECT RAISE(ABORT, 'check-ins are append-only'); END""",
        """CREATE TRIGGER workshop_checkins_no_delete BEFORE DELETE ON workshop_checkins
        BEGIN SELECT RAISE(ABORT, 'check-ins are append-only'); END""",
    )


@migrations()
def m006_workshop_delivery(db: Database) -> None:
    """Whether a workshop will create wiki accounts, its ticked materials, and the agenda
    as delivered: one append-only row per item presented (started, ended), so the
    report can set planned against actual times."""
    _run(
        db,
        "ALTER TABLE workshops ADD COLUMN creates_accounts INTEGER NOT NULL DEFAULT 0"
        " CHECK (creates_accounts IN (0, 1))",
        "ALTER TABLE workshops ADD COLUMN materials TEXT NOT NULL DEFAULT '[]'",
        """CREATE TABLE workshop_delivered (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            workshop_id TEXT NOT NULL,
            session_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            started TEXT NOT NULL,
            ended TEXT NOT NULL,
            device_id TEXT NOT NULL
        )""",
        "CREATE INDEX workshop_delivered_workshop ON workshop_delivered (workshop_id, session_id)",
        """CREATE TRIGGER workshop_delivered_no_update BEFORE UPDATE ON workshop_delivered
        BEGIN SELECT RAISE(ABORT, 'delivered times are append-only'); END""",
        """CREATE TRIGGER workshop_delivered_no_delete BEFORE DELETE ON workshop_delivered
        BEGIN SELECT RAISE(ABORT, 'delivered times are append-only'); END""",
    )


@migrations()
def m007_room_questions(db: Database) -> None:
    """Room quizzes and polls (kit.core.workshops.room): each question put to the room,
    as it was asked (a pack quiz's question or a poll written on the spot), and the
    responses, append-only: one per participant ticked by the facilitator, or a show of
    hands typed in as counts per option. The latest response of a participant (and the
    latest counts) is the one that counts."""
    _run(
        db,
        """CREATE TABLE workshop_room_questions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            workshop_id TEXT NOT NULL,
            session_id TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL CHECK (kind IN ('quiz', 'poll')),
            pack_id TEXT NOT NULL DEFAULT '',
            item_id TEXT NOT NULL DEFAULT '',
            question TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT '',
            asked TEXT NOT NULL,
            device_id TEXT NOT NULL
        )""",
        "CREATE INDEX workshop_room_questions_workshop ON workshop_room_questions (workshop_id)",
        """CREATE TABLE workshop_room_responses (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            question_id TEXT NOT NULL,
            participant_id TEXT NOT NULL DEFAULT '',
            choice TEXT NOT NULL DEFAULT 'null',
            counts TEXT NOT NULL DEFAULT '{}',
            at TEXT NOT NULL,
            device_id TEXT NOT NULL
        )""",
        "CREATE INDEX workshop_room_responses_question ON workshop_room_responses (question_id)",
        """CREATE TRIGGER workshop_room_questions_no_update BEFORE UPDATE
        ON workshop_room_questions
        BEGIN SELECT RAISE(ABORT, 'room questions are append-only'); END""",
        """CREATE TRIGGER workshop_room_questions_no_delete BEFORE DELETE
        ON workshop_room_questions
        BEGIN SELECT RAISE(ABORT, 'room questions are append-only'); END""",
        """CREATE TRIGGER workshop_room_responses_no_update BEFORE UPDATE
        ON workshop_room_responses
        BEGIN SELECT RAISE(ABORT, 'room responses are append-only'); END""",
        """CREATE TRIGGER workshop_room_responses_no_delete BEFORE DELETE
        ON workshop_room_responses
        BEGIN SELECT RAISE(ABORT, 'room responses are append-only'); END""",
    )


@migrations()
def m008_prepost(db: Database) -> None:
    """A workshop's pre-test and post-test (kit.core.workshops.prepost): which questions
    (a pack's quiz or survey, or the built-in confidence survey) and the responses.

    A response is keyed for pairing by a learner profile or by a code the participant
    made up; a code is kept only as a hash, with no participant or profile id and only the
    date. Random primary keys and WITHOUT ROWID, so row order reveals nothing; one pre and
    one post per key (UNIQUE); append-only (triggers refuse UPDATE and DELETE).
    """
    _run(
        db,
        """CREATE TABLE workshop_prepost (
            workshop_id TEXT PRIMARY KEY,
            pack_id TEXT NOT NULL DEFAULT '',
            item_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('quiz', 'survey')),
            title TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE workshop_prepost_responses (
            id TEXT PRIMARY KEY,
            workshop_id TEXT NOT NULL,
            phase TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
            key_kind TEXT NOT NULL CHECK (key_kind IN ('profile', 'code')),
            pair_key TEXT NOT NULL,
            answers TEXT NOT NULL DEFAULT '{}',
            score REAL,
            day TEXT NOT NULL DEFAULT '',
            UNIQUE (workshop_id, phase, key_kind, pair_key)
        ) WITHOUT ROWID""",
        """CREATE TRIGGER workshop_prepost_responses_no_update
        BEFORE UPDATE ON workshop_prepost_responses
        BEGIN SELECT RAISE(ABORT, 'pre/post responses are append-only'); END""",
        """CREATE TRIGGER workshop_prepost_responses_no_delete
        BEFORE DELETE ON workshop_prepost_responses
        BEGIN SELECT RAISE(ABORT, 'pre/post responses are append-only'); END""",
    )


@migrations()
def m009_feedback(db: Database) -> None:
    """Anonymous feedback (kit.core.workshops.feedback): minute cards, "one up, one down"
    and the end-of-workshop survey. Nothing links an answer to a person: no participant
    or profile id, no time (the session id only), a random key and WITHOUT ROWID so the
    order rows were written in is not kept; a respondent's answers share a random
    response id. Append-only: a trigger refuses UPDATE and DELETE."""
    _run(
        db,
        """CREATE TABLE workshop_feedback (
            id TEXT PRIMARY KEY,
            workshop_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('minute', 'updown', 'survey')),
            session_id TEXT NOT NULL DEFAULT '',
            survey TEXT NOT NULL DEFAULT '',
            response_id TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            question TEXT NOT NULL,
            qtype TEXT NOT NULL CHECK (qtype IN ('scale', 'choice', 'text')),
            prompt TEXT NOT NULL DEFAULT '',
            answer TEXT NOT NULL
        ) WITHOUT ROWID""",
        "CREATE INDEX workshop_feedback_workshop ON workshop_feedback (workshop_id, kind)",
        """CREATE TRIGGER workshop_feedback_no_update BEFORE UPDATE ON workshop_feedback
        BEGIN SELECT RAISE(ABORT, 'feedback is append-only'); END""",
        """CREATE TRIGGER workshop_feedback_no_delete BEFORE DELETE ON workshop_feedback
        BEGIN SELECT RAISE(ABORT, 'feedback is append-only'); END""",
    )


@migrations()
def m010_needs(db: Database) -> None:
    """Anonymous needs-assessment responses (kit.core.needs): one row per respondent
    (a random id, the survey's pack and item and version code, how it was collected:
    kiosk, paper or imported, and the date only) and one row per answer keyed (response
    id, question id). No profile, participant or time; WITHOUT ROWID so the order rows
    were written in is not kept; append-only (triggers refuse UPDATE and DELETE)."""
    _run(
        db,
        """CREATE TABLE needs_responses (
            id TEXT PRIMARY KEY,
            pack_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            version TEXT NOT NULL DEFAULT '',
            mode TEXT NOT NULL CHECK (mode IN ('kiosk', 'paper', 'imported')),
            day TEXT NOT NULL
        ) WITHOUT ROWID""",
        "CREATE INDEX needs_responses_survey ON needs_responses (pack_id, item_id)",
        """CREATE TABLE needs_answers (
            response_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            answer TEXT NOT NULL,
            PRIMARY KEY (response_id, question_id)
        ) WITHOUT ROWID""",
        """CREATE TRIGGER needs_responses_no_update BEFORE UPDATE ON needs_responses
        BEGIN SELECT RAISE(ABORT, 'needs responses are append-only'); END""",
        """CREATE TRIGGER needs_responses_no_delete BEFORE DELETE ON needs_responses
        BEGIN SELECT RAISE(ABORT, 'needs responses are append-only'); END""",
        """CREATE TRIGGER needs_answers_no_update BEFORE UPDATE ON needs_answers
        BEGIN SELECT RAISE(ABORT, 'needs answers are append-only'); END""",
        """CREATE TRIGGER needs_answers_no_delete BEFORE DELETE ON needs_answers
        BEGIN SELECT RAISE(ABORT, 'needs answers are append-only'); END""",
    )


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

"""The records.db steps of workshop mode (m005 to m010): workshops and their sessions,
delivery, room questions, pre/post tests, feedback and the needs assessment.

Plain functions, registered in order by `kit.core.records.migrations` (never edit a
shipped step; append new ones there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.core.migrations import run_statements

if TYPE_CHECKING:
    from sqlite_utils import Database


def m005_workshops(db: Database) -> None:
    """Workshops, their agendas, participants and check-ins (kit.core.workshops).

    Check-ins are append-only (a participant need not have a profile, so they are not
    learner events): a trigger refuses UPDATE and DELETE. Contact details are kept only
    with consent (a CHECK makes it so whatever writes the row).
    """
    run_statements(
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


def m006_workshop_delivery(db: Database) -> None:
    """Whether a workshop will create wiki accounts, its ticked materials, and the agenda
    as delivered: one append-only row per item presented (started, ended), so the
    report can set planned against actual times."""
    run_statements(
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


def m007_room_questions(db: Database) -> None:
    """Room quizzes and polls (kit.core.workshops.room): each question put to the room,
    as it was asked (a pack quiz's question or a poll written on the spot), and the
    responses, append-only: one per participant ticked by the facilitator, or a show of
    hands typed in as counts per option. The latest response of a participant (and the
    latest counts) is the one that counts."""
    run_statements(
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


def m008_prepost(db: Database) -> None:
    """A workshop's pre-test and post-test (kit.core.workshops.prepost): which questions
    (a pack's quiz or survey, or the built-in confidence survey) and the responses.

    A response is keyed for pairing by a learner profile or by a code the participant
    made up; a code is kept only as a hash, with no participant or profile id and only the
    date. Random primary keys and WITHOUT ROWID, so row order reveals nothing; one pre and
    one post per key (UNIQUE); append-only (triggers refuse UPDATE and DELETE).
    """
    run_statements(
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


def m009_feedback(db: Database) -> None:
    """Anonymous feedback (kit.core.workshops.feedback): minute cards, "one up, one down"
    and the end-of-workshop survey. Nothing links an answer to a person: no participant
    or profile id, no time (the session id only), a random key and WITHOUT ROWID so the
    order rows were written in is not kept; a respondent's answers share a random
    response id. Append-only: a trigger refuses UPDATE and DELETE."""
    run_statements(
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


def m010_needs(db: Database) -> None:
    """Anonymous needs-assessment responses (kit.core.needs): one row per respondent
    (a random id, the survey's pack and item and version code, how it was collected:
    kiosk, paper or imported, and the date only) and one row per answer keyed (response
    id, question id). No profile, participant or time; WITHOUT ROWID so the order rows
    were written in is not kept; append-only (triggers refuse UPDATE and DELETE)."""
    run_statements(
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


STEPS = (
    m005_workshops,
    m006_workshop_delivery,
    m007_room_questions,
    m008_prepost,
    m009_feedback,
    m010_needs,
)

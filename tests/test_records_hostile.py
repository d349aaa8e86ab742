"""Hostile records input: a crafted backup is refused whole and the records stay as they were.

A backup is a whole SQLite database, so it can carry a schema of its own. Restore must
accept only the exact schema the app writes (at the backup's own version), `records
check` must notice a live database whose schema was tampered with, and every refusal
is one sentence, exit 1, with records.db byte for byte as before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from kit.core.paths import DataDir
from kit.core.records import Records, RecordsError
from kit.core.records.db import migrations

Craft = Callable[[sqlite3.Connection], None]


def _sql(*statements: str) -> Craft:
    def craft(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return craft


def _edit_schema(table: str, old: str, new: str) -> Craft:
    """Change a table's stored definition in place, as a hand-made file could."""

    def craft(conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = ?", [old, new, table]
        )

    return craft


EATS_EVENTS = (
    "DROP TRIGGER events_no_delete",
    "CREATE TRIGGER eat AFTER INSERT ON events BEGIN DELETE FROM events; END",
)
CASES: dict[str, tuple[Craft, str]] = {
    "trigger": (_sql(*EATS_EVENTS), "trigger eat"),
    "extra trigger only": (
        _sql("CREATE TRIGGER t AFTER INSERT ON profiles BEGIN SELECT 1; END"),
        "trigger t",
    ),
    "changed trigger": (
        _sql(
            "DROP TRIGGER events_no_update",
            "CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT 1; END",
        ),
        "events_no_update is not as Training Kit makes it",
    ),
    "extra table": (_sql("CREATE TABLE notes (x TEXT)"), "table notes"),
    "view": (_sql("CREATE VIEW everyone AS SELECT * FROM profiles"), "view everyone"),
    "missing column": (
        _sql("ALTER TABLE profiles DROP COLUMN language"),
        "profiles is not as Training Kit makes it",
    ),
    "changed column type": (
        _edit_schema("events", "result TEXT", "result BLOB"),
        "events is not as Training Kit makes it",
    ),
    "renamed index": (
        _sql(
            "DROP INDEX events_profile_item",
            "CREATE INDEX events_by_item ON events (profile_id, pack_id, item_id)",
        ),
        "index events_by_item",
    ),
    "trigger on the bookkeeping table": (
        _sql("CREATE TRIGGER m AFTER INSERT ON _sqlite_migrations BEGIN SELECT 1; END"),
        "trigger m",
    ),
    "steps out of order": (
        _sql("DELETE FROM _sqlite_migrations WHERE name = 'm001_profiles_and_events'"),
        "not a backup of learner records",
    ),
    "unreadable date": (
        _sql("UPDATE profiles SET created = 'yesterday'"),
        "would not write (created)",
    ),
    "name with control characters": (
        _sql("UPDATE profiles SET name = 'Ana' || char(27) || '[2J'"),
        "would not write (name)",
    ),
    "costly PIN hash": (
        _sql("UPDATE profiles SET pin_hash = 'scrypt$1073741824$8$1$AAAA$AAAA'"),
        "would not write (pin_hash)",
    ),
    "unknown verb": (
        _sql(
            "INSERT INTO events (id, profile_id, pack_id, item_id, verb, at, device_id) "
            "SELECT 'e2', id, 'p', 'i', 'deleted_everything', "
            "'2024-01-01T00:00:00.000000Z', 'd' FROM profiles"
        ),
        "the event e2 has a value Training Kit would not write (verb)",
    ),
    "result that is not a JSON object": (
        _sql(
            "INSERT INTO events (id, profile_id, pack_id, item_id, verb, result, at, device_id) "
            "SELECT 'e3', id, 'p', 'i', 'answered', '[1, 2', "
            "'2024-01-01T00:00:00.000000Z', 'd' FROM profiles"
        ),
        "would not write (result)",
    ),
    "negative PIN wait": (
        _sql(
            "INSERT INTO pin_throttle (profile_id, failures, wait) SELECT id, -5, -1 FROM profiles"
        ),
        "PIN lock",
    ),
    "future version": (
        _sql(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('kit.records', 'm999_from_the_future', '')"
        ),
        "newer Training Kit",
    ),
}


@pytest.fixture
def data(data_dir: Path) -> DataDir:
    """A data folder with Ana, one event of hers and one good backup."""
    folder = DataDir(data_dir)
    with Records(folder) as records:
        ana = records.create_profile("Ana", pin="1234")
        records.append_event(ana.id, "first-aid", "burns", "completed")
        records.backup()
    return folder


def _good_backup(data: DataDir) -> Path:
    with Records(data) as records:
        return records.backups()[0].path


def _crafted(data: DataDir, tmp_path: Path, craft: Craft) -> Path:
    path = tmp_path / "crafted.db"
    path.write_bytes(_good_backup(data).read_bytes())
    conn = sqlite3.connect(path)
    craft(conn)
    conn.commit()
    conn.close()
    return path


def _state(data: DataDir) -> tuple[bytes, bytes, list[str]]:
    wal = data.root / "records.db-wal"
    return (
        data.records_db.read_bytes(),
        wal.read_bytes() if wal.exists() else b"",
        sorted(p.name for p in data.backups.iterdir()),
    )


def _refused_by_cli(run_kit, data: DataDir, backup: Path, message: str) -> None:
    before = _state(data)
    code, out, err = run_kit("records", "restore", str(backup))
    assert code == 1 and out == ""
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert _state(data) == before
    assert run_kit("records", "check")[0] == 0


@pytest.mark.parametrize("case", list(CASES))
def test_a_crafted_backup_is_refused_and_records_db_is_unchanged(
    run_kit, data: DataDir, tmp_path: Path, case: str
) -> None:
    craft, message = CASES[case]
    _refused_by_cli(run_kit, data, _crafted(data, tmp_path, craft), message)


def test_a_non_sqlite_or_truncated_file_is_refused(run_kit, data: DataDir, tmp_path: Path) -> None:
    good = _good_backup(data).read_bytes()
    text = tmp_path / "notes.db"
    text.write_text("These are my notes, not a database.\n" * 200)
    _refused_by_cli(run_kit, data, text, "not a backup of learner records")
    for size in (10, 100, len(good) // 2, len(good) - 4096, len(good) - 1):
        cut = tmp_path / f"cut-{size}.db"
        cut.write_bytes(good[:size])
        before = _state(data)
        code, _out, err = run_kit("records", "restore", str(cut))
        assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, (size, err)
        assert _state(data) == before


def test_after_refusing_a_trigger_the_records_still_keep_what_they_say_they_saved(
    data: DataDir, tmp_path: Path
) -> None:
    crafted = _crafted(data, tmp_path, _sql(*EATS_EVENTS))
    with Records(data) as records:
        ana = records.list_profiles()[0]
        with pytest.raises(RecordsError, match="not learner records as Training Kit writes"):
            records.restore(crafted)
        records.append_event(ana.id, "first-aid", "cpr", "completed")
        assert [e.item_id for e in records.events(ana.id)] == ["burns", "cpr"]
        assert records.check() == []


def test_a_backup_at_an_older_schema_is_restored_and_migrated(
    data: DataDir, tmp_path: Path
) -> None:
    old = tmp_path / "old.db"
    db = Database(old)
    migrations.apply(db, stop_before=migrations.names[1])
    db.execute(
        "INSERT INTO profiles (id, name, name_key, colour, language, created) "
        "VALUES ('p1', 'Bea', 'bea', '#000000', 'en', '2024-01-01T00:00:00.000000Z')"
    )
    db.conn.commit()
    db.conn.close()
    with Records(data) as records:
        records.restore(old)
        assert [p.name for p in records.list_profiles()] == ["Bea"]
        assert records.check() == []


@pytest.mark.parametrize(
    "case",
    ["trigger", "view", "missing column", "renamed index", "unreadable date", "unknown verb"],
)
def test_records_check_notices_a_tampered_schema(run_kit, data: DataDir, case: str) -> None:
    craft, message = CASES[case]
    conn = sqlite3.connect(data.records_db)
    craft(conn)
    conn.commit()
    conn.close()
    code, out, err = run_kit("records", "check")
    assert code == 1 and out == "" and message in err and err.count("\n") == 1


def test_a_backup_with_the_older_bookkeeping_table_is_still_accepted(
    data: DataDir, tmp_path: Path
) -> None:
    """sqlite-utils once keyed _sqlite_migrations by (migration_set, name), without id."""

    def legacy(conn: sqlite3.Connection) -> None:
        conn.execute("DROP INDEX idx__sqlite_migrations_migration_set_name")
        conn.execute("ALTER TABLE _sqlite_migrations RENAME TO old_migrations")
        conn.execute(
            "CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT, "
            "PRIMARY KEY (migration_set, name))"
        )
        conn.execute(
            "INSERT INTO _sqlite_migrations SELECT migration_set, name, applied_at "
            "FROM old_migrations ORDER BY id"
        )
        conn.execute("DROP TABLE old_migrations")

    crafted = _crafted(data, tmp_path, legacy)
    with Records(data) as records:
        records.restore(crafted)
        assert [p.name for p in records.list_profiles()] == ["Ana"]
        assert records.check() == []
    extra = _crafted(data, tmp_path, _sql("CREATE INDEX m ON _sqlite_migrations (applied_at)"))
    with Records(data) as records, pytest.raises(RecordsError, match="index m"):
        records.restore(extra)

"""records.db schema: an old database migrated forward equals a fresh one; newer is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from kit.core.paths import DataDir
from kit.core.records import FutureRecordsError, Records
from kit.core.records.db import SCHEMA_VERSION, migrations


def _schema(path: Path) -> tuple[list[tuple[str, str, str]], int, list[str]]:
    conn = sqlite3.connect(path)
    objects = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    conn.close()
    return objects, version, names


def test_every_older_schema_migrates_forward_to_the_fresh_one(tmp_path: Path) -> None:
    fresh = DataDir(tmp_path / "fresh")
    Records(fresh).close()
    expected = _schema(fresh.records_db)
    assert expected[1] == SCHEMA_VERSION == len(expected[2]) >= 2

    for stop in [m.name for m in migrations._migrations][1:]:
        old = DataDir(tmp_path / stop)
        old.ensure()
        db = Database(old.records_db)
        migrations.apply(db, stop_before=stop)
        # Data written at the old schema survives the migration.
        db.execute(
            "INSERT INTO profiles (id, name, name_key, colour, language, created) "
            "VALUES ('p1', 'Ana', 'ana', '#000000', 'en', '2024-01-01T00:00:00.000000Z')"
        )
        db.conn.commit()
        db.conn.close()
        with Records(old) as records:
            assert [p.name for p in records.list_profiles()] == ["Ana"]
            records.create_profile("Bea", pin="1234")
            assert records.check() == []
        assert _schema(old.records_db) == expected


def test_records_from_a_newer_app_are_refused_untouched(data_dir: Path) -> None:
    data = DataDir(data_dir)
    Records(data).close()
    conn = sqlite3.connect(data.records_db)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('kit.records', 'm999_future', '')"
    )
    conn.commit()
    conn.close()
    before = _schema(data.records_db)
    with pytest.raises(FutureRecordsError, match="newer Training Kit"):
        Records(data)
    assert _schema(data.records_db) == before


def test_a_file_that_is_not_a_database_gives_one_sentence(data_dir: Path, run_kit) -> None:
    data = DataDir(data_dir)
    data.ensure()
    data.records_db.write_bytes(b"this is not sqlite" * 100)
    code, _out, err = run_kit("records", "check")
    assert code == 1 and "cannot be read" in err and err.count("\n") == 1
    assert data.records_db.read_bytes() == b"this is not sqlite" * 100

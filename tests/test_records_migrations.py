"""records.db schema: an old database migrated forward equals a fresh one; newer is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from kit.core.paths import DataDir
from kit.core.records import FutureRecordsError, Records, RecordsError
from kit.core.records.db import SCHEMA_VERSION, migrations
from kit.core.records.pins import hash_pin


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


def test_rebuilding_tables_keeps_every_row_and_cascades_nothing(tmp_path: Path) -> None:
    old = DataDir(tmp_path / "old")
    old.ensure()
    db = Database(old.records_db)
    migrations.apply(db, stop_before="m004_roles_object_types_context")
    db.execute(
        "INSERT INTO profiles (id, name, name_key, colour, language, created, pin_hash) "
        "VALUES ('p1', 'Ana', 'ana', '#000000', 'en', '2024-01-01T00:00:00.000000Z', ?)",
        [hash_pin("1234")],
    )
    for n in range(3):
        db.execute(
            "INSERT INTO events (id, profile_id, pack_id, item_id, verb, at, device_id) "
            f"VALUES ('e{n}', 'p1', 'pack', 'item{n}', 'completed', "
            "'2024-01-01T00:00:00.000000Z', 'd')"
        )
    db.execute("INSERT INTO pin_throttle (profile_id, failures, wait) VALUES ('p1', 4, 4)")
    db.conn.commit()
    db.conn.close()
    with Records(old) as records:
        ana = records.profile("p1")
        assert (ana.role, ana.name, ana.short_code) == ("learner", "Ana", "P1")
        assert [(e.item_id, e.object_type) for e in records.events("p1")] == [
            ("item0", "item"), ("item1", "item"), ("item2", "item")
        ]  # fmt: skip
        assert records.pin_wait_seconds("p1") == 4  # the throttle row survived the rebuild
        assert records.check() == []
        later = records.append_event("p1", "pack", "item3", "viewed")
        assert records.events("p1")[-1] == later


def test_names_are_unique_on_one_computer_but_not_in_the_schema(data_dir: Path) -> None:
    with Records(DataDir(data_dir)) as records:
        records.create_profile("Ana")
        conn = records.rdb.db.conn
        conn.execute(  # as a merge of two computers' records may bring
            "INSERT INTO profiles (id, name, name_key, colour, language, created) "
            "VALUES ('0a1b2c3d', 'Ana', 'ana', '#000000', 'en', '2025-03-04T00:00:00.000000Z')"
        )
        anas = records.list_profiles()
        assert [p.name for p in anas] == ["Ana", "Ana"]
        assert len({p.display_hint for p in anas}) == 2
        merged = next(p for p in anas if p.id == "0a1b2c3d")
        assert merged.display_hint == "0A1B · since Mar 4, 2025"
        with pytest.raises(RecordsError, match="already a profile called ANA"):
            records.create_profile("ANA")
        with pytest.raises(RecordsError, match="already a profile called ana"):
            records.rename_profile(merged.id, "ana")
        assert records.check() == []

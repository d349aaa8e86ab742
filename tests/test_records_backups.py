"""Rotating backups, restore (refusing damaged files) and the `kit records` commands."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kit.core.paths import DataDir
from kit.core.records import Records, RecordsError
from kit.core.records.backups import auto_backup, list_backups


@pytest.fixture
def records(data_dir: Path):
    with Records(DataDir(data_dir), keep_backups=3) as rec:
        yield rec


def _names(records: Records) -> list[str]:
    return sorted(p.name for p in records.list_profiles())


def test_backups_rotate_keeping_the_newest(records: Records) -> None:
    records.create_profile("Ana")
    made = [records.backup() for _ in range(5)]
    listed = records.backups()
    assert [b.path for b in listed] == [b.path for b in reversed(made[-3:])]
    assert all(b.reason == "manual" and b.size > 0 for b in listed)
    assert not any(p.name.endswith(".partial") for p in records.data_dir.backups.iterdir())


def test_backups_are_listed_with_the_time_their_name_gives(tmp_path: Path) -> None:
    """The times shown for backups (Backups dialog, `kit records backups`) come from the
    file names; files with other names are not backups."""
    for name in (
        "records-20240229T235959000001Z-auto.db",
        "records-20261202T080005123456Z-before-restore.db",
        "records-2026T1Z-auto.db",
        "notes.txt",
    ):
        (tmp_path / name).write_bytes(b"x")
    listed = list_backups(tmp_path)
    assert [(b.created, b.reason) for b in listed] == [
        (datetime(2026, 12, 2, 8, 0, 5, 123456, tzinfo=UTC), "before-restore"),
        (datetime(2024, 2, 29, 23, 59, 59, 1, tzinfo=UTC), "auto"),
    ]


def test_auto_backup_at_most_once_a_day_and_only_with_records(records: Records) -> None:
    assert records.auto_backup() is None  # nothing to protect yet
    records.create_profile("Ana")
    first = records.auto_backup()
    assert first is not None and first.reason == "auto"
    assert records.auto_backup() is None
    folder = records.data_dir.backups
    assert auto_backup(records.rdb, folder, every=timedelta(0)) is not None
    assert len(list_backups(folder)) == 2


def test_restore_brings_back_the_records_and_keeps_the_replaced_ones(records: Records) -> None:
    ana = records.create_profile("Ana")
    records.append_event(ana.id, "p", "lesson", "completed")
    saved = records.backup()
    records.create_profile("Bruno")
    records.append_event(ana.id, "p", "quiz", "passed", {"score": 90})

    result = records.restore(saved.path)
    assert _names(records) == ["Ana"]
    assert [e.item_id for e in records.events(ana.id)] == ["lesson"]
    assert result.previous is not None and result.previous.reason == "before-restore"
    records.restore("latest")  # the newest backup is the one made before restoring
    assert _names(records) == ["Ana", "Bruno"]
    assert len(records.events(ana.id)) == 2
    assert records.check() == []
    # Events recorded after a restore still work (the live database stays consistent).
    records.append_event(ana.id, "p", "lesson", "viewed")


def test_a_damaged_backup_is_refused_and_nothing_changes(records: Records, tmp_path: Path) -> None:
    ana = records.create_profile("Ana")
    good = records.backup()
    records.append_event(ana.id, "p", "lesson", "completed")
    before = records.events(ana.id)

    damaged = tmp_path / "damaged.db"
    data = bytearray(good.path.read_bytes())
    page = 4096
    for offset in range(page, len(data), page):
        data[offset : offset + 12] = b"\xff" * 12  # every b-tree page header but the first
    damaged.write_bytes(bytes(data))
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("hello")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()

    for bad, message in [
        (damaged, "damaged|cannot be read"),
        (not_sqlite, "not a backup of learner records"),
        (other, "not a backup of learner records"),
        (tmp_path / "missing.db", "There is no backup file"),
    ]:
        with pytest.raises(RecordsError, match=message):
            records.restore(bad)
        assert records.events(ana.id) == before
        assert _names(records) == ["Ana"]
    assert [b.reason for b in records.backups()] == ["manual"]  # nothing else was made
    assert records.check() == []


def test_restore_refuses_a_backup_from_a_newer_app(records: Records, tmp_path: Path) -> None:
    records.create_profile("Ana")
    newer = records.backup().path
    conn = sqlite3.connect(newer)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('kit.records', 'm999_from_the_future', '')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(RecordsError, match="newer Training Kit"):
        records.restore(newer)


def test_cli_backup_list_restore_check(run_kit, data_dir: Path) -> None:
    assert run_kit("profiles", "list") == (0, "No profiles yet.\n", "")
    code, out, err = run_kit("records", "backup")
    assert (code, out) == (1, "") and err == "There are no learner records on this computer yet.\n"
    assert not (data_dir / "records.db").exists()  # looking does not create anything

    with Records(DataDir(data_dir)) as records:
        records.create_profile("Ana", pin="1234")
    code, out, _err = run_kit("profiles", "list")
    assert code == 0 and out.startswith("Ana #") and "  (PIN, language en" in out
    code, out, _err = run_kit("records", "backup")
    assert code == 0 and "Backed up the learner records to" in out
    code, out, _err = run_kit("records", "backups")
    assert code == 0 and "manual" in out
    code, out, _err = run_kit("records", "restore", "latest")
    assert (
        code == 0 and "nothing will be lost" in out and "Restored the learner records from" in out
    )
    assert run_kit("records", "check") == (0, "The learner records are sound (1 profile).\n", "")
    code, out, err = run_kit("records", "restore", str(data_dir / "nope.db"))
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert run_kit("records")[0] == 2


def test_cli_check_reports_damage(run_kit, data_dir: Path) -> None:
    with Records(DataDir(data_dir)) as records:
        records.create_profile("Ana")
    conn = sqlite3.connect(data_dir / "records.db")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM profiles")
    conn.execute(
        "INSERT INTO events (id, profile_id, pack_id, item_id, verb, at, device_id) "
        "VALUES ('e', 'ghost', 'p', 'i', 'viewed', '2024-01-01T00:00:00.000000Z', 'd')"
    )
    conn.commit()
    conn.close()
    code, _out, err = run_kit("records", "check")
    assert code == 1 and "events row" in err and err.count("\n") == 1


def test_restore_from_another_computer_keeps_this_device_id(tmp_path: Path) -> None:
    with Records(DataDir(tmp_path / "other")) as other:
        ana = other.create_profile("Ana")
        other.append_event(ana.id, "p", "lesson", "completed")
        foreign = other.backup().path
    conn = sqlite3.connect(foreign)
    conn.execute("PRAGMA page_size = 1024")  # made with other settings
    conn.execute("VACUUM")
    conn.close()
    with Records(DataDir(tmp_path / "here")) as here:
        device = here.device_id
        result = here.restore(foreign)
        assert result.previous is None  # there was nothing to keep
        assert [e.item_id for e in here.events(ana.id)] == ["lesson"]
        assert here.append_event(ana.id, "p", "quiz", "viewed").device_id == device
        assert here.check() == []
    with Records(DataDir(tmp_path / "here")) as reopened:
        assert reopened.device_id == device

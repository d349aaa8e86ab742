"""The PIN lock cannot be sidestepped: not by a restore, a clock change or reading the files."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlite_utils import Database

from kit.core.paths import DataDir
from kit.core.records import PinLocked, Records, WrongPin
from kit.core.records.db import migrations
from kit.core.records.pins import BOOT_ID_FILE, hash_pin, system_uptime
from tests.fake_clock import FakeClock


def _wrong(records: Records, clock: FakeClock, profile_id: str, times: int) -> None:
    """`times` wrong PINs in a row, each lock before them waited out on the boot clock."""
    for _ in range(times):
        clock.advance(records.pin_wait_seconds(profile_id))
        with pytest.raises(WrongPin):
            records.check_pin(profile_id, "0000")


def test_moving_the_wall_clock_either_way_does_not_change_the_lock(
    records: Records, clock: FakeClock
) -> None:
    ana = records.create_profile("Ana", pin="1234")
    _wrong(records, clock, ana.id, 4)
    assert records.pin_wait_seconds(ana.id) == 4
    clock.now += 365 * 86_400  # a year ahead
    with pytest.raises(PinLocked, match="try again in 4 seconds"):
        records.check_pin(ana.id, "1234")
    clock.now -= 2 * 365 * 86_400  # a year back
    assert records.pin_wait_seconds(ana.id) == 4
    clock.up += 3  # three real seconds pass
    assert records.pin_wait_seconds(ana.id) == 1
    clock.up += 1
    records.check_pin(ana.id, "1234")


def test_after_a_restart_the_remaining_wait_counts_from_when_it_is_first_seen(
    data_dir: Path, clock: FakeClock
) -> None:
    with Records(DataDir(data_dir), clock=clock, uptime=clock.uptime) as records:
        ana = records.create_profile("Ana", pin="1234")
        _wrong(records, clock, ana.id, 5)
        clock.advance(3)
        assert records.pin_wait_seconds(ana.id) == 5
    clock.reboot(up=2)  # the clock since boot starts again near 0
    clock.now += 86_400
    with Records(DataDir(data_dir), clock=clock, uptime=clock.uptime) as records:
        assert records.pin_wait_seconds(ana.id) == 8  # restarted, never shortened
        clock.advance(6)
        assert records.pin_wait_seconds(ana.id) == 2
        clock.reboot(up=10_000)  # a long uptime after a reboot does not count either
        assert records.pin_wait_seconds(ana.id) == 8
        clock.advance(8)
        records.check_pin(ana.id, "1234")


def test_the_real_clock_is_the_boot_clock(records: Records) -> None:
    boot, first = system_uptime()
    _boot, second = system_uptime()
    assert second >= first >= 0
    if Path(BOOT_ID_FILE).is_file():
        assert boot == Path(BOOT_ID_FILE).read_text().strip() != ""


def test_restoring_an_older_backup_keeps_the_lock_and_the_count(
    records: Records, clock: FakeClock
) -> None:
    ana = records.create_profile("Ana", pin="1234")
    saved = records.backup()  # made before any wrong PIN
    _wrong(records, clock, ana.id, 4)
    assert records.pin_wait_seconds(ana.id) == 4
    records.restore(saved.path)
    with pytest.raises(PinLocked, match="4 seconds"):
        records.check_pin(ana.id, "1234")
    _wrong(records, clock, ana.id, 1)  # the fifth wrong PIN in a row
    assert records.pin_wait_seconds(ana.id) == 8


def test_restoring_a_backup_taken_while_locked_keeps_its_count(
    records: Records, clock: FakeClock
) -> None:
    ana = records.create_profile("Ana", pin="1234")
    _wrong(records, clock, ana.id, 5)
    locked = records.backup()
    clock.advance(8)
    records.check_pin(ana.id, "1234")  # the right PIN clears the count here
    records.restore(locked.path)
    _wrong(records, clock, ana.id, 1)  # but the backup's count was stricter: sixth in a row
    assert records.pin_wait_seconds(ana.id) == 16


def test_a_lock_from_before_the_boot_clock_is_kept_after_upgrading(data_dir: Path) -> None:
    data = DataDir(data_dir)
    data.ensure()
    db = Database(data.records_db)
    migrations.apply(db, stop_before="m003_pin_throttle_boot_clock")
    db.execute(
        "INSERT INTO profiles (id, name, name_key, colour, language, created, pin_hash) "
        "VALUES ('p1', 'Ana', 'ana', '#000000', 'en', '2024-01-01T00:00:00.000000Z', ?)",
        [hash_pin("1234")],
    )
    db.execute("INSERT INTO pin_throttle VALUES ('p1', 5, 4102444800)")  # until 2100
    db.conn.commit()
    db.conn.close()
    clock = FakeClock()
    with Records(data, clock=clock, uptime=clock.uptime) as records:
        assert records.pin_wait_seconds("p1") == 8  # the count's own lock, not 76 years


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_records_and_backups_are_private_to_their_user(data_dir: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        data_dir.mkdir(mode=0o755)
        data_dir.chmod(0o755)  # an existing folder with looser bits
        with Records(DataDir(data_dir)) as records:
            records.create_profile("Ana", pin="1234")
            made = records.backup()
            assert _mode(data_dir) == 0o700
            for name in ("records.db", "records.db-wal", "records.db-shm"):
                assert _mode(data_dir / name) == 0o600, name
            assert _mode(data_dir / "backups") == 0o700
            assert _mode(made.path) == 0o600
            records.restore(made.path)
            assert all(_mode(b.path) == 0o600 for b in records.backups())
        (data_dir / "records.db").chmod(0o644)  # loosened by hand
        data_dir.chmod(0o755)
        Records(DataDir(data_dir)).close()
        assert _mode(data_dir / "records.db") == 0o600 and _mode(data_dir) == 0o700
        assert DataDir(data_dir / "fresh").ensure().root.stat().st_mode & 0o077 == 0
    finally:
        os.umask(old_umask)
    conn = sqlite3.connect(data_dir / "records.db")
    assert conn.execute("SELECT count(*) FROM profiles").fetchone()[0] == 1
    conn.close()


def test_a_folder_that_cannot_be_made_private_still_works(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted", str(self))  # e.g. FAT or not ours

    monkeypatch.setattr(Path, "chmod", refuse)
    with Records(DataDir(data_dir)) as records:
        records.create_profile("Ana")
        records.backup()
        assert [p.name for p in records.list_profiles()] == ["Ana"]

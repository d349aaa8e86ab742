"""Portable mode: where the data goes, the stick-safe settings, and the start after an
unclean eject (check, restore from the newest sound backup, say so)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kit.core.library import Library
from kit.core.paths import DataDir, resolve_data_dir
from kit.core.portable.health import RUNNING_PREFIX, begin
from kit.core.portable.location import DATA_FOLDER, MARKER
from kit.core.records import Records

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def not_portable_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIT_PORTABLE", raising=False)


def stick(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "stick" / DATA_FOLDER, portable=True)


def learner_with_events(data: DataDir, count: int) -> list[str]:
    """A portable run that records `count` events and ends cleanly (a backup at its end)."""
    run = begin(data)
    with Records(data) as records:
        ana = next(iter(records.list_profiles()), None) or records.create_profile("Ana")
        ids = [records.append_event(ana.id, "p", f"i{n}", "completed").id for n in range(count)]
    run.end()
    return ids


def event_ids(data: DataDir) -> set[str]:
    with Records(data) as records:
        return {str(r[0]) for r in records.rdb.query("SELECT id FROM events")}


def damage(path: Path) -> None:
    """Overwrite the file's pages after the header, as a pulled-out stick may leave them."""
    with path.open("r+b") as fh:
        fh.seek(4096)
        fh.write(b"\xde\xad" * 8192)


def unclean_end(data: DataDir) -> None:
    """What a stick pulled out mid-run leaves behind: the run's marker."""
    (data.root / f"{RUNNING_PREFIX}leftover").write_text("1\n")


def run_cli(data: DataDir, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("KIT_PORTABLE", None)
    return subprocess.run(
        [sys.executable, "-m", "kit", "--portable", "--data-dir", str(data.root), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_a_marker_beside_the_bundle_keeps_the_data_beside_it(tmp_path, monkeypatch) -> None:
    bundle = tmp_path / "TrainingKit"
    bundle.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "kit"))
    monkeypatch.delenv("KIT_DATA_DIR")
    assert not resolve_data_dir().root.is_relative_to(bundle)  # no marker: the user's folder
    (bundle / MARKER).write_text("Training Kit keeps its data beside itself.\n")
    data = resolve_data_dir()
    assert data.root == (bundle / DATA_FOLDER).resolve() and data.portable


def test_kit_portable_keeps_a_named_folder_stick_safe(data_dir, monkeypatch) -> None:
    assert not resolve_data_dir().portable
    monkeypatch.setenv("KIT_PORTABLE", "1")
    data = resolve_data_dir()
    assert data.root == data_dir.resolve() and data.portable
    with Records(data) as records:
        conn = records.rdb.db.conn
        # No write-ahead log (its -shm cannot be mapped on FUSE FAT); every commit synced.
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "truncate"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 3  # EXTRA
    with Library(data) as library:
        assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "truncate"
    assert not list(data.root.glob("*-shm")) and not list(data.root.glob("*-wal"))


def test_a_clean_run_leaves_no_marker_and_keeps_the_last_backups(tmp_path) -> None:
    data = stick(tmp_path)
    for _ in range(3):
        learner_with_events(data, 2)
    assert not list(data.root.glob(f"{RUNNING_PREFIX}*"))
    with Records(data, keep_backups=10) as records:
        assert records.backups()  # kept on the stick, beside the data
    assert begin(data).notices == []


def test_damaged_records_after_an_unclean_eject_are_restored_and_the_cli_says_so(
    tmp_path,
) -> None:
    data = stick(tmp_path)
    kept = learner_with_events(data, 3)  # backed up at the end of this run
    unclean_end(data)
    damage(data.records_db)
    result = run_cli(data, "profiles", "list")
    assert result.returncode == 0, result.stderr
    assert "were damaged" in result.stderr and "restored from the backup" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Ana" in result.stdout
    assert set(kept) <= event_ids(data)
    damaged = list(data.backups.glob("damaged-records-*.db"))
    assert len(damaged) == 1  # the damaged file is kept, not deleted
    assert run_cli(data, "profiles", "list").stderr == ""  # said once, not at every start


def test_a_damaged_newest_backup_is_passed_over_for_an_older_sound_one(tmp_path) -> None:
    data = stick(tmp_path)
    first = learner_with_events(data, 2)
    learner_with_events(data, 2)
    with Records(data) as records:
        newest = records.backups()[0]
    damage(newest.path)
    unclean_end(data)
    damage(data.records_db)
    run = begin(data)
    assert len(run.notices) == 1 and "restored from the backup" in run.notices[0]
    run.end()
    assert set(first) <= event_ids(data)


def test_with_no_sound_backup_nothing_is_changed_and_it_says_so(tmp_path) -> None:
    data = stick(tmp_path)
    data.ensure()
    sqlite3.connect(data.records_db).executescript("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    damage_all = data.records_db.read_bytes()[:100] + b"\xff" * 8092
    data.records_db.write_bytes(damage_all)
    unclean_end(data)
    run = begin(data)
    assert "no sound backup" in run.notices[0]
    assert data.records_db.read_bytes() == damage_all


def test_records_gone_from_the_stick_come_back_from_the_backup(tmp_path) -> None:
    data = stick(tmp_path)
    kept = learner_with_events(data, 2)
    data.records_db.unlink()
    run = begin(data)
    assert "missing" in run.notices[0]
    assert set(kept) <= event_ids(data)


def test_a_damaged_library_is_emptied_and_the_records_are_untouched(tmp_path, pack) -> None:
    data = stick(tmp_path)
    kept = learner_with_events(data, 2)
    with Library(data) as library:
        library.install(pack)
    records_before = data.records_db.read_bytes()
    unclean_end(data)
    damage(data.library_db)
    run = begin(data)
    assert run.library_emptied and "library on this stick was damaged" in run.notices[0]
    assert data.records_db.read_bytes() == records_before
    with Library(data) as library:
        assert library.list_packs() == []
        library.install(pack)  # installed again
        assert [p["id"] for p in library.list_packs()] == ["getting-started"]
    run.end()
    assert set(kept) <= event_ids(data)


def test_installing_works_where_the_disk_reports_zero_bytes_of_zero(
    data_dir, pack, monkeypatch
) -> None:
    # fusefat (FUSE FAT32) answers statvfs with 0 free of 0: unknown, not full.
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: shutil._ntuple_diskusage(0, 0, 0))
    with Library(DataDir(data_dir)) as library:
        library.install(pack)
        assert [p["id"] for p in library.list_packs()] == ["getting-started"]


def test_the_main_window_shows_what_a_portable_start_repaired(qtbot, tmp_path) -> None:
    from ui_shell import close

    from kit.ui.main_window import MainWindow, StartOptions

    data = stick(tmp_path)
    learner_with_events(data, 1)
    (data.root / "settings.json").write_text('{"language": "en", "bundled_offered": true}')
    unclean_end(data)
    damage(data.records_db)
    window = MainWindow(data, StartOptions())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.show()
    qtbot.waitUntil(lambda: "restored from the backup" in window.message.text(), timeout=10_000)
    close(window)
    assert not list(data.root.glob(f"{RUNNING_PREFIX}*"))  # a clean close

"""Portable mode on real FAT file systems.

- FAT32: a data folder (a pack installed, records, backups) copied into a FAT32 image
  with mtools and back keeps every name, size and byte, and opens as it was.
- exFAT, live (exfat-fuse on a loop device): a writer records events on the stick; the
  FUSE daemon and the writer are stopped mid-write, the image is copied (what the
  stick holds when pulled out), both are killed; the copy, mounted, starts with every
  acknowledged record, saying so if it had to restore.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from stick_images import (
    fat32_missing,
    fat32_round_trip,
    live_exfat_missing,
    mounted_exfat,
    new_exfat_image,
    tree,
)

from kit.core.bundled import install_bundled
from kit.core.library import Library
from kit.core.paths import BUNDLED_PACKS_DIR, DataDir
from kit.core.portable.fat import layout_problems
from kit.core.portable.health import RUNNING_PREFIX, begin
from kit.core.portable.location import DATA_FOLDER
from kit.core.records import Records

ROOT = Path(__file__).resolve().parents[1]
WRITER = ROOT / "tests" / "portable_writer.py"


def one_bundled_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    shutil.copytree(BUNDLED_PACKS_DIR / "getting-started", folder / "getting-started")
    return folder


def filled_data_folder(data: DataDir, sources: Path) -> None:
    run = begin(data)
    with Library(data) as library:
        install_bundled(library, folder=sources)
    with Records(data) as records:
        ana = records.create_profile("Ana", pin="1234")
        for n in range(5):
            records.append_event(ana.id, "getting-started", f"item-{n}", "completed")
        records.backup()
    run.end()


@pytest.mark.skipif(bool(fat32_missing()), reason=fat32_missing() or "ok")
def test_a_data_folder_survives_a_fat32_stick(tmp_path) -> None:
    data = DataDir(tmp_path / DATA_FOLDER, portable=True)
    filled_data_folder(data, one_bundled_pack(tmp_path))
    # No symlinks, no file over 4 GiB, no two names differing only in case.
    assert layout_problems(data.root) == []
    before = tree(data.root)
    out = tmp_path / "copied-back"
    fat32_round_trip(data.root, tmp_path / "stick.img", out)
    copied = DataDir(out / DATA_FOLDER, portable=True)
    assert tree(copied.root) == before
    run = begin(copied)
    assert run.notices == []
    with Library(copied) as library:
        assert [p["id"] for p in library.list_packs()] == ["getting-started"]
        assert library.verify() == []
    with Records(copied) as records:
        assert records.check() == []
        assert [p.name for p in records.list_profiles()] == ["Ana"]
    run.end()


def test_the_layout_check_names_what_fat_cannot_hold(tmp_path) -> None:
    (tmp_path / "Media").mkdir()
    (tmp_path / "media").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "media")
    problems = layout_problems(tmp_path)
    assert any("differ only in case" in p for p in problems)
    assert any("symbolic link" in p for p in problems)


def start_writer(data_root: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(data_root), "100000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )


@pytest.mark.skipif(bool(live_exfat_missing()), reason=live_exfat_missing() or "ok")
@pytest.mark.parametrize("acks_before_unplug", [3, 60])
def test_pulling_an_exfat_stick_out_mid_write_loses_no_acknowledged_record(
    tmp_path, pack, acks_before_unplug
) -> None:
    image, copy = tmp_path / "stick.img", tmp_path / "pulled-out.img"
    new_exfat_image(image)
    acknowledged: list[str] = []
    with mounted_exfat(image, tmp_path / "mnt") as stick:
        writer = start_writer(stick.mountpoint / DATA_FOLDER)
        try:
            assert writer.stdout is not None
            assert writer.stdout.readline() == "ready\n", writer.stderr and writer.stderr.read()
            acknowledged += [writer.stdout.readline().strip() for _ in range(acks_before_unplug)]
            os.kill(stick.daemon, signal.SIGSTOP)  # the stick stops answering mid-write
            os.kill(writer.pid, signal.SIGSTOP)
            shutil.copyfile(image, copy)  # what the stick holds when pulled out
        finally:
            writer.kill()
            stick.kill_daemon()
        rest, _err = writer.communicate(timeout=60)
        writer.wait(timeout=60)
        # Lines already written when it was stopped were acknowledged before the copy.
        acknowledged += [line for line in rest.splitlines() if line]
    assert len(acknowledged) >= acks_before_unplug

    with mounted_exfat(copy, tmp_path / "mnt2") as stick:
        data = DataDir(stick.mountpoint / DATA_FOLDER, portable=True)
        assert list(data.root.glob(f"{RUNNING_PREFIX}*"))  # it did end uncleanly
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        started = subprocess.run(
            [
                sys.executable,
                "-m",
                "kit",
                "--portable",
                "--data-dir",
                str(data.root),
                "records",
                "check",
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
        )
        assert started.returncode == 0, started.stderr + started.stdout
        assert "Traceback" not in started.stderr
        with Records(data) as records:
            found = {str(r[0]) for r in records.rdb.query("SELECT id FROM events")}
            assert records.check() == []
        missing = set(acknowledged) - found
        assert not missing, (
            f"{len(missing)} acknowledged records lost; start said: {started.stderr}"
        )
        # Temp files and renames on exFAT: a pack installs on the stick.
        with Library(data) as library:
            library.install(pack)
            assert library.verify() == []

"""A full disk on a real small filesystem (tmpfs): the right sentence, and headroom sized to the pack."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from library_helpers import PNG, content, open_library, snapshot, write_pack


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs mounted for this test (needs root: skipped with the reason otherwise)."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(disk: Path, leave: int = 0) -> Path:
    """Fill the disk until `leave` bytes (rounded to pages) are free."""
    filler = disk / "filler"
    with filler.open("ab") as fh:
        while (free := shutil.disk_usage(disk).free) > leave:
            try:
                fh.write(b"\0" * min(1 << 20, max(4096, free - leave)))
                fh.flush()
            except OSError:
                break
    return filler


def _free_up_to(disk: Path, filler: Path, free: int) -> None:
    size = filler.stat().st_size - (free - shutil.disk_usage(disk).free)
    with filler.open("r+b") as fh:
        fh.truncate(max(0, size))


def test_opening_an_intact_library_on_a_full_disk_says_the_disk_is_full(
    small_disk: Path, tmp_path: Path, run_kit
) -> None:
    data = small_disk / "data"
    pack = write_pack(tmp_path / "p.kitpack", content(), media={"media/a.png": PNG})
    with open_library(data) as lib:
        lib.install(pack)
    filler = _fill(small_disk)
    code, out, err = run_kit("--data-dir", data, "library", "list")
    assert (code, out) == (1, "")
    assert "is full" in err and "not damaged" in err and "move it aside" not in err
    assert err.count("\n") == 1
    filler.unlink()
    assert [p["id"] for p in snapshot(data)["packs"]] == ["demo"]  # intact all along


def test_a_small_pack_installs_when_just_enough_space_is_free(
    small_disk: Path, tmp_path: Path, run_kit
) -> None:
    data = small_disk / "data"
    open_library(data).close()
    pack = write_pack(tmp_path / "p.kitpack", content(), media={"media/a.png": PNG})
    assert pack.stat().st_size < 4096
    filler = _fill(small_disk, leave=64 * 1024)
    code, _out, err = run_kit("--data-dir", data, "library", "install", pack)
    assert code == 1 and "not enough free disk space" in err
    needed = re.search(r"it needs ([\d.,]+) (KB|MB)", err)
    assert needed, err
    amount = float(needed.group(1).replace(",", "")) * (1000 if needed.group(2) == "KB" else 1e6)
    assert amount < 2_000_000  # sized to the pack, not a fixed 64 MB
    _free_up_to(small_disk, filler, int(amount) + 64 * 1024)
    code, out, err = run_kit("--data-dir", data, "library", "install", pack)
    assert code == 0 and "Installed demo 1.0.0" in out, err
    with contextlib.closing(open_library(data)) as lib:
        assert lib.verify() == []

"""A store file lost or damaged after an install (power cut) is repaired by installing again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from library_helpers import PNG, content, lesson, open_library, write_pack

from kit.core.fsutil import sha256_file

MEDIA = {"media/a.bin": os.urandom(30_000), "media/keep.png": PNG}


def _v1(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "v1.kitpack", content(), media=MEDIA)


def _store_file(data_dir: Path, data: bytes) -> Path:
    import hashlib

    sha = hashlib.sha256(data).hexdigest()
    return data_dir / "media" / sha[:2] / sha


def _damage(path: Path, how: str) -> None:
    if how == "empty":
        path.write_bytes(b"")  # what a power cut leaves of a file never synced
    elif how == "flipped":
        data = bytearray(path.read_bytes())
        data[0] ^= 0xFF
        path.write_bytes(bytes(data))
    else:
        path.unlink()


@pytest.mark.parametrize("how", ["empty", "flipped", "missing"])
def test_reinstalling_the_same_version_repairs_a_damaged_store_file(
    how: str, tmp_path: Path, data_dir: Path
) -> None:
    pack = _v1(tmp_path)
    with open_library(data_dir) as lib:
        lib.install(pack)
        target = _store_file(data_dir, MEDIA["media/a.bin"])
        _damage(target, how)
        assert lib.verify() != []
        result = lib.install(pack)
        assert result.action == "repaired"
        assert lib.verify() == []
        assert target.read_bytes() == MEDIA["media/a.bin"]
        assert lib.install(pack).action == "unchanged"


def test_cli_reinstall_says_it_repaired(tmp_path: Path, data_dir: Path, run_kit) -> None:
    pack = _v1(tmp_path)
    assert run_kit("library", "install", pack)[0] == 0
    _damage(_store_file(data_dir, PNG), "empty")
    code, _out, err = run_kit("library", "verify")
    assert code == 1 and "reinstall" in err
    code, out, _err = run_kit("library", "install", pack)
    assert code == 0 and "Repaired demo 1.0.0" in out
    assert run_kit("library", "verify")[0] == 0


def test_update_rewrites_a_damaged_file_it_keeps(tmp_path: Path, data_dir: Path) -> None:
    v2 = write_pack(
        tmp_path / "v2.kitpack",
        content(version="2.0.0", items=[lesson("intro", "Intro two")]),
        media=MEDIA,
    )
    with open_library(data_dir) as lib:
        lib.install(_v1(tmp_path))
        target = _store_file(data_dir, MEDIA["media/a.bin"])
        _damage(target, "flipped")
        assert lib.install(v2).action == "updated"
        assert lib.verify() == []
        assert sha256_file(target) == _store_file(data_dir, MEDIA["media/a.bin"]).name


def test_install_syncs_files_and_folders_before_the_commit(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every store file and every folder that gained a name is fsynced before install returns."""
    synced: set[tuple[int, int]] = set()
    real = os.fsync

    def recording(fd: int) -> None:
        st = os.fstat(fd)
        synced.add((st.st_dev, st.st_ino))
        real(fd)

    monkeypatch.setattr(os, "fsync", recording)
    with open_library(data_dir) as lib:
        lib.install(_v1(tmp_path))
    media = data_dir / "media"
    wanted = [media, *media.iterdir(), *media.glob("*/*")]
    unsynced = [p for p in wanted if (p.stat().st_dev, p.stat().st_ino) not in synced]
    assert len(wanted) == 5 and unsynced == []


def test_update_keeping_many_files_rewrites_each_damaged_one(
    tmp_path: Path, data_dir: Path
) -> None:
    """The kept files are checked by two threads (the installing one, then the row
    thread too): every damaged one is found, whichever thread reads it."""
    many = {f"media/f{n:02d}.bin": os.urandom(70_000 + n) for n in range(40)}
    v1 = write_pack(tmp_path / "v1.kitpack", content(), media=many)
    v2 = write_pack(
        tmp_path / "v2.kitpack",
        content(version="2.0.0", items=[lesson("intro", "Intro two")]),
        media=many,
    )
    with open_library(data_dir) as lib:
        lib.install(v1)
        damaged = [_store_file(data_dir, many[name]) for name in list(many)[::7]]
        for n, path in enumerate(damaged):
            _damage(path, ("flipped", "empty", "missing")[n % 3])
        assert lib.install(v2).action == "updated"
        assert lib.verify() == []
    for path in damaged:
        assert sha256_file(path) == path.name


def test_update_refused_for_its_content_keeps_the_old_copy_to_export(
    tmp_path: Path, data_dir: Path
) -> None:
    """An update's kept copy of the pack is written while its content.json is checked;
    a content.json refused then leaves the old version, and its copy, as they were."""
    from kit.core.errors import PackError

    bad_item = dict(lesson("intro", "Intro two"), type="no such type")
    v2 = write_pack(tmp_path / "v2.kitpack", content(version="2.0.0", items=[bad_item]), MEDIA)
    with open_library(data_dir) as lib:
        lib.install(_v1(tmp_path))
        with pytest.raises(PackError, match="unknown type"):
            lib.install(v2)
        assert [p["version"] for p in lib.list_packs()] == ["1.0.0"]
        out = lib.export_pack("demo", tmp_path / "usb")
        assert out.name == "demo-1.0.0.kitpack"
        assert lib.verify() == []


def test_update_progress_counts_each_file_once_and_reaches_the_total(
    tmp_path: Path, data_dir: Path
) -> None:
    """An update stages its new files first and the kept ones found damaged after their
    check: the progress still counts every file once, rising to the total."""
    kept = {f"media/k{n}.bin": os.urandom(50_000) for n in range(6)}
    v1 = write_pack(tmp_path / "v1.kitpack", content(), media=kept)
    new = {"media/new.bin": os.urandom(40_000), "media/twin.bin": kept["media/k0.bin"]}
    v2 = write_pack(tmp_path / "v2.kitpack", content(version="2.0.0"), media={**kept, **new})
    seen: list[tuple[int, int]] = []
    with open_library(data_dir) as lib:
        lib.install(v1)
        _damage(_store_file(data_dir, kept["media/k3.bin"]), "flipped")
        assert lib.install(v2, progress=lambda d, t: seen.append((d, t))).action == "updated"
        assert lib.verify() == []
    done = [d for d, _t in seen]
    assert done == sorted(done) and done[-1] == seen[-1][1] > 0

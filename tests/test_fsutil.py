"""kit.core.fsutil: the one atomic, durable write and the one SHA-256 of a file."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from kit.core import fsutil


def test_write_atomic_replaces_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "catalog.json"
    fsutil.write_atomic(target, b"one")
    fsutil.write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["catalog.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "sources.json"
    fsutil.write_atomic(target, b"old")

    def broken(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError):
        fsutil.write_atomic(target, b"new")
    assert target.read_bytes() == b"old" and len(list(tmp_path.iterdir())) == 1


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_modes_follow_the_umask_unless_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fsutil.write_atomic(tmp_path / "public", b"x")
        fsutil.write_atomic(tmp_path / "secret", b"x", private=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "public").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "secret").stat().st_mode) == 0o600


def test_sha256_of_a_file_larger_than_one_chunk(tmp_path: Path) -> None:
    data = os.urandom(fsutil.CHUNK + 123)
    path = tmp_path / "f"
    path.write_bytes(data)
    assert fsutil.sha256_file(path) == hashlib.sha256(data).hexdigest()
    assert fsutil.sha256_and_size(path) == (hashlib.sha256(data).hexdigest(), len(data))

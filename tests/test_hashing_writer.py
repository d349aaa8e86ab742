"""HashingWriter: received bytes reach the file and the hash in order, also when cut short."""

from __future__ import annotations

import hashlib
import io
import os
import random
from pathlib import Path

import pytest

from kit.core.catalog import hashing
from kit.core.catalog.hashing import Hasher, HashingWriter


def _pump(data: bytes, out: io.BufferedIOBase, writer: HashingWriter, cut: int | None) -> int:
    """Feed `data` in random pieces as a socket would; stop with an error at `cut`."""
    rng = random.Random(len(data))
    source, done = io.BytesIO(data), 0
    try:
        while True:
            space = writer.space()
            want = min(len(space), rng.randint(1, 40))
            if cut is not None and source.tell() + want > cut:
                want = cut - source.tell()
                n = source.readinto(space[:want])
                writer.received(n)
                raise ConnectionResetError
            n = source.readinto(space[:want])
            if not n:
                break
            done += writer.received(n)
    finally:
        done += writer.flush()
    return done


@pytest.mark.parametrize("size,count", [(7, 2), (16, 3), (1000, 3)])
def test_every_byte_is_written_and_hashed_in_order(tmp_path: Path, size: int, count: int) -> None:
    data = os.urandom(5000)
    hasher = Hasher()
    with (tmp_path / "f").open("wb", buffering=0) as out:
        done = _pump(data, out, HashingWriter(out, hasher, size, count), None)
    assert done == len(data)
    assert (tmp_path / "f").read_bytes() == data
    assert hasher.hexdigest() == hashlib.sha256(data).hexdigest()


def test_a_cut_keeps_exactly_what_was_received(tmp_path: Path) -> None:
    data = os.urandom(3000)
    hasher = Hasher()
    done = 0
    with (tmp_path / "f").open("wb", buffering=0) as out, pytest.raises(ConnectionResetError):
        writer = HashingWriter(out, hasher, 64, 2)
        try:
            _pump(data, out, writer, 1234)
        finally:
            done = 1234 - writer.pending  # flushed by _pump: nothing is pending
    assert done == 1234
    assert (tmp_path / "f").read_bytes() == data[:1234]
    assert hasher.hexdigest() == hashlib.sha256(data[:1234]).hexdigest()


def test_slowly_arriving_bytes_are_written_without_waiting_for_a_full_buffer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hashing, "FLUSH_AFTER", 0.0)
    hasher = Hasher()
    with (tmp_path / "f").open("wb", buffering=0) as out:
        writer = HashingWriter(out, hasher, 1024, 2)
        writer.space()[:3] = b"abc"
        assert writer.received(3) == 3  # past FLUSH_AFTER: written at once
        assert (tmp_path / "f").read_bytes() == b"abc"
    assert hasher.hexdigest() == hashlib.sha256(b"abc").hexdigest()

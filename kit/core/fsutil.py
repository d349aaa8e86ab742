"""Small file helpers used across the core: durable writes and SHA-256 of a file.

A file "written" here is on stable storage when the call returns: the data is fsynced,
then renamed into place, then the folder that gained the name is fsynced, so a power cut
leaves either the old file or the new one, never an empty or half one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

CHUNK = 1 << 20
_umask_lock = threading.Lock()


def hash_file(path: Path) -> Any:
    """A hashlib SHA-256 object fed with the file's bytes (to go on updating, or .hexdigest())."""
    import hashlib  # here: loading OpenSSL costs the app's start-up, which hashes nothing

    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest


def sha256_file(path: Path) -> str:
    """The SHA-256 (hex) of a file's bytes, read in 1 MiB chunks."""
    return hash_file(path).hexdigest()


def sha256_and_size(path: Path) -> tuple[str, int]:
    import hashlib

    digest = hashlib.sha256()
    size = 0
    with Path(path).open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def current_umask() -> int:
    """The process umask, read without changing it where the OS allows."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def public_mode() -> int:
    """The mode a newly made file gets from open(): 0o666 less the umask (0o644 under 022)."""
    return 0o666 & ~current_umask()


def free_space(folder: Path) -> int | None:
    """Free bytes on the disk holding `folder`, or None when the system cannot tell.

    Some file system drivers (fusefat, the FUSE FAT32 driver some USB sticks are
    mounted with) report 0 bytes free of 0 in all: that means "unknown", not "full".
    """
    import shutil

    usage = shutil.disk_usage(folder)
    if usage.total == 0 and usage.free == 0:
        return None
    return usage.free


def sync_file(fh: BinaryIO) -> None:
    fh.flush()
    os.fsync(fh.fileno())


def sync_path(path: Path) -> None:
    """fsync a file or folder by name (folders cannot be opened on Windows: skipped there)."""
    if os.name == "nt" and Path(path).is_dir():  # pragma: no cover
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folders(folders: Iterable[Path]) -> None:
    """fsync each folder once, so the names it gained (renames, new files) survive a power cut.

    Errors are ignored: some systems cannot open a folder for fsync (Windows), and there
    the data is safe once the file itself is synced.
    """
    for folder in dict.fromkeys(folders):
        with contextlib.suppress(OSError):
            sync_path(folder)


def write_atomic(path: Path, data: bytes, private: bool = False) -> None:
    """Write a whole file or nothing: temporary file, fsync, rename, fsync of the folder.

    The file gets the mode a plain open() would give it (the user's umask, so a web
    server can serve it), or 0600 when `private` (keys, learners' data).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if not private:
                os.chmod(fh.fileno(), public_mode())
            sync_file(fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_folders([path.parent])


def make_public(fd_or_path: int | Path) -> None:
    """Give a file made by mkstemp (0600) the mode open() would have given it."""
    os.chmod(fd_or_path, public_mode())

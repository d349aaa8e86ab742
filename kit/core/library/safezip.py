"""Opening a pack zip from a stranger: entry checks and bounded reads.

Python 3.11.7's zipfile trusts the central directory, so a zip whose entries overlap
(a "quoted overlap" bomb, CVE-2024-0450) or whose sizes lie can expand without bound.
We check the entry table before reading anything, and every read stops at the size
the manifest declares.
"""

from __future__ import annotations

import hashlib
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from typing import IO, BinaryIO

from kit.core.errors import PackError
from kit.i18n import _

CHUNK = 1 << 20
LOCAL_HEADER_SIZE = 30
ALLOWED_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
DRIVE_RE = re.compile(r"^[A-Za-z]:")
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
RESERVED = {"manifest.json", "signature.json"}


def damaged(name: str, why: str) -> PackError:
    return PackError(
        _("{name} is damaged or unsafe: {why}; it was not installed.").format(name=name, why=why)
    )


def check_path(path: str, name: str) -> None:
    """Refuse a member name that could land outside the staging folder on any OS."""
    if "\\" in path:
        raise damaged(name, _("the entry '{path}' contains a backslash").format(path=path))
    if path.startswith("/") or DRIVE_RE.match(path):
        raise damaged(name, _("the entry '{path}' is an absolute path").format(path=path))
    parts = path.split("/")
    if ".." in parts:
        raise damaged(
            name, _("the entry '{path}' points outside the pack ('..')").format(path=path)
        )
    if any(p in ("", ".") for p in parts) or CONTROL_RE.search(path):
        raise damaged(name, _("the entry '{path}' has a malformed name").format(path=path))


def _check_entry(info: zipfile.ZipInfo, name: str) -> None:
    # orig_filename: zipfile cuts names at NUL and turns '\\' into '/' on Windows.
    if info.orig_filename != info.filename and "\\" not in info.orig_filename:
        raise damaged(
            name, _("the entry '{filename}' has a malformed name").format(filename=info.filename)
        )
    mode = info.external_attr >> 16
    # Type bits 0 mean "unspecified" (our builder writes bare permissions): a file.
    if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
        kind = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
        raise damaged(
            name, _("the entry '{filename}' is {kind}").format(filename=info.filename, kind=kind)
        )
    check_path(info.orig_filename, name)
    if info.flag_bits & 0x1:
        raise damaged(name, _("the entry '{filename}' is encrypted").format(filename=info.filename))
    if info.compress_type not in ALLOWED_COMPRESSION:
        raise damaged(
            name,
            _("the entry '{filename}' uses an unsupported compression").format(
                filename=info.filename
            ),
        )


def check_entries(zf: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    """Check every entry's name, type and placement; returns entries by name."""
    entries: dict[str, zipfile.ZipInfo] = {}
    folded: dict[str, str] = {}
    for info in zf.infolist():
        _check_entry(info, name)
        if info.filename in entries:
            raise damaged(
                name, _("the entry '{filename}' appears twice").format(filename=info.filename)
            )
        key = info.filename.casefold()
        if key in folded:
            raise damaged(
                name,
                _("the entries '{value}' and '{filename}' differ only in letter case").format(
                    value=folded[key], filename=info.filename
                ),
            )
        folded[key] = info.filename
        entries[info.filename] = info
    _check_no_overlap(zf, list(entries.values()), name)
    return entries


def _check_no_overlap(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> None:
    # Each entry's local header, name and data must end before the next entry starts,
    # and the last before the central directory.
    end_of_data = getattr(zf, "start_dir", None)
    ordered = sorted(infos, key=lambda i: i.header_offset)
    for current, following in zip(ordered, [*ordered[1:], None], strict=False):
        limit = following.header_offset if following is not None else end_of_data
        end = (
            current.header_offset
            + LOCAL_HEADER_SIZE
            + _name_length(current)
            + current.compress_size
        )
        if current.header_offset < 0 or (limit is not None and end > limit):
            raise damaged(
                name,
                _("the entry '{filename}' overlaps another entry").format(
                    filename=current.filename
                ),
            )


def _name_length(info: zipfile.ZipInfo) -> int:
    encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
    return len(info.orig_filename.encode(encoding, "replace"))


def read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    """Read a small member completely, refusing more than `limit` bytes."""
    if info.file_size > limit:
        raise damaged(name, _("its {filename} is too large").format(filename=info.filename))
    chunks: list[bytes] = []
    copy_bounded(zf, info, info.file_size, lambda b: chunks.append(b), name)
    return b"".join(chunks)


def copy_bounded(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    size: int,
    write: Callable[[bytes], object],
    name: str,
    tick: Callable[[int], None] | None = None,
) -> str:
    """Stream one member to `write`, stopping at `size` bytes; returns its SHA-256 hex.

    More or fewer bytes than `size`, or a bad CRC, refuse the pack.
    """
    digest = hashlib.sha256()
    done = 0
    try:
        with zf.open(info) as src:
            while done < size:
                chunk = src.read(min(CHUNK, size - done))
                if not chunk:
                    break
                done += len(chunk)
                digest.update(chunk)
                write(chunk)
                if tick is not None:
                    tick(len(chunk))
            if done != size or _has_more(src):
                raise damaged(
                    name,
                    _("the size of '{filename}' differs from its manifest").format(
                        filename=info.filename
                    ),
                )
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError):
        raise damaged(
            name, _("the entry '{filename}' is corrupt").format(filename=info.filename)
        ) from None
    return digest.hexdigest()


def _has_more(src: IO[bytes]) -> bool:
    # Reading past the end also makes zipfile check the CRC.
    return bool(src.read(1))


LOCAL_HEADER = struct.Struct("<4s5H3L2H")


def copy_stored(
    raw: BinaryIO,
    info: zipfile.ZipInfo,
    size: int,
    write: Callable[[bytes | memoryview], object],
    name: str,
    tick: Callable[[int], None] | None = None,
) -> str:
    """Stream a STORED member straight from the file (no zipfile layer, no CRC: the
    caller checks the SHA-256, a stronger check); reads exactly `size` bytes."""
    raw.seek(info.header_offset)
    header = raw.read(LOCAL_HEADER.size)
    if len(header) != LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise damaged(name, _("the entry '{filename}' is corrupt").format(filename=info.filename))
    fields = LOCAL_HEADER.unpack(header)
    raw.seek(info.header_offset + LOCAL_HEADER.size + fields[9] + fields[10])
    digest = hashlib.sha256()
    buf = memoryview(bytearray(CHUNK))
    done = 0
    while done < size:
        n = raw.readinto(buf[: min(CHUNK, size - done)])  # type: ignore[attr-defined]
        if not n:
            raise damaged(
                name, _("the entry '{filename}' is cut short").format(filename=info.filename)
            )
        chunk = buf[:n]
        digest.update(chunk)
        write(chunk)
        done += n
        if tick is not None:
            tick(n)
    return digest.hexdigest()


def read_deflated(raw: BinaryIO, info: zipfile.ZipInfo, size: int, name: str) -> bytes | None:
    """A DEFLATED member of at most a few hundred MB read whole: its compressed bytes
    in one read, inflated by one call that stops at `size` + 1 bytes (no zipfile layer,
    no CRC: the caller checks the SHA-256, a stronger check). None when the member
    declares more compressed bytes than deflate could make of `size` (read it with
    copy_bounded); more or fewer bytes than `size`, or a stream cut short, refuse it."""
    # Deflate's stored blocks add 5 bytes per 64 KiB at worst.
    if (
        info.compress_type != zipfile.ZIP_DEFLATED
        or info.compress_size > size + size // 1000 + 1024
    ):
        return None
    raw.seek(info.header_offset)
    header = raw.read(LOCAL_HEADER.size)
    if len(header) != LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise damaged(name, _("the entry '{filename}' is corrupt").format(filename=info.filename))
    fields = LOCAL_HEADER.unpack(header)
    raw.seek(info.header_offset + LOCAL_HEADER.size + fields[9] + fields[10])
    packed = raw.read(info.compress_size)
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        data = inflater.decompress(packed, size + 1)
    except zlib.error:
        data = b""
    if len(packed) != info.compress_size or (not inflater.eof and len(data) <= size):
        raise damaged(name, _("the entry '{filename}' is corrupt").format(filename=info.filename))
    if len(data) != size:
        raise damaged(
            name,
            _("the size of '{filename}' differs from its manifest").format(filename=info.filename),
        )
    return data

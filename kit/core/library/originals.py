"""Keeping a pack's manifest.json and content.json compressed, cheaply, for export.

A pack made by `kit pack build` already holds both deflated. Their deflate streams are
copied from the zip as they are and wrapped as zlib streams (2-byte header, Adler-32
of the data): about 2 ms for a 6 MB content.json, where compressing it again would
take 75 ms (level 1) on the same install. Anything else is compressed at level 1.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from kit.core.library.safezip import LOCAL_HEADER_SIZE

ZLIB_HEADER = b"\x78\x01"  # deflate, 32 KiB window, no dictionary (as zlib.compress level 1)
_LOCAL = struct.Struct("<4s5H3L2H")


def pack_member(path: Path, info: zipfile.ZipInfo, data: bytes) -> bytes:
    """A zlib stream of `data`, the checked contents of member `info` of the zip `path`."""
    if info.compress_type == zipfile.ZIP_DEFLATED:
        deflated = _raw_member(path, info)
        if deflated is not None:
            return ZLIB_HEADER + deflated + struct.pack(">I", zlib.adler32(data))
    return zlib.compress(data, 1)


def unpack(blob: bytes, limit: int) -> bytes:
    """The data of a stream from pack_member (raises zlib.error if damaged).

    Inflated without its zlib wrapper: a zip's deflate stream may be followed by bytes
    zipfile ignores, and the caller checks the SHA-256 the manifest gives anyway.
    """
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    data = inflater.decompress(blob[2:-4], limit)
    if inflater.unconsumed_tail or not inflater.eof:
        raise zlib.error("the stream is longer than expected or cut short")
    return data


def _raw_member(path: Path, info: zipfile.ZipInfo) -> bytes | None:
    try:
        with path.open("rb") as fh:
            fh.seek(info.header_offset)
            header = fh.read(LOCAL_HEADER_SIZE)
            if len(header) != LOCAL_HEADER_SIZE or header[:4] != b"PK\x03\x04":
                return None
            fields = _LOCAL.unpack(header)
            fh.seek(info.header_offset + LOCAL_HEADER_SIZE + fields[9] + fields[10])
            deflated = fh.read(info.compress_size)
    except OSError:
        return None
    return deflated if len(deflated) == info.compress_size else None

"""What a download reads and keeps, apart from the download itself: the body of a
response or file read straight into the download's buffer, the validator that lets a
resume ask for the same file, the sidecar read back, and a failure said in words."""

from __future__ import annotations

import http.client
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from kit.core import strictjson


def body_reader(stream: BinaryIO) -> Callable[[memoryview], int]:
    """readinto1 for the body: one read of what has arrived, straight into our buffer."""
    if isinstance(stream, http.client.HTTPResponse):
        fp = stream.fp
        if stream.chunked or stream.length is None or fp is None:
            response = stream
            return lambda buf: _copy_into(buf, response.read1(len(buf)))
        # A plain body of known length: read the socket's file directly (HTTPResponse has
        # no readinto1, and its read1 makes a new bytes object for every read).
        left = [stream.length]

        def read_body(buf: memoryview) -> int:
            n = fp.readinto1(buf[: left[0]]) if left[0] > 0 else 0
            left[0] -= n
            return n

        return read_body
    readinto1 = getattr(stream, "readinto1", None)
    if readinto1 is not None:
        return readinto1
    read1 = getattr(stream, "read1", stream.read)
    return lambda buf: _copy_into(buf, read1(len(buf)))


def _copy_into(buf: memoryview, data: bytes) -> int:
    buf[: len(data)] = data
    return len(data)


def strong_validator(headers: Any) -> str:
    """What a resume sends as If-Range: a strong ETag, else Last-Modified ("" if neither)."""
    etag = headers.get("ETag") or ""
    if etag and not etag.startswith("W/"):
        return etag
    return headers.get("Last-Modified") or ""


def read_json_object(path: Path) -> dict[str, Any]:
    """A download's sidecar read back; {} when it is missing, damaged or not an object."""
    try:
        data = strictjson.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def failure_reason(exc: BaseException) -> str:
    """A failed attempt in a few words, for the sentence that says the download failed."""
    if isinstance(exc, TimeoutError):
        return "the server stopped answering"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) or type(exc).__name__

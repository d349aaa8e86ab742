"""SHA-256 of files and of streams, the latter on a helper thread.

A download receives into a few 1 MiB buffers (`HashingWriter`): each filled part is
written to the file on the receiving thread and hashed on a helper thread from the same
memory (hashlib releases the GIL for large buffers), so hashing overlaps receiving and
no byte is copied into a Python object on the way.
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, BinaryIO

SLAB = 1024 * 1024  # bytes per receive buffer: hashing starts after the first one
SLABS = 8  # one receiving, the others written and waiting for (or in) the hasher
FLUSH_AFTER = 0.5  # seconds: what arrives slowly is still written (and kept) soon


class Hasher:
    """SHA-256 on a helper thread, so hashing overlaps reading and writing.

    hashlib releases the GIL for large buffers; updates stay in order (one worker).
    `update` returns the Future of that update: the caller may reuse the buffer it
    passed only once that is done.
    """

    def __init__(self, digest: Any = None) -> None:
        self._h = digest if digest is not None else hashlib.sha256()
        self._pool: ThreadPoolExecutor | None = None
        self._pending: deque[Future[None]] = deque()

    def update(self, data: bytes | memoryview) -> Future[None]:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="kit-sha256")
        future = self._pool.submit(self._h.update, data)
        self._pending.append(future)
        while len(self._pending) > 8:
            self._pending.popleft().result()
        while self._pending and self._pending[0].done():
            self._pending.popleft().result()
        return future

    def hexdigest(self) -> str:
        self.close()
        return self._h.hexdigest()

    def close(self) -> None:
        while self._pending:
            self._pending.popleft().result()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class HashingWriter:
    """Received bytes to `out` and to `hasher`, through a few reusable buffers.

    Receive into `space()`, then call `received(n)`; it returns how many bytes it wrote
    to the file (a buffer is written when full, or when FLUSH_AFTER seconds have passed
    since the last write, so a slow download keeps what it got). `flush()` writes the
    rest; call it before leaving, also on errors: what was received is then on disk and
    hashed, exactly as counted. A buffer is reused only once its hash is done.

        writer = HashingWriter(out, hasher)
        while n := stream.readinto1(writer.space()):
            done += writer.received(n)
        done += writer.flush()
    """

    def __init__(self, out: BinaryIO, hasher: Hasher, size: int = SLAB, count: int = SLABS) -> None:
        self._out, self._hasher = out, hasher
        self._slabs = [memoryview(bytearray(size)) for _ in range(count)]
        self._busy: list[Future[None] | None] = [None] * count
        self._index = 0
        self._start = 0  # received into the current slab and written up to here
        self._pos = 0  # received into the current slab up to here
        self._last_write = time.monotonic()

    @property
    def pending(self) -> int:
        """Bytes received but not yet written."""
        return self._pos - self._start

    def space(self) -> memoryview:
        return self._slabs[self._index][self._pos :]

    def received(self, n: int) -> int:
        self._pos += n
        if self._pos == len(self._slabs[self._index]):
            written = self.flush()
            self._next_slab()
            return written
        if time.monotonic() - self._last_write > FLUSH_AFTER:
            return self.flush()
        return 0

    def flush(self) -> int:
        view = self._slabs[self._index][self._start : self._pos]
        if not view:
            return 0
        _write_all(self._out, view)
        self._busy[self._index] = self._hasher.update(view)
        self._start = self._pos
        self._last_write = time.monotonic()
        return len(view)

    def _next_slab(self) -> None:
        self._index = (self._index + 1) % len(self._slabs)
        busy = self._busy[self._index]
        if busy is not None:
            busy.result()  # its bytes are hashed: it may be overwritten
            self._busy[self._index] = None
        self._start = self._pos = 0


def _write_all(out: BinaryIO, view: memoryview) -> None:
    while view:
        written = out.write(view)
        view = view[written if written is not None else len(view) :]

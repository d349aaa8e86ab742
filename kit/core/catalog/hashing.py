"""SHA-256 of files and of streams, the latter on a helper thread."""

from __future__ import annotations

import hashlib
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any


class Hasher:
    """SHA-256 on a helper thread, so hashing overlaps reading and writing.

    hashlib releases the GIL for large buffers; updates stay in order (one worker).
    """

    def __init__(self, digest: Any = None) -> None:
        self._h = digest if digest is not None else hashlib.sha256()
        self._pool: ThreadPoolExecutor | None = None
        self._pending: deque[Future[None]] = deque()

    def update(self, data: bytes) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="kit-sha256")
        self._pending.append(self._pool.submit(self._h.update, data))
        while len(self._pending) > 8:
            self._pending.popleft().result()

    def hexdigest(self) -> str:
        self.close()
        return self._h.hexdigest()

    def close(self) -> None:
        while self._pending:
            self._pending.popleft().result()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def hash_file(path: Path) -> Any:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest

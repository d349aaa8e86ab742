"""Getting a long transaction's write-ahead log onto the disk while the transaction runs.

An install writes some 20 MB of pages (rows, search index, the kept content.json) in one
transaction. Left to the COMMIT, SQLite writes them all into the WAL then and waits for
the disk to take them, after everything else is done. Here the transaction runs with a
small page cache, so SQLite writes its pages into the WAL as it goes (frames without a
commit mark: a crash or a ROLLBACK discards them), and a helper thread fdatasyncs the
WAL at a few points. The COMMIT then writes and syncs only what is left, and it still
syncs (synchronous=FULL): nothing becomes durable later than before, only earlier.
With a rollback journal (portable libraries) nothing changes: spilling pages there
would cost journal syncs of its own.
"""

from __future__ import annotations

import os
import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor

SMALL_CACHE_KIB = 2048


class WalSync:
    def __init__(self, conn: sqlite3.Connection, enabled: bool) -> None:
        self.conn = conn
        self.path: str | None = None
        self._cache: int | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[Future[None]] = []
        if not enabled or os.name == "nt":  # there SQLite's files are best left to SQLite
            return
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            return
        file = conn.execute("PRAGMA database_list").fetchone()[2]
        if file:
            self.path = f"{file}-wal"
            self._cache = conn.execute("PRAGMA cache_size").fetchone()[0]
            conn.execute(f"PRAGMA cache_size=-{SMALL_CACHE_KIB}")

    def soon(self) -> None:
        """fdatasync the WAL on the helper thread (what SQLite has written to it so far)."""
        if self.path is None:
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kit-wal")
        self._pending.append(self._pool.submit(_datasync, self.path))

    def wait(self) -> None:
        """Wait for the syncs asked for (before the COMMIT); their errors are SQLite's to
        meet again at the COMMIT, which syncs the WAL itself."""
        for done in self._pending:
            done.exception()
        self._pending.clear()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._cache is not None:
            self.conn.execute(f"PRAGMA cache_size={int(self._cache)}")
            self._cache = None


def _datasync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fdatasync(fd)
    finally:
        os.close(fd)

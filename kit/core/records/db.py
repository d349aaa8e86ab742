"""records.db: opening, durability settings, schema migrations.

Learner records are the one thing in the data folder that cannot be downloaded again,
so the database is opened with settings that make every acknowledged write survive
``kill -9`` and power loss:

* ``journal_mode=WAL``: a commit appends the changed pages to the write-ahead log and
  never rewrites the database file in place, so a crash at any moment leaves either the
  old or the new state. Readers are not blocked by the writer, and a commit costs one
  fsync (the log) instead of the two or three of a rollback journal.
* ``synchronous=FULL``: the log is fsynced before COMMIT returns. In WAL mode the
  default NORMAL only syncs at checkpoints, which survives an application crash but can
  lose the last transactions on power loss; FULL closes that gap. So once
  ``append_event`` returns, the event is on stable storage.
* ``fullfsync`` / ``checkpoint_fullfsync``: on macOS a plain fsync does not flush the
  drive's cache; these make SQLite use F_FULLFSYNC there (no effect elsewhere).
* ``foreign_keys=ON`` and a busy timeout, so the CLI and the app can share the file.

Portable mode (a USB stick, FAT32 or exFAT: ``open(..., portable=True)``) cannot use a
write-ahead log: its ``-shm`` index is shared memory mapped from a file, which FUSE FAT
drivers do not support. There ``journal_mode=TRUNCATE`` with ``synchronous=EXTRA``: each
commit fsyncs the rollback journal, then the database, then truncates the journal and
fsyncs it again (EXTRA also fsyncs the folder whenever a journal is deleted), so once
COMMIT returns the record is on the stick; a commit cut short leaves a hot journal that
the next open rolls back. `kit.core.portable.health` checks the file after an unclean
eject.

Threads: `RecordsDB` holds one connection opened with ``check_same_thread=False`` and
a re-entrant lock that every operation takes, so it may be opened on one thread and
used from another (the app opens and uses it on its single worker thread; a stray call
from another thread is serialised, never interleaved). Other processes (the CLI) open
their own connection; SQLite's file locks and the busy timeout keep them apart.

The schema is a list of named, append-only migrations (sqlite-utils ``Migrations``);
``PRAGMA user_version`` mirrors how many have been applied. A database that has a
migration this version of the app does not know was written by a newer app and is
refused untouched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kit.core.errors import KitError
from kit.core.paths import private_dir, private_file
from kit.core.records.migrations import migrate, migrations, schema_version
from kit.i18n import _

BUSY_TIMEOUT_MS = 10_000


class RecordsError(KitError):
    """Learner records could not be read or written as asked."""


class FutureRecordsError(RecordsError):
    """records.db was written by a newer Training Kit."""


SCHEMA_VERSION = schema_version()


class RecordsDB:
    """An open records.db: one connection, a lock, and the device id.

    Example::

        rdb = RecordsDB.open(data_dir.records_db)
        with rdb.write() as db:
            db.execute("INSERT ...")
        rows = rdb.query("SELECT ...", [...])
        rdb.close()
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.db = Connection(conn)
        self.device_id = ""

    @classmethod
    def open(cls, path: Path, *, create: bool = True, portable: bool = False) -> RecordsDB:
        """Open (and create or migrate) records.db at `path` (`portable`: on a USB stick,
        a rollback journal instead of the write-ahead log; see the module's notes)."""
        if not create and not path.is_file():
            raise RecordsError(_("There are no learner records at {path} yet.").format(path=path))
        _private_files(path)
        try:
            conn = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise RecordsError(
                _("Could not open the learner records {path}: {reason}.").format(
                    path=path, reason=exc
                )
            ) from exc
        rdb = cls(path, conn)
        try:
            rdb._configure(portable)
            _private_files(path)  # the -wal and -shm made just now
            rdb._migrate()
            rdb.device_id = rdb._device_id()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise RecordsError(
                _("The learner records {path} cannot be read ({reason}).").format(
                    path=path, reason=exc
                )
            ) from exc
        except BaseException:
            conn.close()
            raise
        return rdb

    def _configure(self, portable: bool = False) -> None:
        conn = self.db.conn
        wanted = "truncate" if portable else "wal"
        mode = conn.execute(f"PRAGMA journal_mode={wanted}").fetchone()[0]
        if str(mode).lower() != wanted:
            raise RecordsError(
                _("The learner records {path} cannot use the {mode} journal mode.").format(
                    path=self.path, mode=wanted
                )
            )
        for pragma in (
            "synchronous=EXTRA" if portable else "synchronous=FULL",
            "fullfsync=ON",
            "checkpoint_fullfsync=ON",
            "foreign_keys=ON",
            f"busy_timeout={BUSY_TIMEOUT_MS}",
        ):
            conn.execute(f"PRAGMA {pragma}")

    def _migrate(self) -> None:
        conn = self.db.conn
        if migrations.unknown_applied(conn):
            raise FutureRecordsError(
                _(
                    "The learner records {path} were written by a newer Training Kit; "
                    "update the app to use them."
                ).format(path=self.path)
            )
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not migrations.up_to_date(conn) or version != len(migrations.applied_names(conn)):
            from sqlite_utils import Database

            migrate(Database(conn))

    def _device_id(self) -> str:
        with self.write() as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
            if row:
                return str(row[0])
            import uuid  # here: uuid imports platform, which the app's start does not need

            value = uuid.uuid4().hex
            db.execute("INSERT INTO meta (key, value) VALUES ('device_id', ?)", [value])
            return value

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction, committed (durably) when the block ends, rolled back on error.

        sqlite3.IntegrityError passes through (callers turn it into a sentence); other
        database failures (disk full, damaged file) become RecordsError.
        """
        with self.lock, storage_errors(self.path, "saved"), self.db.atomic():
            yield self.db

    def query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        """Rows of a read-only query, as sqlite3.Row (index or name access)."""
        with self.lock, storage_errors(self.path, "read"):
            cursor = self.db.conn.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            return list(cursor.fetchall())

    def integrity_problems(self) -> list[str]:
        """What `PRAGMA integrity_check` and `foreign_key_check` report; [] when sound."""
        return check_connection(self.db.conn)

    def close(self) -> None:
        with self.lock:
            self.db.conn.close()


def _private_files(path: Path) -> None:
    """Keep the records folder 0700 and records.db, -wal, -shm 0600 (SQLite gives a new
    -wal/-shm the database file's mode, so a database made 0600 stays private)."""
    private_dir(path.parent)
    if not path.exists():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        private_file(path.parent / name)


class Connection:
    """What records need of a sqlite-utils Database, without importing sqlite-utils.

    The same transactions as ``Database.atomic()`` (BEGIN ... COMMIT, or a savepoint
    when one is already open) and the same ``execute`` (a write outside a transaction
    is committed at once); ``PRAGMA recursive_triggers`` is on, as Database sets it.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.execute("PRAGMA recursive_triggers=on;")

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        was_in_transaction = self.conn.in_transaction
        try:
            if parameters is not None:
                cursor = self.conn.execute(sql, parameters)
            else:
                cursor = self.conn.execute(sql)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if (
            not was_in_transaction
            and self.conn.in_transaction
            and cursor.description is None
            and _first_keyword(sql) not in _TRANSACTION_CONTROL
        ):
            self.conn.execute("COMMIT")
        return cursor

    @contextmanager
    def atomic(self) -> Iterator[Connection]:
        conn = self.conn
        if conn.in_transaction:
            import uuid

            savepoint = f"kit_{uuid.uuid4().hex}"
            conn.execute(f"SAVEPOINT {savepoint};")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint};")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint};")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint};")
            return
        conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self._rollback()
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}


def _first_keyword(sql: str) -> str:
    words = sql.lstrip("\ufeff; \t\r\n").split(None, 1)
    return "".join(c for c in words[0] if c.isalpha() or c == "_").upper() if words else ""


@contextmanager
def storage_errors(path: Path, doing: str) -> Iterator[None]:
    """Turn SQLite failures other than constraint violations into one RecordsError."""
    try:
        yield
    except sqlite3.IntegrityError:
        raise
    except sqlite3.DatabaseError as exc:
        raise RecordsError(f"The learner records {path} could not be {doing} ({exc}).") from exc


def check_connection(conn: sqlite3.Connection) -> list[str]:
    """Problems SQLite finds in the database on `conn` ([] when it is sound)."""
    rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    problems = [] if rows == ["ok"] else rows
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"{table} row {rowid} points to a missing {parent} row")
    return problems

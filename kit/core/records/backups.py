"""Rotating backups of records.db and a restore that cannot half-happen.

A backup is ``VACUUM INTO`` a hidden ``.partial`` file in the backups folder, fsynced,
then renamed to ``records-<UTC time>-<reason>.db`` (and the folder fsynced), so a file
with a backup's name is always a whole, consistent snapshot. Only the newest `KEEP`
backups are kept.

Restore never replaces files under a running database (a stale ``-wal`` beside a
swapped file would corrupt it). Instead it copies the chosen backup to a scratch file,
checks it (``PRAGMA integrity_check``, that it is learner records, not from a newer
app), migrates the copy to the current schema, makes a ``before-restore`` backup of the
current records, and then copies the scratch database into the live one with SQLite's
online backup API: one write transaction in the live WAL database, so an interruption
leaves either the old records or the restored ones, never a mix. A refused backup
leaves the current records untouched.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kit.core.fsutil import sync_folders
from kit.core.records.db import (
    RecordsDB,
    RecordsError,
    check_connection,
    migrate,
    migrations,
    storage_errors,
)
from kit.core.records.timeutil import utc_now
from kit.i18n import _

KEEP = 10
NAME_RE = re.compile(r"records-(\d{8}T\d{12})Z-([a-z][a-z-]{0,30})\.db")
PARTIAL_SUFFIX = ".partial"


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was made (UTC), why, and its size in bytes."""

    path: Path
    created: datetime
    reason: str
    size: int


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup restored, and the backup of the records it replaced."""

    restored: Path
    previous: Backup | None


def list_backups(folder: Path) -> list[Backup]:
    """The backups in `folder`, newest first (unfinished or foreign files are ignored)."""
    found = []
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = NAME_RE.fullmatch(path.name)
        if not match or not path.is_file():
            continue
        created = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%f").replace(tzinfo=UTC)
        found.append(Backup(path, created, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def _remove_partials(folder: Path) -> None:
    for path in folder.glob(f".*{PARTIAL_SUFFIX}"):
        with contextlib.suppress(OSError):
            path.unlink()


def rotate(folder: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups; returns the deleted paths."""
    old = list_backups(folder)[max(1, keep) :]
    for backup in old:
        with contextlib.suppress(FileNotFoundError):
            backup.path.unlink()
    return [b.path for b in old]


def create_backup(rdb: RecordsDB, folder: Path, reason: str = "manual", keep: int = KEEP) -> Backup:
    """Write a consistent copy of the records into `folder`, then rotate old ones."""
    if not re.fullmatch(r"[a-z][a-z-]{0,30}", reason):
        raise ValueError(f"bad backup reason {reason!r}")
    folder.mkdir(parents=True, exist_ok=True)
    _remove_partials(folder)
    now = utc_now()
    name = f"records-{now.strftime('%Y%m%dT%H%M%S%f')}Z-{reason}.db"
    final = folder / name
    partial = folder / f".{name}{PARTIAL_SUFFIX}"
    try:
        with rdb.lock, storage_errors(rdb.path, "backed up"):
            rdb.db.conn.execute("VACUUM INTO ?", [str(partial)])
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    sync_folders([partial])  # the copy (errors ignored, as before)
    os.replace(partial, final)
    sync_folders([folder])
    rotate(folder, keep)
    return Backup(final, now, reason, final.stat().st_size)


def has_records(rdb: RecordsDB) -> bool:
    """Whether there is anything worth backing up (a profile or an event)."""
    rows = rdb.query("SELECT EXISTS (SELECT 1 FROM profiles) OR EXISTS (SELECT 1 FROM events)")
    return bool(rows[0][0])


def auto_backup(
    rdb: RecordsDB,
    folder: Path,
    *,
    every: timedelta = timedelta(days=1),
    keep: int = KEEP,
) -> Backup | None:
    """Back up when there are records and the newest backup is older than `every`."""
    if not has_records(rdb):
        return None
    newest = list_backups(folder)
    now = utc_now()
    if newest and timedelta(0) <= now - newest[0].created < every:
        return None
    return create_backup(rdb, folder, "auto", keep)


def resolve_backup(folder: Path, source: str | os.PathLike[str]) -> Path:
    """The file meant by `source`: a path, or "latest" (the newest backup)."""
    if str(source) == "latest":
        backups = list_backups(folder)
        if not backups:
            raise RecordsError(_("There are no backups of the learner records yet."))
        return backups[0].path
    path = Path(source).expanduser()
    if not path.is_file():
        raise RecordsError(_("There is no backup file {path}.").format(path=path))
    return path


def _checked_copy(source: Path, scratch: Path, page_size: int) -> sqlite3.Connection:
    """Copy `source` to `scratch`, check it and bring it to the current schema."""
    shutil.copyfile(source, scratch)
    with scratch.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise RecordsError(
                _("{path} is not a backup of learner records.").format(path=source.name)
            )
    conn = sqlite3.connect(str(scratch))
    try:
        problems = check_connection(conn)
        if problems:
            raise RecordsError(
                _("The backup {path} is damaged ({problem}); nothing was restored.").format(
                    path=source.name, problem=problems[0]
                )
            )
        _check_schema(conn, source)
        conn.execute("PRAGMA journal_mode=DELETE")
        from sqlite_utils import Database

        migrate(Database(conn))
        if conn.execute("PRAGMA page_size").fetchone()[0] != page_size:
            conn.execute(f"PRAGMA page_size={int(page_size)}")
            conn.execute("VACUUM")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise RecordsError(
            _("The backup {path} cannot be read ({error}); nothing was restored.").format(
                path=source.name, error=exc
            )
        ) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _check_schema(conn: sqlite3.Connection, source: Path) -> None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"profiles", "events", migrations.migrations_table} <= tables:
        raise RecordsError(_("{path} is not a backup of learner records.").format(path=source.name))
    known = set(migrations.names)
    applied = {
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {migrations.migrations_table} WHERE migration_set = ?",
            [migrations.name],
        )
    }
    if applied - known:
        raise RecordsError(
            _("The backup {path} was made by a newer Training Kit; update the app first.").format(
                path=source.name
            )
        )


def restore_backup(
    rdb: RecordsDB, source: str | os.PathLike[str], folder: Path, keep: int = KEEP
) -> RestoreResult:
    """Replace the live records with the backup `source` (a path or "latest").

    Refused with RecordsError, and the current records left unchanged, when the backup
    is damaged, not learner records, or from a newer app.
    """
    path = resolve_backup(folder, source)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_partials(folder)
    scratch = folder / f".restore-{uuid.uuid4().hex}{PARTIAL_SUFFIX}"
    try:
        with rdb.lock:
            page_size = rdb.db.conn.execute("PRAGMA page_size").fetchone()[0]
            conn = _checked_copy(path, scratch, page_size)
            try:
                previous = (
                    create_backup(rdb, folder, "before-restore", keep) if has_records(rdb) else None
                )
                conn.backup(rdb.db.conn)
            finally:
                conn.close()
            with rdb.write() as db:
                # Keep this computer's identity even when the backup came from another.
                db.conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('device_id', ?)",
                    [rdb.device_id],
                )
    finally:
        with contextlib.suppress(OSError):
            scratch.unlink()
    return RestoreResult(path, previous)

"""Rotating backups of records.db (restoring one is `kit.core.records.restore`).

A backup is ``VACUUM INTO`` a hidden ``.partial`` file in the backups folder, made 0600,
fsynced, then renamed to ``records-<UTC time>-<reason>.db`` (and the folder fsynced),
so a file with a backup's name is always a whole, consistent snapshot. Only the newest
`KEEP` backups are kept.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kit.core.fsutil import sync_folders
from kit.core.paths import private_dir, private_file
from kit.core.records.db import (
    RecordsDB,
    storage_errors,
)
from kit.core.records.timeutil import utc_now

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


def _stamp_time(stamp: str) -> datetime:
    """The UTC time of a backup's name stamp, YYYYMMDDTHHMMSSffffff (NAME_RE's digits).

    Read by hand, not with datetime.strptime: its first call imports _strptime and
    calendar, a few milliseconds of the app's start (the start lists the backups).
    An impossible date (month 13) raises ValueError, as strptime does."""
    return datetime(
        int(stamp[0:4]),
        int(stamp[4:6]),
        int(stamp[6:8]),
        int(stamp[9:11]),
        int(stamp[11:13]),
        int(stamp[13:15]),
        int(stamp[15:21]),
        tzinfo=UTC,
    )


def list_backups(folder: Path) -> list[Backup]:
    """The backups in `folder`, newest first (unfinished or foreign files are ignored)."""
    found = []
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = NAME_RE.fullmatch(path.name)
        if not match or not path.is_file():
            continue
        created = _stamp_time(match.group(1))
        found.append(Backup(path, created, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def remove_partials(folder: Path) -> None:
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
    private_dir(folder)
    remove_partials(folder)
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
    private_file(partial)
    sync_folders([partial])  # the copy (errors ignored, as before)
    os.replace(partial, final)
    sync_folders([folder])
    rotate(folder, keep)
    return Backup(final, now, reason, final.stat().st_size)


def has_records(rdb: RecordsDB) -> bool:
    """Whether there is anything worth backing up (a profile, an event, a workshop or a
    needs-assessment response)."""
    rows = rdb.query(
        "SELECT EXISTS (SELECT 1 FROM profiles) OR EXISTS (SELECT 1 FROM events)"
        " OR EXISTS (SELECT 1 FROM workshops) OR EXISTS (SELECT 1 FROM needs_responses)"
    )
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

"""A run on a USB stick: checked at its start, backed up, and marked while it runs.

Sticks get pulled out while the app writes. So a portable run (`begin`, then
`PortableRun.end`):

1. leaves a "running" marker (`RUNNING_PREFIX` + a random id) in the data folder while
   it runs, removed at a clean end. A marker left behind means the last run ended
   uncleanly (the stick pulled out, the laptop switched off);
2. checks records.db and library.db at each start: ``PRAGMA quick_check``, or the full
   ``integrity_check`` after an unclean end. Opening the file also rolls back a commit
   cut short (its hot rollback journal);
3. if the records are damaged (or gone while backups exist), moves the damaged file and
   its journal aside into the backups folder (``damaged-records-<time>.db``) and puts
   the newest sound backup in its place (checked whole, fsynced, then renamed into
   place), SAYING so: the notice goes to the main window's message bar and to stderr in
   the CLI. With no sound backup nothing is changed, and the notice says that too;
4. if the library is damaged, empties it (it can be installed again; the app installs
   its bundled packs into an empty library), with a notice; records are untouched;
5. backs the records up (the last `backups.KEEP` are kept on the stick) at the start
   and at the end of a run when they changed since the newest backup.

Leftover markers of other runs are removed once a check has found the databases sound.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from kit.core.fsutil import sync_folders, write_atomic
from kit.core.paths import DataDir, private_dir
from kit.core.records import backups
from kit.core.records.db import RecordsDB, RecordsError
from kit.core.records.restore import checked_copy
from kit.core.records.timeutil import utc_now
from kit.i18n import _, format_datetime

RUNNING_PREFIX = ".kit-running-"
JOURNALS = ("-journal", "-wal", "-shm")


@dataclass
class PortableRun:
    """One run of the app or the CLI on a stick; `notices` are what the start repaired."""

    data: DataDir
    marker: Path
    notices: list[str] = field(default_factory=list)
    keep: int = backups.KEEP
    library_emptied: bool = False

    def end(self) -> None:
        """At a clean end: back up changed records, then remove this run's marker."""
        with contextlib.suppress(RecordsError, OSError, sqlite3.Error):
            backup_if_changed(self.data, "close", self.keep)
        with contextlib.suppress(OSError):
            self.marker.unlink()
        sync_folders([self.data.root])


def begin(data: DataDir, keep: int = backups.KEEP) -> PortableRun:
    """Start a portable run: check (and repair) the databases, back up, leave the marker."""
    data.ensure()
    leftovers = sorted(data.root.glob(f"{RUNNING_PREFIX}*"))
    thorough = bool(leftovers)
    library = check_library(data, thorough)
    notices = check_records(data, thorough) + library
    marker = data.root / f"{RUNNING_PREFIX}{uuid.uuid4().hex}"
    write_atomic(marker, f"{os.getpid()}\n".encode("ascii"), private=True)
    for old in leftovers:
        with contextlib.suppress(OSError):
            old.unlink()
    with contextlib.suppress(RecordsError, OSError, sqlite3.Error):
        backup_if_changed(data, "start", keep)
    return PortableRun(data, marker, notices, keep, bool(library))


def db_problems(path: Path, thorough: bool) -> list[str]:
    """What SQLite finds wrong with the database at `path` ([] when sound).

    Opening it rolls back a transaction cut short (a hot journal), as any open would.
    """
    try:
        conn = sqlite3.connect(str(path), timeout=10)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        check = "integrity_check" if thorough else "quick_check"
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {check}").fetchall()]
        return [] if rows == ["ok"] else rows or ["no answer"]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()


def check_records(data: DataDir, thorough: bool) -> list[str]:
    """Check records.db; restore the newest sound backup when it is damaged or gone."""
    path = data.records_db
    if path.is_file():
        problems = db_problems(path, thorough)
        if not problems:
            return []
    elif backups.list_backups(data.backups):
        problems = ["missing"]
    else:
        return []  # a first start: nothing to check
    restored = _restore_newest_sound(data)
    if restored is None:
        return [
            _(
                "The learner records on this stick are damaged and there is no sound backup "
                "of them to restore; nothing was changed. Copy the folder {folder} to a "
                "computer before using the stick again."
            ).format(folder=data.root)
        ]
    backup, kept = restored
    when = format_datetime(backup.created, "medium")
    if kept is None:
        return [
            _(
                "The learner records were missing from this stick, so they were restored "
                "from the backup of {date}; anything recorded after it is lost."
            ).format(date=when)
        ]
    return [
        _(
            "The learner records on this stick were damaged (it was probably pulled out "
            "while the app was writing), so they were restored from the backup of {date}; "
            "anything recorded after it is lost. The damaged file was kept as {name}."
        ).format(date=when, name=kept.name)
    ]


def _restore_newest_sound(data: DataDir) -> tuple[backups.Backup, Path | None] | None:
    """Put the newest backup that checks whole in place of records.db: the backup and
    where the damaged file was moved (None when there was none), or None if no backup
    is sound (then nothing changed)."""
    folder = private_dir(data.backups)
    backups.remove_partials(folder)
    for backup in backups.list_backups(folder):
        scratch = folder / f".restore-{uuid.uuid4().hex}{backups.PARTIAL_SUFFIX}"
        try:
            conn = checked_copy(backup.path, scratch, None)
        except (RecordsError, OSError):
            with contextlib.suppress(OSError):
                scratch.unlink()
            continue
        conn.close()
        for suffix in JOURNALS:  # a scratch copy in DELETE mode leaves none; to be sure
            with contextlib.suppress(OSError):
                Path(f"{scratch}{suffix}").unlink()
        sync_folders([scratch])
        kept = _move_aside(data.records_db, folder)
        os.replace(scratch, data.records_db)
        sync_folders([folder, data.root])
        return backup, kept
    return None


def _move_aside(path: Path, folder: Path) -> Path | None:
    """Move a damaged database and its journals into `folder`; where it went (or None).

    Its journal must go with it: a hot journal left beside the restored file would be
    "rolled back" into it and damage it.
    """
    stamp = utc_now().strftime("%Y%m%dT%H%M%S%f")
    kept = folder / f"damaged-{path.stem}-{stamp}Z{path.suffix}"
    moved = None
    if path.exists():
        os.replace(path, kept)
        moved = kept
    for suffix in JOURNALS:
        journal = Path(f"{path}{suffix}")
        if journal.exists():
            os.replace(journal, Path(f"{kept}{suffix}"))
    return moved


def check_library(data: DataDir, thorough: bool) -> list[str]:
    """Check library.db; a damaged one is emptied (installed again), records untouched."""
    path = data.library_db
    if not path.is_file() or not db_problems(path, thorough):
        return []
    for suffix in ("", *JOURNALS):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()
    sync_folders([data.root])
    return [
        _(
            "The library on this stick was damaged, so it was emptied; install its packs "
            "again. The learner records were not affected."
        )
    ]


def backup_if_changed(data: DataDir, reason: str, keep: int = backups.KEEP) -> None:
    """Back up records.db when it holds records changed since the newest backup."""
    path = data.records_db
    if not path.is_file():
        return
    newest = backups.list_backups(data.backups)
    if newest and path.stat().st_mtime <= newest[0].created.timestamp():
        return
    rdb = RecordsDB.open(path, create=False, portable=True)
    try:
        if backups.has_records(rdb):
            backups.create_backup(rdb, data.backups, reason, keep)
    finally:
        rdb.close()

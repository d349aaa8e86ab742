"""Restoring a backup of records.db: checked whole first, and never half-done.

Restore never replaces files under a running database (a stale ``-wal`` beside a
swapped file would corrupt it). Instead it copies the chosen backup to a scratch file,
checks it (``PRAGMA integrity_check``, that it is learner records, not from a newer
app, and that its schema is exactly the one the app makes at its version:
`kit.core.records.schema`), migrates the copy to the current schema, carries the
stricter PIN throttle over, makes a ``before-restore`` backup of the current records,
and then copies the scratch database into the live one with SQLite's online backup
API: one write transaction in the live WAL database, so an interruption leaves either
the old records or the restored ones, never a mix. A refused backup leaves the current
records untouched. `restore_loss` tells first what a restore would take away.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.core.paths import private_dir, private_file
from kit.core.records import pins, rows, schema
from kit.core.records.backups import (
    KEEP,
    PARTIAL_SUFFIX,
    Backup,
    create_backup,
    has_records,
    list_backups,
    remove_partials,
)
from kit.core.records.db import (
    SCHEMA_VERSION,
    RecordsDB,
    RecordsError,
    check_connection,
    migrate,
)
from kit.i18n import _, format_number, ngettext


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup restored, and the backup of the records it replaced."""

    restored: Path
    previous: Backup | None


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


def checked_copy(source: Path, scratch: Path, page_size: int | None) -> sqlite3.Connection:
    """Copy `source` to `scratch`, check it and bring it to the current schema (an open
    connection on the checked copy; RecordsError, with the reason, when it is refused)."""
    shutil.copyfile(source, scratch)
    private_file(scratch)
    with scratch.open("rb") as fh:
        header = fh.read(100)
    if header[:16] != b"SQLite format 3\x00":
        raise RecordsError(_("{path} is not a backup of learner records.").format(path=source.name))
    if not _whole(header, scratch.stat().st_size):
        raise RecordsError(
            _("The backup {path} is incomplete (it was cut short); nothing was restored.").format(
                path=source.name
            )
        )
    conn = sqlite3.connect(str(scratch))
    try:
        # Nothing in the file's schema (a view, a trigger) may run while it is checked.
        conn.execute("PRAGMA trusted_schema=OFF")
        problems = check_connection(conn)
        if problems:
            raise RecordsError(
                _("The backup {path} is damaged ({problem}); nothing was restored.").format(
                    path=source.name, problem=problems[0]
                )
            )
        _check_schema(conn, source, _backup_version(conn, source))
        conn.execute("PRAGMA journal_mode=DELETE")
        from sqlite_utils import Database

        migrate(Database(conn))
        _check_schema(conn, source, SCHEMA_VERSION)
        _check_rows(conn, source)
        if page_size and conn.execute("PRAGMA page_size").fetchone()[0] != page_size:
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


def _whole(header: bytes, size: int) -> bool:
    """Whether the file is as long as its header says (a cut file may still open).

    SQLite trusts the page count in the header when the change counter matches
    "version-valid-for", as in every file it writes; a short read at the end would be
    taken as zeros.
    """
    if len(header) < 100:
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] != header[92:96] or pages == 0:
        return size > 0 and size % page_size == 0
    return size == pages * page_size


def _backup_version(conn: sqlite3.Connection, source: Path) -> int:
    try:
        return schema.version_of(conn)
    except schema.FromNewerApp:
        raise RecordsError(
            _("The backup {path} was made by a newer Training Kit; update the app first.").format(
                path=source.name
            )
        ) from None
    except schema.NotRecords:
        raise RecordsError(
            _("{path} is not a backup of learner records.").format(path=source.name)
        ) from None


def _check_rows(conn: sqlite3.Connection, source: Path) -> None:
    """Refuse a backup holding a row the app would not write (an unreadable date...)."""
    problems = rows.problems(conn)
    if problems:
        raise RecordsError(
            _(
                "The backup {path} is not learner records as Training Kit writes them "
                "({problem}); nothing was restored."
            ).format(path=source.name, problem=problems[0])
        )


def _check_schema(conn: sqlite3.Connection, source: Path, version: int) -> None:
    """Refuse a backup whose schema is not exactly the one the app makes at `version`."""
    problems = schema.problems(conn, version)
    if problems:
        raise RecordsError(
            _(
                "The backup {path} is not learner records as Training Kit writes them "
                "({problem}); nothing was restored."
            ).format(path=source.name, problem=problems[0])
        )


@dataclass(frozen=True)
class RestoreLoss:
    """What restoring `backup` would take out of the app: profiles and events (answers,
    completions, quiz attempts...) in the current records that the backup lacks, and the
    workshop records it would replace: workshops (their plans) and participants added or
    changed since the backup, check-ins and entries of the agenda as delivered added."""

    backup: Path
    profiles: int
    events: int
    current_records: bool  # whether there is anything now (else nothing is backed up first)
    workshops: int = 0
    participants: int = 0
    checkins: int = 0
    delivered: int = 0
    answers: int = 0  # room responses, pre/post responses and feedback added since
    surveys: int = 0  # needs-assessment responses added since

    @property
    def workshop_records(self) -> int:
        return self.workshops + self.participants + self.checkins + self.delivered + self.answers

    @property
    def anything(self) -> bool:
        return bool(self.profiles or self.events or self.workshop_records or self.surveys)

    def _answers_sentence(self) -> str:
        if not self.answers:
            return ""
        return " " + ngettext(
            "{n} answer given in a workshop (room question, pre/post test or feedback) "
            "will be lost too.",
            "{n} answers given in workshops (room questions, pre/post tests or feedback) "
            "will be lost too.",
            self.answers,
        ).format(n=format_number(self.answers))

    def sentence(self) -> str:
        """What will be replaced, naming the numbers, for the confirmation and the CLI."""
        return self._main_sentence() + self._answers_sentence() + self._surveys_sentence()

    def _surveys_sentence(self) -> str:
        if not self.surveys:
            return ""
        return " " + ngettext(
            "{n} needs-assessment response will be lost too.",
            "{n} needs-assessment responses will be lost too.",
            self.surveys,
        ).format(n=format_number(self.surveys))

    def _main_sentence(self) -> str:
        if not self.current_records:
            return _("There are no learner records yet, so restoring this backup loses nothing.")
        if not self.anything:
            return _(
                "Everything recorded now is also in this backup, so nothing will be lost; "
                "the current records are backed up first."
            )
        if not (self.profiles or self.events or self.workshop_records):
            return _(
                "No learner profiles, activities or workshop records are lost; the current "
                "records are backed up first."
            )
        if not (self.profiles or self.events):
            return _(
                # Translators: {workshops} is e.g. "2 workshops", {participants} "3
                # participants", {checkins} "4 check-ins", {delivered} "1 entry of the agenda
                # as delivered".
                "No learner profiles or activities are lost, but workshop records go back to "
                "the backup's: {workshops}, {participants}, {checkins} and {delivered} added or "
                "changed since it was made will no longer be in the app; the current records "
                "are backed up first."
            ).format(**self._workshop_counts())
        learner = self._learner_sentence()
        if not self.workshop_records:
            return learner
        workshops = _(
            # Translators: {workshops} is e.g. "2 workshops", {participants} "3 participants",
            # {checkins} "4 check-ins", {delivered} "1 entry of the agenda as delivered".
            "Workshop records go back to the backup's as well: {workshops}, {participants}, "
            "{checkins} and {delivered} added or changed since it was made will no longer be "
            "in the app."
        ).format(**self._workshop_counts())
        return f"{learner} {workshops}"

    def _learner_sentence(self) -> str:
        profiles = ngettext("{n} profile", "{n} profiles", self.profiles)
        events = ngettext(
            "{n} answer or other activity", "{n} answers and other activities", self.events
        )
        return _(
            # Translators: {profiles} is e.g. "2 profiles", {events} "15 answers and other
            # activities".
            "After restoring this backup, {profiles} and {events} recorded since it was made "
            "will no longer be in the app; the current records are backed up first."
        ).format(
            profiles=profiles.format(n=format_number(self.profiles)),
            events=events.format(n=format_number(self.events)),
        )

    def _workshop_counts(self) -> dict[str, str]:
        forms = {
            "workshops": ngettext("{n} workshop", "{n} workshops", self.workshops),
            "participants": ngettext("{n} participant", "{n} participants", self.participants),
            "checkins": ngettext("{n} check-in", "{n} check-ins", self.checkins),
            "delivered": ngettext(
                "{n} entry of the agenda as delivered",
                "{n} entries of the agenda as delivered",
                self.delivered,
            ),
        }
        return {k: v.format(n=format_number(getattr(self, k))) for k, v in forms.items()}


def _ids(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(r[0]) for r in conn.execute(f"SELECT id FROM {table}")}


def _rows(conn: sqlite3.Connection, sql: str) -> dict[str, tuple[Any, ...]]:
    """Rows by their first column (an id), the whole row as the value."""
    out: dict[str, list[Any]] = {}
    for row in conn.execute(sql):
        out.setdefault(str(row[0]), []).append(tuple(row))
    return {k: tuple(v) for k, v in out.items()}


def _workshop_states(conn: sqlite3.Connection) -> dict[str, tuple[Any, ...]]:
    """Each workshop's row with its agenda (sessions and items), to tell a changed plan."""
    shops = _rows(conn, "SELECT id, * FROM workshops")
    sessions = _rows(
        conn, "SELECT workshop_id, * FROM workshop_sessions ORDER BY workshop_id, position, id"
    )
    items = _rows(
        conn,
        "SELECT s.workshop_id, i.* FROM workshop_items i JOIN workshop_sessions s "
        "ON s.id = i.session_id ORDER BY s.workshop_id, s.position, s.id, i.position, i.id",
    )
    return {k: (row, sessions.get(k), items.get(k)) for k, row in shops.items()}


def _replaced(live: dict[str, Any], kept: dict[str, Any]) -> int:
    return sum(1 for key, value in live.items() if kept.get(key) != value)


def _workshop_loss(live: sqlite3.Connection, backup: sqlite3.Connection) -> dict[str, int]:
    people = "SELECT id, * FROM workshop_participants"
    return {
        "workshops": _replaced(_workshop_states(live), _workshop_states(backup)),
        "participants": _replaced(_rows(live, people), _rows(backup, people)),
        "checkins": len(_ids(live, "workshop_checkins") - _ids(backup, "workshop_checkins")),
        "delivered": len(_ids(live, "workshop_delivered") - _ids(backup, "workshop_delivered")),
        "answers": sum(len(_ids(live, t) - _ids(backup, t)) for t in ANSWER_TABLES),
        "surveys": len(_ids(live, "needs_responses") - _ids(backup, "needs_responses")),
    }


# Workshop tables of answers people gave; each row has a stable random id.
ANSWER_TABLES = ("workshop_room_responses", "workshop_prepost_responses", "workshop_feedback")


def restore_loss(rdb: RecordsDB, source: str | os.PathLike[str], folder: Path) -> RestoreLoss:
    """What restoring `source` would lose: the current records' profiles and events
    that are not in the backup, and the workshop records it would replace. The backup is
    checked as for a restore (RecordsError)."""
    path = resolve_backup(folder, source)
    private_dir(folder)
    remove_partials(folder)
    scratch = folder / f".restore-{uuid.uuid4().hex}{PARTIAL_SUFFIX}"
    try:
        with rdb.lock:
            conn = checked_copy(path, scratch, None)
            try:
                live = rdb.db.conn
                lost_profiles = _ids(live, "profiles") - _ids(conn, "profiles")
                lost_events = _ids(live, "events") - _ids(conn, "events")
                workshops = _workshop_loss(live, conn)
            finally:
                conn.close()
            current = has_records(rdb)
    finally:
        with contextlib.suppress(OSError):
            scratch.unlink()
    return RestoreLoss(path, len(lost_profiles), len(lost_events), current, **workshops)


def restore_backup(
    rdb: RecordsDB,
    source: str | os.PathLike[str],
    folder: Path,
    keep: int = KEEP,
    clocks: pins.Clocks | None = None,
) -> RestoreResult:
    """Replace the live records with the backup `source` (a path or "latest").

    Refused with RecordsError, and the current records left unchanged, when the backup
    is damaged, not learner records, or from a newer app.
    """
    path = resolve_backup(folder, source)
    private_dir(folder)
    remove_partials(folder)
    scratch = folder / f".restore-{uuid.uuid4().hex}{PARTIAL_SUFFIX}"
    try:
        with rdb.lock:
            page_size = rdb.db.conn.execute("PRAGMA page_size").fetchone()[0]
            conn = checked_copy(path, scratch, page_size)
            try:
                # A restore must never undo a PIN lock (nor the count towards the next).
                pins.carry_over(rdb.db.conn, conn, clocks or pins.Clocks())
                conn.commit()
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

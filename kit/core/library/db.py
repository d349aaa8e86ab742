"""library.db: opening, WAL mode and append-only schema migrations.

Never edit a migration once shipped; add a new one. A database migrated by a newer
Training Kit (a migration name we do not know) is refused rather than guessed at.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from kit.core.errors import KitError
from kit.core.fsutil import free_space
from kit.core.migrations import MigrationSet
from kit.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

# Recorded without importing sqlite-utils, which is slow to import (see kit.core.migrations).
migrations = MigrationSet("kit.library")

# unicode61 splits words at characters outside its token categories; the default
# leaves out combining marks (M*), which cuts Devanagari words at every vowel sign.
NEARLY_FULL = 1024 * 1024  # less free than this, and SQLite's I/O errors mean "disk full"
FTS_TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        f"""
        CREATE TABLE packs (
            id TEXT PRIMARY KEY,
            version TEXT NOT NULL,
            title TEXT NOT NULL,
            meta TEXT NOT NULL,            -- content.json "pack" object (JSON)
            counts TEXT NOT NULL,          -- manifest "counts" (JSON)
            translations TEXT NOT NULL,    -- pack and module translations (JSON)
            signed INTEGER NOT NULL,
            key_id TEXT NOT NULL,
            size INTEGER NOT NULL,
            installed_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE modules (
            pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            data TEXT NOT NULL,            -- module without its items (JSON)
            PRIMARY KEY (pack_id, id)
        );
        CREATE TABLE items (
            pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            module_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            type TEXT NOT NULL,
            title TEXT NOT NULL,
            minutes INTEGER,
            data TEXT NOT NULL,            -- the full item (JSON)
            PRIMARY KEY (pack_id, id)
        );
        CREATE TABLE item_translations (
            pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            lang TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (pack_id, item_id, lang)
        );
        CREATE TABLE files (
            pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            PRIMARY KEY (pack_id, path)
        );
        CREATE INDEX files_sha256 ON files(sha256);
        CREATE TABLE trusted_keys (
            key_id TEXT PRIMARY KEY,
            public_key TEXT NOT NULL,
            name TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE search_index USING fts5(
            title, text, pack_id UNINDEXED, item_id UNINDEXED, lang UNINDEXED,
            tokenize = "{FTS_TOKENIZE}", prefix = '2 3'
        );
        """
    )


@migrations()
def m002_search_map(db: Database) -> None:
    # search_map says which index rows belong to which item, so an update re-indexes
    # only what changed. The index is rebuilt with a 3-character prefix index only
    # (cheaper to fill than '2 3'; search asks for prefixes of 3+ characters) and
    # bm25 weights (a title counts 5 times) as its default rank.
    db.executescript(
        f"""
        CREATE TABLE search_map (
            rowid INTEGER PRIMARY KEY,      -- = search_index.rowid
            pack_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            lang TEXT NOT NULL
        );
        CREATE INDEX search_map_item ON search_map(pack_id, item_id);
        INSERT INTO search_map SELECT rowid, pack_id, item_id, lang FROM search_index;
        CREATE VIRTUAL TABLE search_index2 USING fts5(
            title, text, pack_id UNINDEXED, item_id UNINDEXED, lang UNINDEXED,
            tokenize = "{FTS_TOKENIZE}", prefix = '3'
        );
        INSERT INTO search_index2 (rowid, title, text, pack_id, item_id, lang)
            SELECT rowid, title, text, pack_id, item_id, lang FROM search_index;
        DROP TABLE search_index;
        ALTER TABLE search_index2 RENAME TO search_index;
        INSERT INTO search_index(search_index, rank) VALUES('rank', 'bm25(5.0, 1.0)');
        """
    )


def connect(path: Path, portable: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating) library.db.

    `portable` (a USB stick, FAT32 or exFAT): a rollback journal (TRUNCATE) instead of
    the write-ahead log, whose shared-memory index FUSE FAT drivers cannot map. The
    library can be installed again, so it is not synced harder than that; a damaged one
    is emptied at start (kit.core.portable.health).

    The connection is made with check_same_thread=False: the Library guards it with a
    lock so the UI's worker thread and the GUI thread may both call it.
    """
    try:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
        conn.execute(f"PRAGMA journal_mode={'TRUNCATE' if portable else 'WAL'}")
        conn.execute(f"PRAGMA synchronous={'FULL' if portable else 'NORMAL'}")
        conn.execute("PRAGMA foreign_keys=ON")
        # A pack's rows fit in the cache, and the WAL is copied back into the database
        # when the library closes (or past 64 MB) rather than inside each install.
        conn.execute("PRAGMA cache_size=-32768")
        conn.execute("PRAGMA wal_autocheckpoint=16384")
        conn.execute("PRAGMA recursive_triggers=ON")  # as sqlite-utils' Database(conn) set it
        _migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        if disk_full(path.parent, exc):
            raise KitError(
                _(
                    "The disk that holds {parent} is full, so the library cannot be opened (it is not damaged); free some space on it and try again."
                ).format(parent=path.parent)
            ) from None
        raise KitError(
            _(
                "The library database {path} cannot be opened ({reason}); run 'kit library verify' or move it aside."
            ).format(path=path, reason=exc)
        ) from None
    return conn


def disk_full(folder: Path, exc: BaseException | None = None) -> bool:
    """Whether an error is (most likely) the disk being full.

    SQLite reports a full disk as SQLITE_FULL only where it notices; creating the WAL
    or its index on a full disk comes back as a plain "disk I/O error", so the free
    space decides.
    """
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL":
        return True
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    try:
        free = free_space(folder)
    except OSError:
        return False
    return free is not None and free < NEARLY_FULL


@migrations()
def m005_search_hashsize(db: Database) -> None:
    # Pending index data kept in memory up to 16 MB before it is written as a segment
    # (default 1 MB): a 5,000-lesson pack is indexed a third faster, with fewer merges.
    db.execute("INSERT INTO search_index(search_index, rank) VALUES('hashsize', 16777216)")


@migrations()
def m006_pack_originals(db: Database) -> None:
    # What it takes to give back an installed pack as an equivalent, verifiable .kitpack
    # (kit library export): manifest.json and signature.json exactly as they were in the
    # pack (the signature covers the manifest bytes, the manifest lists content.json's
    # SHA-256), and content.json's exact bytes, zlib-compressed. Media are in the store.
    db.executescript(
        """
        CREATE TABLE pack_originals (
            pack_id TEXT PRIMARY KEY REFERENCES packs(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            manifest BLOB NOT NULL,        -- manifest.json, zlib-compressed
            signature BLOB,                -- signature.json as it was; NULL if unsigned
            content BLOB NOT NULL,         -- content.json, zlib-compressed
            content_size INTEGER NOT NULL  -- content.json's size before compression
        );
        """
    )


@migrations()
def m007_pack_origin(db: Database) -> None:
    # Where an installed pack came from: 'file' (a .kitpack the user chose), 'bundled'
    # (shipped with the app, content_packs/) or 'catalog' (downloaded). Packs installed
    # before this migration count as 'file'.
    db.execute("ALTER TABLE packs ADD COLUMN origin TEXT NOT NULL DEFAULT 'file'")


@migrations()
def m008_pack_plans(db: Database) -> None:
    # Ready workshop plans a pack carries (content.json "plans"): the plan file's text
    # as the pack has it (kit.core.workshops.packplans reads it). Gone with the pack.
    db.executescript(
        """
        CREATE TABLE pack_plans (
            pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,            -- the plan file (YAML, docs/workshop-plan.md)
            PRIMARY KEY (pack_id, name)
        );
        """
    )
    _backfill_plans(db.conn)


def _backfill_plans(conn: sqlite3.Connection) -> None:
    """Plans of packs installed before m008 (their kept content.json may carry them)."""
    from kit.core.errors import PackError
    from kit.core.library.content import parse_content
    from kit.core.library.originals import unpack

    kept = conn.execute(
        "SELECT o.pack_id, o.version, o.content, o.content_size FROM pack_originals o "
        "JOIN packs p ON p.id = o.pack_id AND p.version = o.version"
    ).fetchall()
    for pack_id, version, blob, size in kept:
        try:
            raw = unpack(blob, size)
            plans = parse_content(raw, pack_id, pack_id, version).get("plans", [])
        except (zlib.error, PackError):
            continue  # a damaged copy: `kit library verify` and export say so
        conn.executemany(
            "INSERT INTO pack_plans VALUES (?,?,?,?,?)",
            [(pack_id, p["name"], n, p["title"], p["text"]) for n, p in enumerate(plans)],
        )


@migrations()
def m009_item_digests(db: Database) -> None:
    # A digest of what each item row is made of (kit.core.library.rows.item_digest):
    # an update compares digests instead of reading and rebuilding every old row.
    # Rows from before are NULL; the pack's next update works theirs out from the row.
    # The index covers that read: the items' pages (all their JSON) are not read.
    db.executescript(
        """
        ALTER TABLE items ADD COLUMN digest BLOB;
        CREATE INDEX items_digest ON items(pack_id, id, digest);
        """
    )


def checkpoint(conn: sqlite3.Connection) -> None:
    """Copy the WAL into the database file and empty it (on close)."""
    # If another process is busy with the library, a later close will do it.
    with contextlib.suppress(sqlite3.Error):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    if migrations.unknown_applied(conn):
        raise KitError(
            _("The library {path} was made by a newer Training Kit; update the app.").format(
                path=path
            )
        )
    if not migrations.up_to_date(conn):
        from sqlite_utils import Database

        migrations.as_sqlite_utils().apply(Database(conn))


@migrations()
def m010_search_terms(db: Database) -> None:
    # How many index rows hold each term (and, as term '', how many rows there are),
    # kept by rows.py with the index: search tells common words from rare ones and
    # expands a typed prefix from it instead of reading the index (library/terms.py).
    from kit.core.library import terms

    db.execute(
        "CREATE TABLE search_terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID"
    )
    terms.rebuild(db.conn)

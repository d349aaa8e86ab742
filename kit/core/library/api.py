"""The Library: installed content packs, their media and search (see docs/architecture.md)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.core.errors import KitError
from kit.core.library import queries, rows, trust
from kit.core.library.db import checkpoint, connect
from kit.core.library.lock import WriteLock
from kit.core.library.packcache import PackCache
from kit.core.library.store import MediaStore
from kit.core.paths import DataDir
from kit.i18n import _

# Installing and verifying need the pack-format checks (YAML, Ed25519), which are
# slow to import: they are imported when first used, so opening the library is quick.
if TYPE_CHECKING:
    from kit.core.library.install import InstallResult

ORIGINS = ("file", "bundled", "catalog")


class Library:
    """Installed content in DATA/library.db and DATA/media/.

    >>> lib = Library(resolve_data_dir())
    >>> lib.install(Path("first-aid-1.0.0.kitpack")).action
    'installed'

    One connection, made with check_same_thread=False and guarded by a lock: calls
    from several threads are serialised (the UI uses one worker thread). Writes also
    take a file lock, so the app and the command line never write at the same time.
    Learner records live in records.db and are never touched here.
    """

    def __init__(self, data_dir: DataDir) -> None:
        self.data_dir = data_dir.ensure()
        self.store = MediaStore(data_dir.media, data_dir.tmp)
        self._mutex = threading.RLock()
        self._packs = PackCache()
        self._write_lock = WriteLock(data_dir.root / "library.lock")
        self.conn: sqlite3.Connection | None = connect(data_dir.library_db, data_dir.portable)
        self._recover()

    def _recover(self) -> None:
        # Another process may be installing right now: then its staging is not ours to clean.
        if self._write_lock.acquire(wait=False):
            try:
                self.store.recover(rows.used_shas(self._db))
            finally:
                self._write_lock.release()

    @property
    def _db(self) -> sqlite3.Connection:
        if self.conn is None:
            raise KitError(_("The library is closed."))
        return self.conn

    def close(self) -> None:
        with self._mutex:
            if self.conn is not None:
                checkpoint(self.conn)
                self.conn.close()
                self.conn = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- changing the library ------------------------------------------------
    def install(
        self,
        path: str | Path,
        allow_downgrade: bool = False,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        origin: str = "file",
    ) -> InstallResult:
        """Install or update a .kitpack; raises KitError (library unchanged) if refused.

        progress(done_bytes, total_bytes) is called as the pack is read; cancel() is
        polled between chunks and, when it returns True, the install stops with
        kit.core.errors.Cancelled and the library is as it was. origin says where the
        pack came from ('file', 'bundled' with the app, or 'catalog'); list_packs and
        get_pack give it back as "origin", and each install of the pack (even an
        'unchanged' one) records its own.
        """
        from kit.core.library.install import Installer

        if origin not in ORIGINS:
            raise KitError(
                _("Unknown pack origin '{origin}'; use one of {value}.").format(
                    origin=origin, value=", ".join(ORIGINS)
                )
            )
        with self._mutex, self._write_lock:
            installer = Installer(self._db, self.store, progress, cancel, origin)
            return installer.run(Path(path), allow_downgrade)

    def remove(self, pack_id: str) -> None:
        """Remove a pack's content and the media no other pack uses (records stay)."""
        from kit.core.library.install import crash_point

        with self._mutex, self._write_lock:
            conn = self._db
            if rows.installed_version(conn, pack_id) is None:
                raise KitError(
                    _("No pack '{pack_id}' is installed; see 'kit library list'.").format(
                        pack_id=pack_id
                    )
                )
            candidates = rows.pack_shas(conn, pack_id)
            staging = self.store.new_staging()
            staging.journal(candidates)
            conn.execute("BEGIN IMMEDIATE")
            try:
                rows.delete_rows(conn, pack_id)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                staging.close()
                raise
            crash_point("removed")
            self.store.delete_unused(candidates, rows.used_shas(conn))
            staging.close()

    def trust_key(self, public_key: str, name: str) -> str:
        """Trust a publisher's public key (base64); returns its key id."""
        with self._mutex:
            return trust.trust_key(self._db, public_key, name)

    def untrust_key(self, key: str) -> str:
        """Stop trusting a key given by id, name or public key; returns its name."""
        with self._mutex:
            return trust.untrust_key(self._db, key)

    def trusted_keys(self) -> list[dict[str, Any]]:
        with self._mutex:
            return trust.trusted_keys(self._db)

    # -- reading -------------------------------------------------------------
    def installed_version(self, pack_id: str) -> str | None:
        with self._mutex:
            return rows.installed_version(self._db, pack_id)

    def list_packs(self, lang: str | None = None) -> list[dict[str, Any]]:
        with self._mutex:
            return queries.list_packs(self._db, lang)

    def get_pack(self, pack_id: str, lang: str | None = None) -> dict[str, Any] | None:
        with self._mutex:
            return self._packs.get(self._db, pack_id, lang, queries.get_pack)

    def get_item(
        self, pack_id: str, item_id: str, lang: str | None = None
    ) -> dict[str, Any] | None:
        with self._mutex:
            return queries.get_item(self._db, pack_id, item_id, lang)

    def pack_plans(self) -> list[dict[str, Any]]:
        """The ready workshop plans installed packs carry, by pack title then the pack's
        order: each {"pack_id", "name", "title", "text" (the plan file's YAML)}.
        kit.core.workshops.packplans reads them as workshops."""
        with self._mutex:
            return queries.pack_plans(self._db)

    def media_path(self, pack_id: str, rel_path: str) -> Path | None:
        with self._mutex:
            return queries.media_path(self._db, self.store, pack_id, rel_path)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Items matching every word of `query` (the last as a prefix), best first.

        Each result: pack_id, item_id, lang, title, type, module_id, pack_title,
        snippet (matches in [brackets]), snippet_html (escaped, matches in <b>), rank
        (bm25: lower is better).
        """
        from kit.core.library import search  # the engine is first needed here (start-up)

        with self._mutex:
            return search.search(self._db, query, limit)

    def search_count(self, query: str) -> tuple[int, bool]:
        """How many items match `query` (search() returns the best few of them), and
        whether that is exact (False: at least that many, for a very broad query)."""
        from kit.core.library import search

        with self._mutex:
            return search.count(self._db, query)

    def verify(self) -> list[str]:
        """Check the database and every stored file's hash; one sentence per problem."""
        from kit.core.library.verify import verify

        with self._mutex:
            return verify(self._db, self.store)

    def export_pack(
        self,
        pack_id: str,
        dest_dir: str | Path,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> Path:
        """Write the installed pack as DEST_DIR/ID-VERSION.kitpack; returns its path.

        The pack's own manifest, signature and content.json bytes and its stored media
        give an equivalent pack that verifies like the original (byte-identical when the
        original was made by `kit pack build`). DEST_DIR is made if missing; the file
        appears only once complete. Raises KitError (nothing written) when the pack is
        not installed or a stored file is missing. Example:
        lib.export_pack("first-aid", "/media/usb/packs")
        """
        from kit.core.library import export

        with self._mutex:
            version, kept = export.load_original(self._db, pack_id)
        return export.export_pack(
            pack_id, version, kept, self.store, self.data_dir, Path(dest_dir), progress, cancel
        )

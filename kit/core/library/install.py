"""Installing one .kitpack: check everything, stage media, move, then one transaction."""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from kit.core.errors import Cancelled, KitError
from kit.core.fsutil import free_space
from kit.core.library import rows
from kit.core.library.opening import OpenedPack, check_app_version, open_pack
from kit.core.library.safezip import (
    copy_bounded,
    copy_stored,
    damaged,
    read_deflated,
)
from kit.core.library.store import IntactCheck, MediaStore, Staging
from kit.core.library.versions import compare_versions
from kit.core.library.walsync import WalSync
from kit.i18n import _, format_size

MAX_CONTENT_BYTES = 512 * 1024 * 1024
CRASH_ENV = "KIT_LIBRARY_CRASH_AT"  # tests: SIGKILL ourselves at this step

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class InstallResult:
    pack_id: str
    version: str
    action: str  # "installed" | "updated" | "unchanged" | "repaired" (same version, files mended)
    verified: bool
    publisher: str
    previous_version: str | None = None


def crash_point(step: str) -> None:
    if os.environ.get(CRASH_ENV) == step and hasattr(signal, "SIGKILL"):
        os.kill(os.getpid(), signal.SIGKILL)


# The database grows by the pack's rows, its search index and the kept content.json
# (together about 3x content.json), and the write-ahead log holds those pages again
# until the checkpoint; a little more covers the journal and SQLite's own pages.
DB_GROWTH_PER_CONTENT_BYTE = 6
SPACE_MARGIN = 1024 * 1024


def space_needed(op: OpenedPack, present: set[str]) -> int:
    """Bytes of free disk an install of `op` needs, sized to the pack (not a fixed margin)."""
    media = {f["sha256"]: f["size"] for f in op.media if f["sha256"] not in present}
    content = sum(f["size"] for f in op.manifest["files"] if f["path"] == "content.json")
    return sum(media.values()) + DB_GROWTH_PER_CONTENT_BYTE * content + SPACE_MARGIN


class _RowWriter(threading.Thread):
    """Reads and checks content.json and writes the pack's rows, inside the open
    transaction, while the installing thread stages media."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        read_content: Callable[[], bytes],
        op: OpenedPack,
        origin: str,
        wal: WalSync,
    ) -> None:
        super().__init__(name="kit-library-rows", daemon=True)
        self.conn, self.read, self.op, self.origin = conn, read_content, op, origin
        self.wal = wal
        self.raw = b""
        self.error: BaseException | None = None
        # An update (the pack's row is there: its kept copy's key holds before the rows
        # are written) and its check of the files it keeps, joined after the rows.
        self.update = False
        self.then: Callable[[], None] | None = None

    def run(self) -> None:
        from kit.core.library.content import parse_content

        op = self.op
        try:
            raw = self.read()
            if self.update:
                content = self._parse_keeping_original(raw, parse_content)
            else:
                self.raw = raw
                content = parse_content(raw, op.name, op.pack_id, op.version)
            del raw
            rows.write_rows(self.conn, op.manifest, content, op.signature, self.origin)
            self.wal.soon()
            # A savepoint makes FTS5 write out the index rows it holds in memory now,
            # on this thread, rather than inside the COMMIT.
            self.conn.execute("SAVEPOINT kit_rows")
            self.conn.execute("RELEASE kit_rows")
            self.wal.soon()
            if not self.update:
                self._keep_original()
                self.wal.soon()
            if self.then is not None:
                self.then()
        except BaseException as exc:  # handed to the installing thread by finish()
            self.error = exc

    def _parse_keeping_original(
        self, raw: bytes, parse: Callable[..., dict[str, Any]]
    ) -> dict[str, Any]:
        """An update's content.json checked (Python) while its kept copy goes into the
        database (SQLite, without the GIL) beside it: the pack's row is there (its key
        holds), nothing else uses the connection meanwhile, and the rows wait for it."""
        from concurrent.futures import ThreadPoolExecutor

        op = self.op
        self.raw = raw
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kit-library-copy") as pool:
            kept = pool.submit(self._keep_original)
            content = parse(raw, op.name, op.pack_id, op.version)  # on error: waits for it
            kept.result()
        self.wal.soon()
        return content

    def _keep_original(self) -> None:
        # What Library.export_pack needs to give the pack back (see originals.py).
        from kit.core.library.originals import pack_member

        op, raw = self.op, self.raw
        self.raw = b""
        manifest = pack_member(op.path, op.entries["manifest.json"], op.manifest_raw)
        content = pack_member(op.path, op.entries["content.json"], raw)
        rows.write_original(
            self.conn, op.pack_id, op.version, manifest, op.signature_raw, content, len(raw)
        )

    def finish(self) -> None:
        self.join()
        if self.error is not None:
            raise self.error


class Installer:
    """One install; see Library.install for the contract."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        store: MediaStore,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
        origin: str = "file",
    ) -> None:
        self.conn = conn
        self.store = store
        self.origin = origin
        self.progress = progress
        self.cancel = cancel
        self.done = 0
        self.total = 0
        self.present: set[str] = set()  # media already in the store
        self.writer: _RowWriter | None = None

    def tick(self, n: int) -> None:
        self.done += n
        if self.cancel is not None and self.cancel():
            raise Cancelled(_("The install was cancelled; the library is unchanged."))
        if self.progress is not None:
            self.progress(self.done, self.total)

    def run(self, path: Path, allow_downgrade: bool) -> InstallResult:
        opened = open_pack(path)
        with opened.zf:
            return self._install(opened, allow_downgrade)

    def _install(self, op: OpenedPack, allow_downgrade: bool) -> InstallResult:
        check_app_version(op.manifest["pack"], op.name)
        installed = rows.installed_version(self.conn, op.pack_id)
        verified, publisher = rows.trust_of(self.conn, op.signature)
        same = installed is not None and self._same_as_installed(op, installed, allow_downgrade)
        old_shas = rows.pack_shas(self.conn, op.pack_id)
        # What the store already holds intact (size and SHA-256) is not copied again;
        # a missing or damaged file is, even at the same version: that is the repair.
        # The same version is checked first (intact means unchanged: nothing to write);
        # otherwise the rows are written while the kept files are hashed (below).
        if same:
            self.present = self._intact_media(op)
            if len(self.present) == len({f["sha256"] for f in op.media}):
                rows.set_origin(self.conn, op.pack_id, self.origin)
                return InstallResult(
                    op.pack_id, op.version, "unchanged", verified, publisher, installed
                )
        else:
            self.present = self._maybe_present(op, old_shas)
        self.total = sum(f["size"] for f in op.manifest["files"])
        self._check_space(op)
        content_size = self._content_size(op)
        unused = old_shas - {f["sha256"] for f in op.media}
        staging = self.store.new_staging()
        # content.json is read, checked and its rows written on a helper thread, inside
        # the open transaction, while this thread stages media (hashing and file I/O
        # release the GIL); the commit comes only after every file is in the store.
        # The commit that says "installed" reaches the disk before install() returns.
        if self.store.sync:
            self.conn.execute("PRAGMA synchronous=FULL")
        wal = WalSync(self.conn, self.store.sync)
        self.conn.execute("BEGIN IMMEDIATE")
        writer = self.writer = _RowWriter(
            self.conn, lambda: self._read_content(op), op, self.origin, wal
        )
        writer.update = installed is not None
        check = None if same else self._start_check(op, writer)
        writer.start()
        try:
            self.tick(content_size)
            if check is None:
                self._stage_media(op, staging, op.media)
            else:
                # The files no hash is awaited for are staged first: their fsyncs run
                # while the kept files are hashed. Then the kept files found damaged.
                maybe = self.present
                self._stage_media(op, staging, [f for f in op.media if f["sha256"] not in maybe])
                self.present = check.result()
                self._check_space(op)  # again, with what is intact
                self._stage_media(op, staging, [f for f in op.media if f["sha256"] in maybe])
            crash_point("staged")
            staging.move_into_store()
            crash_point("moved")
            writer.finish()
            wal.wait()
            staging.journal(unused)
            crash_point("transaction")
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if check is not None:
                check.stop()
            writer.join()
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            staging.undo(rows.used_shas(self.conn))
            if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
                raise KitError(_("The disk is full; free some space and install again.")) from None
            if isinstance(exc, sqlite3.Error):
                raise KitError(
                    _(
                        "The library could not be written ({reason}), so it is unchanged; free some disk space and try again."
                    ).format(reason=exc)
                ) from None
            raise
        finally:
            wal.close()
            self.conn.execute("PRAGMA synchronous=NORMAL")
        self.store.delete_unused(unused, rows.used_shas(self.conn))
        staging.close()
        action = "updated" if installed not in (None, op.version) else "installed"
        if same:
            action = "repaired"
        return InstallResult(op.pack_id, op.version, action, verified, publisher, installed)

    def _same_as_installed(self, op: OpenedPack, installed: str, allow_downgrade: bool) -> bool:
        order = compare_versions(op.version, installed)
        if order < 0 and not allow_downgrade:
            raise KitError(
                _(
                    "{pack_id} {installed} is installed and {name} holds the older {version}; allow a downgrade to install it anyway."
                ).format(pack_id=op.pack_id, installed=installed, name=op.name, version=op.version)
            )
        # The same version again is a no-op, unless the library kept no copy of the
        # pack's own files (installed by an older Training Kit): then it is installed
        # again, so that it can be exported.
        return order == 0 and rows.has_original(self.conn, op.pack_id, installed)

    def _maybe_present(self, op: OpenedPack, old_shas: set[str]) -> set[str]:
        """What the store may hold intact, until the hashes below say: the files of the
        installed version (each is opened and hashed below, so one missing or damaged
        is still found: no need to look at them first) and others it has by size. The
        space asked for now is at most what the install needs; it is asked again once
        the hashes are known."""
        has = self.store.has
        return {
            f["sha256"] for f in op.media if f["sha256"] in old_shas or has(f["sha256"], f["size"])
        }

    def _start_check(self, op: OpenedPack, writer: _RowWriter) -> IntactCheck | None:
        """The check of the files the store has by size (those an update keeps): hashed
        on this thread while the rows are written, and by an update's row thread too
        once it is done with them."""
        if not self.present:
            return None
        check = self.store.check_intact(
            (f["sha256"], f["size"]) for f in op.media if f["sha256"] in self.present
        )
        if writer.update:
            writer.then = check.work
        return check

    def _intact_media(self, op: OpenedPack) -> set[str]:
        """The media the store holds intact (size and SHA-256, every byte read)."""
        return self.store.intact_many((f["sha256"], f["size"]) for f in op.media)

    def _check_space(self, op: OpenedPack) -> None:
        needed = space_needed(op, self.present)
        self.store.root.parent.mkdir(parents=True, exist_ok=True)
        free = free_space(self.store.root.parent)
        if free is not None and needed > free:  # None: the disk does not say (fusefat)
            from kit.i18n import _

            raise KitError(
                _(
                    "There is not enough free disk space to install {name}: it needs {needed} and {free} is free; free some space first."
                ).format(name=op.name, needed=format_size(needed), free=format_size(free))
            )

    def _content_size(self, op: OpenedPack) -> int:
        size: int = next(f for f in op.manifest["files"] if f["path"] == "content.json")["size"]
        if size > MAX_CONTENT_BYTES:
            raise damaged(op.name, _("its content.json is too large"))
        return size

    def _read_content(self, op: OpenedPack) -> bytes:
        """content.json, checked against its manifest entry (on the row thread: zipfile
        reads each member through one lock, so the media may be read meanwhile)."""
        import hashlib  # here, as in safezip: opening the library loads no OpenSSL

        entry = next(f for f in op.manifest["files"] if f["path"] == "content.json")
        info = op.entries["content.json"]
        with op.path.open("rb") as raw:
            data = read_deflated(raw, info, entry["size"], op.name)
        if data is None:
            chunks: list[bytes] = []
            copy_bounded(op.zf, info, entry["size"], chunks.append, op.name)
            data = b"".join(chunks)
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise damaged(op.name, _("the SHA-256 of 'content.json' differs from its manifest"))
        return data

    def _stage_media(self, op: OpenedPack, staging: Staging, files: list[dict[str, Any]]) -> None:
        with op.path.open("rb", buffering=0) as raw:
            self._stage_files(op, staging, raw, files)

    def _stage_files(
        self, op: OpenedPack, staging: Staging, raw: BinaryIO, files: list[dict[str, Any]]
    ) -> None:
        for f in files:
            if self.writer is not None and self.writer.error is not None:
                self.writer.finish()  # content.json was refused: stop early
            sha, size = f["sha256"], f["size"]
            if sha in staging.staged or sha in self.present:
                self.tick(size)
                continue
            target = staging.folder / f"{len(staging.staged)}.part"
            info = op.entries[f["path"]]
            with target.open("wb") as fh:
                if info.compress_type == zipfile.ZIP_STORED:
                    got = copy_stored(raw, info, size, fh.write, op.name, self.tick)
                else:
                    got = copy_bounded(op.zf, info, size, fh.write, op.name, self.tick)
            if got != sha:
                raise damaged(
                    op.name,
                    _("the SHA-256 of '{path}' differs from its manifest").format(path=f["path"]),
                )
            staging.add(sha, target)

"""Giving an installed pack back as a .kitpack (for a USB stick or another computer).

The library keeps each pack's manifest.json, signature.json and content.json exactly as
they were (table pack_originals, since migration m006) and its media in the store, so
the pack can be written again: same manifest bytes, so the publisher's signature still
verifies; same content.json bytes, so its SHA-256 matches the manifest. The zip is
written with the settings and order of `kit pack build` (manifest.json, signature.json,
content.json, then the media in manifest order), so a pack that was built by
`kit pack build` comes back byte for byte.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from kit.core.errors import Cancelled, KitError
from kit.core.fsutil import make_public, sync_file, sync_folders
from kit.core.library.originals import unpack
from kit.core.library.store import MediaStore
from kit.core.packformat import PACK_SUFFIX
from kit.core.packformat.build import zip_entry
from kit.core.packformat.manifest import MAX_MANIFEST_BYTES
from kit.core.paths import DataDir
from kit.i18n import _

CHUNK = 1 << 20  # media are streamed; deflate gives the same bytes however input is cut
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Original:
    """What the library kept of one installed pack."""

    pack_id: str
    version: str
    manifest_raw: bytes
    signature_raw: bytes | None
    content_raw: bytes

    @property
    def file_name(self) -> str:
        return f"{self.pack_id}-{self.version}{PACK_SUFFIX}"

    @cached_property
    def files(self) -> list[dict[str, Any]]:
        return json.loads(self.manifest_raw)["files"]


def load_original(conn: sqlite3.Connection, pack_id: str) -> tuple[str, Original | None]:
    """The installed version of a pack and its kept files (None when none were kept).

    Raises KitError when the pack is not installed or its kept files are damaged."""
    row = conn.execute("SELECT version FROM packs WHERE id = ?", (pack_id,)).fetchone()
    if row is None:
        raise KitError(
            _("No pack '{pack_id}' is installed; see 'kit library list'.").format(pack_id=pack_id)
        )
    version = row[0]
    kept = conn.execute(
        "SELECT manifest, signature, content, content_size FROM pack_originals "
        "WHERE pack_id = ? AND version = ?",
        (pack_id, version),
    ).fetchone()
    if kept is None:
        return version, None
    try:
        manifest = unpack(kept[0], MAX_MANIFEST_BYTES)
        content = unpack(kept[2], kept[3] + 1)
    except (zlib.error, TypeError):
        manifest, content = b"", b""
    original = Original(pack_id, version, manifest, kept[1], content)
    if len(content) != kept[3] or not _content_matches(original):
        raise KitError(
            _(
                "The library's copy of {pack_id} {version} is damaged; run 'kit library verify' and install the pack again."
            ).format(pack_id=pack_id, version=version)
        )
    return version, original


def _content_matches(original: Original) -> bool:
    try:
        entry = next(f for f in original.files if f["path"] == "content.json")
    except (ValueError, KeyError, TypeError, StopIteration):
        return False
    raw = original.content_raw
    return entry["size"] == len(raw) and entry["sha256"] == hashlib.sha256(raw).hexdigest()


def export_pack(
    pack_id: str,
    version: str,
    kept: Original | None,
    store: MediaStore,
    data_dir: DataDir,
    dest_dir: Path,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """Write the pack to DEST_DIR (made if missing); see Library.export_pack."""
    if kept is not None:
        return write_pack(kept, store, dest_dir, progress, cancel)
    # Installed before the library kept pack files (m006): a pack fetched with `kit get`
    # still has its downloaded copy, downloads/packs/ID-VERSION.kitpack.
    downloaded = data_dir.downloads / "packs" / f"{pack_id}-{version}{PACK_SUFFIX}"
    if not downloaded.is_file():
        raise KitError(
            _(
                "{pack_id} {version} was installed by an older Training Kit that kept no copy of its pack, so it cannot be exported; install it again from its .kitpack file ('kit library install FILE') and export it then."
            ).format(pack_id=pack_id, version=version)
        )
    return copy_pack(downloaded, prepare_folder(dest_dir))


def write_pack(
    original: Original,
    store: MediaStore,
    dest_dir: Path,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """Write DEST_DIR/ID-VERSION.kitpack from the kept files and the store; returns it.

    Every media file is checked to be in the store first (nothing is written, no folder
    made, when one is missing); then DEST_DIR is made if needed and each file streamed
    in chunks, its SHA-256 checked on the way. The pack appears under its name only once
    complete (temporary file, fsync, rename).
    """
    media = [f for f in original.files if f["path"] != "content.json"]
    for f in media:
        if not store.has(f["sha256"], f["size"]):
            raise _lost(original, f["path"])
    target = prepare_folder(dest_dir) / original.file_name
    total = len(original.content_raw) + sum(f["size"] for f in media)
    writer = _Writer(store, original, progress, cancel, total)
    return _atomic(target, writer.write)


def copy_pack(src: Path, dest_dir: Path) -> Path:
    """Copy a kept .kitpack file (downloads/packs/) into DEST_DIR, atomically."""

    def copy(tmp: Path) -> None:
        with src.open("rb") as fin, tmp.open("wb") as fout:
            shutil.copyfileobj(fin, fout, CHUNK)
            _sync(fout)

    return _atomic(dest_dir / src.name, copy)


def prepare_folder(dest_dir: Path) -> Path:
    """Make DEST_DIR (and its parents) if needed; one sentence if that cannot be done."""
    if dest_dir.exists() and not dest_dir.is_dir():
        raise KitError(
            _("{dest_dir} is a file, not a folder; choose a folder to export to.").format(
                dest_dir=dest_dir
            )
        )
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KitError(
            _("Cannot make the folder {dest_dir}: {reason}.").format(
                dest_dir=dest_dir, reason=_why(exc)
            )
        ) from None
    return dest_dir


def _atomic(target: Path, write: Callable[[Path], None]) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=".exporting-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise KitError(
            _("Cannot write to the folder {parent}: {reason}.").format(
                parent=target.parent, reason=_why(exc)
            )
        ) from None
    os.close(fd)
    tmp = Path(name)
    make_public(tmp)  # mkstemp makes 0600; the exported pack is for others to read
    try:
        write(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise KitError(
                _(
                    "There is not enough free space in {parent} for {name}; free some space or use another folder."
                ).format(parent=target.parent, name=target.name)
            ) from None
        raise KitError(
            _("Cannot write {target}: {reason}.").format(target=target, reason=_why(exc))
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    return target


class _Writer:
    """Writes one pack's zip, the way kit pack build does."""

    def __init__(
        self,
        store: MediaStore,
        original: Original,
        progress: Progress | None,
        cancel: Callable[[], bool] | None,
        total: int,
    ) -> None:
        self.store, self.original = store, original
        self.progress, self.cancel = progress, cancel
        self.done, self.total = 0, total

    def tick(self, n: int) -> None:
        self.done += n
        if self.cancel is not None and self.cancel():
            raise Cancelled(_("The export was cancelled; nothing was written."))
        if self.progress is not None:
            self.progress(self.done, self.total)

    def write(self, path: Path) -> None:
        original = self.original
        with path.open("wb") as fh:
            with zipfile.ZipFile(fh, "w") as zf:
                zf.writestr(zip_entry("manifest.json"), original.manifest_raw)
                if original.signature_raw is not None:
                    zf.writestr(zip_entry("signature.json"), original.signature_raw)
                zf.writestr(zip_entry("content.json"), original.content_raw)
                self.tick(len(original.content_raw))
                for f in original.files:
                    if f["path"] != "content.json":
                        self._media(zf, f)
            _sync(fh)

    def _media(self, zf: zipfile.ZipFile, f: dict[str, Any]) -> None:
        digest = hashlib.sha256()
        size = 0
        # As kit pack build: the size is unknown when the entry starts (so the header
        # is the same); Zip64 only where a plain entry could not hold the file.
        zip64 = f["size"] * 1.05 > zipfile.ZIP64_LIMIT
        try:
            src = self.store.path_for(f["sha256"]).open("rb")
        except FileNotFoundError:
            raise _lost(self.original, f["path"]) from None
        with src, zf.open(zip_entry(f["path"]), "w", force_zip64=zip64) as dst:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                dst.write(chunk)
                size += len(chunk)
                self.tick(len(chunk))
        if size != f["size"] or digest.hexdigest() != f["sha256"]:
            raise _lost(self.original, f["path"])


def _lost(original: Original, path: str) -> KitError:
    return KitError(
        _(
            "The library's stored copy of '{path}' in {pack_id} {version} is missing or damaged, so nothing was exported; run 'kit library verify' and install the pack again."
        ).format(path=path, pack_id=original.pack_id, version=original.version)
    )


def _why(exc: OSError) -> str:
    return (exc.strerror or str(exc)).rstrip(".")


def _sync(fh: Any) -> None:
    sync_file(fh)


def _sync_folder(folder: Path) -> None:
    # The rename reaches the disk (a USB stick may be pulled out right after).
    sync_folders([folder])

"""`kit library export`: installed packs and a catalog, written to a folder (a USB stick).

The library unpacks packs into its media store and does not keep .kitpack files, so
`kit get` keeps a copy of each pack it installs (downloads/packs/ID-VERSION.kitpack);
those copies are what is exported, byte for byte, with their publishers' signatures.
Another computer adds the folder as a source: `kit source add /media/usb/packs`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.core.catalog.catalog import Catalog, build_catalog
from kit.core.errors import KitError
from kit.core.paths import DataDir


@dataclass
class ExportResult:
    files: list[Path]
    catalog_path: Path
    catalog: Catalog


def kept_pack(data_dir: DataDir, pack_id: str, version: str) -> Path | None:
    path = data_dir.downloads / "packs" / f"{pack_id}-{version}.kitpack"
    return path if path.is_file() else None


def export_packs(
    data_dir: DataDir,
    library: Any,
    ids: list[str],
    to: Path,
    sign_key: Path | None = None,
) -> ExportResult:
    """Copy the installed packs `ids` into `to` and (re)write its catalog.json."""
    sources = []
    for pack_id in dict.fromkeys(ids):
        version = library.installed_version(pack_id)
        if version is None:
            raise KitError(f"No pack '{pack_id}' is installed; see 'kit library list'.")
        kept = kept_pack(data_dir, pack_id, version)
        if kept is None:
            raise KitError(
                f"The pack file of {pack_id} {version} was not kept (it was not installed with 'kit get'); copy its original .kitpack file instead."
            )
        sources.append(kept)
    to = Path(to)
    try:
        to.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KitError(f"Cannot make the folder {to}: {exc.strerror or exc}.") from None
    files = [_copy(src, to / src.name) for src in sources]
    catalog_path, catalog = build_catalog(to, sign_key=sign_key)
    return ExportResult(files, catalog_path, catalog)


def _copy(src: Path, target: Path) -> Path:
    if (
        target.is_file()
        and target.stat().st_size == src.stat().st_size
        and _sha(target) == _sha(src)
    ):
        return target
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with src.open("rb") as fin, tmp.open("wb") as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)
            fout.flush()
            os.fsync(fout.fileno())
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KitError(f"Cannot write {target}: {exc.strerror or exc}.") from None
    return target


def _sha(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()

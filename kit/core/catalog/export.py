"""`kit library export`: installed packs and a catalog, written to a folder (a USB stick).

Each pack is given back by the library (Library.export_pack) from what it kept at
install: the publisher's manifest and signature bytes, content.json and the stored
media, so it verifies on the other computer as the original did, whether it came with
`kit get`, `kit library install FILE` or with the app. The folder's catalog.json is
then rebuilt over every pack in it (signed with --sign). Another computer adds the
folder as a source: `kit source add /media/usb/packs`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.core.catalog import CATALOG_NAME
from kit.core.catalog.catalog import Catalog, build_catalog
from kit.core.errors import KitError
from kit.core.paths import DataDir
from kit.i18n import _


@dataclass
class ExportResult:
    files: list[Path]
    catalog_path: Path
    catalog: Catalog


def export_packs(
    data_dir: DataDir,
    library: Any,
    ids: list[str],
    to: Path,
    sign_key: Path | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> ExportResult:
    """Write the installed packs `ids` into `to` and (re)write its catalog.json.

    Every id is checked to be installed before anything is written. progress(pack_id,
    done_bytes, total_bytes) follows each pack. `data_dir` is kept for callers; the
    library knows its own data folder.
    """
    del data_dir
    ids = list(dict.fromkeys(ids))
    for pack_id in ids:
        if library.installed_version(pack_id) is None:
            raise KitError(
                _("No pack '{pack_id}' is installed; see 'kit library list'.").format(
                    pack_id=pack_id
                )
            )
    if sign_key is not None:
        from kit.core.signing import load_private_key

        load_private_key(sign_key)  # a wrong key is refused before anything is written
    to = Path(to)
    files = []
    for pack_id in ids:
        step = None
        if progress is not None:
            step = _for_pack(progress, pack_id)
        files.append(library.export_pack(pack_id, to, progress=step))
    try:
        catalog_path, catalog = build_catalog(to, sign_key=sign_key)
    except OSError as exc:
        raise KitError(
            _(
                "The packs were written but {value} could not be ({value2}); free some space and export again."
            ).format(value=to / CATALOG_NAME, value2=exc.strerror or exc)
        ) from None
    return ExportResult(files, catalog_path, catalog)


def _for_pack(
    progress: Callable[[str, int, int], None], pack_id: str
) -> Callable[[int, int], None]:
    return lambda done, total: progress(pack_id, done, total)

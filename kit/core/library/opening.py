"""Opening a .kitpack to install it: the zip, its manifest, its signature and its
listing checked against the zip's entries; nothing is written."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.core.errors import FutureFormatError, PackError
from kit.core.library.safezip import RESERVED, check_entries, check_path, damaged, read_small
from kit.core.packformat.manifest import (
    MAX_MANIFEST_BYTES,
    SignatureStatus,
    check_signature,
    parse_manifest,
)
from kit.i18n import _

MAX_PACK_BYTES = 64 * 1024**3


@dataclass
class OpenedPack:
    """A pack opened by open_pack: its zip (kept open for the install), entries, checked
    manifest and signature."""

    path: Path
    name: str
    zf: zipfile.ZipFile
    entries: dict[str, zipfile.ZipInfo]
    manifest: dict[str, Any]
    signature: SignatureStatus
    manifest_raw: bytes = b""  # kept as they were, so the pack can be exported
    signature_raw: bytes | None = None

    @property
    def pack_id(self) -> str:
        return self.manifest["pack"]["id"]

    @property
    def version(self) -> str:
        return self.manifest["pack"]["version"]

    @property
    def media(self) -> list[dict[str, Any]]:
        return [f for f in self.manifest["files"] if f["path"] != "content.json"]


def open_pack(path: Path) -> OpenedPack:
    """Open and check the zip and its manifest; nothing is written."""
    name = path.name
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise PackError(
            _("{path} does not exist; check the file name.").format(path=path)
        ) from None
    except IsADirectoryError:
        raise PackError(_("{path} is a folder, not a pack file.").format(path=path)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError):
        raise PackError(
            _(
                "{name} is not a complete Training Kit pack (damaged or cut short); get it again."
            ).format(name=name)
        ) from None
    try:
        return _check_opened(zf, path)
    except BaseException:
        zf.close()
        raise


def _check_opened(zf: zipfile.ZipFile, path: Path) -> OpenedPack:
    name = path.name
    entries = check_entries(zf, name)
    if "manifest.json" not in entries:
        raise PackError(
            _("{name} is not a Training Kit pack: it has no manifest.json.").format(name=name)
        )
    raw = read_small(zf, entries["manifest.json"], MAX_MANIFEST_BYTES, name)
    try:
        manifest = parse_manifest(raw, name)
    except RecursionError:
        raise PackError(
            _("{name} is damaged: its manifest is not valid JSON.").format(name=name)
        ) from None
    sig_raw = None
    if "signature.json" in entries:
        sig_raw = read_small(zf, entries["signature.json"], 64 * 1024, name)
    signature = check_signature(sig_raw, raw, name)
    _check_listing(entries, manifest["files"], name)
    return OpenedPack(path, name, zf, entries, manifest, signature, raw, sig_raw)


def _check_listing(
    entries: dict[str, zipfile.ZipInfo], files: list[dict[str, Any]], name: str
) -> None:
    listed: set[str] = set()
    for f in files:
        path = f["path"]
        check_path(path, name)
        if path in RESERVED or path in listed:
            raise damaged(
                name, _("its manifest lists '{path}' twice or as a reserved name").format(path=path)
            )
        listed.add(path)
        info = entries.get(path)
        if info is None:
            raise damaged(
                name, _("'{path}' is listed in its manifest but missing").format(path=path)
            )
        if info.file_size != f["size"]:
            raise damaged(
                name, _("the size of '{path}' differs from its manifest").format(path=path)
            )
    for path in entries:
        if path not in listed and path not in RESERVED:
            raise damaged(
                name, _("the entry '{path}' is not listed in its manifest").format(path=path)
            )
    if sum(f["size"] for f in files) > MAX_PACK_BYTES:
        raise damaged(name, _("it declares more data than any pack may hold"))


def check_app_version(pack: dict[str, Any], name: str) -> None:
    """Refuse a pack whose min_app_version is above this app's (every install path)."""
    from kit import __version__
    from kit.core.packformat.fields import SEMVER_RE
    from kit.core.packformat.manifest import needs_newer_app

    wanted = pack.get("min_app_version")
    if wanted is not None and (not isinstance(wanted, str) or not SEMVER_RE.match(wanted)):
        raise damaged(name, _("its manifest's min_app_version is not a version such as 1.2.0"))
    if wanted is not None and needs_newer_app(pack, __version__):
        raise FutureFormatError(
            _(
                "{name} needs Training Kit {wanted} or newer (this is {app}); update the app to install it."
            ).format(name=name, wanted=wanted, app=__version__)
        )

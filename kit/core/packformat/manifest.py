"""Reading and checking a built pack's manifest.json and signature.json."""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.core.errors import FutureFormatError, PackError
from kit.core.packformat import FORMAT_VERSION
from kit.core.packformat.fields import ID_RE, SEMVER_RE

MAX_MANIFEST_BYTES = 64 * 1024 * 1024
SHA_RE = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class SignatureStatus:
    signed: bool
    valid: bool
    key_id: str = ""
    public_key: str = ""


@dataclass
class PackManifest:
    data: dict[str, Any]
    raw: bytes
    signature: SignatureStatus

    @property
    def pack(self) -> dict[str, Any]:
        return self.data["pack"]

    @property
    def files(self) -> list[dict[str, Any]]:
        return self.data["files"]

    @property
    def total_size(self) -> int:
        return sum(f["size"] for f in self.files)


def parse_manifest(raw: bytes, name: str = "the pack") -> dict[str, Any]:
    """Decode and check a manifest; raises PackError with one clear sentence."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PackError(f"{name} is damaged: its manifest is not UTF-8 text.") from None
    except json.JSONDecodeError:
        raise PackError(f"{name} is damaged: its manifest is not valid JSON.") from None
    if not isinstance(data, dict):
        raise PackError(f"{name} is damaged: its manifest is not a JSON object.")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PackError(f"{name} is damaged: its manifest has no format version.")
    if version > FORMAT_VERSION:
        raise FutureFormatError(
            f"{name} uses pack format {version}; this pack needs a newer Training Kit."
        )
    pack = data.get("pack")
    if not isinstance(pack, dict):
        raise PackError(f"{name} is damaged: its manifest has no pack metadata.")
    _check_pack_metadata(pack, name)
    files = data.get("files")
    if not isinstance(files, list) or not files:
        raise PackError(f"{name} is damaged: its manifest lists no files.")
    if not all(_valid_entry(entry) for entry in files):
        raise PackError(f"{name} is damaged: a file entry in its manifest is incomplete.")
    if not any(f["path"] == "content.json" for f in files):
        raise PackError(f"{name} is damaged: its manifest does not list content.json.")
    return data


def _read_member(zf: zipfile.ZipFile, member: str, limit: int, name: str) -> bytes | None:
    try:
        info = zf.getinfo(member)
    except KeyError:
        return None
    if info.file_size > limit:
        raise PackError(f"{name} is damaged: its {member} is too large.")
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise PackError(f"{name} is damaged: its {member} is too large.")
    return data


def _check_pack_metadata(pack: dict[str, Any], name: str) -> None:
    for key, regex in (("id", ID_RE), ("version", SEMVER_RE)):
        if not isinstance(pack.get(key), str) or not regex.match(pack[key]):
            raise PackError(f"{name} is damaged: its manifest has no valid pack {key}.")
    if not isinstance(pack.get("title"), str) or not pack["title"].strip():
        raise PackError(f"{name} is damaged: its manifest has no title.")


def _valid_entry(entry: object) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("path"), str)
        and isinstance(entry.get("size"), int)
        and not isinstance(entry.get("size"), bool)
        and entry["size"] >= 0
        and isinstance(entry.get("sha256"), str)
        and bool(SHA_RE.match(entry["sha256"]))
    )


def read_manifest(path: Path) -> PackManifest:
    """Open a .kitpack and return its checked manifest and signature status."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            raw = _read_member(zf, "manifest.json", MAX_MANIFEST_BYTES, name)
            sig_raw = _read_member(zf, "signature.json", 64 * 1024, name)
    except FileNotFoundError:
        raise PackError(f"{path} does not exist; check the file name.") from None
    except IsADirectoryError:
        raise PackError(f"{path} is a folder, not a pack file.") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError):
        raise PackError(
            f"{name} is not a complete Training Kit pack (damaged or cut short); get it again."
        ) from None
    except OSError as exc:
        raise PackError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if raw is None:
        raise PackError(f"{name} is not a Training Kit pack: it has no manifest.json.")
    data = parse_manifest(raw, name)
    return PackManifest(data, raw, check_signature(sig_raw, raw, name))


def check_signature(sig_raw: bytes | None, manifest_raw: bytes, name: str) -> SignatureStatus:
    """Verify signature.json over the manifest bytes; a bad signature raises SignatureError."""
    if sig_raw is None:
        return SignatureStatus(signed=False, valid=False)
    from kit.core.errors import SignatureError
    from kit.core.signing import key_id, verify

    try:
        sig = json.loads(sig_raw.decode("utf-8"))
        if not isinstance(sig, dict):
            raise ValueError
    except (UnicodeDecodeError, ValueError):
        raise SignatureError(f"{name} has a damaged signature; do not install it.") from None
    try:
        public = verify(sig, manifest_raw)
    except SignatureError:
        raise SignatureError(
            f"{name} has a bad signature: it was changed after it was signed; do not install it."
        ) from None
    return SignatureStatus(signed=True, valid=True, key_id=key_id(public), public_key=public)

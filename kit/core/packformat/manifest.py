"""Reading and checking a built pack's manifest.json and signature.json."""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.core import strictjson
from kit.core.errors import FutureFormatError, PackError
from kit.core.packformat import FORMAT_VERSION
from kit.core.packformat.fields import ID_RE, SEMVER_RE
from kit.core.strictjson import StrictJSONError
from kit.i18n import _

MAX_MANIFEST_BYTES = 64 * 1024 * 1024
SHA_RE = re.compile(r"^[0-9a-f]{64}$")
RESERVED = ("manifest.json", "signature.json")
# What a damaged or cut-short zip can raise while it is read.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    ValueError,
    NotImplementedError,
    UnicodeDecodeError,
)


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
        data = strictjson.loads(raw)
    except UnicodeDecodeError:
        raise PackError(
            _("{name} is damaged: its manifest is not UTF-8 text.").format(name=name)
        ) from None
    except StrictJSONError as exc:
        raise PackError(
            _("{name} is damaged: its manifest {reason}.").format(name=name, reason=_(exc.reason))
        ) from None
    if not isinstance(data, dict):
        raise PackError(
            _("{name} is damaged: its manifest is not a JSON object.").format(name=name)
        )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PackError(
            _("{name} is damaged: its manifest has no format version.").format(name=name)
        )
    if version < 1:
        raise PackError(
            _("{name} is damaged: its manifest has no format version.").format(name=name)
        )
    if version > FORMAT_VERSION:
        raise FutureFormatError(
            _("{name} uses pack format {version}; this pack needs a newer Training Kit.").format(
                name=name, version=version
            )
        )
    pack = data.get("pack")
    if not isinstance(pack, dict):
        raise PackError(
            _("{name} is damaged: its manifest has no pack metadata.").format(name=name)
        )
    _check_pack_metadata(pack, name)
    files = data.get("files")
    if not isinstance(files, list) or not files:
        raise PackError(_("{name} is damaged: its manifest lists no files.").format(name=name))
    if not all(_valid_entry(entry) for entry in files):
        raise PackError(
            _("{name} is damaged: a file entry in its manifest is incomplete.").format(name=name)
        )
    paths = [f["path"] for f in files]
    if len(set(paths)) != len(paths) or not all(safe_member_path(p) for p in paths):
        raise PackError(
            _("{name} is damaged: its manifest lists a file name that is not allowed.").format(
                name=name
            )
        )
    if not any(f["path"] == "content.json" for f in files):
        raise PackError(
            _("{name} is damaged: its manifest does not list content.json.").format(name=name)
        )
    return data


def _read_member(zf: zipfile.ZipFile, member: str, limit: int, name: str) -> bytes | None:
    try:
        info = zf.getinfo(member)
    except KeyError:
        return None
    if info.file_size > limit:
        raise PackError(
            _("{name} is damaged: its {member} is too large.").format(name=name, member=member)
        )
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise PackError(
            _("{name} is damaged: its {member} is too large.").format(name=name, member=member)
        )
    return data


def _check_pack_metadata(pack: dict[str, Any], name: str) -> None:
    for key, regex in (("id", ID_RE), ("version", SEMVER_RE)):
        if not isinstance(pack.get(key), str) or not regex.match(pack[key]):
            raise PackError(
                _("{name} is damaged: its manifest has no valid pack {key}.").format(
                    name=name, key=key
                )
            )
    if not isinstance(pack.get("title"), str) or not pack["title"].strip():
        raise PackError(_("{name} is damaged: its manifest has no title.").format(name=name))


_CONTROL_RE = re.compile(r"[\x00-\x1f]")


def safe_member_path(path: str) -> bool:
    """A relative, normalised posix path that stays inside the pack and is not reserved."""
    parts = path.split("/")
    return (
        bool(path)
        and path not in RESERVED
        and not path.startswith("/")
        and "\\" not in path
        and ":" not in parts[0]
        and all(part not in ("", ".", "..") for part in parts)
        and not _CONTROL_RE.search(path)
    )


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
        raise PackError(
            _("{path} does not exist; check the file name.").format(path=path)
        ) from None
    except IsADirectoryError:
        raise PackError(_("{path} is a folder, not a pack file.").format(path=path)) from None
    except ZIP_ERRORS:
        raise PackError(
            _(
                "{name} is not a complete Training Kit pack (damaged or cut short); get it again."
            ).format(name=name)
        ) from None
    except OSError as exc:
        raise PackError(
            _("Cannot read {path}: {value}.").format(path=path, value=exc.strerror or exc)
        ) from None
    if raw is None:
        raise PackError(
            _("{name} is not a Training Kit pack: it has no manifest.json.").format(name=name)
        )
    data = parse_manifest(raw, name)
    return PackManifest(data, raw, check_signature(sig_raw, raw, name))


def check_signature(sig_raw: bytes | None, manifest_raw: bytes, name: str) -> SignatureStatus:
    """Verify signature.json over the manifest bytes; a bad signature raises SignatureError."""
    if sig_raw is None:
        return SignatureStatus(signed=False, valid=False)
    from kit.core.errors import SignatureError
    from kit.core.signing import key_id, verify

    try:
        sig = strictjson.loads(sig_raw)
        if not isinstance(sig, dict):
            raise ValueError
    except (UnicodeDecodeError, ValueError):
        raise SignatureError(
            _("{name} has a damaged signature; do not install it.").format(name=name)
        ) from None
    try:
        public = verify(sig, manifest_raw)
    except SignatureError:
        raise SignatureError(
            _(
                "{name} has a bad signature: it was changed after it was signed; do not install it."
            ).format(name=name)
        ) from None
    return SignatureStatus(signed=True, valid=True, key_id=key_id(public), public_key=public)


def verify_contents(path: Path, manifest: PackManifest) -> None:
    """Check that the zip holds exactly the manifest's files with their sizes and SHA-256.

    Raises PackError naming the first file that does not match.
    """
    name = path.name
    listed = {f["path"]: f for f in manifest.files}
    try:
        with zipfile.ZipFile(path) as zf:
            members = [i for i in zf.infolist() if not i.is_dir()]
            extra = [i.filename for i in members if i.filename not in listed]
            extra = [n for n in extra if n not in RESERVED]
            if extra:
                raise PackError(
                    _(
                        "{name} is damaged: it holds {value}, which its manifest does not list."
                    ).format(name=name, value=extra[0])
                )
            present = {i.filename for i in members}
            for entry in manifest.files:
                if entry["path"] not in present:
                    raise PackError(
                        _("{name} is damaged: {path} is missing.").format(
                            name=name, path=entry["path"]
                        )
                    )
                _check_member(zf, entry, name)
    except ZIP_ERRORS:
        raise PackError(
            _(
                "{name} is not a complete Training Kit pack (damaged or cut short); get it again."
            ).format(name=name)
        ) from None
    except OSError as exc:
        raise PackError(
            _("Cannot read {path}: {value}.").format(path=path, value=exc.strerror or exc)
        ) from None


def _check_member(zf: zipfile.ZipFile, entry: dict[str, Any], name: str) -> None:
    digest = hashlib.sha256()
    size = 0
    with zf.open(entry["path"]) as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
            if size > entry["size"]:
                break
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        raise PackError(
            _(
                "{name} is damaged: {path} was changed after the pack was built; do not install it."
            ).format(name=name, path=entry["path"])
        )


def version_tuple(version: str) -> tuple[int, int, int]:
    """(major, minor, patch) of a semantic version; pre-release and build parts are dropped."""
    core = version.split("+")[0].split("-")[0]
    major, minor, patch = (int(x) for x in core.split("."))
    return major, minor, patch


def needs_newer_app(pack: dict[str, Any], app_version: str) -> bool:
    """Whether the pack's min_app_version is above `app_version`."""
    wanted = pack.get("min_app_version") or "0.0.0"
    if not isinstance(wanted, str) or not SEMVER_RE.match(wanted):
        return False
    return version_tuple(wanted) > version_tuple(app_version)

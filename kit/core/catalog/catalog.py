"""catalog.json: the list of packs a source offers, optionally signed.

Example (see docs/publishing.md)::

    {"format_version": 1, "catalog_version": 1718000000, "date": "2024-06-10T06:13:20Z",
     "packs": [{"id": "first-aid", "version": "1.2.0", "title": "First aid",
                "description": "...", "languages": ["en", "es"], "size": 1234,
                "sha256": "...", "url": "first-aid-1.2.0.kitpack",
                "min_app_version": "0.1.0"}],
     "signature": {"algorithm": "ed25519", "key_id": "...", "public_key": "...",
                   "signature": "..."}}

The signature covers the canonical JSON of the document without its "signature" key.
`catalog_version` only ever grows, so a client can refuse an older catalog (rollback).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeGuard
from urllib.parse import quote

from kit.core import strictjson
from kit.core.catalog import CATALOG_FORMAT, CATALOG_NAME
from kit.core.errors import FutureFormatError, KitError, PackError, SignatureError
from kit.core.fsutil import sha256_file, write_atomic
from kit.core.packformat import PACK_SUFFIX
from kit.core.packformat.build import canonical_json
from kit.core.packformat.fields import ID_RE, SEMVER_RE
from kit.core.packformat.manifest import SHA_RE, read_manifest
from kit.core.strictjson import StrictJSONError
from kit.i18n import _

MAX_CATALOG_BYTES = 16 * 1024 * 1024


class CatalogError(KitError):
    """A catalog is missing, damaged, too old or wrongly signed."""


@dataclass(frozen=True)
class Entry:
    """One downloadable pack version in a catalog."""

    id: str
    version: str
    title: str
    size: int
    sha256: str
    url: str
    description: str = ""
    languages: tuple[str, ...] = ()
    min_app_version: str = "0.0.0"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "description": self.description,
            "languages": list(self.languages),
            "size": self.size,
            "sha256": self.sha256,
            "url": self.url,
            "min_app_version": self.min_app_version,
        }


@dataclass
class Catalog:
    """A parsed catalog; `signer` is the verified public key (base64) or "" if unsigned."""

    catalog_version: int
    date: str
    entries: list[Entry]
    signer: str = ""
    raw: bytes = field(default=b"", repr=False)


def version_key(version: str) -> tuple[Any, ...]:
    """Sort key for semantic versions: 1.10.0 > 1.9.0 and 1.0.0 > 1.0.0-beta."""
    core, _sep, rest = version.partition("+")[0].partition("-")
    parts = [int(p) if p.isdigit() else 0 for p in core.split(".")[:3]]
    pre: tuple[Any, ...] = (
        (1,)
        if not rest
        else (0, *((0, int(p)) if p.isdigit() else (1, p) for p in rest.split(".")))
    )
    return (*parts, pre)


def _signed_bytes(doc: dict[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in doc.items() if k != "signature"})


def entry_for_pack(path: Path, url: str) -> Entry:
    """Describe a built .kitpack (checked, signature included) as a catalog entry."""
    manifest = read_manifest(path)
    pack = manifest.pack
    langs = pack.get("languages") or [pack.get("language", "")]
    return Entry(
        id=pack["id"],
        version=pack["version"],
        title=pack["title"],
        description=str(pack.get("description", "")),
        languages=tuple(str(x) for x in langs if x),
        size=path.stat().st_size,
        sha256=sha256_file(path),
        url=url,
        min_app_version=str(pack.get("min_app_version", "0.0.0")),
    )


def next_catalog_version(previous: int | None, now: float | None = None) -> int:
    """Always larger than `previous`; the Unix time when that is larger still."""
    stamp = int(time.time() if now is None else now)
    return max((previous or 0) + 1, stamp)


def _previous_version(path: Path) -> int | None:
    try:
        data = strictjson.loads(path.read_bytes())
        value = data.get("catalog_version")
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    except (OSError, ValueError, AttributeError):
        return None


def build_catalog(
    folder: Path, base_url: str | None = None, sign_key: Path | None = None
) -> tuple[Path, Catalog]:
    """Write FOLDER/catalog.json describing every .kitpack in FOLDER (atomically).

    Entry URLs are the file names, relative to the catalog, unless `base_url` is given.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CatalogError(
            _("{folder} is not a folder; give the folder that holds the packs.").format(
                folder=folder
            )
        )
    packs = sorted(p for p in folder.iterdir() if p.name.endswith(PACK_SUFFIX) and p.is_file())
    if not packs:
        raise CatalogError(
            _("{folder} holds no {PACK_SUFFIX} files; build some packs into it first.").format(
                folder=folder, PACK_SUFFIX=PACK_SUFFIX
            )
        )
    entries = []
    for path in packs:
        url = quote(path.name)
        if base_url:
            url = base_url.rstrip("/") + "/" + url
        entries.append(entry_for_pack(path, url))
    _check_duplicates(entries)
    target = folder / CATALOG_NAME
    doc: dict[str, Any] = {
        "format_version": CATALOG_FORMAT,
        "catalog_version": next_catalog_version(_previous_version(target)),
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "packs": [e.to_json() for e in entries],
    }
    signer = ""
    if sign_key is not None:
        from kit.core.signing import load_private_key, public_key_text, sign

        private = load_private_key(sign_key)
        doc["signature"] = sign(private, _signed_bytes(doc))
        signer = public_key_text(private)
    raw = canonical_json(doc)
    write_atomic(target, raw)
    return target, Catalog(doc["catalog_version"], doc["date"], entries, signer, raw)


def _check_duplicates(entries: list[Entry]) -> None:
    seen: set[tuple[str, str]] = set()
    for e in entries:
        if (e.id, e.version) in seen:
            raise CatalogError(
                _("Two files hold {id} {version}; keep only one of them.").format(
                    id=e.id, version=e.version
                )
            )
        seen.add((e.id, e.version))


def parse_catalog(raw: bytes, name: str = "The catalog") -> Catalog:
    """Decode and check catalog.json; a present signature must match (else SignatureError)."""
    if len(raw) > MAX_CATALOG_BYTES:
        raise CatalogError(_("{name} is too large to be a catalog.").format(name=name))
    try:
        doc = strictjson.loads(raw)
    except UnicodeDecodeError:
        raise CatalogError(
            _("{name} is damaged: it is not valid JSON.").format(name=name)
        ) from None
    except StrictJSONError as exc:
        raise CatalogError(
            _("{name} is damaged: it {reason}.").format(name=name, reason=_(exc.reason))
        ) from None
    if not isinstance(doc, dict) or "packs" not in doc:
        raise CatalogError(_("{name} is not a Training Kit catalog.").format(name=name))
    fmt = doc.get("format_version")
    if not _is_int(fmt):
        raise CatalogError(_("{name} is damaged: it has no format version.").format(name=name))
    if fmt > CATALOG_FORMAT:
        raise FutureFormatError(
            _("{name} uses catalog format {fmt}; get a newer Training Kit.").format(
                name=name, fmt=fmt
            )
        )
    version = doc.get("catalog_version")
    if not _is_int(version) or version < 0:
        raise CatalogError(_("{name} is damaged: it has no catalog version.").format(name=name))
    packs = doc["packs"]
    if not isinstance(packs, list):
        raise CatalogError(_("{name} is damaged: its pack list is not a list.").format(name=name))
    entries = [_parse_entry(e, name) for e in packs]
    _check_duplicates(entries)
    signer = ""
    if "signature" in doc:
        sig = doc["signature"]
        if not isinstance(sig, dict):
            raise SignatureError(
                _("{name} has a damaged signature; do not use it.").format(name=name)
            )
        from kit.core.signing import verify

        try:
            signer = verify(sig, _signed_bytes(doc))
        except SignatureError:
            raise SignatureError(
                _("{name} has a bad signature: it was changed after it was signed.").format(
                    name=name
                )
            ) from None
    return Catalog(version, str(doc.get("date", "")), entries, signer, raw)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_entry(e: object, name: str) -> Entry:
    if not isinstance(e, dict):
        raise CatalogError(_("{name} is damaged: a pack entry is not an object.").format(name=name))
    pid = e.get("id")
    bad = _entry_problem(e)
    if bad:
        raise CatalogError(
            _("{name} is damaged: the entry for {value} has {bad}.").format(
                name=name, value=pid or "a pack", bad=bad
            )
        )
    langs = e.get("languages", [])
    return Entry(
        id=e["id"],
        version=e["version"],
        title=e["title"],
        description=str(e.get("description", "")),
        languages=tuple(str(x) for x in langs) if isinstance(langs, list) else (),
        size=e["size"],
        sha256=e["sha256"],
        url=e["url"],
        min_app_version=str(e.get("min_app_version") or "0.0.0"),
    )


def _entry_problem(e: dict[str, Any]) -> str:
    checks = (
        (isinstance(e.get("id"), str) and bool(ID_RE.match(e["id"])), "no valid id"),
        (
            isinstance(e.get("version"), str) and bool(SEMVER_RE.match(e["version"])),
            "no valid version",
        ),
        (isinstance(e.get("title"), str), "no title"),
        (_is_int(e.get("size")) and e["size"] >= 0, "no valid size"),
        (isinstance(e.get("sha256"), str) and bool(SHA_RE.match(e["sha256"])), "no valid SHA-256"),
        (isinstance(e.get("url"), str) and bool(e["url"]), "no URL"),
    )
    return next((why for ok, why in checks if not ok), "")


def load_catalog_file(path: Path) -> Catalog:
    """Read and check a catalog.json from disk."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_CATALOG_BYTES + 1)
    except FileNotFoundError:
        raise CatalogError(_("There is no catalog at {path}.").format(path=path)) from None
    except OSError as exc:
        raise CatalogError(
            _("Cannot read {path}: {value}.").format(path=path, value=exc.strerror or exc)
        ) from None
    return parse_catalog(raw, str(path))


def check_pack_matches(path: Path, entry: Entry) -> None:
    """The downloaded file is the pack the catalog promised (id, version, valid signature)."""
    manifest = read_manifest(path)
    pack = manifest.pack
    if pack["id"] != entry.id or pack["version"] != entry.version:
        raise PackError(
            _(
                "The file offered as {id} {version} holds {id2} {version2}; it was not installed."
            ).format(id=entry.id, version=entry.version, id2=pack["id"], version2=pack["version"])
        )

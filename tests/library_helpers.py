"""Helpers for the library tests: packs written straight into zips, good or hostile."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from kit.core.library import Library
from kit.core.paths import DataDir


def lesson(item_id: str, title: str, body: str = "Some text.") -> dict[str, Any]:
    return {
        "id": item_id,
        "type": "lesson",
        "title": title,
        "minutes": 2,
        "notes": "",
        "summary": "",
        "body": body,
    }


def content(
    pack_id: str = "demo",
    version: str = "1.0.0",
    items: list[dict[str, Any]] | None = None,
    translations: dict[str, Any] | None = None,
) -> dict[str, Any]:
    items = items if items is not None else [lesson("intro", "Introduction", "Wash your hands.")]
    return {
        "pack": {"id": pack_id, "version": version, "title": f"Pack {pack_id}", "language": "en",
                 "languages": ["en"], "license": "CC-BY-4.0", "authors": [{"name": "A"}],
                 "description": "", "attribution": ""},
        "modules": [{"id": "m1", "title": "Module one", "summary": "", "objectives": [],
                     "minutes": 10, "tags": [], "items": items}],
        "translations": translations or {},
    }  # fmt: skip


PNG = b"\x89PNG\r\n\x1a\n" + b"x" * 200


def _entry(path: str, data: bytes) -> dict[str, Any]:
    return {"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def manifest_for(body: dict[str, Any], files: dict[str, bytes]) -> dict[str, Any]:
    pack = body["pack"]
    return {
        "format_version": 1,
        "pack": {"id": pack["id"], "version": pack["version"], "title": pack["title"]},
        "counts": {},
        "files": [_entry(p, d) for p, d in files.items()],
    }


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def zinfo(name: str, compress: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.external_attr = 0o100644 << 16
    info.create_system = 3
    info.compress_type = compress
    return info


def write_zip(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries:
            zf.writestr(zinfo(name) if isinstance(name, str) else name, data)
    return path


def write_pack(
    path: Path,
    body: dict[str, Any] | None = None,
    media: dict[str, bytes] | None = None,
    signature: bytes | None = None,
    manifest: dict[str, Any] | None = None,
    sign_key: Any = None,
) -> Path:
    """A well-formed pack (unless the arguments say otherwise)."""
    body = body if body is not None else content()
    content_bytes = dumps(body)
    files = {"content.json": content_bytes, **(media or {})}
    manifest_bytes = dumps(manifest if manifest is not None else manifest_for(body, files))
    if sign_key is not None:
        from kit.core.signing import sign

        signature = dumps(sign(sign_key, manifest_bytes))
    entries: list[tuple[str | zipfile.ZipInfo, bytes]] = [("manifest.json", manifest_bytes)]
    if signature is not None:
        entries.append(("signature.json", signature))
    entries += list(files.items())
    return write_zip(path, entries)


def snapshot(data_dir: Path) -> dict[str, Any]:
    """Everything a user could notice about the library, to compare before and after."""
    with Library(DataDir(data_dir)) as lib:
        packs = lib.list_packs()
        state = {
            "packs": [{k: v for k, v in p.items() if k != "updated_at"} for p in packs],
            "full": [lib.get_pack(p["id"]) for p in packs],
            "search": lib.search("hands"),
            "verify": lib.verify(),
        }
    state["files"] = sorted(
        str(p.relative_to(data_dir))
        for p in data_dir.rglob("*")
        if p.is_file() and not p.name.startswith("library.db")
    )
    return state


def open_library(data_dir: Path) -> Library:
    return Library(DataDir(data_dir))

"""Build a pack source into one deterministic ID-VERSION.kitpack file."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kit.core.errors import PackError
from kit.core.fsutil import make_public, sha256_and_size
from kit.core.packformat import FORMAT_VERSION, PACK_SUFFIX
from kit.core.packformat.source import LoadedSource, load_source
from kit.i18n import _

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
STORED_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp3", ".ogg", ".oga",
                   ".m4a", ".opus", ".mp4", ".webm", ".ogv", ".pdf"}  # fmt: skip
MANIFEST_PACK_KEYS = (
    "id", "version", "title", "description", "language", "languages", "license",
    "authors", "attribution", "min_app_version", "homepage", "source",
)  # fmt: skip


def canonical_json(data: Any) -> bytes:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False)
    return text.encode("utf-8") + b"\n"


def make_manifest(loaded: LoadedSource, content_bytes: bytes) -> dict[str, Any]:
    files = [
        {
            "path": "content.json",
            "size": len(content_bytes),
            "sha256": hashlib.sha256(content_bytes).hexdigest(),
        }
    ]
    for rel in sorted(loaded.media):
        sha, size = sha256_and_size(loaded.media[rel])
        files.append({"path": rel, "size": size, "sha256": sha})
    pack = {k: loaded.pack[k] for k in MANIFEST_PACK_KEYS if k in loaded.pack}
    counts = {"modules": len(loaded.content["modules"])}
    for module in loaded.content["modules"]:
        for item in module["items"]:
            counts[item["type"]] = counts.get(item["type"], 0) + 1
    return {"format_version": FORMAT_VERSION, "pack": pack, "counts": counts, "files": files}


def zip_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.external_attr = 0o644 << 16
    info.create_system = 3
    suffix = os.path.splitext(name)[1].lower()
    info.compress_type = zipfile.ZIP_STORED if suffix in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
    return info


def build_pack(
    src: str | Path | LoadedSource,
    out: str | Path | None = None,
    sign_key: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Validate `src` and write ID-VERSION.kitpack; returns its path.

    `src` is a source folder (or an already loaded one). `out` is a .kitpack file name
    or a folder (default: the current folder). Raises PackError listing the problems if
    the source is invalid. Example: build_pack("my-pack", "dist/", sign_key=Path("k.key"))
    """
    loaded = src if isinstance(src, LoadedSource) else load_source(src)
    if not loaded.report.ok:
        lines = "\n".join(str(p) for p in loaded.report.errors)
        raise PackError(
            _("The pack source has problems; fix them and build again:\n{lines}").format(
                lines=lines
            )
        )
    content_bytes = canonical_json(loaded.content)
    manifest = make_manifest(loaded, content_bytes)
    manifest_bytes = canonical_json(manifest)
    name = f"{loaded.pack['id']}-{loaded.pack['version']}{PACK_SUFFIX}"
    target = Path(out) if out else Path.cwd()
    if target.is_dir() or str(out).endswith(("/", os.sep)) or not target.name.endswith(PACK_SUFFIX):
        target = target / name
    signature = None
    if sign_key is not None:
        from kit.core.signing import load_private_key, sign

        signature = canonical_json(sign(load_private_key(sign_key), manifest_bytes))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".building-", dir=target.parent)
    os.close(fd)
    make_public(Path(tmp))  # mkstemp makes 0600; a web server must be able to serve the pack
    try:
        _write_zip(Path(tmp), manifest_bytes, signature, content_bytes, loaded, progress)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _write_zip(
    path: Path,
    manifest_bytes: bytes,
    signature: bytes | None,
    content_bytes: bytes,
    loaded: LoadedSource,
    progress: Callable[[int, int], None] | None,
) -> None:
    total = len(loaded.media) + 1
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zip_entry("manifest.json"), manifest_bytes)
        if signature is not None:
            zf.writestr(zip_entry("signature.json"), signature)
        zf.writestr(zip_entry("content.json"), content_bytes)
        for done, rel in enumerate(sorted(loaded.media), start=2):
            with loaded.media[rel].open("rb") as src, zf.open(zip_entry(rel), "w") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
            if progress:
                progress(done, total)

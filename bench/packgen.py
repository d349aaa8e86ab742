"""Fast generation of big test packs: zips written directly in the .kitpack layout."""

from __future__ import annotations

import hashlib
import json
import os
import random
import zipfile
from pathlib import Path
from typing import Any

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def vocabulary(size: int = 20_000, seed: int = 1) -> list[str]:
    rnd = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rnd.choices(letters, k=rnd.randint(3, 10))) for _ in range(size * 2)}
    return sorted(words)[:size]


class TextMaker:
    """Lesson text with a Zipf-like word distribution, like real prose."""

    def __init__(self, seed: int = 2) -> None:
        self.words = vocabulary()
        self.weights = [1.0 / (rank + 1) for rank in range(len(self.words))]
        self.rnd = random.Random(seed)

    def text(self, n: int) -> str:
        return " ".join(self.rnd.choices(self.words, self.weights, k=n))

    def query_word(self) -> str:
        return self.rnd.choices(self.words, self.weights, k=1)[0]


def lessons(
    maker: TextMaker, count: int, prefix: str = "l", words: int = 150
) -> list[dict[str, Any]]:
    return [
        {"id": f"{prefix}{i}", "type": "lesson", "title": maker.text(4).capitalize(),
         "minutes": 2, "notes": "", "summary": "", "body": maker.text(words)}
        for i in range(count)
    ]  # fmt: skip


def content(
    pack_id: str, version: str, items: list[dict[str, Any]], per_module: int = 100
) -> dict[str, Any]:
    modules = [
        {"id": f"m{n}", "title": f"Module {n}", "summary": "", "objectives": [], "minutes": 10,
         "tags": [], "items": items[i : i + per_module]}
        for n, i in enumerate(range(0, len(items), per_module))
    ]  # fmt: skip
    return {
        "pack": {"id": pack_id, "version": version, "title": f"Bench {pack_id}", "language": "en",
                 "languages": ["en"], "license": "CC0-1.0", "authors": [], "description": "",
                 "attribution": ""},
        "modules": modules,
        "translations": {},
    }  # fmt: skip


def _media_bytes(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


def _info(name: str, stored: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.external_attr = 0o644 << 16
    info.create_system = 3
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    return info


def write_pack(
    path: Path, body: dict[str, Any], media_seeds: dict[str, int], media_size: int
) -> Path:
    """Write a pack whose media file NAME holds media_size random bytes from its seed.

    The manifest goes last so each media file is made once, hashed as it is written.
    """
    content_bytes = json.dumps(body, ensure_ascii=False).encode("utf-8")
    files = [{"path": "content.json", "size": len(content_bytes),
              "sha256": hashlib.sha256(content_bytes).hexdigest()}]  # fmt: skip
    tmp = path.with_suffix(".part")
    with zipfile.ZipFile(tmp, "w") as zf:
        zf.writestr(_info("content.json", False), content_bytes)
        for name, seed in media_seeds.items():
            data = _media_bytes(seed, media_size)
            files.append(
                {"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            )
            zf.writestr(_info(name, True), data)
        pack = body["pack"]
        manifest = {
            "format_version": 1,
            "pack": {"id": pack["id"], "version": pack["version"], "title": pack["title"]},
            "counts": {},
            "files": files,
        }
        zf.writestr(_info("manifest.json", False), json.dumps(manifest).encode())
    os.replace(tmp, path)
    return path


def search_library(lib: Any, maker: TextMaker, total: int, workdir: Path, prefix: str) -> list[str]:
    """Fill `lib` (a kit Library) with `total` generated lessons, in packs of up to 5,000,
    and return 300 queries of one or two words (every third cut short, as while typing)."""
    per_pack = min(5_000, total)
    for n in range(total // per_pack):
        items = lessons(maker, per_pack, prefix=f"p{n}-")
        pack = write_pack(workdir / f"{prefix}{n}.kitpack", content(f"{prefix}{n}", "1.0.0", items), {}, 0)  # fmt: skip
        lib.install(pack)
        pack.unlink()
    queries = []
    for i in range(300):
        words = [maker.query_word() for _ in range(1 + i % 2)]
        if i % 3 == 0:
            words[-1] = words[-1][: max(2, len(words[-1]) - 2)]
        queries.append(" ".join(words))
    return queries

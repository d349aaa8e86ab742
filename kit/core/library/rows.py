"""Writing a pack's rows in one transaction, and the small reads the installer needs."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from kit.core.library.search import index_rows
from kit.core.packformat.manifest import SignatureStatus


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def installed_version(conn: sqlite3.Connection, pack_id: str) -> str | None:
    row = conn.execute("SELECT version FROM packs WHERE id = ?", (pack_id,)).fetchone()
    return row[0] if row else None


def trust_of(conn: sqlite3.Connection, signature: SignatureStatus) -> tuple[bool, str]:
    """(verified, publisher name) for a checked signature."""
    if not (signature.signed and signature.valid):
        return False, ""
    row = conn.execute(
        "SELECT name FROM trusted_keys WHERE key_id = ?", (signature.key_id,)
    ).fetchone()
    return (True, row[0]) if row else (False, "")


def pack_shas(conn: sqlite3.Connection, pack_id: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT sha256 FROM files WHERE pack_id = ?", (pack_id,))}


def used_shas(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM files")}


def delete_rows(conn: sqlite3.Connection, pack_id: str) -> None:
    conn.execute("DELETE FROM search_index WHERE pack_id = ?", (pack_id,))
    for table in ("item_translations", "items", "modules", "files"):
        conn.execute(f"DELETE FROM {table} WHERE pack_id = ?", (pack_id,))
    conn.execute("DELETE FROM packs WHERE id = ?", (pack_id,))


def _counts(content: dict[str, Any]) -> dict[str, int]:
    counts = {"modules": len(content["modules"]), "items": 0}
    for module in content["modules"]:
        for item in module["items"]:
            counts["items"] += 1
            counts[item["type"]] = counts.get(item["type"], 0) + 1
    return counts


def _pack_row(
    manifest: dict[str, Any], content: dict[str, Any], sig: SignatureStatus, installed_at: str
) -> tuple[Any, ...]:
    translations = {
        lang: {"pack": t.get("pack", {}), "modules": t.get("modules", {})}
        for lang, t in content.get("translations", {}).items()
    }
    pack = content["pack"]
    return (
        pack["id"], pack["version"], pack.get("title") or manifest["pack"]["title"],
        _json(pack), _json(_counts(content)), _json(translations),
        int(sig.signed and sig.valid), sig.key_id,
        sum(f["size"] for f in manifest["files"]), installed_at, now(),
    )  # fmt: skip


def write_pack(
    conn: sqlite3.Connection,
    manifest: dict[str, Any],
    content: dict[str, Any],
    sig: SignatureStatus,
    crash_point: Callable[[str], None] = lambda step: None,
) -> None:
    """Replace the pack's rows (if any) with the new ones in a single transaction."""
    pack_id = content["pack"]["id"]
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT installed_at FROM packs WHERE id = ?", (pack_id,)).fetchone()
        delete_rows(conn, pack_id)
        conn.execute(
            "INSERT INTO packs VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            _pack_row(manifest, content, sig, row[0] if row else now()),
        )
        _insert_content(conn, pack_id, manifest, content)
        crash_point("transaction")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _insert_content(
    conn: sqlite3.Connection, pack_id: str, manifest: dict[str, Any], content: dict[str, Any]
) -> None:
    modules, items, all_items = [], [], []
    for mpos, module in enumerate(content["modules"]):
        meta = {k: v for k, v in module.items() if k != "items"}
        modules.append((pack_id, module["id"], mpos, _json(meta)))
        for ipos, item in enumerate(module["items"]):
            all_items.append(item)
            minutes = item.get("minutes")
            items.append(
                (pack_id, item["id"], module["id"], ipos, item["type"], item["title"],
                 int(minutes) if minutes is not None else None, _json(item))
            )  # fmt: skip
    conn.executemany("INSERT INTO modules VALUES (?,?,?,?)", modules)
    conn.executemany("INSERT INTO items VALUES (?,?,?,?,?,?,?,?)", items)
    translations = content.get("translations", {})
    known = {it["id"] for it in all_items}
    conn.executemany(
        "INSERT INTO item_translations VALUES (?,?,?,?)",
        [
            (pack_id, item_id, lang, _json(tr))
            for lang, entry in translations.items()
            for item_id, tr in entry.get("items", {}).items()
            if item_id in known
        ],
    )
    conn.executemany(
        "INSERT INTO files VALUES (?,?,?,?)",
        [
            (pack_id, f["path"], f["sha256"], f["size"])
            for f in manifest["files"]
            if f["path"] != "content.json"
        ],
    )
    conn.executemany(
        "INSERT INTO search_index (title, text, pack_id, item_id, lang) VALUES (?,?,?,?,?)",
        [r for r in index_rows(pack_id, all_items, translations) if r[3] in known],
    )

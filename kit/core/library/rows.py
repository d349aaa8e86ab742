"""Writing a pack's rows in one transaction, and the small reads the installer needs."""

from __future__ import annotations

import json
import marshal
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kit.core.library import terms
from kit.core.library.background import started
from kit.core.library.plaintext import index_rows

if TYPE_CHECKING:  # the manifest module (YAML, Ed25519) is slow to import
    from kit.core.packformat.manifest import SignatureStatus


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _json(value: Any) -> str:
    return _ENCODER.encode(value)


# Bumped whenever an item's row is made differently from (module id, position, item):
# every item of a pack then counts as changed at its next update.
DIGEST_PERSON = b"kit-item-row-1"
_STAGED = "kit_index_rows"  # the connection's scratch table of search rows (see _reindex)


def item_digest(module_id: str, position: int, item: dict[str, Any]) -> bytes:
    """What an item's row is made of, hashed, so an update rewrites only the items
    whose digest changed. marshal (version 2: no back-references) writes each value
    with its type (1, 1.0 and true differ) and keys in order, as the row's JSON does,
    and is several times faster than writing the JSON."""
    import hashlib  # here: opening the library loads no OpenSSL (tests/test_startup_imports.py)

    data = marshal.dumps((module_id, position, item), 2)
    return hashlib.blake2b(data, digest_size=16, person=DIGEST_PERSON).digest()


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
    old = conn.execute(
        "SELECT s.title, s.text FROM search_map m CROSS JOIN search_index s ON s.rowid = m.rowid"
        " WHERE m.pack_id = ?",
        (pack_id,),
    )
    terms.add(conn, terms.row_terms(conn, old), -1)
    conn.execute(
        "DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_map WHERE pack_id = ?)",
        (pack_id,),
    )
    for table in ("search_map", "item_translations", "items", "modules", "files",
                  "pack_originals", "pack_plans"):  # fmt: skip
        conn.execute(f"DELETE FROM {table} WHERE pack_id = ?", (pack_id,))
    conn.execute("DELETE FROM packs WHERE id = ?", (pack_id,))


def write_original(
    conn: sqlite3.Connection,
    pack_id: str,
    version: str,
    manifest_packed: bytes,
    signature_raw: bytes | None,
    content_packed: bytes,
    content_size: int,
) -> None:
    """Keep the pack's own manifest, signature and content.json bytes (for export);
    manifest and content as zlib streams (kit.core.library.originals)."""
    conn.execute(
        "INSERT OR REPLACE INTO pack_originals VALUES (?,?,?,?,?,?)",
        (pack_id, version, manifest_packed, signature_raw, content_packed, content_size),
    )


def set_origin(conn: sqlite3.Connection, pack_id: str, origin: str) -> None:
    """Record where the installed pack last came from (see Library.install)."""
    conn.execute(
        "UPDATE packs SET origin = ? WHERE id = ? AND origin != ?", (origin, pack_id, origin)
    )


def has_original(conn: sqlite3.Connection, pack_id: str, version: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM pack_originals WHERE pack_id = ? AND version = ?", (pack_id, version)
    ).fetchone()
    return row is not None


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


def write_rows(
    conn: sqlite3.Connection,
    manifest: dict[str, Any],
    content: dict[str, Any],
    sig: SignatureStatus,
    origin: str = "file",
) -> None:
    """Write the pack's rows, touching only what changed; the caller owns the transaction."""
    pack_id = content["pack"]["id"]
    row = conn.execute("SELECT installed_at FROM packs WHERE id = ?", (pack_id,)).fetchone()
    conn.execute(
        """INSERT INTO packs (id, version, title, meta, counts, translations, signed, key_id,
           size, installed_at, updated_at, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
           ON CONFLICT(id) DO UPDATE SET
           version=excluded.version, title=excluded.title, meta=excluded.meta,
           counts=excluded.counts, translations=excluded.translations,
           signed=excluded.signed, key_id=excluded.key_id, size=excluded.size,
           updated_at=excluded.updated_at, origin=excluded.origin""",
        (*_pack_row(manifest, content, sig, row[0] if row else now()), origin),
    )
    _write_content(conn, pack_id, manifest, content)


Place = tuple[bytes | None, str, int]  # an item's digest (None: not made yet), module id, position


def _item_rows(
    pack_id: str, content: dict[str, Any], digests_now: bool
) -> tuple[list[Any], dict[str, Place], dict[str, Any]]:
    """The module rows, each item's place (its digest made now if `digests_now`, else
    when its row is made), the items by id."""
    modules: list[Any] = []
    digests: dict[str, Place] = {}
    by_id: dict[str, Any] = {}
    for mpos, module in enumerate(content["modules"]):
        meta = {k: v for k, v in module.items() if k != "items"}
        module_id = module["id"]
        modules.append((pack_id, module_id, mpos, _json(meta)))
        for ipos, item in enumerate(module["items"]):
            by_id[item["id"]] = item
            digest = item_digest(module_id, ipos, item) if digests_now else None
            digests[item["id"]] = (digest, module_id, ipos)
    return modules, digests, by_id


def _item_row(pack_id: str, item: dict[str, Any], place: Place) -> tuple[Any, ...]:
    digest, module_id, ipos = place
    if digest is None:
        digest = item_digest(module_id, ipos, item)
    minutes = item.get("minutes")
    return (
        pack_id, item["id"], module_id, ipos, item["type"], item["title"],
        int(minutes) if minutes is not None else None, _json(item), digest,
    )  # fmt: skip


def _changed_items(
    conn: sqlite3.Connection, pack_id: str, digests: dict[str, Place]
) -> tuple[set[str], set[str]]:
    """(changed or new, gone) item ids, by digest. An item row written before digests
    (NULL) has its digest worked out from the row, and recorded when it is unchanged."""
    old: dict[str, bytes | None] = dict(
        conn.execute("SELECT id, digest FROM items WHERE pack_id = ?", (pack_id,))
    )
    gone = old.keys() - digests.keys()
    legacy = [i for i, d in old.items() if d is None and i in digests]
    if legacy:
        found = _row_digests(conn, pack_id, legacy)
        old.update(found)
        conn.executemany(
            "UPDATE items SET digest = ? WHERE pack_id = ? AND id = ?",
            [(d, pack_id, i) for i, d in found.items() if digests[i][0] == d],
        )
    changed = {i for i, place in digests.items() if old.get(i) != place[0]}
    return changed, gone


def _row_digests(conn: sqlite3.Connection, pack_id: str, ids: list[str]) -> dict[str, bytes]:
    found = {}
    for item_id in ids:
        module_id, position, data = conn.execute(
            "SELECT module_id, position, data FROM items WHERE pack_id = ? AND id = ?",
            (pack_id, item_id),
        ).fetchone()
        try:
            found[item_id] = item_digest(module_id, position, json.loads(data))
        except ValueError:
            continue  # an unreadable row: rewritten as changed
    return found


def _write_content(
    conn: sqlite3.Connection, pack_id: str, manifest: dict[str, Any], content: dict[str, Any]
) -> None:
    # A pack new to the library: every item is new, and the digests are made with the
    # item rows, beside the index (see _reindex).
    new = (
        conn.execute("SELECT 1 FROM items WHERE pack_id = ? LIMIT 1", (pack_id,)).fetchone() is None
    )
    modules, digests, by_id = _item_rows(pack_id, content, digests_now=not new)
    translations = content.get("translations", {})
    tr_rows = {
        (item_id, lang): _json(tr)
        for lang, entry in translations.items()
        for item_id, tr in entry.get("items", {}).items()
        if item_id in by_id
    }
    changed, gone = (set(by_id), set()) if new else _changed_items(conn, pack_id, digests)
    old_tr = {
        (r[0], r[1]): r[2]
        for r in conn.execute(
            "SELECT item_id, lang, data FROM item_translations WHERE pack_id = ?", (pack_id,)
        )
    }
    tr_changed = {k for k, v in tr_rows.items() if old_tr.get(k) != v}
    tr_gone = old_tr.keys() - tr_rows.keys()
    redo = changed | gone | {k[0] for k in tr_changed | tr_gone}
    # The item rows (their JSON) are made while the search rows are written (below).
    item_rows = _reindex(
        conn, pack_id, redo, by_id, translations,
        lambda: [_item_row(pack_id, by_id[i], digests[i]) for i in changed],
    )  # fmt: skip
    conn.executemany("DELETE FROM items WHERE pack_id = ? AND id = ?", [(pack_id, i) for i in gone])
    conn.executemany(
        "INSERT OR REPLACE INTO items (pack_id, id, module_id, position, type, title, minutes,"
        " data, digest) VALUES (?,?,?,?,?,?,?,?,?)",
        item_rows,
    )
    conn.executemany(
        "DELETE FROM item_translations WHERE pack_id = ? AND item_id = ? AND lang = ?",
        [(pack_id, *k) for k in tr_gone],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO item_translations VALUES (?,?,?,?)",
        [(pack_id, *k, tr_rows[k]) for k in tr_changed],
    )
    conn.execute("DELETE FROM modules WHERE pack_id = ?", (pack_id,))
    conn.executemany("INSERT INTO modules VALUES (?,?,?,?)", modules)
    conn.execute("DELETE FROM files WHERE pack_id = ?", (pack_id,))
    conn.executemany(
        "INSERT INTO files VALUES (?,?,?,?)",
        [
            (pack_id, f["path"], f["sha256"], f["size"])
            for f in manifest["files"]
            if f["path"] != "content.json"
        ],
    )
    conn.execute("DELETE FROM pack_plans WHERE pack_id = ?", (pack_id,))
    conn.executemany(
        "INSERT INTO pack_plans VALUES (?,?,?,?,?)",
        [
            (pack_id, p["name"], n, p["title"], p["text"])
            for n, p in enumerate(content.get("plans", []))
        ],
    )


def _drop_index_rows(conn: sqlite3.Connection, params: list[tuple[str, str]]) -> None:
    """Delete the search rows of these (pack id, item id), and their terms' counts."""
    # Row by row: FTS5 answers "rowid IN (subquery)" with a scan of the whole index
    # (150 ms for 50 items of a 5,000-lesson pack), "rowid = ?" with a lookup.
    find = "SELECT rowid FROM search_map WHERE pack_id = ? AND item_id = ?"
    # In rowid order: a rowid below the last one written makes FTS5 flush its pending
    # rows as a new segment first (and merge segments: 60 ms for one such step).
    rowids = sorted(r for p in params for r in conn.execute(find, p))
    read = "SELECT title, text FROM search_index WHERE rowid = ?"
    old = [row for r in rowids for row in conn.execute(read, r)]
    terms.add(conn, terms.row_terms(conn, old), -1)
    conn.executemany("DELETE FROM search_index WHERE rowid = ?", rowids)
    conn.executemany("DELETE FROM search_map WHERE pack_id = ? AND item_id = ?", params)


def _reindex(
    conn: sqlite3.Connection,
    pack_id: str,
    item_ids: set[str],
    by_id: dict[str, Any],
    translations: dict[str, Any],
    meanwhile: Callable[[], list[tuple[Any, ...]]],
) -> list[tuple[Any, ...]]:
    """Replace the search rows of these items (all languages); return what `meanwhile`
    returns, run on another thread while SQLite indexes many rows (GIL released)."""
    if not item_ids:
        return meanwhile()
    # A pack installed for the first time has no rows to take away (5,000 lookups saved).
    if conn.execute("SELECT 1 FROM search_map WHERE pack_id = ? LIMIT 1", (pack_id,)).fetchone():
        _drop_index_rows(conn, [(pack_id, i) for i in item_ids])
    keep = [by_id[i] for i in sorted(item_ids) if i in by_id]
    subset = {
        lang: {
            "items": {
                i: tr for i, tr in entry.get("items", {}).items() if i in item_ids and i in by_id
            }
        }
        for lang, entry in translations.items()
    }
    rows = index_rows(pack_id, keep, subset)
    counted = terms.counting(conn, [(r[0], r[1]) for r in rows])  # meanwhile, on its own
    start = conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM search_map").fetchone()[0]
    # The rows go to a scratch table first, then into the index and the map in one
    # statement each: SQLite indexes them all with the GIL released, while `meanwhile`
    # runs (row by row, the GIL would be taken back for each row).
    conn.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {_STAGED}"
        " (id INTEGER PRIMARY KEY, title, text, pack_id, item_id, lang)"
    )
    conn.executemany(
        f"INSERT INTO temp.{_STAGED} VALUES (?,?,?,?,?,?)",
        [(start + n, *r) for n, r in enumerate(rows)],
    )
    made = started(meanwhile, "kit-library-items") if len(rows) >= terms.BACKGROUND_ROWS else None
    conn.execute(
        "INSERT INTO search_index (rowid, title, text, pack_id, item_id, lang)"
        f" SELECT * FROM temp.{_STAGED} ORDER BY id"
    )
    conn.execute(f"INSERT INTO search_map SELECT id, pack_id, item_id, lang FROM temp.{_STAGED}")
    conn.execute(f"DROP TABLE temp.{_STAGED}")
    terms.add(conn, counted())
    return made() if made is not None else meanwhile()

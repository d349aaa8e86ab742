"""Reading installed packs, modules and items for the screens and the command line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from kit.core.itemtypes import REPLACED_KEYS, TRANSLATABLE_FIELDS
from kit.core.library.store import MediaStore

_PACK_SQL = """
    SELECT p.id, p.version, p.title, p.meta, p.counts, p.translations, p.signed, p.key_id,
           p.size, p.installed_at, p.updated_at, p.origin, k.name
    FROM packs p LEFT JOIN trusted_keys k ON k.key_id = p.key_id AND p.signed = 1
"""
META_KEYS = ("description", "language", "languages", "license", "attribution", "authors",
             "homepage", "source", "min_app_version")  # fmt: skip


def _pack_dict(row: tuple[Any, ...], lang: str | None) -> dict[str, Any]:
    (pid, version, title, meta, counts, translations, signed, key_id, size, inst, upd) = row[:11]
    origin, name = row[11:13]
    meta = json.loads(meta)
    counts = json.loads(counts)
    out: dict[str, Any] = {"id": pid, "version": version, "title": title}
    out.update({k: meta.get(k) for k in META_KEYS})
    out.update(
        verified=name is not None,
        publisher=name or "",
        signed=bool(signed),
        key_id=key_id,
        module_count=counts.get("modules", 0),
        item_count=counts.get("items", 0),
        counts=counts,
        size=size,
        installed_at=inst,
        updated_at=upd,
        origin=origin,
    )
    tr = json.loads(translations).get(lang or "", {}).get("pack", {})
    for key in ("title", "description", "attribution"):
        if tr.get(key):
            out[key] = tr[key]
    return out


def list_packs(conn: sqlite3.Connection, lang: str | None = None) -> list[dict[str, Any]]:
    rows = conn.execute(_PACK_SQL + " ORDER BY p.title COLLATE NOCASE, p.id").fetchall()
    return [_pack_dict(r, lang) for r in rows]


def get_pack(
    conn: sqlite3.Connection, pack_id: str, lang: str | None = None
) -> dict[str, Any] | None:
    row = conn.execute(_PACK_SQL + " WHERE p.id = ?", (pack_id,)).fetchone()
    if row is None:
        return None
    pack = _pack_dict(row, lang)
    module_tr = json.loads(row[5]).get(lang or "", {}).get("modules", {})
    items: dict[str, list[dict[str, Any]]] = {}
    for mid, iid, itype, title, minutes, tr_title in conn.execute(
        """SELECT i.module_id, i.id, i.type, i.title, i.minutes, json_extract(t.data, '$.title')
           FROM items i LEFT JOIN item_translations t
             ON t.pack_id = i.pack_id AND t.item_id = i.id AND t.lang = ?
           WHERE i.pack_id = ? ORDER BY i.module_id, i.position""",
        (lang or "", pack_id),
    ):
        items.setdefault(mid, []).append(
            {"id": iid, "type": itype, "title": tr_title or title, "minutes": minutes}
        )
    pack["modules"] = []
    for mid, data in conn.execute(
        "SELECT id, data FROM modules WHERE pack_id = ? ORDER BY position", (pack_id,)
    ):
        module = json.loads(data)
        tr = module_tr.get(mid) or {}
        for key in ("title", "summary", "objectives"):
            if tr.get(key):
                module[key] = tr[key]
        module["items"] = items.get(mid, [])
        pack["modules"].append(module)
    return pack


def _overlay(original: dict[str, Any], translated: dict[str, Any], parts: Any) -> dict[str, Any]:
    """The original with only its translatable texts taken from the translation, so
    fields a translation does not carry (a survey question's skill, show_if, a choice's
    na flag) stay the original's."""
    out = dict(original)
    for part in parts:
        value = translated.get(part.key)
        if value is None:
            continue
        old = original.get(part.key)
        if (
            part.parts
            and isinstance(old, list)
            and isinstance(value, list)
            and len(old) == len(value)  # else (a short answer's own answers) the translation's
        ):
            out[part.key] = [
                _overlay(o, t, part.parts) if isinstance(o, dict) and isinstance(t, dict) else t
                for o, t in zip(old, value, strict=True)
            ]
        else:
            out[part.key] = value
    return out


def _merge_questions(original: list[Any], translated: list[Any]) -> list[Any]:
    by_id = {q.get("id"): q for q in translated if isinstance(q, dict)}
    parts = next(f.parts for f in TRANSLATABLE_FIELDS if f.key == "questions")
    return [_overlay(q, by_id[q.get("id")], parts) if q.get("id") in by_id else q for q in original]


def get_item(
    conn: sqlite3.Connection, pack_id: str, item_id: str, lang: str | None = None
) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT data, module_id FROM items WHERE pack_id = ? AND id = ?", (pack_id, item_id)
    ).fetchone()
    if row is None:
        return None
    item = json.loads(row[0])
    item.update(pack_id=pack_id, module_id=row[1], lang=None)
    if lang:
        tr_row = conn.execute(
            "SELECT data FROM item_translations WHERE pack_id = ? AND item_id = ? AND lang = ?",
            (pack_id, item_id, lang),
        ).fetchone()
        if tr_row is not None:
            tr = json.loads(tr_row[0])
            item.update({k: tr[k] for k in REPLACED_KEYS if tr.get(k) is not None})
            if tr.get("questions") and item.get("questions"):
                item["questions"] = _merge_questions(item["questions"], tr["questions"])
            item["lang"] = lang
            if tr.get("untranslated"):  # units still in the pack's language
                item["untranslated"] = tr["untranslated"]
    return item


def media_path(
    conn: sqlite3.Connection, store: MediaStore, pack_id: str, rel_path: str
) -> Path | None:
    row = conn.execute(
        "SELECT sha256 FROM files WHERE pack_id = ? AND path = ?", (pack_id, rel_path)
    ).fetchone()
    if row is None:
        return None
    path = store.path_for(row[0])
    return path if path.is_file() else None


def pack_plans(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every ready plan the installed packs carry: pack_id, name, title, text."""
    rows = conn.execute(
        """SELECT pl.pack_id, pl.name, pl.title, pl.text FROM pack_plans pl
           JOIN packs p ON p.id = pl.pack_id
           ORDER BY p.title COLLATE NOCASE, p.id, pl.position"""
    )
    return [{"pack_id": r[0], "name": r[1], "title": r[2], "text": r[3]} for r in rows]

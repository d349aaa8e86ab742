"""Records on several "computers" and the records files made from them (tests only)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from kit.core.paths import DataDir
from kit.core.recordfiles import export_records, import_files
from kit.core.recordfiles.tables import TABLES
from kit.core.records import Records


def state(records: Records) -> dict[str, list[tuple[Any, ...]]]:
    """Every carried row of every table, sorted (seq left out): what a user could see."""
    found = {}
    for table in TABLES:
        rows = records.rdb.query(f"SELECT {', '.join(table.names)} FROM {table.name}")
        found[table.name] = sorted(tuple(r) for r in rows)
    found["roles"] = sorted(
        tuple(r) for r in records.rdb.query("SELECT id, role, pin_hash IS NULL FROM profiles")
    )
    return found


def computer(root: Path, name: str) -> Records:
    return Records(DataDir(root / name))


def add_workshop(records: Records, profile_id: str, title: str) -> str:
    """A workshop with one session, a participant with the profile and a check-in."""
    import uuid

    from kit.core.records.timeutil import utc_now_text

    wid, sid, pid = (uuid.uuid4().hex for _ in range(3))
    now = utc_now_text()
    with records.rdb.write() as db:
        db.execute("INSERT INTO workshops (id, title, created) VALUES (?, ?, ?)", [wid, title, now])
        db.execute(
            "INSERT INTO workshop_sessions (id, workshop_id, position, day, start, slot) "
            "VALUES (?, ?, 0, 1, '09:00', 0)",
            [sid, wid],
        )
        db.execute(
            "INSERT INTO workshop_participants (id, workshop_id, name, profile_id, added) "
            "VALUES (?, ?, 'P', ?, ?)",
            [pid, wid, profile_id, now],
        )
        db.execute(
            "INSERT INTO workshop_checkins (id, workshop_id, session_id, participant_id, at, "
            "device_id) VALUES (?, ?, ?, ?, ?, 'd')",
            [uuid.uuid4().hex, wid, sid, pid, now],
        )
    return wid


def make_files(root: Path) -> list[Path]:
    """Records files from three computers, partial exports, and one from a computer that
    had merged two others already (the same events by two paths)."""
    files: list[Path] = []
    sources = []
    for n in range(3):
        rec = computer(root, f"pc{n}")
        ana = rec.create_profile(f"Ana{n}", pin="1234")
        bea = rec.create_profile(f"Bea{n}")
        for k in range(4):
            rec.append_event(ana.id, "pack", f"i{k}", "completed")
            rec.append_event(bea.id, "pack", f"i{k}", "viewed", {"k": k})
        rec.record_quiz_attempt(ana.id, "pack", "q", 80, 70)
        add_workshop(rec, ana.id, f"W{n}")
        sources.append((rec, ana, bea))
        whole = root / f"pc{n}.kitrecords"
        export_records(rec.rdb, whole)
        part = root / f"pc{n}-ana.kitrecords"
        export_records(rec.rdb, part, profile_ids=[ana.id])
        files += [whole, part]
    hub = computer(root, "hub")
    import_files(hub.rdb, [files[0], files[2]])
    first = hub.list_profiles()
    from kit.core.recordfiles import join_profiles

    join_profiles(hub.rdb, first[0].id, first[1].id)
    hub.append_event(first[0].id, "pack", "extra", "completed")
    via_hub = root / "hub.kitrecords"
    export_records(hub.rdb, via_hub)
    files.append(via_hub)
    for rec, *_rest in sources:
        rec.close()
    hub.close()
    return files


def rewrite(
    path: Path,
    dest: Path,
    *,
    rows: bytes | None = None,
    manifest: dict | None = None,
    fix_sum: bool = True,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A copy of a records file with its rows or manifest replaced (checksum kept right
    unless fix_sum is False)."""
    with zipfile.ZipFile(path) as zf:
        old_rows = zf.read("records.jsonl")
        old_manifest = json.loads(zf.read("manifest.json"))
    new_rows = old_rows if rows is None else rows
    new_manifest = dict(old_manifest if manifest is None else manifest)
    if fix_sum and manifest is None:
        new_manifest["sha256"] = hashlib.sha256(new_rows).hexdigest()
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("records.jsonl", new_rows)
        zf.writestr("manifest.json", json.dumps(new_manifest))
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return dest

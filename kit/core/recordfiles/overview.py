"""The facilitator's overview: every learner (joined profiles as one) x every module.

Progress is derived from the merged events exactly as a learner's own progress is
(`kit.core.records.progress`), over all events of the profiles joined into one.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.core.recordfiles.joins import canonical_map
from kit.core.records import progress
from kit.core.records.db import RecordsDB
from kit.core.records.events import COLUMNS, Event, to_event
from kit.core.records.progress import ModuleProgress


@dataclass(frozen=True)
class ModuleColumn:
    pack_id: str
    module_id: str
    title: str


@dataclass(frozen=True)
class LearnerRow:
    profile_id: str
    name: str
    code: str
    joined: int  # other profiles joined into this one
    cells: tuple[ModuleProgress, ...]


@dataclass(frozen=True)
class Overview:
    modules: tuple[ModuleColumn, ...]
    learners: tuple[LearnerRow, ...]


def overview(rdb: RecordsDB, packs: Sequence[Mapping[str, Any]]) -> Overview:
    """Learners (by name) x the modules of `packs` (Library.get_pack dicts)."""
    people = rdb.query("SELECT id, name FROM profiles ORDER BY name_key, id")
    names = {str(r["id"]): str(r["name"]) for r in people}
    mapping = _present_heads(canonical_map(rdb), names)
    events: dict[str, list[Event]] = {}
    for row in rdb.query(f"SELECT {', '.join(COLUMNS)} FROM events ORDER BY at, id"):
        head = mapping.get(row["profile_id"], row["profile_id"])
        events.setdefault(head, []).append(to_event(row))
    columns = tuple(
        ModuleColumn(str(p["id"]), str(m["id"]), str(m.get("title") or m["id"]))
        for p in packs
        for m in p.get("modules", [])
        if progress.counted_items(m)
    )
    modules = {(str(p["id"]), str(m["id"])): m for p in packs for m in p.get("modules", [])}
    heads = [pid for pid in names if mapping.get(pid, pid) == pid]
    rows = []
    for pid in heads:
        mine = events.get(pid, [])
        cells = tuple(
            progress.module_progress(c.pack_id, modules[(c.pack_id, c.module_id)], mine)
            for c in columns
        )
        joined = sum(1 for other in names if other != pid and mapping.get(other) == pid)
        code = pid.replace("-", "")[:4].upper()
        rows.append(LearnerRow(pid, names[pid], code, joined, cells))
    return Overview(columns, tuple(rows))


def _present_heads(mapping: dict[str, str], names: Mapping[str, str]) -> dict[str, str]:
    """`mapping` with a group whose shown profile was deleted here shown as its smallest
    remaining member instead."""
    groups: dict[str, list[str]] = {}
    for member, head in mapping.items():
        groups.setdefault(head, []).append(member)
    result = {}
    for head, members in groups.items():
        shown = head if head in names else min((m for m in members if m in names), default=head)
        for member in members:
            result[member] = shown
    return result


def write_csv(view: Overview, dest: Path, learner: str = "learner", code: str = "code") -> Path:
    """The overview as CSV: one row per learner, "done/total" per module."""
    with dest.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow([learner, code, *(f"{c.pack_id}/{c.module_id}" for c in view.modules)])
        for row in view.learners:
            out.writerow([_cell(row.name), row.code, *(f"{p.done}/{p.total}" for p in row.cells)])
    return dest


def _cell(text: str) -> str:
    """A value a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

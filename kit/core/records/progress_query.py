"""Progress and Continue read through indexed queries instead of every event.

`kit.core.records.progress` derives progress from a profile's events; with 100,000
events, reading and decoding all of them is most of the cost. The answers depend on far
fewer rows, which the indexes of migration m013_progress_index find directly:

* an item's status and `done_at` depend only on its ``completed``/``passed`` events and
  on whether it has any event at all, so `pack_events` returns exactly those (every
  done-kind event, plus the latest event of each touched item) and the pure functions
  of `progress` give the same answer as over all events;
* Continue needs the touched items most recent first, which `continue_point` walks
  backwards in batches, stopping as soon as the answer is known.

Nothing is stored: the events stay the only truth (tests compare both ways).
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping, Sequence
from typing import Any

from kit.core.records import progress
from kit.core.records.db import RecordsDB
from kit.core.records.events import COLUMNS, COMPLETED, PASSED, Event, to_event
from kit.core.records.progress import ContinuePoint, ModuleProgress, Status

WALK_BATCH = 500  # events per step of the backwards walk for Continue
_SELECT = f"SELECT seq, {', '.join(COLUMNS)} FROM events"


def _item_ids(pack: Mapping[str, Any]) -> list[str]:
    ids = {str(i["id"]) for m in pack.get("modules", []) for i in progress.counted_items(m)}
    return sorted(ids)


def _done_kind(rdb: RecordsDB, profile_id: str, pack_id: str) -> list[tuple[int, Event]]:
    rows = rdb.query(
        f"{_SELECT} WHERE profile_id = ? AND pack_id = ? AND verb IN (?, ?)",
        [profile_id, pack_id, COMPLETED, PASSED],
    )
    return [(int(r["seq"]), to_event(r)) for r in rows]


def pack_events(
    rdb: RecordsDB,
    profile_id: str,
    pack: Mapping[str, Any],
    module: Mapping[str, Any] | None = None,
) -> list[Event]:
    """The events of `pack` that decide its progress, oldest first (see module doc);
    with `module` (one of the pack's), only those of that module's counted items."""
    pack_id = str(pack["id"])
    if module is None:
        items = set(_item_ids(pack))
    else:
        items = {str(i["id"]) for i in progress.counted_items(module)}
    found = {
        seq: e
        for seq, e in _done_kind(rdb, profile_id, pack_id)
        if module is None or e.item_id in items
    }
    # The latest event of each item the learner touched, in one query (one a pack, not
    # one an item: a library of 300 packs reads 300, not 30,000); only the pack's counted
    # items are kept, as before.
    rows = rdb.query(
        f"{_SELECT} WHERE seq IN (SELECT MAX(seq) FROM events "
        "WHERE profile_id = ? AND pack_id = ? GROUP BY item_id)",
        [profile_id, pack_id],
    )
    for r in rows:
        if r["item_id"] in items:
            found.setdefault(int(r["seq"]), to_event(r))
    return [found[seq] for seq in sorted(found)]


def touched_packs(rdb: RecordsDB, profile_id: str) -> set[str]:
    """The ids of the packs in which the profile has any event: a skip scan of the
    events_profile_item index, one step per pack (not one per event). A pack outside
    this set has nothing done and no Continue point in it."""
    rows = rdb.query(
        """WITH RECURSIVE seen(pack_id) AS (
               SELECT MIN(pack_id) FROM events WHERE profile_id = ?1
               UNION ALL
               SELECT (SELECT MIN(pack_id) FROM events WHERE profile_id = ?1
                       AND pack_id > seen.pack_id)
               FROM seen WHERE seen.pack_id IS NOT NULL)
           SELECT pack_id FROM seen WHERE pack_id IS NOT NULL""",
        [profile_id],
    )
    return {str(r["pack_id"]) for r in rows}


def pack_progress(rdb: RecordsDB, profile_id: str, pack: Mapping[str, Any]) -> list[ModuleProgress]:
    """As `progress.pack_progress` over all the profile's events, from far fewer rows."""
    return progress.pack_progress(pack, pack_events(rdb, profile_id, pack))


def module_progress(
    rdb: RecordsDB, profile_id: str, pack: Mapping[str, Any], module: Mapping[str, Any]
) -> ModuleProgress:
    """As `progress.module_progress` over all the profile's events, from the few rows
    that decide it (the reader asks at every item it opens)."""
    events = pack_events(rdb, profile_id, pack, module)
    return progress.module_progress(str(pack["id"]), module, events)


class _Orders:
    """Each pack's counted items in order, worked out for a pack only when Continue
    looks at it (a library of 300 packs has 30,000 items; Continue needs a few packs)."""

    def __init__(self, packs: Sequence[Mapping[str, Any]]) -> None:
        self._packs = {str(p["id"]): p for p in packs}
        self._orders: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
        self._ids: dict[str, set[str]] = {}

    def __getitem__(self, pack_id: str) -> list[tuple[str, Mapping[str, Any]]]:
        if pack_id not in self._orders:
            self._orders[pack_id] = progress._pack_order(self._packs[pack_id])
        return self._orders[pack_id]

    def __contains__(self, key: object) -> bool:
        """Whether (pack id, item id) is a counted item of one of the packs."""
        if not isinstance(key, tuple) or len(key) != 2:
            return False
        pack_id, item_id = key
        if pack_id not in self._packs:
            return False
        if pack_id not in self._ids:
            self._ids[pack_id] = {str(i["id"]) for _m, i in self[pack_id]}
        return item_id in self._ids[pack_id]


def _touched(
    rdb: RecordsDB, profile_id: str, known: Container[tuple[str, str]]
) -> Iterator[tuple[str, str]]:
    """Known (pack, item) pairs with events, most recently touched first, each once."""
    seen: set[tuple[str, str]] = set()
    before: int | None = None
    while True:
        sql = "SELECT seq, pack_id, item_id FROM events WHERE profile_id = ?"
        params: list[Any] = [profile_id]
        if before is not None:
            sql += " AND seq < ?"
            params.append(before)
        rows = rdb.query(sql + " ORDER BY seq DESC LIMIT ?", [*params, WALK_BATCH])
        for r in rows:
            key = (r["pack_id"], r["item_id"])
            if key in known and key not in seen:
                seen.add(key)
                yield key
        if len(rows) < WALK_BATCH:
            return
        before = int(rows[-1]["seq"])


def continue_point(
    rdb: RecordsDB, profile_id: str, packs: Sequence[Mapping[str, Any]]
) -> ContinuePoint | None:
    """As `progress.continue_point` over all the profile's events, from far fewer rows."""
    orders = _Orders(packs)
    done_events: dict[str, dict[str, list[Event]]] = {}

    def unfinished(pack_id: str, item: Mapping[str, Any]) -> bool:
        if pack_id not in done_events:
            grouped: dict[str, list[Event]] = {}
            for _seq, event in _done_kind(rdb, profile_id, pack_id):
                grouped.setdefault(str(event.item_id), []).append(event)
            done_events[pack_id] = grouped
        mine = done_events[pack_id].get(str(item["id"]), [])
        return progress.item_status(item.get("type", ""), mine) is not Status.DONE

    walk = _touched(rdb, profile_id, orders)
    first = next(walk, None)
    if first is None:
        return None
    last_pack, last_item = first
    order = orders[last_pack]
    index = next(n for n, (_m, i) in enumerate(order) if str(i["id"]) == last_item)
    for module_id, item in order[index:] + order[:index]:
        if unfinished(last_pack, item):
            return ContinuePoint(last_pack, module_id, str(item["id"]))
    for pack_id, item_id in walk:
        for module_id, item in orders[pack_id]:
            if str(item["id"]) == item_id and unfinished(pack_id, item):
                return ContinuePoint(pack_id, module_id, item_id)
    return None

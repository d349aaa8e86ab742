"""Progress derived from a profile's events (pure functions, no database access).

The structure of packs comes from the library (`Library.get_pack(...)["modules"]`:
``[{"id", "title", "items": [{"id", "type", "title", "minutes"}, ...]}, ...]``);
events come from `events.events_for`. Nothing here is stored, so progress can never
disagree with the events, and merged events simply give merged progress.

Rules:
* a lesson, slide deck or activity is done once it is ``completed``;
* a quiz is done once an attempt is ``passed`` (at or above its pass mark); ``failed``
  attempts count as attempts only;
* an item with any other event is in progress; surveys never count towards a module
  (kit.core.itemtypes says which types count and which are done by passing);
* a module is complete when every counted item is done.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from kit.core import itemtypes
from kit.core.records.events import COMPLETED, FAILED, PASSED, Event


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True)
class QuizStats:
    """Finished attempts of one quiz: how many, best and last score (0-100), passed."""

    attempts: int = 0
    best_score: float | None = None
    last_score: float | None = None
    passed: bool = False


@dataclass(frozen=True)
class ModuleProgress:
    """How far a profile is through one module.

    `items` maps every counted item id (in module order) to its Status; `completed_at`
    is when the last counted item became done (None while incomplete).
    """

    pack_id: str
    module_id: str
    items: dict[str, Status]
    done: int
    total: int
    complete: bool
    completed_at: datetime | None

    @property
    def fraction(self) -> float:
        """Share of counted items done, 0.0-1.0 (for progress bars)."""
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class ContinuePoint:
    """Where "Continue" leads: an item of an installed pack."""

    pack_id: str
    module_id: str
    item_id: str


def _is_done_event(item_type: str, event: Event) -> bool:
    if itemtypes.is_scored(item_type):
        return event.verb == PASSED
    return event.verb in (COMPLETED, PASSED)


def done_at(item_type: str, events: Iterable[Event]) -> datetime | None:
    """When the item first became done, or None (events of that one item)."""
    times = [e.at for e in events if _is_done_event(item_type, e)]
    return min(times) if times else None


def item_status(item_type: str, events: Sequence[Event]) -> Status:
    """The status of one item given its events (only that item's events)."""
    if not events:
        return Status.NOT_STARTED
    if any(_is_done_event(item_type, e) for e in events):
        return Status.DONE
    return Status.IN_PROGRESS


def quiz_stats(events: Iterable[Event]) -> QuizStats:
    """Attempts and scores of one quiz from its ``passed``/``failed`` events."""
    attempts = [e for e in events if e.verb in (PASSED, FAILED)]
    scores = [float(e.result["score"]) for e in attempts if _is_number(e.result.get("score"))]
    return QuizStats(
        attempts=len(attempts),
        best_score=max(scores) if scores else None,
        last_score=scores[-1] if scores else None,
        passed=any(e.verb == PASSED for e in attempts),
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def by_item(events: Iterable[Event], pack_id: str) -> dict[str, list[Event]]:
    """The events of one pack grouped by item id, each list oldest first."""
    grouped: dict[str, list[Event]] = {}
    for event in events:
        if event.pack_id == pack_id and event.item_id is not None:
            grouped.setdefault(event.item_id, []).append(event)
    return grouped


def counted_items(module: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The items of a module that count towards completing it
    (itemtypes.counts_towards_progress, inlined: a library page asks for every item)."""
    uncounted = itemtypes.UNCOUNTED
    return [
        i
        for i in module.get("items", [])
        if not (isinstance(kind := i.get("type"), str) and kind in uncounted)
    ]


def module_progress(
    pack_id: str, module: Mapping[str, Any], events: Iterable[Event]
) -> ModuleProgress:
    """Progress through `module` (a library module dict) from the profile's events."""
    grouped = by_item(events, pack_id)
    statuses: dict[str, Status] = {}
    finished: list[datetime | None] = []
    for item in counted_items(module):
        item_events = grouped.get(item["id"], [])
        statuses[item["id"]] = item_status(item.get("type", ""), item_events)
        finished.append(done_at(item.get("type", ""), item_events))
    done = sum(1 for s in statuses.values() if s is Status.DONE)
    complete = bool(statuses) and done == len(statuses)
    return ModuleProgress(
        pack_id=pack_id,
        module_id=str(module["id"]),
        items=statuses,
        done=done,
        total=len(statuses),
        complete=complete,
        completed_at=max(t for t in finished if t) if complete else None,
    )


def pack_progress(pack: Mapping[str, Any], events: Iterable[Event]) -> list[ModuleProgress]:
    """Progress through every module of `pack` (a `Library.get_pack` dict)."""
    listed = list(events)
    return [module_progress(pack["id"], m, listed) for m in pack.get("modules", [])]


def _pack_order(pack: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    return [(str(m["id"]), i) for m in pack.get("modules", []) for i in counted_items(m)]


def continue_point(
    packs: Sequence[Mapping[str, Any]], events: Sequence[Event]
) -> ContinuePoint | None:
    """Where "Continue" should open, or None when the learner has not started anything.

    The item touched last, if it is not done; otherwise the next unfinished item after
    it in its pack (then the first unfinished one of that pack); when that pack is all
    done, the most recently touched unfinished item of any pack.
    """
    orders = {str(p["id"]): _pack_order(p) for p in packs}
    known = {(pid, str(i["id"])) for pid, order in orders.items() for _m, i in order}
    grouped: dict[tuple[str, str], list[Event]] = {}
    touched: list[tuple[str, str]] = []  # most recent first
    for event in reversed(events):
        key = (event.pack_id, event.item_id)
        if key in known:
            if key not in grouped:
                touched.append(key)
            grouped.setdefault(key, []).append(event)
    if not touched:
        return None

    def unfinished(pack_id: str, item: Mapping[str, Any]) -> bool:
        mine = grouped.get((pack_id, str(item["id"])), [])
        return item_status(item.get("type", ""), mine) is not Status.DONE

    last_pack, last_item = touched[0]
    order = orders[last_pack]
    index = next(n for n, (_m, i) in enumerate(order) if str(i["id"]) == last_item)
    for module_id, item in order[index:] + order[:index]:
        if unfinished(last_pack, item):
            return ContinuePoint(last_pack, module_id, str(item["id"]))
    for pack_id, item_id in touched[1:]:
        for module_id, item in orders[pack_id]:
            if str(item["id"]) == item_id and unfinished(pack_id, item):
                return ContinuePoint(pack_id, module_id, item_id)
    return None

"""A Carpentries lesson's schedule as a ready workshop plan (plans/schedule.yaml).

The episodes, in config.yaml order, each last their teaching + exercises minutes (an
episode without them lasts what the pack estimates: its lesson's reading time and its
challenges). Where the lesson's schedule shows its own breaks (an episode whose header
has `break: MINUTES`, as Carpentries lessons mark coffee breaks) or days (`start: true`
on the episode that opens a day), the plan follows them from the day's start
(config.yaml `start_time`, minutes after midnight, default 09:00). Otherwise the episodes
are poured in order into the teaching sessions of the default day template
(kit.core.workshops.model.DAY_TEMPLATE), so its breaks come on time; the last day ends
after the last episode with the template's wrap-up.

The file is written without ids (each adoption gets fresh ones) and is the same on every
run over the same lesson.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kit.core.workshops.model import DAY_TEMPLATE, clock_text, minutes_of

PLAN_NAME = "schedule"
DEFAULT_START = 9 * 60
MAX_DAYS = 30


@dataclass(frozen=True)
class Step:
    """One entry of the lesson's schedule: an episode (its module) or a break."""

    title: str
    minutes: int
    module: str = ""  # empty for a break
    new_day: bool = False


@dataclass
class _Session:
    title: str
    day: int
    start: int
    slot: int
    items: list[dict[str, Any]] = field(default_factory=list)
    teaching: bool = True

    def used(self) -> int:
        return sum(int(i["minutes"]) for i in self.items)

    def data(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "day": self.day,
            "start": clock_text(self.start),
            "slot": self.slot,
            "items": self.items,
        }


def _episode(pack_id: str, step: Step) -> dict[str, Any]:
    return {
        "kind": "pack",
        "pack": pack_id,
        "module": step.module,
        "title": step.title,
        "minutes": step.minutes,
    }


def _own_schedule(pack_id: str, steps: list[Step], start: int) -> list[_Session]:
    """Sessions cut at the lesson's own breaks and day starts."""
    sessions: list[_Session] = []
    day, clock = 1, start
    current: _Session | None = None

    def close() -> None:
        nonlocal current, clock
        if current is not None and current.items:
            current.slot = current.used()
            sessions.append(current)
            clock = current.start + current.slot
        current = None

    for step in steps:
        if step.new_day and (sessions or current):
            close()
            day, clock = day + 1, start
        if not step.module:
            close()
            item = {"kind": "break", "title": step.title, "minutes": step.minutes}
            sessions.append(_Session(step.title, day, clock, step.minutes, [item], False))
            clock += step.minutes
            continue
        if current is None:
            current = _Session(step.title, day, clock, 0)
        current.items.append(_episode(pack_id, step))
    close()
    return sessions


def _template_days(pack_id: str, steps: list[Step]) -> list[_Session]:
    """The episodes poured into the default day template's teaching sessions."""
    sessions: list[_Session] = []
    queue = list(steps)
    day = 0
    while queue and day < MAX_DAYS:
        day += 1
        for title, start, slot, custom in DAY_TEMPLATE:
            items = [{"kind": k, "minutes": m} for k, m in custom]
            session = _Session(title, day, minutes_of(start), slot, items, not custom)
            sessions.append(session)
            while session.teaching and queue:
                fits = session.used() + queue[0].minutes <= slot
                if not (fits or not session.items):
                    break
                session.items.append(_episode(pack_id, queue.pop(0)))
    return _trim_last_day(sessions)


def _trim_last_day(sessions: list[_Session]) -> list[_Session]:
    """The last day ends after its last episode's session, with the wrap-up right after."""
    filled = [n for n, s in enumerate(sessions) if s.teaching and s.items]
    if not filled:
        return []
    wrap = sessions[-1]  # the template's last session is the wrap-up
    kept = sessions[: filled[-1] + 1]
    end = kept[-1].start + max(kept[-1].slot, kept[-1].used())
    kept.append(_Session(wrap.title, kept[-1].day, end, wrap.slot, wrap.items, False))
    return kept


def schedule_plan(
    pack_id: str,
    title: str,
    language: str,
    steps: list[Step],
    start: int | None = None,
) -> dict[str, Any] | None:
    """The plan file's data for the lesson's schedule (None without episodes)."""
    if not any(s.module for s in steps):
        return None
    own = any(not s.module or s.new_day for s in steps)
    begin = DEFAULT_START if start is None else start
    sessions = _own_schedule(pack_id, steps, begin) if own else _template_days(pack_id, steps)
    return {
        "format": "training-kit-workshop",
        "version": 1,
        "title": title,
        "language": language,
        "description": (
            "The lesson's schedule: its episodes in order, each with its teaching and "
            "exercise minutes."
        ),
        "sessions": [s.data() for s in sessions],
    }


def start_time(config: dict[str, Any]) -> int | None:
    """config.yaml `start_time` (minutes after midnight), when it is a sensible one."""
    value = config.get("start_time")
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 20 * 60:
        return value
    return None

"""Learner records figures: durable event latency, PIN check, progress, backup, restore.

    .venv/bin/python -m bench.records          # prints the figures
    (or through `python -m bench`, which calls run(report))

Uses a real records.db (WAL, synchronous=FULL) in a temporary folder on the same disk
as the system temp folder, so append latency includes a real fsync.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.report import median_ms
from kit.core.paths import DataDir
from kit.core.records import Records, progress

EVENTS = 2000
PROGRESS_EVENTS = 100_000  # progress + Continue are measured over this many events
ITEMS = 60
PACK = {
    "id": "bench-pack",
    "modules": [
        {
            "id": f"m{m}",
            "items": [
                {"id": f"i{m}-{k}", "type": "quiz" if k % 5 == 4 else "lesson"} for k in range(10)
            ],
        }
        for m in range(ITEMS // 10)
    ],
}


def _grow(records: Records, me: str, items: list[dict[str, str]], count: int) -> None:
    """`count` more events, one durable batch per item: views, answers, and for most
    items a completion or a pass (some quizzes failed), so Continue has work to do."""
    per_item = count // len(items)
    for k, item in enumerate(items):
        entries: list[tuple[str, dict[str, object] | None]] = [
            ("answered" if n % 3 else "viewed", {"n": n}) for n in range(per_item - 1)
        ]
        if k != len(items) // 2:  # one item in the middle stays unfinished
            quiz = item["type"] == "quiz"
            entries.append(("passed" if quiz else "completed", {"score": 90.0} if quiz else {}))
        else:
            entries.append(("answered", {}))
        records.append_events(me, "bench-pack", item["id"], entries)


def _progress_figures(records: Records, me: str) -> dict[str, float]:
    def ours() -> object:
        return records.pack_progress(me, PACK), records.continue_point(me, [PACK])

    def from_all_events() -> object:  # what pack_progress and Continue did before
        mine = records.events(me)
        return progress.pack_progress(PACK, mine), progress.continue_point([PACK], mine)

    def floor() -> object:  # one indexed SELECT: the done events' item ids
        return records.rdb.query(
            "SELECT item_id FROM events WHERE profile_id = ? AND pack_id = ? "
            "AND verb IN ('completed', 'passed')",
            [me, PACK["id"]],
        )

    assert ours() == from_all_events()
    return {
        "progress_ms": median_ms(ours),
        "progress_all_ms": median_ms(from_all_events, repeat=3),
        "progress_floor_ms": median_ms(floor),
    }


def measure(folder: Path) -> dict[str, float]:
    items = [i for m in PACK["modules"] for i in m["items"]]
    with Records(DataDir(folder)) as records:
        me = records.create_profile("Bench", pin="1234").id
        latencies = []
        for n in range(EVENTS):
            item = items[n % len(items)]
            start = time.perf_counter()
            records.append_event(me, "bench-pack", item["id"], "answered", {"n": n})
            latencies.append(time.perf_counter() - start)
        latencies.sort()
        figures = {
            "append_median_ms": 1000 * latencies[len(latencies) // 2],
            "append_p95_ms": 1000 * latencies[int(len(latencies) * 0.95)],
            "check_pin_ms": median_ms(lambda: records.check_pin(me, "1234")),
        }
        _grow(records, me, items, PROGRESS_EVENTS - EVENTS)
        figures.update(_progress_figures(records, me))
        backup = records.backup()
        figures["backup_ms"] = median_ms(records.backup, repeat=3)
        figures["restore_ms"] = median_ms(lambda: records.restore(backup.path), repeat=3)
    return figures


def run(report: Callable[..., object]) -> None:
    """Bench convention: report(name, value, unit) once per figure."""
    with tempfile.TemporaryDirectory(prefix="kit-bench-records-") as tmp:
        f = measure(Path(tmp))
    report(
        f"records: append_event (durable commit), median of {EVENTS}",
        round(f["append_median_ms"], 2),
        "ms",
    )
    report("records: append_event p95", round(f["append_p95_ms"], 2), "ms")
    report("records: check_pin (scrypt n=2^14)", round(f["check_pin_ms"], 1), "ms")
    report(
        f"records: pack progress + Continue over {PROGRESS_EVENTS:,} events",
        round(f["progress_ms"], 2),
        "ms",
        floor=f["progress_floor_ms"],
        floor_label="one indexed SELECT",
    )
    report(
        f"records: the same from all {PROGRESS_EVENTS:,} events (before the indexes)",
        round(f["progress_all_ms"], 1),
        "ms",
    )
    report(
        "records: floor, one indexed SELECT of the done events",
        round(f["progress_floor_ms"], 2),
        "ms",
    )
    report("records: backup (VACUUM INTO)", round(f["backup_ms"], 1), "ms")
    report("records: restore (checked, before-restore backup)", round(f["restore_ms"], 1), "ms")


if __name__ == "__main__":
    run(lambda name, value, unit="", **kw: print(f"{name}: {value} {unit} {kw or ''}".rstrip()))

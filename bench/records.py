"""Learner records figures: durable event latency, PIN check, progress, backup, restore.

    .venv/bin/python -m bench.records          # prints the figures
    (or through `python -m bench`, which calls run(report))

Uses a real records.db (WAL, synchronous=FULL) in a temporary folder on the same disk
as the system temp folder, so append latency includes a real fsync.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kit.core.paths import DataDir
from kit.core.records import Records

EVENTS = 2000
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


def _ms(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


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
            "check_pin_ms": _ms(lambda: records.check_pin(me, "1234")),
            "progress_ms": _ms(
                lambda: (records.pack_progress(me, PACK), records.continue_point(me, [PACK]))
            ),
        }
        backup = records.backup()
        figures["backup_ms"] = _ms(records.backup, repeat=3)
        figures["restore_ms"] = _ms(lambda: records.restore(backup.path), repeat=3)
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
        f"records: pack progress + Continue over {EVENTS} events", round(f["progress_ms"], 1), "ms"
    )
    report("records: backup (VACUUM INTO)", round(f["backup_ms"], 1), "ms")
    report("records: restore (checked, before-restore backup)", round(f["restore_ms"], 1), "ms")
    # The other `records` figures live in their own modules (a function, not run(), so
    # `python -m bench` runs each once, here).
    from bench import records_push

    records_push.push_figures(report)


if __name__ == "__main__":
    run(lambda name, value, unit="": print(f"{name}: {value} {unit}".rstrip()))

"""Portable mode figures: the durable commit on a stick's settings, and a start's check.

    .venv/bin/python -m bench portable

A record's commit in portable mode (rollback journal TRUNCATE, synchronous=EXTRA) against
the floor of the same commit in the normal settings (WAL, synchronous=FULL), on the same
disk (bench/out/): the ratio is what the stick-safe settings cost per record. The start
check of a portable run (`kit.core.portable.health.begin`: quick_check, marker, backup
when changed) and the full check after an unclean eject (integrity_check) are given
against the floor of opening the records.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

from kit.core.paths import DataDir
from kit.core.portable.health import RUNNING_PREFIX, begin
from kit.core.records import Records


def _append_median_ms(data: DataDir, events: int) -> float:
    with Records(data) as records:
        me = records.create_profile("Bench").id
        times = []
        for n in range(events):
            start = time.perf_counter()
            records.append_event(me, "bench-pack", f"i{n % 60}", "answered", {"n": n})
            times.append(time.perf_counter() - start)
    times.sort()
    return 1000 * times[len(times) // 2]


def _ms(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return 1000 * times[len(times) // 2]


def run(report) -> None:
    events = report.scale(1000, 100)
    root = Path(report.workdir) / "portable"
    shutil.rmtree(root, ignore_errors=True)
    normal = DataDir(root / "normal")
    stick = DataDir(root / "stick", portable=True)
    floor = _append_median_ms(normal, events)
    value = _append_median_ms(stick, events)
    report(
        f"portable: append_event on stick settings, median of {events}",
        round(value, 3),
        "ms",
        floor=round(floor, 3),
        floor_label="WAL + synchronous=FULL",
        target_ratio=3,
    )

    def open_records() -> None:
        Records(stick).close()

    def start_clean() -> None:
        begin(stick).end()

    def start_unclean() -> None:
        (stick.root / f"{RUNNING_PREFIX}bench").write_text("1\n")
        begin(stick).end()

    opened = _ms(open_records)
    report(
        f"portable: start check ({events} events)",
        round(_ms(start_clean), 2),
        "ms",
        floor=round(opened, 2),
        floor_label="opening the records",
    )
    report(
        f"portable: start after an unclean eject ({events} events)",
        round(_ms(start_unclean), 2),
        "ms",
        floor=round(opened, 2),
        floor_label="opening the records",
    )
    shutil.rmtree(root, ignore_errors=True)

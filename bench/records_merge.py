"""Records files: merging 100,000 events from a file, next to a plain INSERT OR IGNORE.

    .venv/bin/python -m bench records          # bench/records.py and every bench/records_*.py
    .venv/bin/python -m bench records_merge    # this module only

The figure is `kit.core.recordfiles.import_files` of a file holding 100,000 events (read,
checksum, every row checked, one transaction into a real records.db); the floor is an
executemany INSERT OR IGNORE of the same rows into an empty table of the same columns,
without the checks. Target: under 5 s.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from kit.core.paths import DataDir
from kit.core.recordfiles import export_records, import_files
from kit.core.recordfiles.tables import BY_NAME
from kit.core.records import Records
from kit.core.records.timeutil import utc_now_text

EVENTS = 100_000
PROFILES = 50


def _fill(records: Records, count: int) -> None:
    ids = [records.create_profile(f"L{n}").id for n in range(PROFILES)]
    now = utc_now_text()
    rows = [
        (uuid.uuid4().hex, ids[n % PROFILES], "pack", f"i{n % 40}", "completed", '{"n":1}', now)
        for n in range(count)
    ]
    with records.rdb.write() as db:
        db.conn.executemany(
            "INSERT INTO events (id, profile_id, pack_id, item_id, verb, result, at, device_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'bench')",
            rows,
        )


def measure(folder: Path, count: int) -> dict[str, float]:
    with Records(DataDir(folder / "src")) as src:
        _fill(src, count)
        export_records(src.rdb, folder / "all.kitrecords")
        columns = BY_NAME["events"].names
        rows: list[Any] = src.rdb.query(f"SELECT {', '.join(columns)} FROM events")
    with Records(DataDir(folder / "dst")) as dst:
        start = time.perf_counter()
        result = import_files(dst.rdb, [folder / "all.kitrecords"])
        merge = time.perf_counter() - start
        assert result.added["events"] == count
        start = time.perf_counter()
        import_files(dst.rdb, [folder / "all.kitrecords"])
        again = time.perf_counter() - start
    conn = sqlite3.connect(folder / "floor.db")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        f"CREATE TABLE events (seq INTEGER PRIMARY KEY, {', '.join(columns)}, UNIQUE (id))"
    )
    start = time.perf_counter()
    with conn:
        conn.executemany(
            f"INSERT OR IGNORE INTO events ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            [tuple(r) for r in rows],
        )
    floor = time.perf_counter() - start
    conn.close()
    return {"merge": merge, "again": again, "floor": floor}


def run(report: Any) -> None:
    count = report.scale(EVENTS, 10_000)
    with tempfile.TemporaryDirectory(prefix="kit-bench-merge-") as tmp:
        f = measure(Path(tmp), count)
    report.figure(
        f"records: merge a file of {count:,} events (target < 5 s)",
        round(f["merge"], 3),
        "s",
        round(f["floor"], 3),
        "executemany INSERT OR IGNORE",
    )
    report.figure(
        f"records: the same file again ({count:,} already present)",
        round(f["again"], 3),
        "s",
        round(f["floor"], 3),
        "executemany INSERT OR IGNORE",
    )


if __name__ == "__main__":
    from bench.report import Report

    run(Report(Path(tempfile.gettempdir())))

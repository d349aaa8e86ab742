"""An acknowledged event survives kill -9: the writer is killed mid-stream, many times."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from killed_writer import acknowledged_before_kill

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.records.events import event_ids

# Prints each event id only after append_event has returned: that is the moment the
# app would tell the learner "saved".
WRITER = """
import sys
from pathlib import Path
from kit.core.paths import DataDir
from kit.core.records import Records

records = Records(DataDir(Path(sys.argv[1])))
profile_id = sys.argv[2]
print("ready", flush=True)
n = 0
while True:
    event = records.append_event(
        profile_id, "first-aid", f"quiz-{n % 5}", "answered",
        {"question": f"q{n % 7}", "response": n, "correct": n % 3 == 0},
    )
    sys.stdout.write(event.id + "\\n")
    sys.stdout.flush()
    n += 1
"""

ROUNDS = 30


def test_every_acknowledged_event_survives_kill_9(data_dir: Path) -> None:
    data = DataDir(data_dir)
    with Records(data) as records:
        profile_id = records.create_profile("Writer").id
    rng = random.Random(5)
    acknowledged: set[str] = set()
    for _ in range(ROUNDS):
        # -1: killed while still opening the database; otherwise mid-stream.
        acknowledged |= acknowledged_before_kill(
            WRITER, [str(data_dir), profile_id], rng.choice([-1, 0, 1, 3, 10, 25, 60])
        )
    assert len(acknowledged) > ROUNDS  # the writer did get going

    conn = sqlite3.connect(data.records_db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    with Records(data) as records:
        stored = event_ids(records.rdb, profile_id)
        assert records.check() == []
    assert acknowledged - stored == set()


def test_records_db_uses_wal_and_full_sync(data_dir: Path) -> None:
    with Records(DataDir(data_dir)) as records:
        conn = records.rdb.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


RESTORER = """
import sys
from pathlib import Path
from kit.core.paths import DataDir
from kit.core.records import Records

records = Records(DataDir(Path(sys.argv[1])))
print("ready", flush=True)
n = 0
while True:
    records.restore(sys.argv[2 + n % 2])
    print("restored", flush=True)
    n += 1
"""


def test_a_restore_killed_midway_leaves_old_or_new_records(data_dir: Path, tmp_path: Path) -> None:
    data = DataDir(data_dir)
    with Records(data) as records:
        ana = records.create_profile("Ana")
        records.append_event(ana.id, "p", "lesson", "completed")
        one = Path(records.backup().path.replace(tmp_path / "one.db"))
        records.create_profile("Bruno")
        two = Path(records.backup().path.replace(tmp_path / "two.db"))
    rng = random.Random(7)
    for _ in range(8):
        proc = subprocess.Popen(
            [sys.executable, "-c", RESTORER, str(data_dir), str(one), str(two)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        for _ in range(rng.choice([0, 1, 2, 4])):
            assert proc.stdout.readline(), proc.stderr.read() if proc.stderr else ""
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        with Records(data) as records:
            names = sorted(p.name for p in records.list_profiles())
            assert names in (["Ana"], ["Ana", "Bruno"])
            assert [e.item_id for e in records.events(ana.id)] == ["lesson"]
            assert records.check() == []


def test_usable_from_other_threads_calls_are_serialised(data_dir: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    records = Records(DataDir(data_dir))  # opened on this thread, used on others
    ana = records.create_profile("Ana").id

    def write(n: int) -> str:
        return records.append_event(ana, "p", f"i{n % 3}", "answered", {"n": n}).id

    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = set(pool.map(write, range(80)))
        backup = pool.submit(records.backup).result()
    assert event_ids(records.rdb, ana) == ids and len(ids) == 80
    assert backup.path.is_file() and records.check() == []
    records.close()

"""A delivered time the presenter's op acknowledged survives kill -9: the writer (the
presenter's own op on the database worker) is killed mid-stream, several times."""

from __future__ import annotations

import random
from pathlib import Path

from killed_writer import acknowledged_before_kill

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import Deliveries, Workshop, Workshops, template_day

# Prints an entry's id only when record_delivered has succeeded: the moment the presenter
# takes the delivered time as kept.
WRITER = """
import datetime as dt
import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from kit.core.paths import DataDir
from kit.ui.context import AppContext
from kit.ui.operations import presenter as ops
from kit.ui.operations.core import open_core
from kit.ui.runners.worker import Worker

app = QApplication([])
ctx = AppContext(DataDir(Path(sys.argv[1])), Worker())
session = ops.SessionPlan(sys.argv[2], sys.argv[3], "", 1, "09:00", 90, (), ())
count = [0]

def record(_result=None):
    n = count[0]
    if n:
        sys.stdout.write(f"i{n - 1}\\n")
        sys.stdout.flush()
    count[0] += 1
    entry = ops.AgendaEntry("", "", 5, kind="break", agenda_id=f"i{n}")
    now = dt.datetime.now(dt.UTC)
    ops.record_delivered(ctx, session, entry, now, now).success(record).run(app)

def opened(_state):
    print("ready", flush=True)
    record()

open_core(ctx).success(opened).run(app)
app.exec()
"""

ROUNDS = 6


def test_every_acknowledged_delivered_time_survives_kill_9(data_dir: Path) -> None:
    data = DataDir(data_dir)
    with Records(data) as records:
        shop = Workshops(records.rdb).save(Workshop(title="Durable", sessions=template_day(1)))
    session = shop.sessions[0].id
    rng = random.Random(7)
    acknowledged: set[str] = set()
    for _ in range(ROUNDS):
        acknowledged |= acknowledged_before_kill(
            WRITER, [str(data_dir), shop.id, session], rng.choice([0, 1, 5, 20])
        )
    assert len(acknowledged) > ROUNDS
    with Records(data) as records:
        assert records.check() == []
        kept = [d.item_id for d in Deliveries(records.rdb).of(shop.id, session)]
    assert acknowledged <= set(kept)

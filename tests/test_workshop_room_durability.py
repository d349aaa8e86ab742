"""A room answer the console's op acknowledged survives kill -9, together with the
linked learner's event (one commit: never one without the other)."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from killed_writer import acknowledged_before_kill

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.records.events import events_for
from kit.core.workshops import Workshop, Workshops, template_day
from kit.core.workshops.room import RoomQuestions

# Prints "aN" only when the N-th answer's op has succeeded (the console then shows it).
WRITER = """
import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from kit.core.paths import DataDir
from kit.ui.context import AppContext
from kit.ui.operations import room as ops
from kit.ui.operations.core import open_core
from kit.ui.runners.worker import Worker

app = QApplication([])
ctx = AppContext(DataDir(Path(sys.argv[1])), Worker())
question, participant = sys.argv[2], sys.argv[3]
count = [0]

def answer(_result=None):
    n = count[0]
    if n:
        sys.stdout.write(f"a{n - 1}\\n")
        sys.stdout.flush()
    count[0] += 1
    ops.answer(ctx, question, participant, "12"[n % 2]).success(answer).run(app)

def opened(_state):
    print("ready", flush=True)
    answer()

open_core(ctx).success(opened).run(app)
app.exec()
"""

ROUNDS = 5


def test_every_acknowledged_room_answer_survives_kill_9(data_dir: Path) -> None:
    data = DataDir(data_dir).ensure()
    with Records(data) as records:
        shops = Workshops(records.rdb)
        shop = shops.save(Workshop(title="Durable", sessions=template_day(1)))
        learner = records.create_profile("Ana")
        ana = shops.add_participant(shop.id, "Ana", profile_id=learner.id)
        poll = RoomQuestions(records.rdb).ask_poll(shop.id, "", "Tea or coffee?", ["T", "C"])
    rng = random.Random(12)
    acknowledged = 0
    for _ in range(ROUNDS):
        acked = acknowledged_before_kill(
            WRITER, [str(data_dir), poll.id, ana.id], rng.choice([0, 1, 4, 12])
        )
        acknowledged += len(acked)
    assert acknowledged > ROUNDS
    with Records(data) as records:
        assert records.check() == []
        events = [e for e in events_for(records.rdb, learner.id) if e.object_id == poll.id]
    conn = sqlite3.connect(data.records_db)
    try:
        (rows,) = conn.execute("SELECT COUNT(*) FROM workshop_room_responses").fetchone()
    finally:
        conn.close()
    assert rows >= acknowledged
    assert len(events) == rows  # each kept answer has its learner event, and only those

"""A kiosk answer the app acknowledged ("saved": the start screen comes back) survives
kill -9: the writer (the kiosk's own operation on the database worker) is killed
mid-stream, several times."""

from __future__ import annotations

import random
from pathlib import Path

from killed_writer import acknowledged_before_kill

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import Workshop, Workshops, template_day
from kit.core.workshops.feedback import SURVEY, Feedback

# Prints an answer's text only when record_response has succeeded.
WRITER = """
import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from kit.core.paths import DataDir
from kit.core.workshops.feedback import DEFAULT_SURVEY
from kit.ui.context import AppContext
from kit.ui.operations import feedback as ops
from kit.ui.operations.core import open_core
from kit.ui.runners.worker import Worker

app = QApplication([])
ctx = AppContext(DataDir(Path(sys.argv[1])), Worker())
count = [0]

def record(_result=None):
    n = count[0]
    if n:
        sys.stdout.write(f"a{n - 1}\\n")
        sys.stdout.flush()
    count[0] += 1
    answers = {"improve": f"a{n}", "usefulness": "4"}
    ops.record_response(ctx, sys.argv[2], DEFAULT_SURVEY, answers).success(record).run(app)

def opened(_state):
    print("ready", flush=True)
    record()

open_core(ctx).success(opened).run(app)
app.exec()
"""

ROUNDS = 6


def test_every_acknowledged_kiosk_answer_survives_kill_9(data_dir: Path) -> None:
    data = DataDir(data_dir)
    with Records(data) as records:
        shop = Workshops(records.rdb).save(Workshop(title="Durable", sessions=template_day(1)))
    rng = random.Random(11)
    acknowledged: set[str] = set()
    for _ in range(ROUNDS):
        acknowledged |= acknowledged_before_kill(
            WRITER, [str(data_dir), shop.id], rng.choice([0, 1, 5, 20])
        )
    assert len(acknowledged) > ROUNDS
    with Records(data) as records:
        assert records.check() == []
        answers = Feedback(records.rdb).answers(shop.id, SURVEY)
    texts = [a.answer for a in answers if a.question == "improve"]
    assert acknowledged <= set(texts)
    by_response: dict[str, set[str]] = {}
    for a in answers:
        by_response.setdefault(a.response_id, set()).add(a.question)
    assert all(questions == {"improve", "usefulness"} for questions in by_response.values())

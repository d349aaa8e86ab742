"""A pre/post response the tab says is kept survives kill -9: the real Pre/post tab takes
respondent after respondent (code, Start, answers, Submit) and reports each code only once
the neutral thank-you shows; the process is then killed mid-stream, several times."""

from __future__ import annotations

import random
from pathlib import Path

from killed_writer import acknowledged_before_kill

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import Workshop, Workshops
from kit.core.workshops.prepost import PrePost, builtin_instrument, code_key

WRITER = """
import itertools, sys
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kit.core.paths import DataDir
from kit.ui.context import AppContext, Services, Session
from kit.ui.operations.core import open_core
from kit.ui.runners.worker import Worker
from kit.ui.workshop.prepost.page import PrePostPage

ctx = AppContext(services=Services(DataDir(Path(sys.argv[1])), Worker()), session=Session())
open_core(ctx).run()
while not ctx.opened:
    app.processEvents()
page = PrePostPage(ctx)
page.show()
page.show_workshop(sys.argv[2])
while page.state is None:
    app.processEvents()
page.collect("pre")
view = page.collector
print("ready", flush=True)
for n in itertools.count():
    code = f"{sys.argv[3]}-{n}"
    view.code.setText(code)
    view.start()
    while view.currentIndex() != 1:
        app.processEvents()
    view.inputs["c1"].set_response(str(1 + n % 5))
    view.submit()
    while view.currentIndex() != 2:
        app.processEvents()
    sys.stdout.write(code + "\\n")
    sys.stdout.flush()
    view.next_person()
"""

ROUNDS = 4


def test_every_response_shown_as_kept_survives_kill_9(data_dir: Path) -> None:
    data = DataDir(data_dir).ensure()
    with Records(data) as records:
        shop = Workshops(records.rdb).save(Workshop(title="Durable"))
        PrePost(records.rdb).choose(shop.id, builtin_instrument())
    rng = random.Random(12)
    shown: set[str] = set()
    for run in range(ROUNDS):
        args = [str(data_dir), shop.id, f"r{run}"]
        shown |= acknowledged_before_kill(WRITER, args, rng.randint(1, 12))
    assert len(shown) >= ROUNDS
    with Records(data) as records:
        assert records.check() == []
        pp = PrePost(records.rdb)
        assert all(pp.answered(shop.id, "pre", code_key(code)) for code in shown)

"""A check-in the Attendance tab shows as done survives kill -9: the real page checks
people in with the keyboard path (name, Enter) and reports each one only once its row
shows the tick; the process is then killed mid-stream, several times."""

from __future__ import annotations

import random
from pathlib import Path

from killed_writer import acknowledged_before_kill

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import Workshop, Workshops, template_day

WRITER = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kit.core.paths import DataDir
from kit.ui.context import AppContext, Services, Session
from kit.ui.operations.core import open_core
from kit.ui.runners.worker import Worker
from kit.ui.workshop.attendance.page import AttendancePage
from kit.ui.workshop.attendance.register_view import ID_ROLE

ctx = AppContext(services=Services(DataDir(Path(sys.argv[1])), Worker()), session=Session())
open_core(ctx).run()
while not ctx.opened:
    app.processEvents()
page = AttendancePage(ctx)
page.show()
page.show_workshop(sys.argv[2])
while page.roster is None:
    app.processEvents()
view = page.checkin


def ticked(pid):
    rows = (view.people.item(i) for i in range(view.people.count()))
    return any(r.data(ID_ROLE) == pid and r.text().startswith("\\u2713") for r in rows)


print("ready", flush=True)
waiting = [p for p in page.roster.participants if (view.session_id, p.id) not in page.roster.checkins]
for who in waiting:
    view.find.setText(who.name)
    view.enter()
    while not ticked(who.id):
        app.processEvents()
    sys.stdout.write(who.id + "\\n")
    sys.stdout.flush()
while True:
    app.processEvents()
"""

ROUNDS = 4


def test_every_check_in_shown_as_done_survives_kill_9(data_dir: Path) -> None:
    data = DataDir(data_dir).ensure()
    with Records(data) as records:
        shops = Workshops(records.rdb)
        shop = shops.save(Workshop(title="Durable", sessions=template_day(1)))
        for n in range(120):
            shops.add_participant(shop.id, f"Walker {n:03d}")
    rng = random.Random(7)
    shown: set[str] = set()
    for _ in range(ROUNDS):
        shown |= acknowledged_before_kill(WRITER, [str(data_dir), shop.id], rng.randint(1, 25))
    assert len(shown) >= ROUNDS
    with Records(data) as records:
        assert records.check() == []
        checked_in = {c.participant_id for c in Workshops(records.rdb).checkins(shop.id)}
    assert shown <= checked_in

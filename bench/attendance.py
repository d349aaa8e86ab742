"""Attendance figures: Enter in the check-in field to the tick shown (issue 11).

A workshop of 40 participants; each is checked in at the door through the real
AttendancePage (type the name, Enter), timed until the list shows the tick, which it
does only once the worker has written the row (synchronous, kill -9 safe) and read the
register back. The floor is the bare core write, `Workshops.check_in` of one person on
the same records.db, in the same run.

    .venv/bin/python -m bench attendance
"""

from __future__ import annotations

import os
import time

from bench.reader import _p95, _spin_until
from bench.report import Report


def run(report: Report) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kit.core.paths import DataDir
    from kit.core.records import Records
    from kit.core.workshops import Workshop, Workshops, WorkshopSession
    from kit.ui.context import AppContext, Services, Session
    from kit.ui.operations.core import close_core, open_core
    from kit.ui.runners.worker import Worker
    from kit.ui.workshop.attendance.page import AttendancePage

    app = QApplication.instance() or QApplication([])
    count = report.scale(40, 10)
    data = DataDir(report.workdir / "attendance").ensure()
    names = [f"Person {n:02d}" for n in range(1, count + 1)]
    sessions = tuple(WorkshopSession(day=1, start=f"{9 + n:02d}:00", slot=60) for n in range(2))
    floor: list[float] = []
    with Records(data) as records:
        shops = Workshops(records.rdb)
        shop = shops.save(Workshop(title="Bench", starts="", sessions=sessions))
        people = [shops.add_participant(shop.id, name).id for name in names]
        for pid in people:  # the floor: the other session, written bare
            start = time.perf_counter()
            shops.check_in(shop.id, shop.sessions[1].id, [pid])
            floor.append(time.perf_counter() - start)
    ctx = AppContext(services=Services(data, Worker()), session=Session())
    open_core(ctx).run()
    _spin_until(app, lambda: ctx.opened)
    page = AttendancePage(ctx)
    page.show()
    page.show_workshop(shop.id)
    _spin_until(app, lambda: page.roster is not None)
    view = page.checkin
    view.session.setCurrentIndex(0)
    ours: list[float] = []
    try:
        for n, name in enumerate(names, start=1):
            view.find.setText(name)
            start = time.perf_counter()
            view.enter()
            _spin_until(app, lambda n=n: page.roster.present(shop.sessions[0].id) == n)
            ours.append(time.perf_counter() - start)
    finally:
        page.close()
        close_core(ctx)
    report.note(f"{count} participants checked in")
    ms = 1000.0
    report.figure(
        "attendance: Enter to tick shown, p95",
        _p95(ours) * ms,
        "ms",
        floor=_p95(floor) * ms,
        floor_label="Workshops.check_in (synchronous write), p95",
    )

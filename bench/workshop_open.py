"""Opening workshop mode with a 2-day agenda (issue 18).

Over the library of the bundled packs (content_packs/), a workshop of two days (the
default day template, each session filled with pack lessons up to its slot) is kept in
records.db. Each round builds the facilitator's home (kit.ui.workshop.home.WorkshopHome,
what signing in shows: every tab) and chooses that workshop, timed until the Plan tab
has loaded it (PlanPage.shown) and its agenda has painted. The floor is a bare
QTreeWidget painting the same agenda (sessions and their items: title, minutes), built
in the same run. Medians of a few rounds are compared (no target set yet; the home builds
the Plan tab at once and each other tab when it is first shown, so only the Plan tab's
reads are timed here; what the first view of another tab costs is not).

    .venv/bin/python -m bench workshop_open
"""

from __future__ import annotations

import os
import statistics
import time
from typing import Any

from bench.reader import _install, _PaintWatch, _spin_until
from bench.report import Report


def _two_days(ctx: Any) -> Any:
    """A 2-day workshop whose pack sessions hold lessons of the installed packs."""
    from dataclasses import replace

    from kit.core.workshops import Workshops
    from kit.core.workshops.model import PACK, AgendaItem, Workshop, template_day

    lessons = []
    for pack in ctx.library.list_packs():
        full = ctx.library.get_pack(pack["id"]) or {"modules": []}
        for module in full["modules"]:
            lessons += [(pack["id"], i) for i in module["items"] if i["type"] == "lesson"]
    sessions, taken = [], 0
    for day in (1, 2):
        for session in template_day(day):
            items = list(session.items)
            if not items:  # the template leaves the teaching sessions empty
                used = 0
                while lessons and used < session.slot:
                    pack_id, item = lessons[taken % len(lessons)]
                    minutes = max(
                        10, int(item.get("minutes") or 10)
                    )  # a plan lists lessons of 10 min or more
                    items.append(AgendaItem(kind=PACK, minutes=minutes, pack_id=pack_id,
                                            item_id=str(item["id"]), title=str(item["title"])))  # fmt: skip
                    used += minutes
                    taken += 1
            sessions.append(replace(session, items=tuple(items)))
    shop = Workshop(title="Bench: two days", starts="2026-03-14", ends="2026-03-15",
                    sessions=tuple(sessions))  # fmt: skip
    return Workshops(ctx.records.rdb).save(shop)


def run(report: Report) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem

    from kit.core.library import Library
    from kit.core.records import Records
    from kit.ui.context import AppContext
    from kit.ui.runners.worker import Worker
    from kit.ui.workshop.home import WorkshopHome

    app = QApplication.instance() or QApplication([])
    data, _lessons = _install(report)
    worker = Worker()
    ctx = AppContext(data=data, worker=worker)
    worker.call(lambda: setattr(ctx, "library", Library(data)))
    worker.call(lambda: setattr(ctx, "records", Records(data)))
    shop = worker.call(lambda: _two_days(ctx))
    count = sum(len(s.items) for s in shop.sessions)
    report.note(f"{len(shop.sessions)} sessions over 2 days, {count} agenda items")
    ours: list[float] = []
    floor: list[float] = []
    try:
        for _round in range(report.scale(5, 2) + 1):  # the first warms up
            ours.append(_open_home(app, ctx, WorkshopHome, shop.id))
            floor.append(_floor(app, shop, QTreeWidget, QTreeWidgetItem))
    finally:
        worker.call(lambda: (ctx.library.close(), ctx.records.close()))
        worker.stop()
    ms = 1000.0
    report.figure(
        "workshop mode: open the home on a 2-day agenda",
        statistics.median(ours[1:]) * ms,
        "ms",
        floor=statistics.median(floor[1:]) * ms,
        floor_label="QTreeWidget of the same agenda, painted",
    )


def _open_home(app: Any, ctx: Any, home_class: Any, workshop_id: str) -> float:
    start = time.perf_counter()
    home = home_class(ctx)
    home.resize(1180, 760)
    shown: list[str] = []
    home.plan.shown.connect(shown.append)
    home.show()
    home.choose(workshop_id)
    _spin_until(app, lambda: workshop_id in shown)
    watch = _PaintWatch(home.plan.editor.tree.viewport())
    home.plan.editor.tree.viewport().update()
    _spin_until(app, lambda: watch.count > 0)
    took = time.perf_counter() - start
    home.close()
    home.deleteLater()
    app.processEvents()
    return took


def _floor(app: Any, shop: Any, tree_class: Any, item_class: Any) -> float:
    start = time.perf_counter()
    tree = tree_class()
    tree.setColumnCount(2)
    tree.resize(1180, 760)
    for session in shop.sessions:
        top = item_class([f"Day {session.day} {session.start} {session.title}", str(session.slot)])
        for item in session.items:
            top.addChild(item_class([item.title or item.kind, str(item.minutes)]))
        tree.addTopLevelItem(top)
    tree.expandAll()
    watch = _PaintWatch(tree.viewport())
    tree.show()
    _spin_until(app, lambda: watch.count > 0)
    took = time.perf_counter() - start
    tree.close()
    tree.deleteLater()
    app.processEvents()
    return took

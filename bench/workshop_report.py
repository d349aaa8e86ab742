"""Workshop report figures (issue 12): building the report and writing its formats.

A records.db with 20 earlier workshops of 40 participants (each checked in to two
sessions) and the reported one, whose returning participants are matched against all
800 earlier ones. The floor of `build_report` is reading the rows it needs with two
bare SQL queries (every participant, every check-in row); the writers' floor is
`build_report` itself.

    .venv/bin/python -m bench workshop_report
"""

from __future__ import annotations

import os
import time

from bench.report import Report


def _best(fn, times: int = 5) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _fill(records, workshops: int, people: int) -> str:
    from kit.core.workshops import Workshop, Workshops, template_day

    shops = Workshops(records.rdb)
    shop_id = ""
    for n in range(workshops + 1):
        shop = shops.save(
            Workshop(title=f"Bench {n}", starts=f"2026-{1 + n // 28:02d}-{1 + n % 28:02d}",
                     sessions=template_day(1))
        )  # fmt: skip
        ids = [
            shops.add_participant(shop.id, f"Person {k}", wiki_username=f"User{k}").id
            for k in range(n, n + people)
        ]
        for session in shop.sessions[:3:2]:
            shops.check_in(shop.id, session.id, ids)
        shop_id = shop.id
    return shop_id


def run(report: Report) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from kit.core.paths import DataDir
    from kit.core.records import Records
    from kit.core.workshops import Workshops
    from kit.core.workshops.report import build_report
    from kit.core.workshops.report_writers import markdown, wikitext, write_csv
    from kit.ui.workshop.report.pdf import write_report_pdf

    _app = QGuiApplication.instance() or QGuiApplication([])
    workshops, people = report.scale(20, 4), report.scale(40, 10)
    data = DataDir(report.workdir / "workshop-report").ensure()
    with Records(data) as records:
        shop = Workshops(records.rdb).get(_fill(records, workshops, people))

        def bare() -> None:
            records.rdb.query("SELECT * FROM workshop_participants")
            records.rdb.query("SELECT * FROM workshop_checkins ORDER BY seq")

        floor = _best(bare)
        ours = _best(lambda: build_report(records.rdb, shop))
        built = build_report(records.rdb, shop)
    report.note(f"{workshops} earlier workshops of {people} participants, then the reported one")
    ms = 1000.0
    report.figure(
        "workshop report: build_report",
        ours * ms,
        "ms",
        floor=floor * ms,
        floor_label="the rows it reads, two bare queries",
    )
    texts = _best(lambda: (markdown(built), wikitext(built), write_csv(built, data.root / "csv")))
    report.figure(
        "workshop report: Markdown + wikitext + CSV",
        texts * ms,
        "ms",
        floor=ours * ms,
        floor_label="build_report",
    )
    pdf = _best(lambda: write_report_pdf(data.root / "report.pdf", built), times=3)
    report.figure(
        "workshop report: PDF with charts",
        pdf * ms,
        "ms",
        floor=ours * ms,
        floor_label="build_report",
    )

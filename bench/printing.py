"""Printing figures: a workshop's handouts of many lessons to PDF (issue 11).

Every lesson of the bundled packs (content_packs/) goes on one workshop's
agenda; the handouts are gathered as the Print tab does (kit.ui.operations.printing, on
the worker) and drawn with `write_handouts_pdf` (each item from a new page, pictures
from the media store). The floor is Qt's own `QTextDocument.print_` of the same pages'
HTML joined into one document (page breaks between items) on a QPdfWriter, in the same
run.

    .venv/bin/python -m bench printing
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from bench.reader import _install
from bench.report import Report


class _Control:
    """What a long job is handed (kit.ui.runners.worker.JobControl), never cancelled."""

    def progress(self, done: int, total: int, text: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        return False

    def check(self) -> None:
        pass


def _workshop(ctx: Any, lessons: list[tuple[str, str]]) -> str:
    from kit.core.workshops import AgendaItem, Workshop, Workshops, WorkshopSession

    items = tuple(AgendaItem(kind="pack", minutes=10, pack_id=p, item_id=i) for p, i in lessons)
    shop = Workshop(
        title="Bench", sessions=(WorkshopSession(day=1, start="09:00", slot=600, items=items),)
    )
    return Workshops(ctx.records.rdb).save(shop).id


def _floor(path: Path, handouts: Any) -> float:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QPdfWriter, QTextDocument

    started = time.perf_counter()
    writer = QPdfWriter(str(path))
    writer.setResolution(96)
    doc = QTextDocument()
    for page in handouts.pages:
        for name, image in page.media.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name), image)
    doc.setHtml(
        "".join(
            f'<div style="page-break-before: always"><h1>{p.title}</h1>{p.html}</div>'
            for p in handouts.pages
        )
    )
    doc.print_(writer)
    del writer
    return time.perf_counter() - started


def run(report: Report) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kit.core.library import Library
    from kit.core.records import Records
    from kit.ui.context import AppContext
    from kit.ui.operations import printing as ops
    from kit.ui.runners.worker import Worker
    from kit.ui.workshop.printing.sheets import write_handouts_pdf

    _app = QApplication.instance() or QApplication([])
    data, lessons = _install(report)
    lessons = lessons[: report.scale(len(lessons), 40)]
    worker = Worker()
    ctx = AppContext(data=data, worker=worker)
    worker.call(lambda: setattr(ctx, "library", Library(data)))
    worker.call(lambda: setattr(ctx, "records", Records(data)))
    try:
        workshop_id = worker.call(lambda: _workshop(ctx, lessons))
        started = time.perf_counter()
        handouts = worker.call(
            lambda: ops.load_handouts(ctx, workshop_id).work(_Control()), timeout=600
        )
        gathered = time.perf_counter() - started
        out = report.workdir / "handouts.pdf"
        started = time.perf_counter()
        write_handouts_pdf(out, handouts)
        drawn = time.perf_counter() - started
        floor = _floor(report.workdir / "floor.pdf", handouts)
    finally:
        worker.call(lambda: (ctx.library.close(), ctx.records.close()))
        worker.stop()
    pages = len(handouts.pages)
    report.note(
        f"{pages} lessons, {out.stat().st_size // 1024} KB of PDF; "
        f"gathering them (worker) took {gathered:.2f} s"
    )
    report.figure(
        "printing: handouts drawn to PDF",
        drawn,
        "s",
        floor=floor,
        floor_label="QTextDocument.print_ of the same HTML",
    )

"""Reader figures: opening a lesson, from ReaderPage.open_item to the text painted (issue #5).

Over the lessons of the bundled packs (content_packs/), installed into a fresh library:
each lesson is opened in a real ReaderPage (loaded on the worker: library reads,
Markdown rendering, image decoding, progress; then shown) and timed until the text view
has painted. The floor is a bare QTextBrowser painting the same pre-rendered HTML after
setHtml, in the same run. Target (issue #18): p95 <= 3x the floor and <= 20 ms. Then the last 60 lessons are opened
again (Previous, a link), when their rendered text and pictures are kept
(kit/ui/operations/reader_cache.py).
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path
from typing import Any

from bench.report import Report

TARGET_MS = 20.0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class _PaintWatch:
    """Counts paint events of one widget (the text view's viewport)."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.count = 0
        watch = self

        class Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint:
                    watch.count += 1
                return False

        self.filter = Filter()
        widget.installEventFilter(self.filter)


def _spin_until(app: Any, condition: Any, limit: float = 10.0) -> None:
    """Run the event loop until `condition()`, waiting in Qt as the app does (app.exec()
    holds no GIL while idle): a Python loop spinning on processEvents() would take the
    GIL from the worker thread and time the contention instead of the reader."""
    from PySide6.QtCore import QEventLoop, QTimer

    end = time.perf_counter() + limit
    wake = QTimer()
    wake.start(50)  # never blocks longer than this, so the limit is checked
    try:
        while not condition():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if time.perf_counter() > end:
                raise TimeoutError("the reader did not answer")
    finally:
        wake.stop()


def _install(report: Report) -> tuple[Any, list[tuple[str, str]]]:
    from kit.core.bundled import bundled_sources
    from kit.core.library import Library
    from kit.core.packformat.build import build_pack
    from kit.core.paths import DataDir

    data = DataDir(report.workdir / "reader").ensure()
    library = Library(data)
    for source in bundled_sources():
        try:
            library.install(build_pack(source, report.workdir / "reader-packs"))
        except Exception as exc:  # a source being worked on must not stop the bench
            report.note(f"skipped {source.name}: {exc}")
    lessons = []
    for pack in library.list_packs():
        full = library.get_pack(pack["id"]) or {"modules": []}
        for module in full["modules"]:
            lessons += [(pack["id"], i["id"]) for i in module["items"] if i["type"] == "lesson"]
    library.close()
    return data, lessons


def run(report: Report) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from kit.core.library import Library
    from kit.core.records import Records
    from kit.ui.context import AppContext
    from kit.ui.reader import ReaderPage
    from kit.ui.runners.worker import Worker

    app = QApplication.instance() or QApplication([])
    data, lessons = _install(report)
    lessons = lessons[: report.scale(len(lessons), 60)]
    report.note(f"{len(lessons)} lessons from {len({p for p, _i in lessons})} bundled packs")
    worker = Worker()
    ctx = AppContext(data=data, worker=worker)

    def open_core() -> None:
        ctx.library, ctx.records = Library(data), Records(data)
        ctx.profile = ctx.records.create_profile("Bench learner")

    worker.call(open_core)
    page = ReaderPage(ctx)
    page.resize(1000, 720)
    page.show()
    floor_view = QTextBrowser()
    floor_view.resize(page.views["lesson"].browser.size())
    floor_view.show()
    try:
        ours, floor = _measure(app, page, floor_view, lessons)
        # Back to the last 60 lessons read (Previous, a link): their text and pictures kept.
        again = _measure(app, page, floor_view, lessons[-report.scale(60, 10) :])
    finally:
        worker.call(lambda: (ctx.library.close(), ctx.records.close()))
        worker.stop()
        page.close()
        floor_view.close()
    _report(report, ours, floor)
    ms = 1000.0
    report.figure(
        "reader: open a lesson again, p95",
        _p95(again[0]) * ms,
        "ms",
        floor=_p95(again[1]) * ms,
        floor_label="QTextBrowser.setHtml + paint, p95",
    )


def _measure(
    app: Any, page: Any, floor_view: Any, lessons: list[tuple[str, str]]
) -> tuple[list[float], list[float]]:
    browser = page.views["lesson"].browser
    ours_watch, floor_watch = _PaintWatch(browser.viewport()), _PaintWatch(floor_view.viewport())
    shown: list[str] = []
    page.item_shown.connect(lambda _p, item: shown.append(item))
    ours: list[float] = []
    floor: list[float] = []
    for pack_id, item_id in [lessons[0], *lessons]:  # the first one warms up
        page.ctx.worker.call(lambda: None)  # idle, as when a learner clicks: the last
        painted, before = ours_watch.count, len(shown)  # "viewed" write is done
        start = time.perf_counter()
        page.open_item(pack_id, item_id)
        _spin_until(app, lambda b=before: len(shown) > b)
        _spin_until(app, lambda p=painted: ours_watch.count > p)
        ours.append(time.perf_counter() - start)
        html = page.view.body_html
        painted = floor_watch.count
        start = time.perf_counter()
        floor_view.setHtml(html)
        _spin_until(app, lambda p=painted: floor_watch.count > p)
        floor.append(time.perf_counter() - start)
    return ours[1:], floor[1:]


def _report(report: Report, ours: list[float], floor: list[float]) -> None:
    ms = 1000.0
    p95, floor_p95 = _p95(ours) * ms, _p95(floor) * ms
    report.figure(
        "reader: open a lesson, p95",
        p95,
        "ms",
        floor=floor_p95,
        floor_label="QTextBrowser.setHtml + paint, p95",
    )
    report.figure(
        "reader: open a lesson, median",
        statistics.median(ours) * ms,
        "ms",
        floor=statistics.median(floor) * ms,
        floor_label="QTextBrowser.setHtml + paint, median",
    )
    verdict = "ok" if p95 <= TARGET_MS else "OVER"
    report.note(f"target: p95 <= {TARGET_MS:g} ms: {verdict} ({len(ours)} lessons)")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.__main__ import main

    sys.exit(main(["reader", *sys.argv[1:]]))

"""Presenter figures: next slide to painted on the projector window (issue 11).

Every module of the bundled packs (content_packs/) is presented in a real Presenter
(kit.ui.workshop.presenter) whose audience view is shown full screen (offscreen, one
screen: the audience view shown, as after S): each step is `Presenter.next()` (the
projector's page, the console's current and next slide, notes and timers) timed until
the audience view's text has painted. The floor is a bare QTextBrowser of the same size
painting the same page after setHtml, in the same run. The p95 beyond the floor's p95
is reported against the 16 ms target (one frame at 60 Hz). Peak memory while presenting:
bench/presenter_memory.py.

    .venv/bin/python -m bench presenter
"""

from __future__ import annotations

import os
import statistics
import time
from typing import Any

from bench.reader import _install, _p95, _PaintWatch, _spin_until
from bench.report import Report

TARGET_MS = 16.0  # one frame at 60 Hz, beyond the floor of painting the same page


def _frames(ctx: Any) -> tuple[list[Any], list[Any]]:
    from kit.ui.operations import presenter as ops

    def work() -> tuple[list[Any], list[Any]]:
        entries = []
        for pack in ctx.library.list_packs():
            full = ctx.library.get_pack(pack["id"]) or {"modules": []}
            for module in full["modules"]:
                entries += ops.module_entries(ctx, pack["id"], module["id"]).work()
        return entries, ops.load_frames(ctx, entries).work()

    return ctx.worker.call(work)


def run(report: Report) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from kit.core.library import Library
    from kit.core.records import Records
    from kit.ui.context import AppContext
    from kit.ui.runners.worker import Worker
    from kit.ui.workshop.presenter import Presenter

    app = QApplication.instance() or QApplication([])
    data, _lessons = _install(report)
    worker = Worker()
    ctx = AppContext(data=data, worker=worker)
    worker.call(lambda: setattr(ctx, "library", Library(data)))
    worker.call(lambda: setattr(ctx, "records", Records(data)))
    entries, frames = _frames(ctx)
    frames = frames[: report.scale(len(frames), 60)]
    report.note(f"{len(frames)} frames (slides and lessons) of {len(entries)} items")
    presenter = Presenter(ctx, entries, frames)
    presenter.audience_shown = True
    presenter.start()
    floor_view = QTextBrowser()
    floor_view.resize(presenter.audience.browser.size())
    floor_view.setFont(presenter.audience.browser.font())
    floor_view.show()
    try:
        ours, floor = _measure(app, presenter, floor_view)
    finally:
        presenter.ticker.stop()
        presenter.audience.close()
        presenter.console.close()
        floor_view.close()
        worker.call(lambda: (ctx.library.close(), ctx.records.close()))
        worker.stop()
    ms = 1000.0
    report.figure(
        "presenter: next slide to painted on the projector, p95",
        _p95(ours) * ms,
        "ms",
        floor=_p95(floor) * ms,
        floor_label="QTextBrowser.setHtml + paint, p95",
    )
    report.figure(
        "presenter: next slide p95 beyond the floor's p95",
        (_p95(ours) - _p95(floor)) * ms,
        "ms",
        floor=TARGET_MS,
        floor_label="target: one frame at 60 Hz",
        target_ratio=1,
    )
    report.figure(
        "presenter: next slide to painted on the projector, median",
        statistics.median(ours) * ms,
        "ms",
        floor=statistics.median(floor) * ms,
        floor_label="QTextBrowser.setHtml + paint, median",
    )


def _measure(app: Any, presenter: Any, floor_view: Any) -> tuple[list[float], list[float]]:
    ours_watch = _PaintWatch(presenter.audience.browser.viewport())
    floor_watch = _PaintWatch(floor_view.viewport())
    ours: list[float] = []
    floor: list[float] = []
    _spin_until(app, lambda: ours_watch.count > 0)
    for number in range(1, len(presenter.frames)):
        painted = ours_watch.count
        start = time.perf_counter()
        presenter.next()
        _spin_until(app, lambda p=painted: ours_watch.count > p)
        ours.append(time.perf_counter() - start)
        html = presenter.frames[number].html
        painted = floor_watch.count
        start = time.perf_counter()
        floor_view.setHtml(html)
        _spin_until(app, lambda p=painted: floor_watch.count > p)
        floor.append(time.perf_counter() - start)
    return ours, floor


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.__main__ import main

    sys.exit(main(["presenter", *sys.argv[1:]]))

"""Peak memory while presenting (issue 18): target under 200 MB.

A child process (started through a small launcher, so that its ru_maxrss is its own and
not the high-water mark of this big process) opens the library of the bundled packs,
presents every frame of every module in a real Presenter (audience view shown full
screen, offscreen) and prints its peak RSS. The floor is the same kind of child showing
the same pages, one after another, in a bare PySide6 QTextBrowser of the same size.

    .venv/bin/python -m bench presenter_memory
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.report import Report

TARGET_MB = 200.0
LAUNCHER = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"
ROOT = Path(__file__).resolve().parents[1]


def _peak_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / (1024 * 1024)


def _child(mode: str, data_root: str, pages_file: str, limit: int) -> None:
    """In the child: present (mode "ours") or show the bare pages ("floor"), print MB."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from bench.reader import _PaintWatch, _spin_until

    app = QApplication.instance() or QApplication([])
    if mode == "floor":
        pages = json.loads(Path(pages_file).read_text(encoding="utf-8"))
        view = QTextBrowser()
        view.resize(pages["width"], pages["height"])
        view.show()
        watch = _PaintWatch(view.viewport())
        for html in pages["html"]:
            painted = watch.count
            view.setHtml(html)
            _spin_until(app, lambda p=painted: watch.count > p)
        view.close()
    else:
        _present_all(app, data_root, pages_file, limit)
    print(f"{_peak_mb():.1f}", flush=True)


def _present_all(app: Any, data_root: str, pages_file: str, limit: int) -> None:
    from bench.presenter import _frames
    from bench.reader import _PaintWatch, _spin_until
    from kit.core.library import Library
    from kit.core.paths import DataDir
    from kit.core.records import Records
    from kit.ui.context import AppContext
    from kit.ui.runners.worker import Worker
    from kit.ui.workshop.presenter import Presenter

    data = DataDir(Path(data_root))
    worker = Worker()
    ctx = AppContext(data=data, worker=worker)
    worker.call(lambda: setattr(ctx, "library", Library(data)))
    worker.call(lambda: setattr(ctx, "records", Records(data)))
    entries, frames = _frames(ctx)
    frames = frames[:limit]
    presenter = Presenter(ctx, entries, frames)
    presenter.audience_shown = True
    presenter.start()
    watch = _PaintWatch(presenter.audience.browser.viewport())
    try:
        _spin_until(app, lambda: watch.count > 0)
        size = presenter.audience.browser.size()
        pages = {"width": size.width(), "height": size.height(), "html": []}
        pages["html"].append(frames[0].html)
        for number in range(1, len(frames)):
            painted = watch.count
            presenter.next()
            _spin_until(app, lambda p=painted: watch.count > p)
            pages["html"].append(frames[number].html)
        Path(pages_file).write_text(json.dumps(pages), encoding="utf-8")
    finally:
        presenter.ticker.stop()
        presenter.audience.close()
        presenter.console.close()
        worker.call(lambda: (ctx.library.close(), ctx.records.close()))
        worker.stop()


def _run_child(mode: str, data_root: Path, pages_file: Path, limit: int) -> float:
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); from bench.presenter_memory import "
        f"_child; _child({mode!r}, {str(data_root)!r}, {str(pages_file)!r}, {limit})"
    )
    out = subprocess.run(
        [sys.executable, "-c", LAUNCHER, sys.executable, "-c", code],
        capture_output=True, text=True, check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    return float(out.stdout.strip().splitlines()[-1])


def run(report: Report) -> None:
    from bench.reader import _install

    data, _lessons = _install(report)
    pages_file = report.workdir / "presented-pages.json"
    limit = report.scale(100_000, 60)
    ours = _run_child("ours", data.root, pages_file, limit)
    count = len(json.loads(pages_file.read_text(encoding="utf-8"))["html"])
    floor = _run_child("floor", data.root, pages_file, limit)
    label = f"peak RSS presenting {count} frames"
    report.figure(label, ours, "MB", TARGET_MB, "target", target_ratio=1)
    report.figure(label, ours, "MB", floor, "bare QTextBrowser showing the same pages")

"""Start-up figures: process start to the first painted library window (issue #5), and
how it grows with the library (issue 18).

A data folder with 10 packs installed (100 lessons each) and one learner with some
progress; `kit --profile NAME` is started as a subprocess with KIT_EXIT_WHEN_READY=1,
which prints "ready" once the library has really painted (MainWindow.ready) and exits.
The floor is a bare PySide6 window showing one label, started the same way and
reporting its first paint. Both run in the same run, interleaved, several times after a
warm-up; the medians are compared. Target ratio <= 1.5.

Both start as an installed app does: from compiled bytecode. pip writes the .pyc files of
what it installs (PySide6 has them), but this project is installed editable and the
environment may set PYTHONDONTWRITEBYTECODE, which would make only our side compile
every module from source at every start; so both runs get a bytecode cache in the work
folder (PYTHONPYCACHEPREFIX), filled by the warm-up runs. The floor sets up its
QApplication as ours does (application name, display name).

Growth: the same start, and the library page reloaded to painted (the library's query
on the worker, the pack list and panel rebuilt), with 10, 100 and 300 packs installed
(100 lessons each; 10 with --quick); the 300-pack figure is printed against the 10-pack
one. Target ratio <= 1.5 (issue 18).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import packgen
from bench.report import Report

PACKS = 10
LESSONS_PER_PACK = 100
PROFILE = "Bench learner"

FLOOR = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

class Label(QLabel):
    done = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not Label.done:
            Label.done = True
            QTimer.singleShot(0, report)

def report():
    print("ready", flush=True)
    app.quit()

app = QApplication(sys.argv[:1])
app.setApplicationName("Training Kit")
app.setApplicationDisplayName("Training Kit")
label = Label("Training Kit")
label.resize(1180, 760)
label.show()
app.exec()
"""


def _prepare(report: Report, packs: int = PACKS, lessons: int = LESSONS_PER_PACK) -> Path:
    from kit.core.library import Library
    from kit.core.paths import DataDir
    from kit.core.records import Records

    root = report.workdir / f"startup-data-{packs}x{lessons}"
    if (root / "settings.json").exists():  # made earlier in this run (written last)
        return root
    data = DataDir(root).ensure()
    maker = packgen.TextMaker()
    with Library(data) as lib:
        for n in range(packs):
            items = packgen.lessons(maker, lessons, prefix=f"p{n}l")
            body = packgen.content(f"pack-{n:03d}", "1.0.0", items, per_module=20)
            path = packgen.write_pack(report.workdir / f"pack-{n}.kitpack", body, {}, 0)
            lib.install(path)
            path.unlink()
    with Records(data) as records:
        learner = records.create_profile(PROFILE)
        for i in range(min(30, lessons)):
            records.append_event(learner.id, "pack-000", f"p0l{i}", "completed")
    (root / "settings.json").write_text(
        json.dumps({"language": "en", "bundled_offered": True}), encoding="utf-8"
    )
    return root


def _time_to_ready(argv: list[str], env: dict[str, str]) -> float:
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=errors, env=env, text=True)
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.strip() == "ready":
                    return time.perf_counter() - start
            errors.seek(0)
            tail = errors.read()[-2000:].decode(errors="replace")
            raise RuntimeError(f"{argv[:2]} exited without painting ({proc.wait()}): {tail}")
        finally:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _env(report: Report) -> dict[str, str]:
    env = {**os.environ, "KIT_EXIT_WHEN_READY": "1", "KIT_LANG": "en"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(report.workdir / "pycache")
    return env


def run(report: Report) -> None:
    bench_startup(report)
    bench_growth(report)


def bench_startup(report: Report) -> None:
    root = _prepare(report)
    env = _env(report)
    ours_argv = [sys.executable, "-m", "kit", "--data-dir", str(root), "--profile", PROFILE]
    floor_argv = [sys.executable, "-c", FLOOR]
    _time_to_ready(ours_argv, env)  # warm-up: disk caches, .pyc files
    _time_to_ready(floor_argv, env)
    reps = report.scale(9, 3)
    ours, floor = [], []
    for _rep in range(reps):
        floor.append(_time_to_ready(floor_argv, env))
        ours.append(_time_to_ready(ours_argv, env))
    report.note(f"{reps} runs each; ours {[round(x, 3) for x in ours]}")
    report.note(f"floor {[round(x, 3) for x in floor]}")
    # For comparison: our start when every kit module is compiled from source.
    no_cache = {k: v for k, v in env.items() if k != "PYTHONPYCACHEPREFIX"}
    no_cache["PYTHONDONTWRITEBYTECODE"] = "1"
    source = [_time_to_ready(ours_argv, no_cache) for _rep in range(report.scale(3, 1))]
    report.note(f"ours without a bytecode cache (median): {statistics.median(source):.3f} s")
    report.figure(
        f"start-up to painted library ({PACKS} packs)",
        statistics.median(ours),
        "s",
        floor=statistics.median(floor),
        floor_label="bare PySide6 window, one label",
        target_ratio=1.5,
    )


# -- growth: the same start, and the library page, with more packs installed ----------------

GROWTH = (10, 100, 300)  # installed packs

# The library page reloaded (as after an install or a change): the library's query off
# the GUI thread, the pack list and panel rebuilt, painted (LibraryPage.content_ready).
# Started as `kit --profile` starts; prints the seconds of each reload as JSON.
RELOAD = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from kit.app import App
from kit.core.paths import DataDir
from kit.ui.main_window import StartOptions
from kit.ui.pages.kinds import LibraryKind

app = QApplication(sys.argv[:1])
root = App(DataDir(Path(sys.argv[1])).ensure(), StartOptions(profile=sys.argv[2]))
window = root.start()[0]
times, reps, started = [], int(sys.argv[3]), [0.0]

def reload():
    page = window.pages[LibraryKind]
    started[0] = time.perf_counter()
    page.reload()

def painted():
    times.append(time.perf_counter() - started[0])
    if len(times) > reps:  # the first is a warm-up
        print(json.dumps(times[1:]), flush=True)
        window.close()
    else:
        QTimer.singleShot(0, reload)

def first():
    window.pages[LibraryKind].content_ready.connect(painted)
    QTimer.singleShot(0, reload)

window.ready.connect(first)
app.exec()
root.shutdown()
"""


def _reload_times(root: Path, env: dict[str, str], reps: int) -> list[float]:
    argv = [sys.executable, "-c", RELOAD, str(root), PROFILE, str(reps)]
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300)
    for line in done.stdout.splitlines():
        if line.startswith("["):
            return [float(x) for x in json.loads(line)]
    raise RuntimeError(f"library reload exited without figures: {done.stderr[-2000:]}")


def bench_growth(report: Report) -> None:
    """Start-up and the library page with 10, 100 and 300 packs installed; the ratio of
    the largest to the smallest (target: within 1.5x, issue 18)."""
    lessons = report.scale(LESSONS_PER_PACK, 10)
    env = _env(report)
    reps = report.scale(5, 2)
    starts: dict[int, float] = {}
    reloads: dict[int, float] = {}
    for packs in GROWTH:
        root = _prepare(report, packs, lessons)
        argv = [sys.executable, "-m", "kit", "--data-dir", str(root), "--profile", PROFILE]
        _time_to_ready(argv, env)  # warm-up
        starts[packs] = statistics.median(_time_to_ready(argv, env) for _rep in range(reps))
        reloads[packs] = statistics.median(_reload_times(root, env, report.scale(9, 3)))
        report.note(
            f"{packs} packs x {lessons} lessons: start-up {starts[packs]:.3f} s, "
            f"library page {1000 * reloads[packs]:.1f} ms"
        )
    small, large = GROWTH[0], GROWTH[-1]
    for name, figures, unit, scale in (
        ("start-up", starts, "s", 1.0),
        ("library page reload to painted", reloads, "ms", 1000.0),
    ):
        report.figure(
            f"{name} ({large} packs)",
            scale * figures[large],
            unit,
            floor=scale * figures[small],
            floor_label=f"the same with {small} packs",
            target_ratio=1.5,
        )

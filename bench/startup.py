"""Start-up figure: process start to the first painted library window (issue #5).

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


def _prepare(report: Report) -> Path:
    from kit.core.library import Library
    from kit.core.paths import DataDir
    from kit.core.records import Records

    root = report.workdir / "startup-data"
    data = DataDir(root).ensure()
    maker = packgen.TextMaker()
    with Library(data) as lib:
        for n in range(PACKS):
            items = packgen.lessons(maker, LESSONS_PER_PACK, prefix=f"p{n}l")
            body = packgen.content(f"pack-{n:02d}", "1.0.0", items, per_module=20)
            path = packgen.write_pack(report.workdir / f"pack-{n}.kitpack", body, {}, 0)
            lib.install(path)
            path.unlink()
    with Records(data) as records:
        learner = records.create_profile(PROFILE)
        for i in range(30):
            records.append_event(learner.id, "pack-00", f"p0l{i}", "completed")
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


def run(report: Report) -> None:
    root = _prepare(report)
    env = {**os.environ, "KIT_EXIT_WHEN_READY": "1", "KIT_LANG": "en"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(report.workdir / "pycache")
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

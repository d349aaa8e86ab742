"""Cold start of the desktop bundle (`make dist`) against running from source, same run
(issue 17).

Both open the same data folder (5 packs, one learner) with KIT_EXIT_WHEN_READY=1, which
prints "ready" at the first painted library window; ours is build/dist/training-kit,
the floor `python -m kit` from the source tree (with its bytecode cache warm). "Cold"
means a fresh process each run, not an empty page cache (dropping that needs root); the
bundle's very first start is noted too. Runs are interleaved; medians compared. Skipped,
with a note, when there is no built bundle.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

from bench import packgen
from bench.report import Report
from bench.startup import PROFILE, _time_to_ready

BUNDLE = Path(__file__).resolve().parent.parent / "build" / "dist" / "training-kit"


def _prepare(report: Report) -> Path:
    from kit.core.library import Library
    from kit.core.paths import DataDir
    from kit.core.records import Records

    root = report.workdir / "bundle-data"
    data = DataDir(root).ensure()
    maker = packgen.TextMaker()
    with Library(data) as lib:
        for n in range(5):
            items = packgen.lessons(maker, 40, prefix=f"p{n}l")
            body = packgen.content(f"pack-{n:02d}", "1.0.0", items, per_module=20)
            path = packgen.write_pack(report.workdir / f"bpack-{n}.kitpack", body, {}, 0)
            lib.install(path)
            path.unlink()
    with Records(data) as records:
        records.create_profile(PROFILE)
    (root / "settings.json").write_text(
        json.dumps({"language": "en", "bundled_offered": True}), encoding="utf-8"
    )
    return root


def run(report: Report) -> None:
    exe = BUNDLE / "training-kit"
    if not exe.is_file():
        report.note(f"bundle: no bundle at {BUNDLE} (run `make dist`); skipped")
        return
    root = _prepare(report)
    env = {**os.environ, "KIT_EXIT_WHEN_READY": "1", "KIT_LANG": "en"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(report.workdir / "pycache")
    args = ["--data-dir", str(root), "--profile", PROFILE]
    bundle_argv = [str(exe), *args]
    source_argv = [sys.executable, "-m", "kit", *args]
    first_bundle = _time_to_ready(bundle_argv, env)  # the bundle's very first start
    _time_to_ready(source_argv, env)  # warm-up: .pyc files
    reps = report.scale(7, 3)
    ours, floor = [], []
    for _rep in range(reps):
        floor.append(_time_to_ready(source_argv, env))
        ours.append(_time_to_ready(bundle_argv, env))
    report.note(f"bundle first start {first_bundle:.3f} s; {reps} runs each: bundle "
                f"{[round(x, 3) for x in ours]}, source {[round(x, 3) for x in floor]}")  # fmt: skip
    report.figure(
        "bundle start-up to painted library",
        statistics.median(ours),
        "s",
        floor=statistics.median(floor),
        floor_label="python -m kit from source",
        target_ratio=1.5,
    )

"""Screenshots for the user guides (docs/guide-*.md), taken by `kit --screenshot` itself
on a throwaway data folder holding the bundled packs and a learner with some progress.

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/guide_screenshots.py [OUT_DIR]

(`make guides`.) Writes OUT_DIR (default docs/images) /guide-*.png: the start screen,
a learner's library and progress, Get packs, About, Keyboard shortcuts and the workshop
mode sign-in. Exit status 1 if any screenshot fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEARNER = "Amina"
SHOTS = (  # file name, extra environment
    ("guide-start.png", {"KIT_SCREENSHOT_START": "profiles"}),
    ("guide-library.png", {"KIT_PROFILE": LEARNER}),
    ("guide-progress.png", {"KIT_PROFILE": LEARNER, "KIT_SCREENSHOT_START": "progress"}),
    ("guide-getpacks.png", {"KIT_SCREENSHOT_START": "getpacks"}),
    ("guide-about.png", {"KIT_SCREENSHOT_START": "about"}),
    ("guide-shortcuts.png", {"KIT_SCREENSHOT_START": "shortcuts"}),
    ("guide-workshop.png", {"KIT_MODE": "workshop"}),
)


def prepare(root: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from kit.core.bundled import bundled_sources
    from kit.core.library import Library
    from kit.core.packformat.build import build_pack
    from kit.core.paths import DataDir
    from kit.core.records import Records

    data = DataDir(root).ensure()
    packs = root.parent / "packs"
    packs.mkdir(exist_ok=True)
    with Library(data) as lib:
        for source in bundled_sources():
            lib.install(build_pack(source, packs), origin="bundled")
    with Records(data) as records:
        learner = records.create_profile(LEARNER)
        for item in ("welcome", "what-is-a-pack", "first-quiz")[:2]:
            records.append_event(learner.id, "getting-started", item, "completed")
    (root / "settings.json").write_text(
        json.dumps({"language": "en", "bundled_offered": True}), encoding="utf-8"
    )


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        prepare(root)
        for name, extra in SHOTS:
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIT_LANG": "en", **extra}
            done = subprocess.run(
                [sys.executable, "-m", "kit", "--data-dir", str(root), "--screenshot",
                 str(out / name)],
                cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
            )  # fmt: skip
            ok = done.returncode == 0 and (out / name).is_file()
            failed += not ok
            print(f"{'wrote' if ok else 'FAILED'} {out / name}" + ("" if ok else done.stderr[-500:]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

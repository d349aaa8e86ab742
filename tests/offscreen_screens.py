"""Run a test script in a subprocess on Qt's offscreen platform with the screens we choose.

The offscreen platform takes `offscreen:configfile=FILE`, a JSON list of screens, so a test
can open real windows on a 1024x600 netbook or on a laptop beside a projector. The script
prints a JSON object on its last line of output, which is returned.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def screen(name: str, x: int, width: int, height: int) -> dict[str, Any]:
    return {"name": name, "x": x, "y": 0, "width": width, "height": height,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip


def offscreen_platform(tmp_path: Path, screens: list[dict[str, Any]]) -> str:
    """A QT_QPA_PLATFORM value that opens windows on `screens`."""
    config = tmp_path / f"screens-{len(list(tmp_path.glob('screens-*.json')))}.json"
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def run_on_screens(
    script: str, data_dir: Path, tmp_path: Path, screens: list[dict[str, Any]]
) -> dict[str, Any]:
    """Run tests/SCRIPT DATA_DIR on `screens`; its last line, parsed as JSON."""
    env = {**os.environ, "QT_QPA_PLATFORM": offscreen_platform(tmp_path, screens),
           "PYTHONPATH": str(HERE.parent)}  # fmt: skip
    done = subprocess.run([sys.executable, str(HERE / script), str(data_dir)],
                          env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])

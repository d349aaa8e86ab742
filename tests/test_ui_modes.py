"""Modes declare their windows and actions as data; a mode may open a second window on
another screen (kit.app.App, kit.ui.modes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ui_shell import add_profile, close, open_window, prepare

HERE = Path(__file__).resolve().parent


def test_a_second_window_opens_on_the_second_screen_with_its_own_session(
    data_dir: Path, tmp_path: Path, pack
) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    screens = [
        {"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
        {"name": "Projector", "x": 1366, "y": 0, "width": 1280, "height": 800,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
    ]  # fmt: skip
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": str(HERE.parent)}  # fmt: skip
    done = subprocess.run([sys.executable, str(HERE / "two_screens.py"), str(data_dir)],
                          env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["screens"] == ["Laptop", "Projector"] and out["inside"] == [True, True]
    assert out["shared_services"] is True
    assert out["profiles"] == ["Ana", None]  # one window signed out, the other still Ana's
    assert out["closed"] is True


def test_the_learner_modes_actions_are_the_windows_actions(qtbot, data_dir, pack) -> None:
    from kit.ui.modes.learner import LearnerMode

    prepare(data_dir, [pack])
    window = open_window(qtbot, data_dir)
    assert window.mode is LearnerMode
    spec = LearnerMode.action("get_packs")
    action = window.mode_actions["get_packs"]
    assert (action.text(), action.shortcut().toString()) == ("Get packs", spec.shortcut)
    assert action in window.actions() and window.get_packs is action
    close(window)

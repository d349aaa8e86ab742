"""Modes declare their windows and actions as data; a mode may open a second window on
another screen (kit.app.App, kit.ui.modes)."""

from __future__ import annotations

from pathlib import Path

from offscreen_screens import run_on_screens, screen
from ui_shell import add_profile, close, open_window, prepare

HERE = Path(__file__).resolve().parent


def test_a_second_window_opens_on_the_second_screen_with_its_own_session(
    data_dir: Path, tmp_path: Path, pack
) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    screens = [screen("Laptop", 0, 1366, 768), screen("Projector", 1366, 1280, 800)]
    out = run_on_screens("two_screens.py", data_dir, tmp_path, screens)
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

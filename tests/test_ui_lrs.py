"""The Learning Record Store dialog, reached from Settings: save, Send now, what waits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_shell import add_events, add_profile, close, open_window, prepare

from bench._ralph import RalphServer, available


def _open(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    window.show_settings()
    qtbot.mouseClick(window.settings_dialog.lrs_button, Qt.MouseButton.LeftButton)
    dialog = window.lrs_dialog
    qtbot.waitUntil(lambda: dialog.waiting.text() != "")
    return window, dialog


def test_a_bad_address_is_one_sentence_and_nothing_is_saved(qtbot, data_dir: Path, pack):
    prepare(data_dir, [pack])
    window, dialog = _open(qtbot, data_dir)
    assert dialog.waiting.text() == "No store is set yet."
    assert not dialog.send_button.isEnabled()
    dialog.address.setText("lrs.example.org")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is not the address" in dialog.status.text())
    assert not (data_dir / "lrs.json").exists()
    close(window)


@pytest.mark.skipif(not available(), reason="Ralph is installed by make test-deps")
def test_save_and_send_now_empties_what_waits(qtbot, data_dir: Path, pack, tmp_path: Path):
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana")
    add_events(data_dir, ana.id, "getting-started", ["choose-a-profile", "read-lessons"])
    with RalphServer(tmp_path / "lrs") as lrs:
        window, dialog = _open(qtbot, data_dir)
        dialog.address.setText(lrs.endpoint)
        dialog.user.setText(lrs.user)
        dialog.password.setText(lrs.password)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.status.text() == "Saved.")
        assert dialog.waiting.text() == "2 records wait to be sent."
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.status.text() == "2 records sent.", timeout=30_000)
        assert dialog.waiting.text() == "0 records wait to be sent."
        assert len(lrs.statements()) == 2
        close(window)

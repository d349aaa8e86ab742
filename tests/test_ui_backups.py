"""The backups dialog asks before a restore, naming what the restore takes out of the app."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_shell import add_events, add_profile, close, open_window, prepare

from kit.core.paths import DataDir
from kit.core.records import Records


def _counts(data_dir) -> tuple[int, int]:
    conn = sqlite3.connect(data_dir / "records.db")
    try:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("profiles", "events")
        )
    finally:
        conn.close()


def _ask_restore(qtbot, data_dir):
    window = open_window(qtbot, data_dir)
    window.show_backups()
    dialog = window.backups_dialog
    qtbot.waitUntil(lambda: dialog.list.count() >= 1)
    manual = next(r for r in range(dialog.list.count()) if "by hand" in dialog.list.item(r).text())
    dialog.list.setCurrentRow(manual)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.confirm_button.isEnabled)
    return window, dialog


def test_the_question_names_what_is_lost_and_cancel_leaves_the_records(qtbot, data_dir, pack):
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana")
    add_events(data_dir, ana.id, "getting-started", ["choose-a-profile"])
    with Records(DataDir(data_dir)) as records:
        records.backup("manual")
    bea = add_profile(data_dir, "Bea")
    carlos = add_profile(data_dir, "Carlos")
    add_events(data_dir, ana.id, "getting-started", ["read-lessons", "take-a-quiz"], "viewed")
    add_events(data_dir, bea.id, "getting-started", ["choose-a-profile"])
    add_events(data_dir, carlos.id, "getting-started", ["choose-a-profile"], "answered")
    before = _counts(data_dir)

    window, dialog = _ask_restore(qtbot, data_dir)
    text = dialog.confirm_text.text()
    assert (
        "2 profiles and 4 answers and other activities recorded since it was made "
        "will no longer be in the app" in text
    )
    assert "the current records are backed up first" in text
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.confirm.isVisible()
    close(window)
    assert _counts(data_dir) == before
    with Records(DataDir(data_dir)) as records:
        assert [b.reason for b in records.backups()].count("before-restore") == 0


def test_a_crafted_backup_is_refused_before_the_question(qtbot, data_dir, pack):
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    with Records(DataDir(data_dir)) as records:
        made = records.backup("manual")
    conn = sqlite3.connect(made.path)
    conn.execute("CREATE TRIGGER eat AFTER INSERT ON events BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    window = open_window(qtbot, data_dir)
    window.show_backups()
    dialog = window.backups_dialog
    qtbot.waitUntil(lambda: dialog.list.count() >= 1)
    manual = next(r for r in range(dialog.list.count()) if "by hand" in dialog.list.item(r).text())
    dialog.list.setCurrentRow(manual)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "trigger eat" in dialog.status.text())
    assert not dialog.confirm.isVisible() and not dialog.confirm_button.isEnabled()
    close(window)


def test_cli_restore_prints_what_is_lost(run_kit, data_dir) -> None:
    with Records(DataDir(data_dir)) as records:
        ana = records.create_profile("Ana")
        saved = records.backup()
        records.create_profile("Bea")
        records.append_event(ana.id, "p", "q", "answered", {"response": "a"})
    code, out, _err = run_kit("records", "restore", str(saved.path))
    assert code == 0
    assert out.splitlines()[0] == (
        "After restoring this backup, 1 profile and 1 answer or other activity recorded since "
        "it was made will no longer be in the app; the current records are backed up first."
    )


def test_once_there_is_a_facilitator_a_restore_needs_their_pin(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    with Records(DataDir(data_dir)) as records:
        records.create_profile("Marta", pin="1111", role="facilitator")
        ana = records.create_profile("Ana")
        records.backup("manual")
        records.append_event(ana.id, "getting-started", "choose-a-profile", "completed")
    window, dialog = _ask_restore(qtbot, data_dir)
    assert "A facilitator must confirm it with their PIN." in dialog.confirm_text.text()
    assert dialog.facilitator_row.isVisible() and dialog.facilitator.currentText().startswith(
        "Marta ("
    )
    qtbot.keyClicks(dialog.facilitator_pin, "0000")
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() == "That PIN is not right.")
    assert _counts(data_dir) == (2, 1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.confirm_button.isEnabled)
    assert dialog.facilitator_pin.text() == ""
    qtbot.keyClicks(dialog.facilitator_pin, "1111")
    qtbot.keyClick(dialog.facilitator_pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.status.text() == "The records were restored.")
    window.ctx.worker.call(lambda: None)  # anything Return also started has ended
    QApplication.processEvents()
    assert dialog.status.text() == "The records were restored."
    # Return in the PIN field restored, and did not also press "Back up now".
    assert sorted(p.name.split("-")[-1] for p in (data_dir / "backups").glob("*.db")) == [
        "manual.db",
        "restore.db",
    ]
    close(window)
    assert _counts(data_dir) == (2, 0)

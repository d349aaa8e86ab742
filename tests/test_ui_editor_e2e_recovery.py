"""Trainer mode killed mid-edit (issue 16): the editor runs in a real process, a lesson is
typed into and the process gets SIGKILL before the autosave; started again, the editor
offers the journal's text back, and saving writes it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest
from editor_e2e_helpers import (
    GETTING_STARTED,
    ROOT,
    close_window,
    hashes,
    idle,
    make_window,
    when_shown,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

LESSON = "modules/learning/02-lessons.md"


# -- killed mid-edit, recovered ---------------------------------------------------------------
DRIVER = r'''
"""Trainer mode as started by `kit` with KIT_MODE=editor, driven like a person: open the
pack source, open a lesson and type into it, a key every 40 ms and never a pause long
enough for the autosave; print JOURNALED once the recovery journal has the words typed
so far, and go on typing until killed."""
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from kit.app.main import run_app
from kit.core.authoring.recovery import RecoveryJournal
from kit.core.paths import resolve_data_dir

source, rel, words = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
MORE = " And then the power went off"
app = QApplication(sys.argv[:1])
state = {"step": "window", "typed": 0}


def window():
    from kit.ui.editor.window import EditorWindow

    return next((w for w in app.topLevelWidgets() if isinstance(w, EditorWindow)), None)


def type_one(w):
    box = next(b for b in w.view.editor.findChildren(QPlainTextEdit) if not b.isReadOnly())
    n = state["typed"]
    text = words + MORE * 1000
    QTest.keyClicks(box, text[n])
    state["typed"] = n + 1


def step():
    w = window()
    if state["step"] == "window" and w is not None:
        w.open_at(source)
        state["step"] = "opened"
    elif state["step"] == "opened" and w.view is not None:
        w.view.outline.select("item", rel)
        state["step"] = "file"
    elif state["step"] == "file" and w.view.current_rel == rel:
        box = next(b for b in w.view.editor.findChildren(QPlainTextEdit) if not b.isReadOnly())
        box.setFocus()
        box.moveCursor(QTextCursor.MoveOperation.End)
        state["original"] = w.view.editor.current_text()
        state["step"] = "typing"
    elif state["step"] in ("typing", "journaled"):
        type_one(w)
        if state["step"] == "typing" and state["typed"] > len(words):
            journal = RecoveryJournal(resolve_data_dir(None).root, source)
            if journal.pending().get(rel, "").startswith(state["original"] + words):
                print("JOURNALED", flush=True)
                state["step"] = "journaled"
    QTimer.singleShot(40, step)


QTimer.singleShot(0, step)
sys.exit(run_app())
'''


def read_marker(process: subprocess.Popen, timeout: float = 120.0) -> str:
    import selectors
    import time

    chooser = selectors.DefaultSelector()
    chooser.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        if not chooser.select(timeout=1.0):
            if process.poll() is not None:
                break
            continue
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        if line.startswith("JOURNALED"):
            return line
    process.kill()
    raise AssertionError("the editor never journaled the text: " + "".join(seen))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_an_editor_killed_mid_edit_offers_the_text_back(qtbot, data_dir, tmp_path) -> None:
    from kit.core.authoring.recovery import RecoveryJournal

    source = tmp_path / "getting-started"
    shutil.copytree(GETTING_STARTED, source)
    before = hashes(source)
    driver = tmp_path / "drive_editor.py"
    driver.write_text(DRIVER, encoding="utf-8")
    env = dict(os.environ)
    env.update(
        KIT_MODE="editor",
        QT_QPA_PLATFORM="offscreen",
        KIT_DATA_DIR=str(data_dir),
        KIT_LANG="en",
        PYTHONPATH=str(ROOT),
    )
    words = "Typed just before the power cut."
    process = subprocess.Popen(
        [sys.executable, str(driver), str(source), LESSON, words],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=str(tmp_path),
    )
    try:
        read_marker(process)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    assert hashes(source) == before  # killed while typing on: only the journal has it
    [(rel, typed)] = RecoveryJournal(data_dir, source).pending().items()
    original = (source / LESSON).read_text("utf-8")
    assert rel == LESSON and typed.startswith(original + words)

    # Started again: the folder is in "Opened lately"; opening it offers the text back.
    window = make_window(qtbot, data_dir)
    recent = window.start.recent
    qtbot.waitUntil(lambda: recent.count() == 1, timeout=20_000)
    offered: list[str] = []

    def recover(box: QMessageBox) -> None:
        offered.append(box.informativeText())
        button = next(b for b in box.buttons() if b.text() == "Recover")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    answered = when_shown(QMessageBox, recover)
    recent.setFocus()
    recent.setCurrentRow(0)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert answered and LESSON in offered[0]
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=20_000)
    assert window.view.editor.current_text() == typed
    window.acts["save"].trigger()
    idle(qtbot, window)
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=20_000)
    assert (source / LESSON).read_text("utf-8") == typed
    assert RecoveryJournal(data_dir, source).pending() == {}
    close_window(window)
    after = hashes(source)
    assert sorted(rel for rel in before if after[rel] != before[rel]) == [LESSON]

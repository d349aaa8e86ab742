"""What the trainer-mode end-to-end tests share: the window on a real worker, answering
the window's dialogs as a person would, dropping a file, typing, hashing a folder."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

from kit.core.paths import DataDir

ROOT = Path(__file__).resolve().parents[1]
GETTING_STARTED = ROOT / "content_packs" / "getting-started"


def make_window(qtbot, data_dir: Path):
    """Trainer mode's window on its own worker, shown, once its start screen is ready."""
    from kit.ui.context import Services
    from kit.ui.editor.window import EditorWindow
    from kit.ui.runners.worker import Worker

    window = EditorWindow(Services(DataDir(data_dir), Worker()))
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=20_000):
        pass
    return window


def close_window(window) -> None:
    window.close()  # saves what is unsaved
    window.ctx.worker.stop()


def idle(qtbot, window) -> None:
    """Wait until the window's worker has done everything asked of it so far."""
    qtbot.wait(0)
    window.ctx.worker.call(lambda: None)
    qtbot.wait(20)


def when_shown(cls: type, act: Callable[[Any], None], timeout_ms: int = 20_000) -> list[Any]:
    """Do `act(dialog)` once a window of `cls` is on screen, even one run with exec()
    (a modal dialog blocks the caller, so the answer is given from the event loop).
    Returns a list that holds the dialog once it was answered."""
    answered: list[Any] = []
    left = [timeout_ms // 20]

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, cls) and widget.isVisible():
                answered.append(widget)
                act(widget)
                return
        left[0] -= 1
        if left[0] > 0:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return answered


def text_box(editor) -> QPlainTextEdit:
    """The editor's text box (not a read-only preview beside it)."""
    boxes = editor.findChildren(QPlainTextEdit) + editor.findChildren(QTextEdit)
    return next(b for b in boxes if not b.isReadOnly())


def type_at_end(qtbot, box: QPlainTextEdit, words: str) -> None:
    box.setFocus()
    box.moveCursor(QTextCursor.MoveOperation.End)
    for n, line in enumerate(words.split("\n")):
        if n:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(box, line)


def replace_words(qtbot, box: QPlainTextEdit, old: str, new: str) -> None:
    """Select `old` (as with the mouse) and type `new` over it."""
    found = box.document().find(old)
    assert not found.isNull(), old
    box.setFocus()
    box.setTextCursor(found)
    qtbot.keyClicks(box, new)


def picture(path: Path, width: int = 64, height: int = 48, colour: str = "teal") -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))
    return path


def drop_file(box: QPlainTextEdit, path: Path) -> None:
    """Drag `path` from the file manager and drop it on the last line of the text."""
    block = box.document().lastBlock()
    rect = box.blockBoundingGeometry(block).translated(box.contentOffset())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPointF(rect.left() + rect.width() - 4, rect.top() + rect.height() / 2)
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    viewport = box.viewport()
    for moving in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(viewport, moving(point.toPoint(), *args))
    QApplication.sendEvent(viewport, QDropEvent(point, *args))


def hashes(root: Path) -> dict[str, str]:
    """Every file under `root` and the SHA-256 of its bytes."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def changed_lines(before: str, after: str) -> list[str]:
    """The lines a unified diff shows as removed (-) or added (+), without context."""
    import difflib

    return [
        line
        for line in difflib.unified_diff(before.split("\n"), after.split("\n"), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]

"""What the trainer-mode end-to-end tests share: the window on a real worker, answering
its dialogs and filling its forms as a person would, dropping a file, typing, hashing a
folder, and a learner's data folder with the built pack installed."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from kit.core.paths import DataDir

ROOT = Path(__file__).resolve().parents[1]
GETTING_STARTED = ROOT / "content_packs" / "getting-started"
LEARNER = "Wanjiru Kamau"


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


# -- answering the window's questions ----------------------------------------------------
@pytest.fixture
def typed_answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """QInputDialog.getText answers, in order, as a person would type them."""
    answers: list[str] = []

    def get_text(parent: Any, title: str, label: str, *args: Any, **kwargs: Any):
        assert answers, f"nobody expected the question {title!r}"
        return answers.pop(0), True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return answers


def press_ok(qtbot, buttons: QDialogButtonBox) -> None:
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def all_items(window) -> dict[str, Any]:
    return {i.relpath: i for m in window.view.outline_value.modules for i in m.items}


def add_item(qtbot, window, type_name: str, title: str):
    """Add item… in the Edit menu: choose the type and write the title; the new file opens."""
    from kit.ui.editor.asking import ItemDialog

    before = set(all_items(window))

    def fill(dialog: ItemDialog) -> None:
        dialog.type.setCurrentIndex(dialog.type.findData(type_name))
        qtbot.keyClicks(dialog.title, title)
        buttons = dialog.findChild(QDialogButtonBox)
        press_ok(qtbot, buttons)

    answered = when_shown(ItemDialog, fill)
    window.acts["add_item"].trigger()
    assert answered, "the Add item dialog did not open"
    qtbot.waitUntil(lambda: bool(set(all_items(window)) - before), timeout=20_000)
    [rel] = set(all_items(window)) - before
    qtbot.waitUntil(lambda: window.view.current_rel == rel, timeout=20_000)
    return all_items(window)[rel]


# -- the question forms -------------------------------------------------------------------
def add_question(qtbot, editor, qtype: str) -> None:
    """The "Add question" menu: the entry of `qtype`."""
    from kit.i18n import _

    wanted = _(editor.type_labels[qtype])
    action = next(a for a in editor.add_button.menu().actions() if a.text() == wanted)
    with qtbot.waitSignal(editor.changed, timeout=5_000):
        action.trigger()


def type_prompt(qtbot, editor, words: str) -> None:
    box = editor.panel.prompt
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, words)


def type_answer(qtbot, answers, row: int, words: str) -> None:
    """The answer chosen, F2, the old text replaced by typing, Enter (as a keyboard user;
    a double click works too but a loaded machine may see it as two clicks)."""
    tree = answers.tree
    item = answers.rows()[row]
    tree.scrollToItem(item)
    tree.setCurrentItem(item, 0)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: bool(open_editors(tree)), timeout=5_000)
    box = open_editors(tree)[0]
    box.selectAll()
    qtbot.keyClicks(box, words)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: answers.rows()[row].text(0) == words, timeout=5_000)


def open_editors(tree) -> list[QLineEdit]:
    return [e for e in tree.viewport().findChildren(QLineEdit) if e.isVisible()]


def fill_answers(qtbot, editor, words: list[str], right: list[int] = ()) -> None:
    answers = editor.panel.answers
    while len(answers.rows()) < len(words):
        qtbot.mouseClick(answers.add, Qt.MouseButton.LeftButton)
        qtbot.keyClick(answers.tree, Qt.Key.Key_Escape)  # leave the new row's editor
    for row, text in enumerate(words):
        type_answer(qtbot, answers, row, text)
    for row in range(len(words)):
        if answers.ticked:
            answers.set_right(row, row in right)  # the tick box of the row


def delete_every_question(qtbot, editor) -> None:
    while editor.list.count():
        editor.list.setCurrentRow(0)
        qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)


# -- the learner's side ---------------------------------------------------------------------
@contextlib.contextmanager
def learner_context(data_dir: Path, pack_file: Path, public_key: str) -> Iterator[Any]:
    """A second data folder: the trainer's key trusted, the pack installed, a learner signed in."""
    from kit.core.library import Library
    from kit.core.records import Records
    from kit.ui.context import AppContext
    from kit.ui.runners.worker import Worker

    data = DataDir(data_dir).ensure()
    worker = Worker()
    ctx = AppContext(data=data, worker=worker)
    installed: list[Any] = []

    def open_core() -> None:
        ctx.library = Library(data)
        ctx.library.trust_key(public_key, "The trainer")
        installed.append(ctx.library.install(pack_file))
        ctx.records = Records(data)
        ctx.profile = ctx.records.create_profile(LEARNER)

    def close_core() -> None:
        for part in (ctx.services.library, ctx.services.records):
            if part is not None:
                part.close()

    try:
        worker.call(open_core)
        ctx.installed = installed[0]
        yield ctx
    finally:
        worker.call(close_core)
        worker.stop()


def click(qtbot, widget: QAbstractButton) -> None:
    if widget.isCheckable():
        where = QPoint(widget.height() // 2, widget.height() // 2)
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(qtbot, card, *texts: str) -> None:
    for _cid, button in card.input.buttons:
        if button.accessibleName() in texts:
            click(qtbot, button)
    click(qtbot, card.check_button)


def put_in_order(qtbot, card, wanted: list[str]) -> None:
    order = card.input
    for target, choice_id in enumerate(wanted):
        row = order.response().index(choice_id)
        order.list.setCurrentRow(row)
        for _step in range(row - target):
            click(qtbot, order.up)
    assert order.response() == wanted
    click(qtbot, card.check_button)

"""Undo and redo of the outline's changes (add, rename, delete, move).

Each change is a PackProject FileChange (the files it writes or deletes); applying one
returns its inverse, so a command holds the change that undoes it, and undoing gives the
change that redoes it: the command swaps them as it goes back and forth.
Applying runs on the worker through an operation (the window's `apply`): the command
is pushed once its change is done, so the first redo does nothing.

`UndoTarget` says where Edit > Undo goes: the text box that has the focus in the file's
editor (its own typing), otherwise the outline's history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget
from shiboken6 import isValid

from kit.i18n import _

Apply = Callable[[Any, Callable[[Any], None]], None]  # (FileChange, done(inverse))


class ChangeCommand(QUndoCommand):
    """One applied change: `backward` undoes it; `forward` (known once undone) redoes it."""

    def __init__(self, backward: Any, apply: Apply) -> None:
        super().__init__(_(backward.label) if backward.label else _("Change"))
        self.forward: Any = None
        self.backward = backward
        self.apply = apply
        self._done_already = True  # pushed after the change was applied

    def undo(self) -> None:
        self.apply(self.backward, self._set_forward)

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        self.apply(self.forward, self._set_backward)

    def _set_forward(self, change: Any) -> None:
        self.forward = change

    def _set_backward(self, change: Any) -> None:
        self.backward = change


class ChangeHistory(QUndoStack):
    """The open pack's undo stack; `record` pushes a change that was just applied."""

    def __init__(self, apply: Apply, parent: Any = None) -> None:
        super().__init__(parent)
        self.apply = apply

    def record(self, backward: Any) -> None:
        """Keep a change just applied, given the change that undoes it."""
        self.push(ChangeCommand(backward, self.apply))


TEXT_BOXES = (QPlainTextEdit, QTextEdit, QLineEdit)


class UndoTarget(QObject):
    """Undo and Redo of what the trainer works on: the focused, editable text box inside
    `area` (the file's editor), else `history`. `moved` when what they would do changes."""

    moved = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.area: QWidget | None = None
        self.history: QUndoStack | None = None
        self.box: Any = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def watch(self, area: QWidget | None, history: QUndoStack | None) -> None:
        """Follow the focus in `area` and the changes of `history` (None, None: no pack)."""
        if self.history is not None and isValid(self.history):
            self.history.indexChanged.disconnect(self._history_moved)
        self.area, self.history = area, history
        if history is not None:
            history.indexChanged.connect(self._history_moved)
        self._set_box(QApplication.focusWidget())

    def _history_moved(self, _index: int) -> None:
        self.moved.emit()

    def _focus_moved(self, _old: Any, now: Any) -> None:
        area = self.area if self.area is not None and isValid(self.area) else None
        if now is None or area is None or now.window() is not area.window():
            return  # a menu or dialog open over the window: Undo still means the same box
        self._set_box(now)

    def _set_box(self, widget: Any) -> None:
        area = self.area if self.area is not None and isValid(self.area) else None
        box = None
        if area is not None and isinstance(widget, TEXT_BOXES) and area.isAncestorOf(widget):
            box = None if widget.isReadOnly() else widget
        if box is self.box:
            return
        if self.box is not None and isValid(self.box):
            for signal in self._signals(self.box):
                signal.disconnect(self._box_moved)
        self.box = box
        if box is not None:
            for signal in self._signals(box):
                signal.connect(self._box_moved)
        self.moved.emit()

    @staticmethod
    def _signals(box: Any) -> list[Any]:
        if isinstance(box, QLineEdit):
            return [box.textChanged]
        return [box.undoAvailable, box.redoAvailable]

    def _box_moved(self, *_args: Any) -> None:
        self.moved.emit()

    def _live_box(self) -> Any:
        return self.box if self.box is not None and isValid(self.box) else None

    def _live_history(self) -> QUndoStack | None:
        return self.history if self.history is not None and isValid(self.history) else None

    def can(self, redo: bool = False) -> bool:
        box, history = self._live_box(), self._live_history()
        if box is not None:
            if isinstance(box, QLineEdit):
                return box.isRedoAvailable() if redo else box.isUndoAvailable()
            doc = box.document()
            return bool(doc.isRedoAvailable() if redo else doc.isUndoAvailable())
        if history is None:
            return False
        return history.canRedo() if redo else history.canUndo()

    def what(self, redo: bool = False) -> str:
        """What the outline's Undo (Redo) would undo ("Delete item"), or "" for text."""
        history = self._live_history()
        if self._live_box() is not None or history is None:
            return ""
        return history.redoText() if redo else history.undoText()

    def undo(self) -> None:
        box, history = self._live_box(), self._live_history()
        if box is not None:
            box.undo()
        elif history is not None:
            history.undo()

    def redo(self) -> None:
        box, history = self._live_box(), self._live_history()
        if box is not None:
            box.redo()
        elif history is not None:
            history.redo()

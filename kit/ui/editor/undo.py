"""Undo and redo of the outline's changes (add, rename, delete, move).

Each change is a PackProject FileChange (the files it writes or deletes); applying one
returns its inverse, so a command holds both and swaps them as it goes back and forth.
Applying runs on the worker through an operation (the window's `apply`): the command
is pushed once its change is done, so the first redo does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from kit.i18n import _

Apply = Callable[[Any, Callable[[Any], None]], None]  # (FileChange, done(inverse))


class ChangeCommand(QUndoCommand):
    """One applied FileChange (`forward`) and the FileChange that undoes it (`backward`)."""

    def __init__(self, forward: Any, backward: Any, apply: Apply) -> None:
        super().__init__(_(forward.label) if forward.label else _("Change"))
        self.forward = forward
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

    def record(self, forward: Any, backward: Any) -> None:
        self.push(ChangeCommand(forward, backward, self.apply))

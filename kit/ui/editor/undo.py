"""Undo and redo of the outline's changes (add, rename, delete, move).

Each change is a PackProject FileChange (the files it writes or deletes); applying one
returns its inverse, so a command holds the change that undoes it, and undoing gives the
change that redoes it: the command swaps them as it goes back and forth.
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

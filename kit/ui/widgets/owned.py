"""Connections owned by a widget: they end when the widget is deleted.

A slot that is a lambda (or a method of a plain Python object) keeps being called after
the page it talks to was deleted (a language change rebuilds every page), and the first
signal after that is a traceback: "Internal C++ object already deleted". Qt drops a
connection by itself when its receiver is a QObject that goes away, so the callable is
wrapped in a small QObject that is a child of its owner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject


class _Relay(QObject):
    """Calls `fn`; a child of the owner, so deleted with it (and its connections with it)."""

    def __init__(self, owner: QObject, fn: Callable[..., Any]) -> None:
        super().__init__(owner)
        self._fn = fn

    def call(self, *args: Any) -> None:
        self._fn(*args)


def owned(owner: QObject, fn: Callable[..., Any]) -> Callable[..., None]:
    """`fn` as a slot that lives as long as `owner`: connect the result, not `fn`.

    ctx.changes.operation_did_execute.connect(owned(self, lambda _c, _i: self.mark_dirty()))
    """
    return _Relay(owner, fn).call


def owner_of(fn: Callable[..., Any], depth: int = 3) -> QObject | None:
    """The QObject a callback talks to: a bound method's object, or a QObject a lambda
    closes over (`lambda view: self._loaded(token, view)` -> self), also through the
    callbacks it closes over (`lambda msg: on_done(...)`); None if there is none."""
    bound = getattr(fn, "__self__", None)
    if isinstance(bound, _Relay):
        return None  # already owned
    if isinstance(bound, QObject):
        return bound
    if depth <= 0:
        return None
    for cell in getattr(fn, "__closure__", None) or ():
        try:
            value = cell.cell_contents
        except ValueError:  # an empty cell
            continue
        if isinstance(value, QObject):
            return value
        if callable(value):
            found = owner_of(value, depth - 1)
            if found is not None:
                return found
    return None

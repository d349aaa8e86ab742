"""Pages that show packs and the signed-in learner's records, redrawn when either changes."""

from __future__ import annotations

from typing import Any

from kit.ui.changes import Change, OpChanges
from kit.ui.context import AppContext


class RedrawnOnChange:
    """Mixin for a QWidget page: after an operation that changed the library, or this
    learner's records, the page reloads at once if visible, else when it is next shown.

    The page sets `ctx`, calls `watch_changes()` once built, and defines `reload()`
    (which must clear `dirty`).
    """

    ctx: AppContext
    dirty: bool = True

    def watch_changes(self) -> None:
        self.dirty = True
        self.ctx.changes.operation_did_execute.connect(self._changed)  # dropped with the page

    def _changed(self, changes: OpChanges, _initiator: object) -> None:
        mine = changes.profile_id in (None, self.ctx.profile_id)
        if changes.touches(Change.LIBRARY) or (changes.touches(Change.RECORDS) and mine):
            self.mark_dirty()

    def mark_dirty(self) -> None:
        self.dirty = True
        if self.isVisible():  # type: ignore[attr-defined]
            self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self.dirty:
            self.reload()

    def reload(self) -> None:
        raise NotImplementedError

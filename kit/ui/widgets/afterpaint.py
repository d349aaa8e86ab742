"""Work to run once the screen has been painted.

A zero timer (QTimer.singleShot(0, ...)) runs before the paint: Qt posts a window's
repaint at low priority, behind it. Work started there that runs on another thread (the
database worker) then competes with the paint for the interpreter lock. `after_paint`
posts the work at a lower priority still, so it runs right after the repaint that is
pending (or at once when none is).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

_AFTER_PAINT = QEvent.Type(QEvent.registerEventType())
_PRIORITY = int(Qt.EventPriority.LowEventPriority.value) - 1


class _Pending(QEvent):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__(_AFTER_PAINT)
        self.work = work


class AfterPaint(QObject):
    """Runs what it is given after the pending repaint; dropped with its parent."""

    def post(self, work: Callable[[], None]) -> None:
        QCoreApplication.postEvent(self, _Pending(work), _PRIORITY)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, _Pending):
            event.work()
            return True
        return super().event(event)

"""The window's size on the screen it opens on: it fits the free area, down to 1024x600."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1180, 760)
MINIMUM_SIZE = QSize(820, 560)
FRAME_ALLOWANCE = QSize(16, 40)  # a title bar and borders, until the real frame is known


def fit_to_screen(window: QWidget) -> None:
    """Size `window` (and its minimum) to its screen's free area.

    The free area (QScreen.availableGeometry) leaves out task bars and docks; before
    the window is shown its frame is unknown, so room is kept for a title bar. A shown
    window keeps its size if it fits, and is moved back inside the free area if needed.
    """
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.setMinimumSize(MINIMUM_SIZE)
        window.resize(DEFAULT_SIZE)
        return
    free = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    if not window.isVisible() or frame.height() <= 0:
        frame = FRAME_ALLOWANCE
    room = QSize(max(1, free.width() - frame.width()), max(1, free.height() - frame.height()))
    window.setMinimumSize(MINIMUM_SIZE.boundedTo(room))
    size = window.size().boundedTo(room) if window.isVisible() else DEFAULT_SIZE.boundedTo(room)
    window.resize(size)
    if not free.contains(window.frameGeometry()):
        window.move(
            free.x() + max(0, (free.width() - size.width() - frame.width()) // 2),
            free.y() + max(0, (free.height() - size.height() - frame.height()) // 2),
        )

"""Small painted charts: a ring for a pack's share done, a bar with an optional mark."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

DONE = QColor("#2e8b57")
TRACK = QColor("#e4e8ee")
MARK = QColor("#1d2430")
SHORT = QColor("#c77700")  # a best score under the pass mark


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, float(value)))


class Ring(QWidget):
    """A ring filled clockwise to `fraction`, the percentage written inside."""

    def __init__(self, fraction: float, text: str, size: int = 84, parent=None) -> None:
        super().__init__(parent)
        self.fraction = _clamp(fraction)
        self.text = text
        self.setFixedSize(size, size)
        self.setAccessibleName(text)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen_width = max(6.0, self.width() / 9)
        box = QRectF(self.rect()).adjusted(pen_width, pen_width, -pen_width, -pen_width)
        painter.setPen(QPen(TRACK, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(box)
        if self.fraction > 0:
            painter.setPen(QPen(DONE, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            # Qt angles are in 1/16 degree, counter-clockwise from 3 o'clock: start at 12.
            painter.drawArc(box, 90 * 16, -round(self.fraction * 360 * 16))
        painter.setPen(MARK)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text)
        painter.end()


class Meter(QWidget):
    """A horizontal bar filled to `fraction`; `mark` (0-1) draws a tick, e.g. a pass mark.

    The fill starts at the start side: from the right in a right-to-left language.
    """

    def __init__(self, fraction: float, mark: float | None = None, parent=None) -> None:
        super().__init__(parent)
        self.fraction = _clamp(fraction)
        self.mark = None if mark is None else _clamp(mark)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(80)

    def sizeHint(self) -> QSize:
        return QSize(200, 14)

    def fill_colour(self) -> QColor:
        return SHORT if self.mark is not None and self.fraction < self.mark else DONE

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = 10.0
        track = QRectF(0, (self.height() - height) / 2, self.width(), height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(track, 4, 4)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        width = track.width() * self.fraction
        if width > 0:
            left = track.right() - width if rtl else track.left()
            painter.setBrush(self.fill_colour())
            painter.drawRoundedRect(QRectF(left, track.top(), width, height), 4, 4)
        if self.mark is not None:
            x = track.left() + track.width() * (1 - self.mark if rtl else self.mark)
            painter.setPen(QPen(MARK, 2))
            painter.drawLine(round(x), 0, round(x), self.height())
        painter.end()

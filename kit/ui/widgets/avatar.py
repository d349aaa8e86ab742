"""Round avatars in the profile's colour with its initial."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap


def initials(name: str) -> str:
    words = [w for w in name.split() if w]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


def avatar_pixmap(name: str, colour: str, size: int = 64, locked: bool = False) -> QPixmap:
    """A circle in `colour` with the name's initials; a small lock mark when `locked`."""
    ratio = 2.0
    pix = QPixmap(int(size * ratio), int(size * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    font = QFont()
    font.setPixelSize(int(size * 0.38))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(name))
    if locked:
        _draw_lock(painter, size)
    painter.end()
    return pix


def _draw_lock(painter: QPainter, size: int) -> None:
    r = size * 0.34
    x, y = size - r, size - r
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    painter.drawEllipse(QRectF(x - 2, y - 2, r + 2, r + 2))
    painter.setBrush(QColor("#1d2430"))
    body = QRectF(x + r * 0.2, y + r * 0.42, r * 0.56, r * 0.4)
    painter.drawRoundedRect(body, 2, 2)
    pen = painter.pen()
    pen.setStyle(Qt.PenStyle.SolidLine)
    pen.setColor(QColor("#1d2430"))
    pen.setWidthF(max(1.5, r * 0.09))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(x + r * 0.3, y + r * 0.16, r * 0.36, r * 0.46), 0, 180 * 16)

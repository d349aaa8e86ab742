"""Round avatars in the profile's colour with its initial."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPixmap

_ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter, which drawText takes as a number


def initials(name: str) -> str:
    words = [w for w in name.split() if w]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


def avatar_pixmap(name: str, colour: str, size: int = 64, locked: bool = False) -> QPixmap:
    """A circle in `colour` with the name's initials; a small lock mark when `locked`.

    The toolbar's avatar is drawn before the first paint, when Qt's namespace is not made
    yet (kit.ui.widgets.enumkeys), and a painter's setPen and setBrush would make it. So
    the circle is filled with an image of the colour, and the initials are drawn in the
    painter's first pen (black), then turned white through their own edges: the same
    pixels as a white pen and a brush of the colour (tests/test_ui_avatar.py).
    """
    ratio = 2.0

    def layer(fill: QColor) -> QPixmap:
        pix = QPixmap(int(size * ratio), int(size * ratio))
        pix.setDevicePixelRatio(ratio)
        pix.fill(fill)
        return pix

    text = layer(QColor(0, 0, 0, 0))  # transparent
    painter = QPainter(text)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(int(size * 0.38))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, size, size), _ALIGN_CENTER, initials(name))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.drawPixmap(0, 0, layer(QColor("white")))
    painter.end()
    pix = layer(QColor(0, 0, 0, 0))
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    circle = QPainterPath()
    circle.addEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.fillPath(circle, QBrush(layer(QColor(colour)).toImage()))
    painter.drawPixmap(0, 0, text)
    if locked:
        _draw_lock(painter, size)
    painter.end()
    return pix


def _draw_lock(painter: QPainter, size: int) -> None:
    from PySide6.QtCore import Qt  # a locked profile is drawn on the profiles page

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

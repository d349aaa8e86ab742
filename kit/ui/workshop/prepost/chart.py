"""The pre/post means as two bars, painted with Qt (large enough to read from a few
metres; mirrored right-to-left)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from kit.i18n import format_number
from kit.ui.widgets.charts import DONE, MARK, TRACK


class MeansChart(QWidget):
    """Bars (label, value) out of `top` (100 for a quiz's %, 5 for ratings)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, float]] = []
        self.top = 100.0
        self.unit = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(160)

    def sizeHint(self) -> QSize:
        return QSize(320, 200)

    def set_bars(self, bars: list[tuple[str, float]], top: float, unit: str = "") -> None:
        self.bars, self.top, self.unit = bars, top or 1.0, unit
        self.setAccessibleName("; ".join(f"{label}: {self._text(v)}" for label, v in bars))
        self.update()

    def _text(self, value: float) -> str:
        return format_number(round(value, 1)) + self.unit

    def paintEvent(self, _event) -> None:
        if not self.bars:
            return
        painter = QPainter(self)
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        painter.setFont(font)
        text_h = painter.fontMetrics().height() + 4
        slot = self.width() / len(self.bars)
        top, bottom = text_h, self.height() - text_h
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        centre = Qt.AlignmentFlag.AlignHCenter
        for index, (label, value) in enumerate(self.bars):
            place = len(self.bars) - 1 - index if rtl else index
            left, width = place * slot + slot * 0.2, slot * 0.6
            track = QRectF(left, top, width, max(0.0, bottom - top))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRect(track)
            filled = track.height() * max(0.0, min(1.0, value / self.top))
            painter.setBrush(DONE)
            painter.drawRect(QRectF(left, bottom - filled, width, filled))
            painter.setPen(MARK)
            painter.drawText(QRectF(place * slot, 0, slot, text_h), centre, self._text(value))
            painter.drawText(QRectF(place * slot, bottom + 2, slot, text_h), centre, label)
        painter.end()

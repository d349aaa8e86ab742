"""A small bar chart of attendance per session, painted with Qt (large enough to read
from a few metres; mirrored right-to-left)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from kit.i18n import _, format_number
from kit.ui.widgets.charts import DONE, MARK, TRACK


class AttendanceChart(QWidget):
    """One bar per session: its height is the share of the register checked in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int, int]] = []  # (short label, present, registered)
        self.current = -1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(120)

    def sizeHint(self) -> QSize:
        return QSize(360, 160)

    def set_bars(self, bars: list[tuple[str, int, int]], current: int = -1) -> None:
        self.bars = bars
        self.current = current
        self.setAccessibleName(
            "; ".join(
                _("{session}: {present} of {total}").format(
                    session=label, present=format_number(present), total=format_number(total)
                )
                for label, present, total in bars
            )
        )
        self.update()

    def paintEvent(self, _event) -> None:
        if not self.bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)  # read from a few metres
        painter.setFont(font)
        metrics = painter.fontMetrics()
        text_h = metrics.height() + 4
        slot = self.width() / len(self.bars)
        top, bottom = text_h, self.height() - text_h
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for index, (label, present, total) in enumerate(self.bars):
            place = len(self.bars) - 1 - index if rtl else index
            left = place * slot + slot * 0.15
            width = slot * 0.7
            track = QRectF(left, top, width, max(0.0, bottom - top))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRect(track)
            share = present / total if total else 0.0
            filled = track.height() * min(1.0, share)
            painter.setBrush(DONE)
            painter.drawRect(QRectF(left, bottom - filled, width, filled))
            painter.setPen(MARK)
            font = painter.font()
            font.setBold(index == self.current)
            painter.setFont(font)
            centre = Qt.AlignmentFlag.AlignHCenter
            painter.drawText(QRectF(place * slot, 0, slot, text_h), centre, format_number(present))
            painter.drawText(QRectF(place * slot, bottom + 2, slot, text_h), centre, label)
        painter.end()

"""The results of a room question as horizontal bars, painted with Qt, large enough to
read from the back of a room; mirrored right-to-left (labels on the right)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from kit.i18n import _, format_number, format_percent
from kit.ui.widgets.charts import DONE, MARK, TRACK

OTHER = QColor("#4a6fa5")  # a poll's bars and a quiz's wrong answers


class ResultsChart(QWidget):
    """One bar per option: (label, answers, right); right answers are green."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int, bool]] = []
        self.setObjectName("roomChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    @property
    def total(self) -> int:
        return sum(n for _label, n, _right in self.bars)

    def set_bars(self, bars: list[tuple[str, int, bool]]) -> None:
        self.bars = bars
        self.setAccessibleName(
            "; ".join(
                _("{option}: {count}").format(option=label, count=format_number(n))
                for label, n, _right in bars
            )
        )
        self.update()

    def _fitted(self, label: str, right: bool, box: QRectF) -> str:
        """The label wrapped in its box, or cut with an ellipsis when even that is too long."""
        text = ("✓ " if right else "") + label
        metrics = self.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        needed = metrics.boundingRect(box.toRect(), flags, text).height()
        if needed <= box.height():
            return text
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(box.width()))

    def paintEvent(self, _event) -> None:
        if not self.bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        row = self.height() / len(self.bars)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        label_w = self.width() * 0.4
        number_w = metrics.horizontalAdvance("0000 (100%)") + 16
        bar_w = max(0.0, self.width() - label_w - number_w - 16)
        most = max(n for _label, n, _right in self.bars) or 1
        for index, (label, n, right) in enumerate(self.bars):
            top = index * row + row * 0.15
            height = row * 0.7
            length = bar_w * n / most
            label_x = self.width() - label_w if rtl else 0.0
            bar_x = self.width() - label_w - 8 - bar_w if rtl else label_w + 8
            track = QRectF(bar_x, top, bar_w, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRect(track)
            painter.setBrush(DONE if right else OTHER)
            filled_x = bar_x + bar_w - length if rtl else bar_x
            painter.drawRect(QRectF(filled_x, top, length, height))
            painter.setPen(MARK)
            align = Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
            )
            box = QRectF(label_x, top, label_w, height)
            painter.drawText(box, align | Qt.TextFlag.TextWordWrap, self._fitted(label, right, box))
            share = format_percent(n / self.total) if self.total else format_percent(0)
            number = _("{count} ({share})").format(count=format_number(n), share=share)
            number_x = 0.0 if rtl else self.width() - number_w
            painter.drawText(QRectF(number_x, top, number_w, height), align, number)
        painter.end()

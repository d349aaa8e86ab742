"""The report's bar charts, painted with Qt: one horizontal bar per label (long session
names stay readable), the value at the bar's end in the locale's digits, mirrored
right-to-left. The same painting draws the Report tab's view and the PDF's pictures.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from kit.i18n import _, format_number
from kit.ui.operations.report import BarChart

BAR = QColor("#2e8b57")
TRACK = QColor("#e4e8ee")
INK = QColor("#1d2430")
ROW = 1.9  # a row's height, in lines of text


def value_text(chart: BarChart, value: float) -> str:
    shown = format_number(round(value, 1))
    return f"{shown}{chart.unit}" if chart.unit else shown


def chart_height(chart: BarChart, line: float) -> int:
    return int(line * (ROW * len(chart.bars) + 1.6))


def paint_chart(painter: QPainter, area: QRectF, chart: BarChart, rtl: bool) -> None:
    """Draw `chart` (its title, then a row per bar) inside `area`."""
    metrics = painter.fontMetrics()
    line = float(metrics.height())
    painter.setPen(INK)
    bold = QFont(painter.font())
    bold.setBold(True)
    painter.save()
    painter.setFont(bold)
    # absolute: a right-to-left widget's painter would swap left and right again
    align = (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) | (
        Qt.AlignmentFlag.AlignAbsolute
    )
    painter.drawText(QRectF(area.left(), area.top(), area.width(), line), int(align), chart.title)
    painter.restore()
    top = area.top() + line * 1.6
    labels = min(
        area.width() * 0.4,
        max((metrics.horizontalAdvance(b[0]) for b in chart.bars), default=0) + 12,
    )
    values = (
        max((metrics.horizontalAdvance(value_text(chart, v)) for _l, v in chart.bars), default=0)
        + 12
    )
    room = max(1.0, area.width() - labels - values)
    most = max((v for _l, v in chart.bars), default=0.0) or 1.0
    for index, (label, value) in enumerate(chart.bars):
        y = top + index * line * ROW
        width = room * max(0.0, value) / most
        if rtl:
            label_box = QRectF(area.right() - labels, y, labels - 8, line)
            track = QRectF(area.right() - labels - room, y, room, line)
            bar = QRectF(track.right() - width, y, width, line)
            value_box = QRectF(area.left(), y, values - 6, line)
            label_align, value_align = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignRight
        else:
            label_box = QRectF(area.left(), y, labels - 8, line)
            track = QRectF(area.left() + labels, y, room, line)
            bar = QRectF(track.left(), y, width, line)
            value_box = QRectF(track.right() + 6, y, values - 6, line)
            label_align, value_align = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignLeft
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRect(track)
        painter.setBrush(BAR)
        painter.drawRect(bar)
        painter.setPen(INK)
        shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_box.width()))
        centred = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
        painter.drawText(label_box, int(label_align | centred), shown)
        painter.drawText(value_box, int(value_align | centred), value_text(chart, value))


def chart_image(chart: BarChart, width: int, rtl: bool, point_size: float = 10.0) -> QImage:
    """`chart` painted on a white picture `width` dots wide (for the PDF)."""
    font = QFont("DejaVu Sans")
    font.setPointSizeF(point_size)
    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(probe)
    painter.setFont(font)
    height = chart_height(chart, painter.fontMetrics().height())
    painter.end()
    image = QImage(width, max(1, height), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    paint_chart(painter, QRectF(0, 0, width, height), chart, rtl)
    painter.end()
    return image


def chart_summary(chart: BarChart) -> str:
    """What the chart shows, for a screen reader."""
    bars = "; ".join(
        _("{label}: {value}").format(label=label, value=value_text(chart, value))
        for label, value in chart.bars
    )
    return f"{chart.title}. {bars}"


class ChartView(QWidget):
    """A report chart on screen (the view's font, the window's direction)."""

    def __init__(self, chart: BarChart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(chart_height(chart, self.fontMetrics().height()) + 4)
        self.setAccessibleName(chart_summary(chart))

    def sizeHint(self) -> QSize:
        return QSize(480, self.height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        paint_chart(painter, QRectF(self.rect()), self.chart, rtl)
        painter.end()

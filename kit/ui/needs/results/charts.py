"""The results' charts, painted with Qt: the need score per skill (the report's bar
chart) and, per skill, how its confidence and importance points were spread: one
stacked bar per dimension (points 1..n, then "not relevant"), mean, median and N
beside it, mirrored right to left. The same painting draws the view and the PDF.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from kit.i18n import _, format_number
from kit.ui.operations.needs_results import Results, SkillResult, Stats
from kit.ui.operations.report import BarChart

# Light to dark blue for points 1..5 (readable without colour: the counts are written).
POINTS = ("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
NOT_RELEVANT = QColor("#d0d4da")
INK = QColor("#1d2430")
ROWS = 4.6  # the chart's height, in lines of text: title, two bars, legend


def need_chart(results: Results) -> BarChart:
    """The need score (MWDS) of every scored skill, highest first."""
    return BarChart(
        _("Need score (MWDS)"),
        tuple((s.label, round(s.mwds, 2)) for s in results.skills if s.mwds is not None),
    )


def _number(value: float | None) -> str:
    return "–" if value is None else format_number(round(value, 2))


def stats_line(stats: Stats) -> str:
    return _("mean {mean}, median {median}, N {n}").format(
        mean=_number(stats.mean), median=_number(stats.median), n=format_number(stats.n)
    )


def dimensions(skill: SkillResult) -> tuple[tuple[str, Stats], ...]:
    return ((_("Confidence"), skill.confidence), (_("Importance"), skill.importance))


def _side(rtl: bool) -> Qt.AlignmentFlag:
    """Left or right as drawn (absolute: a right-to-left widget's painter would swap them)."""
    edge = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    return edge | Qt.AlignmentFlag.AlignAbsolute


def _colour(point: int, top: int) -> QColor:
    index = round(point * (len(POINTS) - 1) / max(1, top - 1))
    return QColor(POINTS[min(index, len(POINTS) - 1)])


def paint_distribution(painter: QPainter, area: QRectF, skill: SkillResult, rtl: bool) -> None:
    """`skill`'s title, a stacked bar per dimension with its figures, and the legend."""
    metrics = painter.fontMetrics()
    line = float(metrics.height())
    align = _side(rtl)
    centred = align | Qt.AlignmentFlag.AlignVCenter
    bold = QFont(painter.font())
    bold.setBold(True)
    painter.save()
    painter.setFont(bold)
    painter.setPen(INK)
    painter.drawText(QRectF(area.left(), area.top(), area.width(), line), int(align), skill.label)
    painter.restore()
    rows = dimensions(skill)
    top = max((len(st.distribution) for _n, st in rows), default=5)
    names = max(metrics.horizontalAdvance(n) for n, _st in rows) + 12
    figures = max(metrics.horizontalAdvance(stats_line(st)) for _n, st in rows) + 12
    room = max(1.0, area.width() - names - figures)
    most = max((st.n + st.na for _n, st in rows), default=0) or 1
    for row, (name, stats) in enumerate(rows):
        y = area.top() + line * (1.2 + row * 1.2)
        if rtl:
            name_box = QRectF(area.right() - names, y, names - 8, line)
            bar_edge = area.right() - names
            figure_box = QRectF(area.left(), y, figures - 6, line)
        else:
            name_box = QRectF(area.left(), y, names - 8, line)
            bar_edge = area.left() + names
            figure_box = QRectF(area.left() + names + room + 6, y, figures - 6, line)
        painter.setPen(INK)
        painter.drawText(name_box, int(centred), name)
        painter.drawText(figure_box, int(centred), stats_line(stats))
        segments = [
            (_colour(p, top), c, format_number(c)) for p, c in enumerate(stats.distribution)
        ]
        segments.append((NOT_RELEVANT, stats.na, format_number(stats.na)))
        x = 0.0
        for colour, count, text in segments:
            width = room * count / most
            box = QRectF(bar_edge - x - width if rtl else bar_edge + x, y, width, line)
            x += width
            if count <= 0:
                continue
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(box)
            if metrics.horizontalAdvance(text) + 4 <= width:
                dark = colour.lightness() < 140
                painter.setPen(QColor("white") if dark else INK)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
    _legend(painter, QRectF(area.left(), area.top() + line * 3.6, area.width(), line), top, rtl)


def _legend(painter: QPainter, box: QRectF, top: int, rtl: bool) -> None:
    metrics = painter.fontMetrics()
    keys = [(_colour(p, top), format_number(p + 1)) for p in range(top)]
    keys.append((NOT_RELEVANT, _("not relevant")))
    x = 0.0
    swatch = box.height() * 0.8
    painter.save()
    for colour, text in keys:
        width = swatch + 4 + metrics.horizontalAdvance(text) + 14
        left = box.right() - x - width if rtl else box.left() + x
        # [swatch] text [gap], mirrored: [gap] text [swatch]
        square = QRectF(left + (width - swatch if rtl else 0), box.top() + 1, swatch, swatch)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(square)
        painter.setPen(INK)
        text_left = left + (14 if rtl else swatch + 4)
        painter.drawText(
            QRectF(text_left, box.top(), width - swatch - 18, box.height()),
            int(Qt.AlignmentFlag.AlignVCenter | _side(rtl)),
            text,
        )
        x += width
    painter.restore()


def distribution_height(line: float) -> int:
    return int(line * ROWS + 4)


def distribution_image(
    skill: SkillResult, width: int, rtl: bool, point_size: float = 10.0
) -> QImage:
    """`skill`'s distribution painted on a white picture `width` dots wide (for the PDF)."""
    font = QFont("DejaVu Sans")
    font.setPointSizeF(point_size)
    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(probe)
    painter.setFont(font)
    height = distribution_height(painter.fontMetrics().height())
    painter.end()
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    paint_distribution(painter, QRectF(0, 0, width, height), skill, rtl)
    painter.end()
    return image


def distribution_summary(skill: SkillResult) -> str:
    """What the chart shows, for a screen reader."""
    parts = []
    for name, stats in dimensions(skill):
        counts = ", ".join(
            _("{point}: {count}").format(point=format_number(p), count=format_number(c))
            for p, c in enumerate(stats.distribution, start=1)
        )
        parts.append(
            _("{dimension}: {counts}; not relevant {na}; {figures}").format(
                dimension=name, counts=counts, na=format_number(stats.na), figures=stats_line(stats)
            )
        )
    return f"{skill.label}. " + ". ".join(parts)


class DistributionView(QWidget):
    """One skill's distribution on screen (the view's font, the window's direction)."""

    def __init__(self, skill: SkillResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.skill = skill
        self.setObjectName(f"distribution-{skill.skill}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(distribution_height(self.fontMetrics().height()))
        self.setAccessibleName(distribution_summary(skill))

    def sizeHint(self) -> QSize:
        return QSize(480, self.height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        paint_distribution(painter, QRectF(self.rect()), self.skill, rtl)
        painter.end()

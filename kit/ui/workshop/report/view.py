"""The workshop report on screen: the head, then each section's figures (value, name and
definition), charts painted with Qt, tables and comments. Read-only; every table can be
reached with Tab and read with the arrow keys; mirrored right-to-left under Arabic."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _
from kit.ui.operations.report import (
    Figure,
    Section,
    Table,
    WorkshopReport,
    cell_text,
    figure_value,
    head_facts,
)
from kit.ui.workshop.report.chart import ChartView


def _label(text: str, *, bold: bool = False, scale: float = 1.0, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    font.setBold(bold)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    if muted:
        label.setStyleSheet("color: #57606a;")  # the printouts' muted grey: 6:1 on white
    return label


def table_widget(table: Table) -> QTableWidget:
    """A read-only table as tall as its rows (the view scrolls, not each table)."""
    widget = QTableWidget(len(table.rows), len(table.headers))
    widget.setObjectName(f"reportTable-{table.key}")
    widget.setAccessibleName(table.title)
    widget.setHorizontalHeaderLabels(list(table.headers))
    widget.verticalHeader().setVisible(False)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setAlternatingRowColors(True)
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(cell_text(value))
            if isinstance(value, int | float):
                item.setTextAlignment(
                    Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter
                )
            widget.setItem(r, c, item)
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    widget.resizeRowsToContents()
    frame = widget.frameWidth() * 2
    widget.setFixedHeight(header.sizeHint().height() + widget.verticalHeader().length() + frame + 2)
    return widget


def _figures(figures: tuple[Figure, ...]) -> QWidget:
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    for row, figure in enumerate(figures):
        value = _label(figure_value(figure), bold=True, scale=1.6)
        value.setObjectName(f"figure-{figure.key}")
        value.setAlignment(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value, row, 0)
        text = QVBoxLayout()
        text.addWidget(_label(figure.label, bold=True))
        text.addWidget(
            _label(" ".join(t for t in (figure.definition, figure.note) if t), muted=True)
        )
        grid.addLayout(text, row, 1)
    grid.setColumnStretch(1, 1)
    return box


def section_box(section: Section) -> QGroupBox:
    box = QGroupBox()
    box.setObjectName(f"reportSection-{section.key}")
    box.setAccessibleName(section.title)
    layout = QVBoxLayout(box)
    layout.addWidget(_label(section.title, bold=True, scale=1.3))
    if section.figures:
        layout.addWidget(_figures(section.figures))
    for chart in section.charts:
        layout.addWidget(ChartView(chart))
    for table in section.tables:
        layout.addWidget(_label(table.title, bold=True))
        layout.addWidget(table_widget(table))
    if section.comments:
        layout.addWidget(_label(_("Comments"), bold=True))
        for text in section.comments:
            layout.addWidget(_label(text))
    for text in section.notes:
        layout.addWidget(_label(text, muted=True))
    return box


class ReportView(QWidget):
    """One report, drawn anew by `show_report`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: WorkshopReport | None = None
        self.layout_ = QVBoxLayout(self)

    def clear(self) -> None:
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone from the view now, not at the next event loop
                widget.deleteLater()

    def show_report(self, report: WorkshopReport) -> None:
        self.clear()
        self.report = report
        facts = "\n".join(f"{label}: {value}" for label, value in head_facts(report))
        if facts:
            self.layout_.addWidget(_label(facts))
        if not report.sections:
            self.layout_.addWidget(_label(_("Nothing has been recorded for this workshop yet.")))
        for section in report.sections:
            self.layout_.addWidget(section_box(section))
        self.layout_.addStretch(1)

"""The Pre/post tab of workshop mode: choose the questions of the workshop's pre-test and
post-test, collect answers pass-the-laptop (kit.ui.workshop.prepost.collect), and see the
results: the figures with their definitions, the means before and after as bars, and the
pairs (numbered, never named; not shown one by one under 5 pairs)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations import prepost as ops
from kit.ui.widgets.plain import plain_label
from kit.ui.workshop.prepost.chart import MeansChart
from kit.ui.workshop.prepost.collect import CollectView


def _shown(value: Any) -> str:
    if value is None:
        return "–"
    return format_number(round(value, 2)) if isinstance(value, float) else format_number(value)


class PrePostPage(QWidget):
    """The chosen workshop's pre/post test (`show_workshop`)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workshop_id: str | None = None
        self.state: ops.PrePostState | None = None
        self.heading = plain_label(_("Choose a workshop in the Plan tab first."), wrap=True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.questions = QComboBox()
        self.questions.setAccessibleName(_("Questions of the pre-test and post-test"))
        self.use_button = QPushButton(_("Use these questions"))
        self.use_button.clicked.connect(self.use_questions)
        self.counts = plain_label(name="prepostCounts", wrap=True)
        self.pre_button = QPushButton(_("Collect pre-test answers"))
        self.post_button = QPushButton(_("Collect post-test answers"))
        self.pre_button.clicked.connect(lambda: self.collect("pre"))
        self.post_button.clicked.connect(lambda: self.collect("post"))
        self.status = plain_label(name="prepostStatus", wrap=True)
        self.figures = QLabel()
        self.figures.setObjectName("prepostFigures")
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.chart = MeansChart()
        self.pairs = QTableWidget(0, 4)
        self.pairs.setAccessibleName(_("Pre/post pairs"))
        self.pairs.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.notes = plain_label(name="prepostNotes", wrap=True)
        self.collector = CollectView(ctx)
        self.collector.stopped.connect(self._stopped)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._overview())
        self.stack.addWidget(self.collector)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        self._enable()
        ctx.changes.operation_did_execute.connect(self._changed)

    def _overview(self) -> QWidget:
        page = QWidget()
        choose = QGroupBox(_("Questions"))
        row = QHBoxLayout(choose)
        row.addWidget(self.questions, 1)
        row.addWidget(self.use_button)
        collect = QHBoxLayout()
        collect.addWidget(self.pre_button)
        collect.addWidget(self.post_button)
        collect.addStretch(1)
        results = QGroupBox(_("Results"))
        inner = QVBoxLayout(results)
        inner.addWidget(self.figures)
        inner.addWidget(self.chart)
        inner.addWidget(self.pairs)
        inner.addWidget(self.notes)
        layout = QVBoxLayout(page)
        layout.addWidget(choose)
        layout.addWidget(self.counts)
        layout.addLayout(collect)
        layout.addWidget(self.status)
        layout.addWidget(results, 1)
        return page

    def _enable(self) -> None:
        state = self.state
        chosen = state is not None and bool(state.instrument and state.instrument.questions)
        answered = state is not None and any(state.counts.values())
        self.questions.setEnabled(state is not None and not answered)
        self.use_button.setEnabled(state is not None and not answered)
        self.pre_button.setEnabled(chosen)
        self.post_button.setEnabled(chosen)

    # -- the chosen workshop ---------------------------------------------------

    def show_workshop(self, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        self.stack.setCurrentIndex(0)
        self.status.clear()
        if workshop_id is None:
            self.state = None
            self.heading.setText(_("Choose a workshop in the Plan tab first."))
            self._show(None)
            return
        self._reload()

    def _reload(self) -> None:
        if self.workshop_id is not None:
            ops.load(self.ctx, self.workshop_id).success(self._show).failure(self._say).run(self)

    def _changed(self, changes: Any, initiator: object) -> None:
        mine = initiator is self or initiator is self.collector
        if Change.WORKSHOPS in changes.kinds and not mine and self.stack.currentIndex() == 0:
            self._reload()

    def _say(self, error: str) -> None:
        self.status.setText(error)

    def _show(self, state: ops.PrePostState | None) -> None:
        self.state = state
        self.questions.clear()
        if state is None:
            self.counts.clear()
            self._results(None)
            self._enable()
            return
        self.heading.setText(_("Pre-test and post-test of “{title}”").format(title=state.title))
        current = state.instrument.ref if state.instrument else None
        for option in state.options:
            self.questions.addItem(option.title, (option.pack_id, option.item_id))
            if option.ref == current:
                self.questions.setCurrentIndex(self.questions.count() - 1)
        if state.instrument is None:
            self.counts.setText(_("No questions chosen yet: choose them, then collect answers."))
        elif not state.instrument.questions:
            self.counts.setText(
                _(
                    "The pack of {title} is not installed: install it again to collect answers."
                ).format(title=state.instrument.title)
            )
        else:
            self.counts.setText(
                _("{title}. Answers kept: pre-test {pre}, post-test {post}.").format(
                    title=state.instrument.title,
                    pre=format_number(state.counts.get("pre", 0)),
                    post=format_number(state.counts.get("post", 0)),
                )
            )
        self._results(state)
        self._enable()

    def _results(self, state: ops.PrePostState | None) -> None:
        part = state.section if state else None
        self.pairs.setVisible(bool(part and part.tables))
        self.chart.setVisible(bool(part and part.charts))
        if part is None:
            self.figures.setText(_("No answers yet."))
            self.notes.clear()
            return
        lines = [
            f"<p><b>{f.label}: {_shown(f.value)}</b><br><small>{f.definition}</small></p>"
            for f in part.figures
        ]
        self.figures.setText("".join(lines))
        if part.charts and state is not None and state.instrument is not None:
            chart = part.charts[0]
            self.chart.set_bars(list(chart.bars), ops.scale_top(state.instrument), chart.unit)
        if part.tables:
            table = part.tables[0]
            self.pairs.setHorizontalHeaderLabels(list(table.headers))
            self.pairs.setRowCount(len(table.rows))
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row):
                    text = cell if isinstance(cell, str) else _shown(cell)
                    self.pairs.setItem(r, c, QTableWidgetItem(text))
        self.notes.setText("\n".join(part.notes))

    # -- actions ---------------------------------------------------------------

    def use_questions(self) -> None:
        data = self.questions.currentData()
        if self.workshop_id is None or data is None:
            return
        self.use_button.setEnabled(False)
        op = ops.choose(self.ctx, self.workshop_id, data[0], data[1])
        op.success(self._chosen).failure(self._refused).run(self)

    def _chosen(self, state: ops.PrePostState) -> None:
        self._show(state)
        self.status.setText(_("The pre-test and post-test now use these questions."))

    def _refused(self, error: str) -> None:
        self._enable()
        self.status.setText(error)

    def collect(self, phase: str) -> None:
        if self.state is None or self.state.instrument is None:
            return
        self.collector.begin(self.state, phase)
        self.stack.setCurrentIndex(1)

    def _stopped(self) -> None:
        self.stack.setCurrentIndex(0)
        self._reload()

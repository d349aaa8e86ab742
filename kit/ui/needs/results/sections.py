"""The parts of the results view, each a widget made afresh from `Results`: who
answered, the need ranking (chart and table), the ratings per skill, the groups
compared (hidden groups named, never their figures) and the packs that teach the
priority skills. Tables are the workshop report's (read-only, reachable with Tab)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from kit.i18n import _, format_number, ngettext
from kit.ui.needs.results.charts import DistributionView, need_chart
from kit.ui.operations.needs_results import (
    MIN_GROUP,
    MODE_KEY,
    Comparison,
    Results,
    as_report,
)
from kit.ui.operations.report import Table
from kit.ui.workshop.report.chart import ChartView
from kit.ui.workshop.report.view import table_widget


def label(text: str, *, bold: bool = False, scale: float = 1.0, muted: bool = False) -> QLabel:
    shown = QLabel(text)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setWordWrap(True)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = shown.font()
    font.setBold(bold)
    font.setPointSizeF(font.pointSizeF() * scale)
    shown.setFont(font)
    if muted:
        shown.setStyleSheet("color: #57606a;")
    return shown


def _box(key: str, title: str) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox()
    box.setObjectName(f"needsSection-{key}")
    box.setAccessibleName(title)
    layout = QVBoxLayout(box)
    layout.addWidget(label(title, bold=True, scale=1.3))
    return box, layout


def hidden_note() -> str:
    return _(
        "Hidden: a group of fewer than {n} respondents, or one more group hidden so that "
        "a small one cannot be worked out from the totals. Their figures are never shown."
    ).format(n=MIN_GROUP)


def mode_line(results: Results) -> str:
    """How the responses were collected, each way's count unless the rule hides it."""
    by_mode = next((c for c in results.comparisons if c.key == MODE_KEY), None)
    if by_mode is None or not by_mode.groups:
        return ""
    shown = [
        _("{mode}: {n}").format(mode=name, n=_("hidden") if n is None else format_number(n))
        for name, n in by_mode.groups
    ]
    return " · ".join(shown)


def respondents_box(results: Results) -> QWidget:
    title = ngettext("{n} respondent", "{n} respondents", results.respondents).format(
        n=format_number(results.respondents)
    )
    box, layout = _box("respondents", title)
    box.findChild(QLabel).setObjectName("respondents")
    line = mode_line(results)
    if line:
        modes = label(line)
        modes.setObjectName("modes")
        layout.addWidget(modes)
    if any(n is None for c in results.comparisons for _g, n in c.groups):
        layout.addWidget(label(hidden_note(), muted=True))
    if not results.respondents:
        layout.addWidget(label(_("No responses have been recorded yet.")))
    return box


def ranking_box(results: Results, tables: dict[str, Table]) -> QWidget:
    box, layout = _box("ranking", _("Need per skill, highest first"))
    chart = need_chart(results)
    if chart.bars:
        view = ChartView(chart)
        view.setObjectName("needChart")
        layout.addWidget(view)
    layout.addWidget(table_widget(tables["needs"]))
    layout.addWidget(
        label(
            _(
                "Need score: mean importance × (mean importance − mean confidence), over "
                "the respondents who rated both (Borich's mean weighted discrepancy)."
            ),
            muted=True,
        )
    )
    return box


def skills_box(results: Results, tables: dict[str, Table]) -> QWidget:
    box, layout = _box("skills", _("Ratings per skill"))
    for skill in results.skills:
        layout.addWidget(DistributionView(skill))
    layout.addWidget(table_widget(tables["skills"]))
    return box


def comparison_table(comparison: Comparison) -> Table:
    headers = [_("Skill")]
    for name, n in comparison.groups:
        size = _("hidden") if n is None else format_number(n)
        headers.append(_("{group} ({n})").format(group=name, n=size))
    rows = []
    for result, cells in comparison.rows:
        row = [result.label]
        for cell in cells:
            if cell.hidden:
                row.append(_("hidden"))
            elif cell.mwds is None:
                row.append("")
            else:
                row.append(
                    _("{score} (N {n})").format(
                        score=format_number(round(cell.mwds, 2)), n=format_number(cell.n or 0)
                    )
                )
        rows.append(tuple(row))
    title = _("Need score by: {question}").format(question=comparison.title)
    return Table(f"by-{comparison.key}", title, tuple(headers), tuple(rows))


def comparisons_box(results: Results) -> QWidget | None:
    shown = [c for c in results.comparisons if c.groups]
    if not shown:
        return None
    box, layout = _box("groups", _("Groups compared"))
    for comparison in shown:
        table = comparison_table(comparison)
        layout.addWidget(label(table.title, bold=True))
        widget = table_widget(table)
        # a wide table scrolls sideways: room for its scroll bar below the last row
        widget.setFixedHeight(widget.height() + widget.horizontalScrollBar().sizeHint().height())
        layout.addWidget(widget)
        if any(n is None for _g, n in comparison.groups) or any(
            cell.hidden for _r, cells in comparison.rows for cell in cells
        ):
            layout.addWidget(label(hidden_note(), muted=True))
    return box


def teaching_box(results: Results) -> QWidget:
    box, layout = _box("teaching", _("Packs that teach this"))
    priorities = results.priorities()
    if not priorities:
        layout.addWidget(label(_("The priority skills show here once there are responses.")))
    for skill in priorities:
        layout.addWidget(label(skill.label, bold=True))
        modules = results.teaching.get(skill.skill, ())
        if not modules:
            layout.addWidget(
                label(_("No installed module teaches {skill} yet.").format(skill=skill.label))
            )
        for _p, pack_title, _m, module_title in modules:
            line = label(_("{module} (pack: {pack})").format(module=module_title, pack=pack_title))
            line.setObjectName("teachingModule")
            layout.addWidget(line)
    return box


def result_widgets(results: Results) -> list[QWidget]:
    """Every part of the view, in order."""
    report = as_report(results)
    tables = {t.key: t for s in report.sections for t in s.tables}
    parts: list[QWidget | None] = [
        respondents_box(results),
        ranking_box(results, tables),
        teaching_box(results),
        skills_box(results, tables),
        comparisons_box(results),
    ]
    return [p for p in parts if p is not None]

"""The workshop report as a PDF with its charts, drawn with Qt (the Report tab's Export…
and `kit workshop report --format pdf` both write it here).

The head and each section are one run of A4 pages (kit.ui.workshop.printing.pdf):
figures with their definitions, tables, charts as pictures painted by
kit.ui.workshop.report.chart, comments. Numbers are in the locale's format; under
Arabic the pages run right to left (table columns too). Needs a QGuiApplication, no
window; runs on any thread, reporting progress per section and stopping at Cancel.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage

from kit.core.render import is_rtl
from kit.i18n import _, current_language
from kit.ui.operations.report import (
    Section,
    Table,
    WorkshopReport,
    cell_text,
    figure_value,
    head_facts,
)
from kit.ui.workshop.printing.pdf import Part, Progress, write_pdf
from kit.ui.workshop.report.chart import chart_image

CHART_WIDTH = 640  # dots: the text's width on A4 at 96 dpi, less a little


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")


class _Page:
    """HTML of one run of pages, in the interface's direction."""

    def __init__(self, rtl: bool) -> None:
        self.rtl = rtl
        self.out: list[str] = []
        self.media: dict[str, QImage] = {}

    def row(self, cells: list[str], tag: str = "td") -> str:
        ordered = reversed(cells) if self.rtl else cells
        return "<tr>" + "".join(f"<{tag}>{_e(c)}</{tag}>" for c in ordered) + "</tr>"

    def table(self, caption: str, headers: tuple[str, ...], rows: list[list[str]]) -> None:
        self.out.append(f"<h3>{_e(caption)}</h3>")
        self.out.append("<table class='grid' width='100%' cellspacing='0'>")
        self.out.append(self.row(list(headers), "th"))
        self.out += [self.row(r) for r in rows]
        self.out.append("</table>")

    def html(self) -> str:
        body = "".join(self.out)
        return f'<div dir="rtl" align="right">{body}</div>' if self.rtl else body


def report_heading(report: WorkshopReport) -> str:
    return _("Workshop report: {title}").format(title=report.title)


def _head(page: _Page, report: WorkshopReport, heading: str) -> None:
    page.out.append(f"<h1>{_e(heading)}</h1>")
    facts = [f"<b>{_e(label)}:</b> {_e(value)}" for label, value in head_facts(report)]
    if facts:
        page.out.append(f"<p>{'<br/>'.join(facts)}</p>")
    if not report.sections:
        nothing = _e(_("Nothing has been recorded for this workshop yet."))
        page.out.append(f"<p>{nothing}</p>")


def _table_rows(table: Table) -> list[list[str]]:
    return [[cell_text(c) for c in row] for row in table.rows]


def _section(page: _Page, section: Section, number: int) -> None:
    page.out.append(f"<h2>{_e(section.title)}</h2>")
    if section.figures:
        page.table(
            _("Figures"),
            (_("Figure"), _("Value"), _("Definition")),
            [
                [f.label, figure_value(f), f"{f.definition} {f.note}".strip()]
                for f in section.figures
            ],
        )
    for index, chart in enumerate(section.charts):
        name = f"chart-{number}-{index}"
        page.media[name] = chart_image(chart, CHART_WIDTH, page.rtl)
        page.out.append(f'<p><img src="{name}"/></p>')
    for table in section.tables:
        page.table(table.title, table.headers, _table_rows(table))
    if section.comments:
        heading = _e(_("Comments"))
        page.out.append(f"<h3>{heading}</h3>")
        page.out += [f"<p>{_e(text)}</p>" for text in section.comments]
    page.out += [f"<p class='muted'>{_e(text)}</p>" for text in section.notes]


def report_parts(report: WorkshopReport, heading: str | None = None) -> list[Part]:
    """The head (`heading`, by default "Workshop report: TITLE") with the first section,
    then a run of pages per further section."""
    rtl = is_rtl(current_language())
    parts: list[Part] = []
    page = _Page(rtl)
    _head(page, report, report_heading(report) if heading is None else heading)
    for number, section in enumerate(report.sections):
        if number:
            parts.append(Part(page.html(), rtl, page.media))
            page = _Page(rtl)
        _section(page, section, number)
    parts.append(Part(page.html(), rtl, page.media))
    return parts


def write_report_pdf(
    path: str | os.PathLike[str],
    report: WorkshopReport,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """The report as a PDF at `path`, whole or not at all (Cancelled, OSError)."""
    return write_pdf(
        path,
        report_parts(report),
        title=report_heading(report),
        progress=progress,
        cancelled=cancelled,
    )

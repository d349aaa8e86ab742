"""A needs assessment's results as a PDF with its charts, drawn with Qt (the results
view's Export… and `kit survey results --format pdf` both write it here).

The workshop report's pages (kit.ui.workshop.report.pdf: figures, tables) with the
results' own heading, the need score chart, and after the ratings per skill one
picture per skill of how its points were spread. Numbers in the locale's format,
right to left under Arabic; whole or not at all; progress per run of pages, Cancel.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QImage, QPageLayout, QPageSize

from kit.core.render import is_rtl
from kit.i18n import _, current_language
from kit.ui.needs.results.charts import distribution_image
from kit.ui.operations.needs_results import Results, as_report
from kit.ui.workshop.printing.pdf import FOOTER, MARGIN_MM, RESOLUTION, Part, Progress, write_pdf
from kit.ui.workshop.report.chart import chart_image
from kit.ui.workshop.report.pdf import CHART_WIDTH, report_parts

PAGE = QPageLayout(
    QPageSize(QPageSize.PageSizeId.A4),
    QPageLayout.Orientation.Portrait,
    QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
    QPageLayout.Unit.Millimeter,
)
SPACING = 40  # dots around each picture (the paragraph's margin and room to spare)


def results_heading(results: Results) -> str:
    return _("Needs assessment results: {title}").format(title=results.survey.title)


def _wrapped(body: str, rtl: bool) -> str:
    return f'<div dir="rtl" align="right">{body}</div>' if rtl else body


def _pictures(title: str, images: list[QImage], prefix: str, rtl: bool) -> list[Part]:
    """Runs of pages with as many pictures as fit on a page each: a picture is never
    cut by a page's end (the text layout would draw it across the break)."""
    room = PAGE.paintRectPixels(RESOLUTION).height() - FOOTER - 2 * SPACING
    parts = []
    index = 0
    while index < len(images):
        used, out, media = 2 * SPACING, [f"<h2>{html.escape(title)}</h2>"], {}
        while index < len(images) and (
            not media or used + images[index].height() + SPACING <= room
        ):
            name = f"{prefix}-{index}"
            media[name] = images[index]
            out.append(f'<p><img src="{name}"/></p>')
            used += images[index].height() + SPACING
            index += 1
        parts.append(Part(_wrapped("".join(out), rtl), rtl, media))
    return parts


def results_parts(results: Results) -> list[Part]:
    """The head and the need ranking; the need chart on a page of its own; the ratings
    per skill, then the pictures of how they were spread; the groups compared and the
    packs that teach the priority skills (the workshop report's pages)."""
    rtl = is_rtl(current_language())
    report = as_report(results)
    overview, *rest = report.sections
    report = replace(report, sections=(replace(overview, charts=()), *rest))
    parts = report_parts(report, heading=results_heading(results))
    need = [chart_image(chart, CHART_WIDTH, rtl) for chart in overview.charts]
    spread = [
        distribution_image(s, CHART_WIDTH, rtl)
        for s in results.skills
        if s.confidence.n or s.importance.n or s.confidence.na or s.importance.na
    ]
    return [
        parts[0],
        *_pictures(overview.title, need, "need", rtl),
        *parts[1:2],
        *_pictures(_("How the ratings were spread"), spread, "spread", rtl),
        *parts[2:],
    ]


def write_results_pdf(
    path: str | os.PathLike[str],
    results: Results,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """The results as a PDF at `path`, whole or not at all (Cancelled, OSError)."""
    return write_pdf(
        path,
        results_parts(results),
        title=results_heading(results),
        progress=progress,
        cancelled=cancelled,
    )

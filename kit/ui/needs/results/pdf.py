"""A needs assessment's results as a PDF with its charts, drawn with Qt (the results
view's Export… and `kit survey results --format pdf` both write it here).

The workshop report's pages (kit.ui.workshop.report.pdf: figures, tables, the need
score chart) with the results' own heading, and after the ratings per skill one
picture per skill of how its points were spread. Numbers in the locale's format,
right to left under Arabic; whole or not at all; progress per run of pages, Cancel.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage

from kit.core.render import is_rtl
from kit.i18n import _, current_language
from kit.ui.needs.results.charts import distribution_image
from kit.ui.operations.needs_results import Results, as_report
from kit.ui.workshop.printing.pdf import Part, Progress, write_pdf
from kit.ui.workshop.report.pdf import CHART_WIDTH, report_parts

SKILLS_SECTION = 1  # as_report: the need ranking, then the ratings per skill, ...


def results_heading(results: Results) -> str:
    return _("Needs assessment results: {title}").format(title=results.survey.title)


def _distributions(results: Results, rtl: bool) -> tuple[str, dict[str, QImage]]:
    media: dict[str, QImage] = {}
    out = [f"<h3>{html.escape(_('How the ratings were spread'))}</h3>"]
    for index, skill in enumerate(results.skills):
        if not (
            skill.confidence.n or skill.importance.n or skill.confidence.na or skill.importance.na
        ):
            continue
        name = f"distribution-{index}"
        media[name] = distribution_image(skill, CHART_WIDTH, rtl)
        out.append(f'<p><img src="{name}"/></p>')
    body = "".join(out)
    return (f'<div dir="rtl" align="right">{body}</div>' if rtl else body), media


def results_parts(results: Results) -> list[Part]:
    """The report's runs of pages, the distributions added to the ratings per skill."""
    rtl = is_rtl(current_language())
    parts = report_parts(as_report(results), heading=results_heading(results))
    extra, media = _distributions(results, rtl)
    if media and len(parts) > SKILLS_SECTION:
        skills = parts[SKILLS_SECTION]
        parts[SKILLS_SECTION] = Part(skills.html + extra, skills.rtl, {**skills.media, **media})
    return parts


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

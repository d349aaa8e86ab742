"""The results view's export formats and the writing of one, off the GUI thread
(`RenderRun`): the PDF reports progress and stops at Cancel; CSV (the anonymous raw
answers), Markdown and wikitext are written whole and check Cancel before they start."""

from __future__ import annotations

import re
from pathlib import Path

from kit.i18n import N_, _
from kit.ui.needs.results.pdf import write_results_pdf
from kit.ui.operations.needs_results import SurveyResults, write_results
from kit.ui.runners.worker import JobControl
from kit.ui.workshop.report.export import Format, ask_path

FORMATS: tuple[Format, ...] = (
    Format("pdf", N_("PDF with charts"), ".pdf", N_("PDF documents (*.pdf)")),
    Format("csv", N_("CSV of the anonymous raw answers"), ".csv", N_("CSV files (*.csv)")),
    Format("md", N_("Markdown"), ".md", N_("Markdown files (*.md)")),
    Format(
        "wikitext",
        N_("Wikitext for a wiki page"),
        ".wiki.txt",
        N_("Text files (*.txt)"),
    ),
)
BY_KEY = {f.key: f for f in FORMATS}
__all__ = ["BY_KEY", "FORMATS", "ask_path", "export", "file_name"]


def file_name(title: str, fmt: Format) -> str:
    """A suggested file name without characters file systems refuse."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
    safe = re.sub(r"\s+", " ", safe).strip(" .")[:120] or "survey"
    return _("Results - {title}").format(title=safe) + fmt.suffix


def export(loaded: SurveyResults, fmt: str, path: Path, control: JobControl) -> Path:
    """Write the results as `fmt` at `path` (progress, Cancel); OSError as it comes."""
    control.check()
    if fmt == "pdf":
        return write_results_pdf(
            path, loaded.results, progress=control.progress, cancelled=control.cancelled
        )
    control.progress(0, 1)
    written = write_results(loaded.results, loaded.responses, fmt, path)
    control.progress(1, 1)
    return written

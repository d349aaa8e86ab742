"""The Report tab's export formats and the writing of one, off the GUI thread.

`export(report, fmt, path, control)` runs on a thread of its own (`RenderRun`): the
PDF reports progress per section and stops at Cancel; a text format is written whole
(or not at all) and checks Cancel before it starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from kit.i18n import N_, _
from kit.ui.operations.report import WorkshopReport, write_report
from kit.ui.runners.worker import JobControl
from kit.ui.workshop.report.pdf import write_report_pdf


@dataclass(frozen=True)
class Format:
    key: str
    label: str  # N_(): translated where shown
    suffix: str
    filter: str  # N_(): the save dialog's filter


FORMATS: tuple[Format, ...] = (
    Format("pdf", N_("PDF with charts"), ".pdf", N_("PDF documents (*.pdf)")),
    Format("csv", N_("CSV tables (one file per table, zipped)"), ".zip", N_("Zip files (*.zip)")),
    Format("md", N_("Markdown"), ".md", N_("Markdown files (*.md)")),
    Format(
        "wikitext",
        N_("Wikitext for an event or grant page"),
        ".wiki.txt",
        N_("Text files (*.txt)"),
    ),
    Format(
        "usernames",
        N_("Usernames for the Programs & Events Dashboard"),
        ".usernames.txt",
        N_("Text files (*.txt)"),
    ),
)
BY_KEY = {f.key: f for f in FORMATS}


def file_name(title: str, fmt: Format) -> str:
    """A suggested file name without characters file systems refuse."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title)
    safe = re.sub(r"\s+", " ", safe).strip(" .")[:120] or "workshop"
    return _("Report - {title}").format(title=safe) + fmt.suffix


def ask_path(parent: QWidget | None, fmt: Format, suggested: str) -> Path | None:
    """Where to save the export (None: the facilitator changed their mind)."""
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Export the report"), str(Path(folder) / suggested), _(fmt.filter)
    )
    if not chosen:
        return None
    path = Path(chosen)
    last = fmt.suffix.rsplit(".", 1)[-1]
    return (
        path if path.name.lower().endswith("." + last) else path.with_name(path.name + fmt.suffix)
    )


def export(report: WorkshopReport, fmt: str, path: Path, control: JobControl) -> Path:
    """Write `report` as `fmt` at `path` (progress, Cancel); OSError as it comes."""
    control.check()
    if fmt == "pdf":
        return write_report_pdf(
            path, report, progress=control.progress, cancelled=control.cancelled
        )
    control.progress(0, 1)
    written = write_report(report, fmt, path)
    control.progress(1, 1)
    return written

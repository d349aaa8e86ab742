"""What the Report tab asks of the core: a workshop's report, gathered on the database
worker (pack items titled from the library in the interface language).

The report's value types and text writers are re-exported for the screens and the
PDF writer (which may not import the core's workshop modules): writing a report
reads no database, so an export runs on a thread of its own.
"""

from __future__ import annotations

from kit.core.records.db import RecordsDB
from kit.core.workshops import Workshops
from kit.core.workshops.content import LibraryContent
from kit.core.workshops.report import SECTIONS, WorkshopReport, build_report, titled
from kit.core.workshops.report_writers import (
    TEXT_FORMATS,
    cell_text,
    csv_files,
    figure_value,
    head_facts,
    markdown,
    usernames_list,
    wikitext,
    write_csv,
    write_report,
)
from kit.core.workshops.reportdata import BarChart, Figure, Section, Table
from kit.ui.context import AppContext
from kit.ui.operations.op import Op


def report_of(
    rdb: RecordsDB, workshop_id: str, content: LibraryContent | None = None
) -> WorkshopReport:
    """The report of `workshop_id` (a workshop found by id, id prefix or title)."""
    shop = Workshops(rdb).find(workshop_id)
    return build_report(rdb, titled(shop, content), SECTIONS)


def load_report(ctx: AppContext, workshop_id: str) -> Op[WorkshopReport]:
    def work() -> WorkshopReport:
        return report_of(ctx.records.rdb, workshop_id, LibraryContent(ctx.library, ctx.language))

    return Op(ctx, work)


__all__ = [
    "TEXT_FORMATS",
    "BarChart",
    "Figure",
    "Section",
    "Table",
    "WorkshopReport",
    "cell_text",
    "csv_files",
    "figure_value",
    "head_facts",
    "load_report",
    "markdown",
    "report_of",
    "titled",
    "usernames_list",
    "wikitext",
    "write_csv",
    "write_report",
]

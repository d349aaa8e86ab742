"""What the Learners tab asks of the core: the learners x modules overview, records files
copied out (progress, Cancel) and merged in, two profiles joined, the overview as CSV."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kit.core.recordfiles import (
    SUFFIX,
    MergeResult,
    Overview,
    RecordFileError,
    export_records,
    import_files,
    join_profiles,
    overview,
    write_csv,
)
from kit.core.recordfiles.overview import LearnerRow, ModuleColumn
from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.operations.op import Change, JobControl, Op

MERGED = Change.RECORDS | Change.PROFILES | Change.WORKSHOPS


def load_overview(ctx: AppContext) -> Op[Overview]:
    def work() -> Overview:
        library = ctx.library
        packs = [library.get_pack(str(p["id"]), ctx.language) for p in library.list_packs()]
        return overview(ctx.records.rdb, [p for p in packs if p])

    return Op(ctx, work)


def copy_records(ctx: AppContext, dest: Path) -> Op[dict[str, int]]:
    """Every learner's records to `dest` (a records file), with progress and Cancel."""

    def work(control: JobControl) -> dict[str, int]:
        control.check()
        try:
            return export_records(
                ctx.records.rdb, dest, progress=control.progress, cancel=control.cancelled
            )
        except RecordFileError:
            control.check()  # stopped by Cancel: reported as cancelled, not as a failure
            raise

    return Op(ctx, work, control=True)


def import_records(ctx: AppContext, paths: Sequence[Path]) -> Op[MergeResult]:
    return Op(ctx, lambda: import_files(ctx.records.rdb, list(paths)), MERGED)


def join(ctx: AppContext, keep_id: str, other_id: str) -> Op[None]:
    return Op(ctx, lambda: join_profiles(ctx.records.rdb, keep_id, other_id), MERGED)


def save_csv(ctx: AppContext, view: Overview, dest: Path) -> Op[Path]:
    return Op(ctx, lambda: write_csv(view, dest, _("learner"), _("code")))


__all__ = [
    "SUFFIX",
    "LearnerRow",
    "MergeResult",
    "ModuleColumn",
    "Overview",
    "copy_records",
    "import_records",
    "join",
    "load_overview",
    "save_csv",
]

"""What the needs-assessment results view asks of the core (kit.core.needs): the
installed surveys, one survey's results, and a draft workshop plan made from them.

The results' value types and writers are re-exported for the screens and the PDF
writer (which may not import the core's needs modules): writing results reads no
database, so an export runs on a thread of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.core.needs import NeedsResponses, Response
from kit.core.needs.draft import Draft, draft_workshop
from kit.core.needs.installed import find_survey, installed_packs, installed_surveys
from kit.core.needs.results import (
    MODE_KEY,
    PRIORITY_COUNT,
    Cell,
    Comparison,
    Results,
    SkillResult,
    Stats,
    compute,
)
from kit.core.needs.writers import FORMATS, as_report, write_results
from kit.core.workshops import Workshops
from kit.core.workshops.content import LibraryContent
from kit.core.workshops.reportdata import MIN_GROUP
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op


@dataclass(frozen=True)
class ResultsSurvey:
    """An installed needs-assessment survey: `key` ("PACK/ITEM") names it to the ops."""

    key: str
    title: str
    responses: int


@dataclass(frozen=True)
class SurveyResults:
    """A survey's results and the anonymous responses they come from (for the CSV)."""

    results: Results
    responses: tuple[Response, ...]


def list_surveys(ctx: AppContext) -> Op[list[ResultsSurvey]]:
    """Every installed needs-assessment survey with its number of responses."""

    def work() -> list[ResultsSurvey]:
        counts = NeedsResponses(ctx.records.rdb).counts()
        return [
            ResultsSurvey(s.key, s.title, counts.get((s.pack_id, s.item_id), 0))
            for s in installed_surveys(ctx.library)
        ]

    return Op(ctx, work)


def results_of(ctx: AppContext, key: str) -> SurveyResults:
    """The results of the survey `key` (texts in the interface language); NeedsError
    when it is not installed."""
    survey = find_survey(ctx.library, key, ctx.language)
    responses = NeedsResponses(ctx.records.rdb).responses(survey)
    results = compute(survey, responses, installed_packs(ctx.library))
    return SurveyResults(results, tuple(responses))


def load_results(ctx: AppContext, key: str) -> Op[SurveyResults]:
    return Op(ctx, lambda: results_of(ctx, key))


def draft_plan(ctx: AppContext, key: str) -> Op[Draft]:
    """Save a new workshop teaching the survey's priority skills with the modules tagged
    with them (kit.core.needs.draft); NeedsError, nothing saved, when there is none."""

    def work() -> Draft:
        results = results_of(ctx, key).results
        draft = draft_workshop(results, LibraryContent(ctx.library, ctx.language), ctx.language)
        saved = Workshops(ctx.records.rdb).save(draft.workshop)
        return Draft(saved, draft.skills, draft.left_out)

    return Op(ctx, work, changes=Change.WORKSHOPS)


__all__ = [
    "FORMATS",
    "MIN_GROUP",
    "MODE_KEY",
    "PRIORITY_COUNT",
    "Cell",
    "Comparison",
    "Draft",
    "Results",
    "ResultsSurvey",
    "SkillResult",
    "Stats",
    "SurveyResults",
    "as_report",
    "draft_plan",
    "list_surveys",
    "load_results",
    "results_of",
    "write_results",
]

"""A needs assessment's results written out: Markdown and wikitext (as report sections,
through the workshop report's writers) and CSV of the anonymous raw answers.

    text = results_text(results, "md")
    write_results(results, responses, "csv", Path("answers.csv"))
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path

from kit.core.fsutil import write_atomic
from kit.core.needs.results import MODE_LABELS, Comparison, Results, Stats
from kit.core.needs.store import MODES, Response
from kit.core.workshops.report import WorkshopReport
from kit.core.workshops.report_writers import markdown, wikitext
from kit.core.workshops.reportdata import MIN_GROUP, BarChart, Cell, Figure, Section, Table
from kit.i18n import _, current_language, format_number

FORMATS = ("csv", "md", "wikitext")


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _overview(results: Results) -> Section:
    figures = [
        Figure(
            "respondents",
            _("Respondents"),
            results.respondents,
            _("People who answered the survey (anonymous)."),
        )
    ]
    figures += [
        Figure(
            f"mode_{mode}",
            _(MODE_LABELS[mode]),
            results.modes.get(mode, 0),
            _("Responses collected this way."),
        )
        for mode in MODES
    ]
    rows: list[tuple[Cell, ...]] = [
        (
            rank,
            s.label,
            _r(s.mwds),
            s.n_both,
            _r(s.importance.median),
            _r(s.confidence.median),
        )
        for rank, s in enumerate(results.skills, start=1)
    ]
    table = Table(
        "needs",
        _("Need per skill, highest first"),
        (
            _("Rank"),
            _("Skill"),
            _("Need score (MWDS)"),
            _("Rated both (N)"),
            _("Median importance"),
            _("Median confidence"),
        ),
        tuple(rows),
    )
    chart = BarChart(
        _("Need score (MWDS)"),
        tuple((s.label, round(s.mwds, 2)) for s in results.skills if s.mwds is not None),
    )
    empty = () if results.respondents else (_("No responses have been recorded yet."),)
    return Section(
        key="needs",
        title=_("Needs"),
        figures=tuple(figures),
        tables=(table,),
        charts=(chart,) if chart.bars else (),
        notes=(
            *empty,
            _(
                "Need score: mean importance × (mean importance − mean confidence), over "
                "the respondents who rated both (Borich's mean weighted discrepancy)."
            ),
        ),
    )


def _stats_row(label: str, dimension: str, stats: Stats) -> tuple[Cell, ...]:
    return (
        label,
        dimension,
        stats.n,
        *stats.distribution,
        stats.na,
        _r(stats.mean),
        _r(stats.median),
    )


def _per_skill(results: Results) -> Section:
    top = max((len(s.confidence.distribution) for s in results.skills), default=5)
    rows: list[tuple[Cell, ...]] = []
    for s in results.skills:
        rows.append(_stats_row(s.label, _("Confidence"), s.confidence))
        rows.append(_stats_row(s.label, _("Importance"), s.importance))
    headers = (
        _("Skill"),
        _("Rating"),
        _("N"),
        *(format_number(p) for p in range(1, top + 1)),
        _("Not relevant"),
        _("Mean"),
        _("Median"),
    )
    table = Table("skills", _("Ratings per skill"), headers, tuple(rows))
    return Section(key="skills", title=_("Ratings per skill"), tables=(table,))


def _comparison(comparison: Comparison) -> Section:
    headers = [_("Skill")]
    for label, n in comparison.groups:
        shown = _("hidden") if n is None else format_number(n)
        headers.append(_("{group} ({n})").format(group=label, n=shown))
    rows: list[tuple[Cell, ...]] = []
    any_hidden = False
    for result, cells in comparison.rows:
        row: list[Cell] = [result.label]
        for cell in cells:
            any_hidden |= cell.hidden
            if cell.hidden:
                row.append("—")
            elif cell.mwds is None:
                row.append("")
            else:
                row.append(
                    _("{score} (N {n})").format(score=format_number(round(cell.mwds, 2)), n=cell.n)
                )
        rows.append(tuple(row))
    notes: tuple[str, ...] = ()
    if any_hidden:
        notes = (
            _(
                "Figures about fewer than {n} respondents are hidden, and so is one more "
                "when only one would be: it could be worked out from the totals."
            ).format(n=MIN_GROUP),
        )
    title = _("Need score by: {question}").format(question=comparison.title)
    table = Table(f"by-{comparison.key}", title, tuple(headers), tuple(rows))
    return Section(key=f"by-{comparison.key}", title=title, tables=(table,), notes=notes)


def _teaching(results: Results) -> Section:
    rows: list[tuple[Cell, ...]] = []
    notes = []
    for s in results.priorities():
        modules = results.teaching.get(s.skill, ())
        if not modules:
            notes.append(_("No installed module teaches {skill} yet.").format(skill=s.label))
        rows += [
            (s.label, pack_title, module_title) for _p, pack_title, _m, module_title in modules
        ]
    table = Table(
        "teaching", _("Packs that teach this"), (_("Skill"), _("Pack"), _("Module")), tuple(rows)
    )
    return Section(
        key="teaching", title=_("Packs that teach this"), tables=(table,), notes=tuple(notes)
    )


def as_report(results: Results) -> WorkshopReport:
    """The results as a report (the workshop report's writers and PDF draw it)."""
    sections = [_overview(results), _per_skill(results)]
    sections += [_comparison(c) for c in results.comparisons if c.groups]
    sections.append(_teaching(results))
    return WorkshopReport(
        workshop_id="",
        title=results.survey.title,
        starts="",
        ends="",
        place="",
        facilitators=(),
        language=current_language(),
        sections=tuple(sections),
        usernames=(),
    )


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: str) -> str:
    """A cell a spreadsheet shows as text (a leading = + - @ would run as a formula)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def raw_csv(results: Results, responses: Sequence[Response], newline: str = "\r\n") -> str:
    """The anonymous raw answers: one row per response (its random id, how and on which
    day it was collected), one column per question; several choices joined with "; "."""
    qids = list(results.survey.kinds)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(["response", "mode", "day", *qids])
    for r in sorted(responses, key=lambda r: r.id):
        values = []
        for qid in qids:
            value = r.answers.get(qid, "")
            values.append(_csv_cell("; ".join(value) if isinstance(value, list) else value))
        writer.writerow([r.id, r.mode, r.day, *values])
    return out.getvalue()


def results_text(
    results: Results, fmt: str, responses: Sequence[Response] = (), newline: str = "\r\n"
) -> str:
    """The results as text; `newline` ends CSV rows (a terminal wants "\\n")."""
    if fmt == "csv":
        return raw_csv(results, responses, newline)
    report = as_report(results)
    return markdown(report) if fmt == "md" else wikitext(report)


def write_results(
    results: Results, responses: Sequence[Response], fmt: str, path: str | os.PathLike[str]
) -> Path:
    """The results in `fmt` at `path`, whole or not at all."""
    target = Path(path)
    write_atomic(target, results_text(results, fmt, responses).encode("utf-8"), private=True)
    return target

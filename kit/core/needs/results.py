"""The results of a needs assessment (the method is in docs/needs-assessment.md).

Per skill: N, the distribution, mean and median of confidence and of importance ("not
relevant / don't know" left out), and the need score, Borich's mean weighted discrepancy
MWDS = mean importance x (mean importance - mean confidence) over the respondents who
rated both; skills ranked by it, highest first. Comparisons between respondent groups
(each answer to an about-the-respondent question, and each collection mode) hide any
group of fewer than MIN_GROUP respondents, and one more when exactly one is hidden, so
no hidden figure can be worked out from the totals and the others (`hidden_groups`).

    results = compute(survey, NeedsResponses(rdb).responses(survey))
    results.skills[0].mwds    # the highest need
"""

from __future__ import annotations

import functools
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kit.core.needs.store import MODES, Response
from kit.core.needs.survey import CONFIDENCE, IMPORTANCE, NeedsSurvey, Rating
from kit.core.workshops.reportdata import MIN_GROUP
from kit.i18n import N_, _

PRIORITY_COUNT = 5  # the skills "packs that teach this" are listed for
NO_ANSWER = "__none__"
MODE_KEY = "__mode__"
MODE_LABELS = {"kiosk": N_("Kiosk"), "paper": N_("Paper"), "imported": N_("Imported")}


def skill_label(key: str) -> str:
    """The skill's translated label (kit.core.skills), or its key when the skills
    directory does not know it."""
    from kit.core.skills.capx import skill

    found = skill(key)
    return _(str(found.label)) if found is not None else key


@dataclass(frozen=True)
class Stats:
    """One dimension of one skill: `n` points given, `distribution` counts of points
    1..k, `na` "not relevant" answers; mean and median None when n is 0."""

    n: int
    distribution: tuple[int, ...]
    na: int
    mean: float | None
    median: float | None


@dataclass(frozen=True)
class SkillResult:
    skill: str
    label: str
    confidence: Stats
    importance: Stats
    n_both: int
    mwds: float | None


@dataclass(frozen=True)
class Cell:
    """A group's figure for one skill: None values when hidden (`hidden` True)."""

    n: int | None
    mwds: float | None
    hidden: bool


@dataclass(frozen=True)
class Comparison:
    """Respondent groups by one question (or by collection mode): group labels with
    their sizes (None: hidden) and, per skill in ranked order, one Cell per group."""

    key: str
    title: str
    groups: tuple[tuple[str, int | None], ...]
    rows: tuple[tuple[SkillResult, tuple[Cell, ...]], ...]


@dataclass(frozen=True)
class Results:
    survey: NeedsSurvey
    respondents: int
    modes: Mapping[str, int]
    skills: tuple[SkillResult, ...]
    comparisons: tuple[Comparison, ...]
    teaching: Mapping[str, tuple[tuple[str, str, str, str], ...]]  # skill -> modules

    def priorities(self) -> tuple[SkillResult, ...]:
        return tuple(s for s in self.skills if s.mwds is not None)[:PRIORITY_COUNT]


def hidden_groups(sizes: Mapping[str, int]) -> set[str]:
    """The groups not to show: each of fewer than MIN_GROUP, and, when that is exactly
    one, also the smallest other one (else total minus the others reveals it)."""
    hidden = {k for k, n in sizes.items() if n < MIN_GROUP}
    if len(hidden) == 1 and len(sizes) > 1:
        rest = sorted((n, k) for k, n in sizes.items() if k not in hidden)
        hidden.add(rest[0][1])
    return hidden


def _stats(rating: Rating | None, responses: Sequence[Response], top: int) -> Stats:
    points: list[int] = []
    na = 0
    if rating is not None:
        for r in responses:
            choice = r.answers.get(rating.id)
            if not isinstance(choice, str):
                continue
            point = rating.point(choice)
            if point is None:
                na += choice in rating.na
            else:
                points.append(point)
    dist = tuple(points.count(p) for p in range(1, top + 1))
    if not points:
        return Stats(0, dist, na, None, None)
    return Stats(len(points), dist, na, statistics.fmean(points), statistics.median(points))


def _pairs(survey: NeedsSurvey, skill: str, responses: Sequence[Response]) -> list[tuple[int, int]]:
    """(confidence, importance) of each respondent who rated the skill on both."""
    conf, imp = survey.rating(skill, CONFIDENCE), survey.rating(skill, IMPORTANCE)
    if conf is None or imp is None:
        return []
    pairs = []
    for r in responses:
        c, i = r.answers.get(conf.id), r.answers.get(imp.id)
        pc = conf.point(c) if isinstance(c, str) else None
        pi = imp.point(i) if isinstance(i, str) else None
        if pc is not None and pi is not None:
            pairs.append((pc, pi))
    return pairs


def mwds(pairs: Sequence[tuple[int, int]]) -> float | None:
    """mean importance x (mean importance - mean confidence); None without pairs."""
    if not pairs:
        return None
    mean_i = statistics.fmean(i for _c, i in pairs)
    mean_c = statistics.fmean(c for c, _i in pairs)
    return mean_i * (mean_i - mean_c)


def skill_results(survey: NeedsSurvey, responses: Sequence[Response]) -> list[SkillResult]:
    top = max((len(r.points) for r in survey.ratings), default=5)
    out = []
    for skill in survey.skills():
        pairs = _pairs(survey, skill, responses)
        out.append(
            SkillResult(
                skill,
                skill_label(skill),
                _stats(survey.rating(skill, CONFIDENCE), responses, top),
                _stats(survey.rating(skill, IMPORTANCE), responses, top),
                len(pairs),
                mwds(pairs),
            )
        )
    # highest need first; skills without a score last, in the survey's order
    return sorted(out, key=lambda s: (s.mwds is None, -(s.mwds or 0.0)))


def _partition(
    responses: Sequence[Response], key_of: Callable[[Response], list[str]]
) -> dict[str, list[Response]]:
    groups: dict[str, list[Response]] = {}
    for r in responses:
        for key in key_of(r) or [NO_ANSWER]:
            groups.setdefault(key, []).append(r)
    return groups


def _comparison(
    survey: NeedsSurvey,
    ranked: Sequence[SkillResult],
    key: str,
    title: str,
    groups: list[tuple[str, str, list[Response]]],
) -> Comparison:
    """`groups`: (group key, label, members)."""
    hidden = hidden_groups({g: len(members) for g, _l, members in groups})
    rows = []
    for result in ranked:
        pairs = {g: _pairs(survey, result.skill, m) for g, _l, m in groups if g not in hidden}
        cell_hidden = hidden | hidden_groups({g: len(p) for g, p in pairs.items()})
        cells = tuple(
            Cell(None, None, True)
            if g in cell_hidden
            else Cell(len(pairs[g]), mwds(pairs[g]), False)
            for g, _l, _m in groups
        )
        rows.append((result, cells))
    shown = tuple((label, None if g in hidden else len(m)) for g, label, m in groups)
    return Comparison(key, title, shown, tuple(rows))


def comparisons(
    survey: NeedsSurvey, ranked: Sequence[SkillResult], responses: Sequence[Response]
) -> list[Comparison]:
    out = []
    for q in survey.about:
        texts = dict(q.choices)
        parts = _partition(responses, functools.partial(_chosen, q.id, frozenset(texts)))
        order = [cid for cid, _t in q.choices if cid in parts] + [NO_ANSWER] * (NO_ANSWER in parts)
        groups = [(cid, texts.get(cid) or _("No answer"), parts[cid]) for cid in order]
        out.append(_comparison(survey, ranked, q.id, q.prompt, groups))
    by_mode = _partition(responses, lambda r: [r.mode])
    modes = [(m, _(MODE_LABELS[m]), by_mode[m]) for m in MODES if m in by_mode]
    out.append(_comparison(survey, ranked, MODE_KEY, _("How it was collected"), modes))
    return out


def _chosen(qid: str, allowed: frozenset[str], response: Response) -> list[str]:
    return [v for v in _as_list(response.answers.get(qid)) if v in allowed]


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [value] if isinstance(value, str) else []


def teaching_modules(
    packs: Sequence[Mapping[str, Any]], skills: Sequence[str]
) -> dict[str, tuple[tuple[str, str, str, str], ...]]:
    """skill -> (pack id, pack title, module id, module title) of each installed module
    whose tags include the skill's key; `packs` as `Library.get_pack` gives them."""
    found: dict[str, list[tuple[str, str, str, str]]] = {s: [] for s in skills}
    for pack in packs:
        for module in pack.get("modules") or []:
            tags = {str(t) for t in module.get("tags") or []}
            for skill in skills:
                if skill in tags:
                    found[skill].append(
                        (
                            str(pack.get("id")),
                            str(pack.get("title") or pack.get("id")),
                            str(module.get("id")),
                            str(module.get("title") or module.get("id")),
                        )
                    )
    return {s: tuple(v) for s, v in found.items()}


def compute(
    survey: NeedsSurvey,
    responses: Sequence[Response],
    packs: Sequence[Mapping[str, Any]] = (),
) -> Results:
    """The whole result of a survey's responses; `packs` (installed, with modules) give
    the modules that teach each priority skill."""
    ranked = skill_results(survey, responses)
    modes = {m: sum(1 for r in responses if r.mode == m) for m in MODES}
    priority = [s.skill for s in ranked if s.mwds is not None][:PRIORITY_COUNT]
    return Results(
        survey,
        len(responses),
        modes,
        tuple(ranked),
        tuple(comparisons(survey, ranked, responses)),
        teaching_modules(packs, priority),
    )

"""What the Needs tab asks of the core (kit.core.needs): the installed needs-assessment
surveys to choose from, one survey as a form to show, print or type in (its texts in the
respondents' language), answers recorded by kiosk or from paper, and the files that carry
responses between computers.

    surveys(ctx).success(self.fill).run(self)              # the bundled survey first
    load_form(ctx, "needs-assessment/skills-needs", "es").success(self.show).run(self)
    record(ctx, form, answers, KIOSK).success(...).run(self)   # durable on success

Every write announces Change.RECORDS. Screens never see the store: they get `SurveyChoice`
and `NeedsForm` values, and a refusal is the core's one sentence (`.failure`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.core.needs import IMPORTED, KIOSK, MODES, PAPER, NeedsResponses, NeedsSurvey
from kit.core.needs.exchange import export_responses as _export
from kit.core.needs.exchange import import_files
from kit.core.needs.installed import installed_surveys, survey_of
from kit.core.needs.survey import NeedsError, is_needs_item
from kit.core.packformat.conditions import Condition, item_conditions, kept_answers, visible
from kit.core.render import is_rtl
from kit.core.workshops.feedback_forms import CHOICE, MULTIPLE, TEXT, Question
from kit.i18n import _
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.kiosk import LIKERT
from kit.ui.operations.op import Op
from kit.ui.operations.presenter import open_as_facilitator

BUNDLED = "needs-assessment/skills-needs"  # the bundled "Community skills needs assessment"
_KINDS = {"likert": LIKERT, "single": CHOICE, "multiple": MULTIPLE, "text": TEXT}
_BOLD = re.compile(r"\*\*(.+?)\*\*")

__all__ = [
    "BUNDLED",
    "IMPORTED",
    "KIOSK",
    "MODES",
    "PAPER",
    "FormQuestion",
    "NeedsForm",
    "SurveyChoice",
    "visible",
]


def plain(text: str) -> str:
    """A prompt without its Markdown emphasis (`**communication**` -> `communication`)."""
    return _BOLD.sub(r"\1", text)


@dataclass(frozen=True)
class SurveyChoice:
    """An installed needs survey: key "PACK/ITEM", title, version code, responses per
    mode, and the languages its pack is written in (its own first)."""

    key: str
    title: str
    version: str
    counts: Mapping[str, int] = field(default_factory=dict)
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormQuestion:
    """One question as written: kind likert, single, multiple or text; `choices` (id,
    text) in written order; `na` the "not relevant" choice ids; `section` its section
    id ("" for none) and `show_if` its conditions (its section's and its own)."""

    id: str
    kind: str
    prompt: str  # as the pack writes it (Markdown emphasis kept, for print)
    choices: tuple[tuple[str, str], ...] = ()
    na: frozenset[str] = frozenset()
    section: str = ""
    show_if: tuple[Condition, ...] = ()

    @property
    def points(self) -> tuple[tuple[str, str], ...]:
        """The labelled points (not the "not relevant" choice), lowest first."""
        return tuple(c for c in self.choices if c[0] not in self.na)

    @property
    def na_choice(self) -> tuple[str, str] | None:
        return next((c for c in self.choices if c[0] in self.na), None)


@dataclass(frozen=True)
class NeedsForm:
    """A survey as shown to respondents, in their language."""

    key: str
    title: str
    intro: str
    version: str
    language: str
    questions: tuple[FormQuestion, ...]
    survey: NeedsSurvey

    @property
    def rtl(self) -> bool:
        return is_rtl(self.language)

    def kiosk_questions(self) -> tuple[Question, ...]:
        """The questions for the kiosk (kit.ui.kiosk): labelled points, plain prompts."""
        return tuple(
            Question(q.id, _KINDS.get(q.kind, TEXT), plain(q.prompt), q.choices, show_if=q.show_if)
            for q in self.questions
        )

    def conditions(self) -> list[tuple[str, tuple[Condition, ...]]]:
        return [(q.id, q.show_if) for q in self.questions]

    def shown(self, answers: Mapping[str, Any]) -> set[str]:
        """The ids of the questions a respondent with these answers is asked."""
        return visible(self.conditions(), answers)

    def kept(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """The answers to the questions shown (a skipped section's answers dropped)."""
        return kept_answers(self.conditions(), answers)

    def question(self, qid: str) -> FormQuestion | None:
        return next((q for q in self.questions if q.id == qid), None)

    def instruction(self, section: str) -> str:
        """ "Answer this section only if ..." for a conditional section, else ""."""
        first = next((q for q in self.questions if q.section == section), None)
        if first is None or not first.show_if:
            return ""
        parts = []
        for qid, ids in first.show_if:
            asked = self.question(qid)
            if asked is None:
                continue
            texts = dict(asked.choices)
            answers = " / ".join(f"“{texts.get(i, i)}”" for i in ids)
            number = self.questions.index(asked) + 1
            parts.append(
                _("you answered {answers} to question {number}").format(
                    answers=answers, number=number
                )
            )
        return _("Answer this section only if {condition}.").format(condition="; ".join(parts))


def _counts(store: NeedsResponses, survey: NeedsSurvey) -> dict[str, int]:
    counts = dict.fromkeys(MODES, 0)
    for r in store.responses(survey):
        counts[r.mode] = counts.get(r.mode, 0) + 1
    return counts


def surveys(ctx: AppContext) -> Op[list[SurveyChoice]]:
    """Every installed needs survey, the bundled one first, then by title."""

    def work() -> list[SurveyChoice]:
        store = NeedsResponses(ctx.records.rdb)
        out = []
        for found in installed_surveys(ctx.library):
            shown = survey_of(ctx.library, found.pack_id, found.item_id, ctx.language) or found
            pack = ctx.library.get_pack(found.pack_id) or {}
            langs = [str(pack.get("language") or "en")]
            langs += [str(code) for code in pack.get("languages") or [] if code not in langs]
            out.append(
                SurveyChoice(
                    found.key, shown.title, found.version, _counts(store, found), tuple(langs)
                )
            )
        return sorted(out, key=lambda s: (s.key != BUNDLED, s.title.casefold(), s.key))

    return Op(ctx, work)


def _form(ctx: AppContext, key: str, language: str) -> NeedsForm:
    pack_id, _sep, item_id = key.partition("/")
    item = ctx.library.get_item(pack_id, item_id)
    survey = survey_of(ctx.library, pack_id, item_id, language)
    if item is None or survey is None or not is_needs_item(item):
        raise NeedsError(
            _("There is no needs-assessment survey {survey}; see kit survey list.").format(
                survey=key
            )
        )
    translated = ctx.library.get_item(pack_id, item_id, lang=language) or item
    texts = {str(q.get("id")): q for q in translated.get("questions") or []}
    conditions = item_conditions(item)
    questions = []
    for q in item.get("questions") or []:
        qid = str(q["id"])
        shown = texts.get(qid, q)
        written = {
            str(c.get("id")): str(c.get("text") or c.get("id")) for c in shown.get("choices") or []
        }
        choices = tuple(
            (str(c["id"]), written.get(str(c["id"])) or str(c.get("text") or c["id"]))
            for c in q.get("choices") or []
        )
        questions.append(
            FormQuestion(
                qid,
                str(q.get("type")),
                str(shown.get("prompt") or q.get("prompt") or qid),
                choices,
                frozenset(str(c["id"]) for c in q.get("choices") or [] if c.get("na")),
                str(q.get("section") or ""),
                conditions.get(qid, ()),
            )
        )
    return NeedsForm(
        key,
        survey.title,
        str(translated.get("body") or item.get("body") or ""),
        survey.version,
        language,
        tuple(questions),
        survey,
    )


def load_form(ctx: AppContext, key: str, language: str) -> Op[NeedsForm]:
    """The survey `key` as a form with its texts in `language` (the pack's own where
    it has no translation); a survey not installed fails with one sentence."""
    return Op(ctx, lambda: _form(ctx, key, language))


def counts(ctx: AppContext, key: str) -> Op[dict[str, int]]:
    """How many responses the survey holds, per collection mode."""

    def work() -> dict[str, int]:
        pack_id, _sep, item_id = key.partition("/")
        survey = survey_of(ctx.library, pack_id, item_id)
        if survey is None:
            return dict.fromkeys(MODES, 0)
        return _counts(NeedsResponses(ctx.records.rdb), survey)

    return Op(ctx, work)


def record(ctx: AppContext, form: NeedsForm, answers: Mapping[str, Any]) -> Op[int]:
    """One kiosk respondent's answers (a skipped section's dropped), anonymous; -> how
    many responses the survey holds now."""

    def work() -> int:
        store = NeedsResponses(ctx.records.rdb)
        store.record(form.survey, form.kept(answers), KIOSK)
        return sum(_counts(store, form.survey).values())

    return Op(ctx, work, Change.RECORDS)


def record_paper(ctx: AppContext, form: NeedsForm, rows: Sequence[Mapping[str, Any]]) -> Op[int]:
    """Paper forms typed in, all saved or none (a bad answer: one sentence); -> how many."""

    def work() -> int:
        kept = [form.kept(row) for row in rows]
        return len(NeedsResponses(ctx.records.rdb).record_many(form.survey, kept, PAPER))

    return Op(ctx, work, Change.RECORDS)


def export_responses(ctx: AppContext, form: NeedsForm, path: Path) -> Op[int]:
    """Every response to the survey written to `path`; -> how many."""

    def work() -> int:
        try:
            return _export(NeedsResponses(ctx.records.rdb), form.survey, path)
        except OSError as exc:
            raise NeedsError(
                _("{name} could not be saved ({reason}). Choose another folder.").format(
                    name=path, reason=exc.strerror or exc.__class__.__name__
                )
            ) from None

    return Op(ctx, work)


def import_responses(ctx: AppContext, paths: Sequence[Path]) -> Op[tuple[int, int]]:
    """Files from other computers, all or nothing; -> (added, already here)."""

    def find(pack_id: str, item_id: str) -> NeedsSurvey | None:
        return survey_of(ctx.library, pack_id, item_id)

    return Op(
        ctx,
        lambda: import_files(NeedsResponses(ctx.records.rdb), list(paths), find),
        Change.RECORDS,
    )


def unlock(ctx: AppContext, pin: str) -> Op[Any]:
    """The signed-in facilitator's PIN checked (throttled), to leave the kiosk."""
    profile = ctx.session.profile
    return open_as_facilitator(ctx, profile.id if profile is not None else "", pin)

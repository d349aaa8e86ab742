"""A workshop's pre-test and post-test: the same questions before and after, paired.

The questions are a quiz or a confidence survey of an installed pack, or the built-in
confidence survey (`CONFIDENCE`, statements rated 1-5). A response is the answers and
their score (a quiz: the percentage right, marked by kit.core.quiz; a survey: the mean
rating of its rating questions), keyed for pairing by a learner profile or by a code the
participant makes up (as Carpentries surveys do, e.g. first letters + birth day). A code
is normalised (case, spaces) and kept only as a hash salted with the workshop's id; such
a response carries no participant or profile id and only the date.

    pp = PrePost(records.rdb)
    pp.choose(shop.id, builtin_instrument())
    pp.answer(shop.id, "pre", code_key("ab12"), {"c1": "2", "c2": "3"})
    pp.answer(shop.id, "post", code_key(" AB 12"), {"c1": "4", "c2": "4"})
    pp.result(shop.id).pairs  # [Pair(pre=2.5, post=4.0)]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kit.core import itemtypes
from kit.core.workshops.model import Workshop, WorkshopError, new_id
from kit.core.workshops.prepost_questions import (
    BUILTIN,
    CONFIDENCE,
    SCALE,
    Instrument,
    builtin_instrument,
    check_answers,
    choices,
    from_item,
    load_instrument,
    parse_answer,
    scale_top,
    score,
    usable,
)
from kit.core.workshops.reportdata import BarChart, Figure, Section, Table, suppressed
from kit.i18n import _

if TYPE_CHECKING:
    from kit.core.records.db import RecordsDB
    from kit.core.records.store import Records

__all__ = [
    "BUILTIN",
    "CONFIDENCE",
    "SCALE",
    "Instrument",
    "PairKey",
    "PrePost",
    "already",
    "builtin_instrument",
    "check_answers",
    "choices",
    "code_key",
    "from_item",
    "load_instrument",
    "parse_answer",
    "profile_key",
    "scale_top",
    "score",
    "section",
    "usable",
]
PHASES = ("pre", "post")
MAX_CODE = 40


@dataclass(frozen=True)
class PairKey:
    """How two responses are paired: a profile id, or the hash of a normalised code."""

    kind: str  # "profile" or "code"
    value: str


@dataclass(frozen=True)
class Pair:
    pre: float
    post: float

    @property
    def change(self) -> float:
        return self.post - self.pre


@dataclass(frozen=True)
class Result:
    instrument: Instrument | None
    pairs: tuple[Pair, ...]
    pre_only: int
    post_only: int

    def mean(self, phase: str) -> float | None:
        values = [p.pre if phase == "pre" else p.post for p in self.pairs]
        return sum(values) / len(values) if values else None

    @property
    def mean_change(self) -> float | None:
        return sum(p.change for p in self.pairs) / len(self.pairs) if self.pairs else None

    def count(self, sign: int) -> int:
        """Pairs that improved (1), stayed the same (0) or got worse (-1)."""
        return sum(1 for p in self.pairs if _sign(p.change) == sign)


def _sign(value: float) -> int:
    return 0 if abs(value) < 1e-9 else (1 if value > 0 else -1)


def normalise_code(code: str) -> str:
    """ "Ab 12" and "ab12" are the same code: case and spaces do not count."""
    text = unicodedata.normalize("NFKC", code).casefold()
    return "".join(text.split())


def code_key(code: str) -> PairKey:
    """The pairing key of a made-up code (refuses an empty or overlong one)."""
    text = normalise_code(code)
    if not text:
        raise WorkshopError(_("Type a code you will remember, e.g. your initials and birth day."))
    if len(text) > MAX_CODE:
        raise WorkshopError(_("A code has at most {n} letters or digits.").format(n=MAX_CODE))
    return PairKey("code", text)


def profile_key(records: Records, profile_id: str, pin: str | None) -> PairKey:
    """The pairing key of a learner profile, once its PIN (if it has one) is right."""
    records.profile(profile_id)
    records.check_pin(profile_id, pin)
    return PairKey("profile", profile_id)


def _stored_key(workshop_id: str, key: PairKey) -> str:
    if key.kind == "profile":
        return key.value
    return hashlib.sha256(f"{workshop_id}\n{key.value}".encode()).hexdigest()


class PrePost:
    """Pre/post tests of the workshops in one records.db; each write durable on return."""

    def __init__(self, rdb: RecordsDB) -> None:
        self.rdb = rdb

    def choose(self, workshop_id: str, instrument: Instrument) -> Instrument:
        """Make `instrument` the workshop's pre/post test. Refused once a response is kept
        for other questions (the pairs would compare different tests)."""
        current = self.instrument(workshop_id)
        if current is not None and current.ref == instrument.ref:
            return instrument
        with self.rdb.write() as db:
            conn = db.conn
            if not conn.execute("SELECT 1 FROM workshops WHERE id = ?", [workshop_id]).fetchone():
                raise WorkshopError(_("That workshop is not on this computer."))
            if conn.execute(
                "SELECT 1 FROM workshop_prepost_responses WHERE workshop_id = ?", [workshop_id]
            ).fetchone():
                raise WorkshopError(
                    _(
                        "Answers to {title} are kept already; its pre/post test cannot change."
                    ).format(title=current.title if current else "")
                )
            conn.execute(
                "INSERT OR REPLACE INTO workshop_prepost (workshop_id, pack_id, item_id, kind,"
                " title) VALUES (?, ?, ?, ?, ?)",
                [
                    workshop_id,
                    instrument.pack_id,
                    instrument.item_id,
                    instrument.kind,
                    instrument.title,
                ],
            )
        return instrument

    def instrument(self, workshop_id: str) -> Instrument | None:
        """The chosen test (questions not loaded: see `load_instrument`), or None."""
        rows = self.rdb.query("SELECT * FROM workshop_prepost WHERE workshop_id = ?", [workshop_id])
        if not rows:
            return None
        r = rows[0]
        return Instrument(str(r["pack_id"]), str(r["item_id"]), str(r["kind"]), str(r["title"]))

    def answered(self, workshop_id: str, phase: str, key: PairKey) -> bool:
        return bool(
            self.rdb.query(
                "SELECT 1 FROM workshop_prepost_responses WHERE workshop_id = ? AND phase = ?"
                " AND key_kind = ? AND pair_key = ?",
                [workshop_id, phase, key.kind, _stored_key(workshop_id, key)],
            )
        )

    def answer(
        self,
        workshop_id: str,
        phase: str,
        key: PairKey,
        answers: Mapping[str, Any],
        instrument: Instrument | None = None,
    ) -> float | None:
        """Keep one response to the workshop's test (`instrument`: it with its questions);
        returns its score. One pre and one post per key."""
        if phase not in PHASES:
            raise WorkshopError(_("Answer the pre-test or the post-test (pre or post)."))
        chosen = self.instrument(workshop_id)
        if chosen is None:
            raise WorkshopError(_("Choose the workshop's pre/post test first."))
        if instrument is None and chosen.ref == BUILTIN:
            instrument = builtin_instrument()
        if instrument is None or instrument.ref != chosen.ref:
            raise WorkshopError(
                _("The workshop's pre/post test is now {title}; start answering again.").format(
                    title=chosen.title
                )
            )
        kept = check_answers(instrument, answers)
        value = score(instrument, kept)
        if not kept or value is None:
            raise WorkshopError(_nothing(instrument))
        if self.answered(workshop_id, phase, key):
            raise WorkshopError(already(phase, key))
        with self.rdb.write() as db:
            db.conn.execute(
                "INSERT INTO workshop_prepost_responses (id, workshop_id, phase, key_kind,"
                " pair_key, answers, score, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    new_id(),
                    workshop_id,
                    phase,
                    key.kind,
                    _stored_key(workshop_id, key),
                    json.dumps(kept, sort_keys=True),
                    value,
                    dt.date.today().isoformat(),
                ],
            )
        return value

    def counts(self, workshop_id: str) -> dict[str, int]:
        rows = self.rdb.query(
            "SELECT phase, COUNT(*) FROM workshop_prepost_responses WHERE workshop_id = ?"
            " GROUP BY phase",
            [workshop_id],
        )
        return {"pre": 0, "post": 0} | {str(r[0]): int(r[1]) for r in rows}

    def result(self, workshop_id: str) -> Result:
        scores: dict[str, dict[tuple[str, str], float | None]] = {"pre": {}, "post": {}}
        for r in self.rdb.query(
            "SELECT phase, key_kind, pair_key, score FROM workshop_prepost_responses"
            " WHERE workshop_id = ?",
            [workshop_id],
        ):
            scores[str(r[0])][(str(r[1]), str(r[2]))] = r[3]
        pre, post = scores["pre"], scores["post"]
        paired = [k for k in pre if k in post and pre[k] is not None and post[k] is not None]
        # Ordered by score, never by who answered: row order reveals nobody.
        pairs = sorted(
            (Pair(float(pre[k] or 0), float(post[k] or 0)) for k in paired),
            key=lambda p: (p.pre, p.post),
        )
        return Result(
            self.instrument(workshop_id),
            tuple(pairs),
            sum(1 for k in pre if k not in paired),
            sum(1 for k in post if k not in paired),
        )


def _nothing(instrument: Instrument) -> str:
    if instrument.kind == itemtypes.QUIZ:
        return _("Answer at least one question, then submit.")
    return _("Rate at least one statement, then submit.")


def already(phase: str, key: PairKey) -> str:
    """The sentence refusing a second response of `key` to `phase`."""
    if key.kind == "code":
        if phase == "pre":
            return _("Someone answered the pre-test with this code already; choose another code.")
        return _("Someone answered the post-test with this code already.")
    if phase == "pre":
        return _("This profile answered the pre-test already.")
    return _("This profile answered the post-test already.")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _figures(res: Result, unit: str) -> tuple[Figure, ...]:
    return (
        Figure(
            "prepost_pairs",
            _("Pairs"),
            len(res.pairs),
            _("Participants who answered both the pre-test and the post-test."),
        ),
        Figure(
            "prepost_pre_mean",
            _("Mean before"),
            _round(res.mean("pre")),
            _("Mean pre-test score of the pairs ({unit}).").format(unit=unit),
        ),
        Figure(
            "prepost_post_mean",
            _("Mean after"),
            _round(res.mean("post")),
            _("Mean post-test score of the pairs ({unit}).").format(unit=unit),
        ),
        Figure(
            "prepost_change",
            _("Mean change"),
            _round(res.mean_change),
            _("Mean of each pair's post-test score minus pre-test score."),
        ),
        Figure(
            "prepost_improved",
            _("Improved"),
            res.count(1),
            _("Pairs whose post-test score is higher than their pre-test score."),
        ),
        Figure(
            "prepost_same",
            _("Same"),
            res.count(0),
            _("Pairs whose post-test score equals their pre-test score."),
        ),
        Figure(
            "prepost_worse",
            _("Worse"),
            res.count(-1),
            _("Pairs whose post-test score is lower than their pre-test score."),
        ),
        Figure(
            "prepost_pre_only",
            _("Pre-test only"),
            res.pre_only,
            _("Responses to the pre-test without a post-test to pair with (not in the means)."),
        ),
        Figure(
            "prepost_post_only",
            _("Post-test only"),
            res.post_only,
            _("Responses to the post-test without a pre-test to pair with (not in the means)."),
        ),
    )


def section(rdb: RecordsDB, shop: Workshop) -> Section | None:
    """The pre/post part of the workshop report (None: no pre/post test answered). Pairs
    are shown as "pair 1, 2…", never by code or name; fewer than 5 pairs: no pair table."""
    res = PrePost(rdb).result(shop.id)
    if res.instrument is None or not (res.pairs or res.pre_only or res.post_only):
        return None
    quiz = res.instrument.kind == itemtypes.QUIZ
    unit = _("percentage right") if quiz else _("mean rating")
    notes = [
        _("Questions: {title}.").format(title=res.instrument.title),
        _("Scores are the percentage of questions answered right.")
        if quiz
        else _(
            "Scores are the mean rating: 1 is the first point of each scale, 2 the next, and so on."
        ),
    ]
    tables: tuple[Table, ...] = ()
    if suppressed(len(res.pairs)):
        notes.append(_("Fewer than 5 pairs: the pairs are not shown one by one."))
    elif res.pairs:
        rows = tuple(
            (_("pair {n}").format(n=n), _round(p.pre), _round(p.post), _round(p.change))
            for n, p in enumerate(res.pairs, 1)
        )
        tables = (
            Table(
                "prepost_pairs",
                _("Pre/post pairs"),
                (_("Pair"), _("Before"), _("After"), _("Change")),
                rows,
            ),
        )
    charts: tuple[BarChart, ...] = ()
    if res.pairs:
        bars = ((_("Before"), res.mean("pre") or 0.0), (_("After"), res.mean("post") or 0.0))
        charts = (BarChart(_("Mean score before and after"), bars, "%" if quiz else ""),)
    return Section(
        key="prepost",
        title=_("Pre-test and post-test"),
        figures=_figures(res, unit),
        tables=tables,
        charts=charts,
        notes=tuple(notes),
    )

"""A workshop's pre-test and post-test in the core: scoring, pairing by profile and by a
made-up code, the room's change, and the report section (kit.core.workshops.prepost)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from ui_shell import build_getting_started, prepare

from kit.core.library import Library
from kit.core.records import Records
from kit.core.records.pins import WrongPin
from kit.core.workshops import Workshop, WorkshopError, Workshops
from kit.core.workshops.prepost import (
    PrePost,
    builtin_instrument,
    choices,
    code_key,
    load_instrument,
    profile_key,
    scale_top,
    section,
)

# The getting-started quiz's right answers (content_packs/getting-started/.../05-check.md).
RIGHT = {
    "own-profile": "1",
    "item-kinds": ["1", "2", "3"],
    "offline": "2",
    "pin-name": "pin",
    "first-steps": ["1", "2", "3", "4", "5"],
}


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> Path:
    return build_getting_started(tmp_path_factory.mktemp("packs"))


@pytest.fixture
def env(tmp_path: Path, packs: Path):
    data = prepare(tmp_path / "data", [packs])
    with Records(data) as records, Library(data) as library:
        shop = Workshops(records.rdb).save(Workshop(title="Wiki editing"))
        yield records, library, shop


def _quiz(library):
    return load_instrument(library, "getting-started", "check-learning")


def _percent(answers: dict) -> float:
    """Independently of kit.core.quiz: the share of RIGHT answers given, in %."""
    return 100 * sum(1 for q, a in RIGHT.items() if answers.get(q) == a) / len(RIGHT)


def test_a_quiz_pair_through_profiles(env) -> None:
    records, library, shop = env
    ana = records.create_profile("Ana", pin="2468")
    bea = records.create_profile("Bea")
    pp = PrePost(records.rdb)
    quiz = pp.choose(shop.id, _quiz(library))
    pre_ana = {"own-profile": "2", "offline": "2"}
    post_ana = dict(RIGHT, **{"pin-name": "password"})
    with pytest.raises(WrongPin):
        profile_key(records, ana.id, "1111")
    assert pp.answer(
        shop.id, "pre", profile_key(records, ana.id, "2468"), pre_ana, quiz
    ) == _percent(pre_ana)
    pp.answer(shop.id, "post", profile_key(records, ana.id, "2468"), post_ana, quiz)
    pp.answer(shop.id, "pre", profile_key(records, bea.id, None), RIGHT, quiz)
    res = pp.result(shop.id)
    expected = _percent(post_ana) - _percent(pre_ana)
    assert [p.change for p in res.pairs] == [pytest.approx(expected)] and expected == 60
    assert (res.pre_only, res.post_only) == (1, 0)
    with pytest.raises(WorkshopError, match="answered the post-test already"):
        pp.answer(shop.id, "post", profile_key(records, ana.id, "2468"), RIGHT, quiz)


def _survey_answers(ratings: list[int]) -> dict[str, str]:
    return {f"c{n}": str(r) for n, r in enumerate(ratings, 1)}


def test_a_survey_pair_through_codes_is_anonymous_and_the_code_never_shown(env) -> None:
    records, _library, shop = env
    pp = PrePost(records.rdb)
    survey = pp.choose(shop.id, builtin_instrument())
    assert 3 <= len(survey.questions) <= 5
    pp.answer(shop.id, "pre", code_key("MaJo 14"), _survey_answers([1, 2, 2, 3]), survey)
    pp.answer(shop.id, "post", code_key("  majo14 "), _survey_answers([4, 4, 3, 5]), survey)
    pp.answer(shop.id, "post", code_key("zz99"), _survey_answers([5, 5, 5, 5]), survey)
    res = pp.result(shop.id)
    assert [(p.pre, p.post) for p in res.pairs] == [(2.0, 4.0)]
    assert (res.pre_only, res.post_only) == (0, 1)
    got = section(records.rdb, shop)
    figures = {f.key: f.value for f in got.figures}
    assert figures["prepost_pairs"] == 1 and figures["prepost_change"] == 2.0
    assert figures["prepost_improved"] == 1 and figures["prepost_post_only"] == 1
    assert all(f.definition for f in got.figures)
    assert got.tables == ()  # fewer than 5 pairs: no pair by pair table
    assert got.charts[0].bars[0][1] == 2.0 and got.charts[0].bars[1][1] == 4.0
    assert "majo" not in repr(got).casefold() and "zz99" not in repr(got).casefold()
    conn = sqlite3.connect(records.rdb.path)
    rows = conn.execute("SELECT * FROM workshop_prepost_responses").fetchall()
    assert all("majo" not in str(r).casefold() for r in rows)
    assert all(len(r[-1]) == 10 for r in rows)  # a date, never a time
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM workshop_prepost_responses")
    conn.close()


def test_five_pairs_are_shown_as_numbered_pairs(env) -> None:
    records, _library, shop = env
    pp = PrePost(records.rdb)
    survey = pp.choose(shop.id, builtin_instrument())
    given = [
        ([1, 1, 1, 1], [2, 2, 2, 2]),
        ([3, 3, 3, 3], [3, 3, 3, 3]),
        ([5, 4, 5, 4], [4, 4, 4, 4]),
    ]
    given += [([2, 2, 2, 2], [5, 5, 5, 5]), ([1, 2, 3, 4], [2, 3, 4, 5])]
    for n, (pre, post) in enumerate(given):
        pp.answer(shop.id, "pre", code_key(f"code{n}"), _survey_answers(pre), survey)
        pp.answer(shop.id, "post", code_key(f"CODE {n}"), _survey_answers(post), survey)
    changes = sorted(sum(b) / 4 - sum(a) / 4 for a, b in given)
    got = section(records.rdb, shop)
    table = got.tables[0]
    assert [r[0] for r in table.rows] == [f"pair {n}" for n in range(1, 6)]
    assert sorted(r[3] for r in table.rows) == pytest.approx(changes)
    figures = {f.key: f.value for f in got.figures}
    assert figures["prepost_change"] == pytest.approx(round(sum(changes) / 5, 2))
    assert (figures["prepost_improved"], figures["prepost_same"], figures["prepost_worse"]) == (
        sum(c > 0 for c in changes),
        sum(c == 0 for c in changes),
        sum(c < 0 for c in changes),
    )
    assert "code" not in repr(table).casefold()


def test_bad_answers_and_changes_are_refused_and_nothing_kept(env) -> None:
    records, library, shop = env
    pp = PrePost(records.rdb)
    assert section(records.rdb, shop) is None
    with pytest.raises(WorkshopError, match="Choose the workshop's pre/post test first"):
        pp.answer(shop.id, "pre", code_key("ab"), {})
    quiz = pp.choose(shop.id, _quiz(library))
    with pytest.raises(WorkshopError, match="has no answer 7"):
        pp.answer(shop.id, "pre", code_key("ab"), {"own-profile": "7"}, quiz)
    with pytest.raises(WorkshopError, match="Type a code"):
        code_key("   ")
    with pytest.raises(WorkshopError, match="Answer at least one question"):
        pp.answer(shop.id, "pre", code_key("ab"), {"own-profile": None}, quiz)
    with pytest.raises(WorkshopError, match="is now Quiz: learning"):
        pp.answer(shop.id, "pre", code_key("ab"), {"c1": "1"}, builtin_instrument())
    other = Workshops(records.rdb).save(Workshop(title="Another"))
    pp.choose(other.id, builtin_instrument())
    with pytest.raises(WorkshopError, match="Rate at least one statement"):
        pp.answer(other.id, "pre", code_key("ab"), {"c1": ""})
    assert pp.counts(shop.id) == {"pre": 0, "post": 0}
    pp.answer(shop.id, "pre", code_key("ab"), RIGHT, quiz)
    with pytest.raises(WorkshopError, match="with this code already"):
        pp.answer(shop.id, "pre", code_key("AB"), RIGHT, quiz)
    with pytest.raises(WorkshopError, match="cannot change"):
        pp.choose(shop.id, builtin_instrument())
    with pytest.raises(WorkshopError, match="cannot be a pre/post test"):
        load_instrument(library, "getting-started", "run-a-workshop")
    offered = [i.ref for i in choices(library)]
    assert offered == ["confidence", "getting-started/check-learning", "getting-started/feedback"]
    assert scale_top(load_instrument(library, "getting-started", "feedback")) == 5
    assert pp.counts(shop.id) == {"pre": 1, "post": 0}
    assert pp.instrument(shop.id).item_id == "check-learning"

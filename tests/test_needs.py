"""Needs assessment (kit.core.needs): responses stored anonymously, and every figure of
the results checked against a computation written here with the statistics module."""

from __future__ import annotations

import sqlite3
import statistics
from collections import Counter
from pathlib import Path

import pytest
from needs_helpers import NA, SKILLS, YEARS, install, needs_item, needs_pack, qid, respondents

from kit.core.needs import KIOSK, PAPER, NeedsError, NeedsResponses, from_item
from kit.core.needs.installed import find_survey, installed_packs, installed_surveys
from kit.core.needs.results import MODE_KEY, compute, hidden_groups
from kit.core.needs.writers import results_text
from kit.core.records import Records

SURVEY = from_item("skills-survey", "1.0.0", needs_item())


def _point(answer: str | None) -> int | None:
    return int(answer) if answer is not None and answer != NA else None


def expected(answer_sets: list[dict]) -> dict[str, dict]:
    """Each skill's figures, computed from the answers as generated (not from the store)."""
    out = {}
    for skill in SKILLS:
        conf = [_point(a.get(qid(skill, "confidence"))) for a in answer_sets]
        imp = [_point(a.get(qid(skill, "importance"))) for a in answer_sets]
        pairs = [(c, i) for c, i in zip(conf, imp, strict=True) if c is not None and i is not None]
        mean_i = statistics.mean(i for _c, i in pairs)
        # Borich: the mean over respondents of the discrepancy, weighted by mean importance
        mwds = statistics.mean(i - c for c, i in pairs) * mean_i
        figures = {"n_both": len(pairs), "mwds": mwds}
        for name, points, key in (
            ("confidence", conf, "confidence"),
            ("importance", imp, "importance"),
        ):
            given = [p for p in points if p is not None]
            counts = Counter(given)
            na = sum(1 for a in answer_sets if a.get(qid(skill, key)) == NA)
            figures[name] = (len(given), tuple(counts[p] for p in range(1, 6)), na,
                             statistics.mean(given), statistics.median(given))  # fmt: skip
        out[skill] = figures
    return out


@pytest.fixture
def rec(data_dir: Path):
    with Records(install(data_dir, needs_pack(data_dir.parent / "packs"))) as records:
        yield records


def test_thirty_six_respondents_every_figure_matches_an_independent_computation(rec) -> None:
    answer_sets = respondents(36)
    store = NeedsResponses(rec.rdb)
    ids = store.record_many(SURVEY, answer_sets[:30], KIOSK)
    ids += [store.record(SURVEY, a, PAPER) for a in answer_sets[30:]]
    assert len(set(ids)) == 36
    results = compute(SURVEY, store.responses(SURVEY))
    assert results.respondents == 36 and results.modes == {"kiosk": 30, "paper": 6, "imported": 0}
    want = expected(answer_sets)
    for s in results.skills:
        w = want[s.skill]
        assert s.n_both == w["n_both"] and s.mwds == pytest.approx(w["mwds"])
        for name in ("confidence", "importance"):
            got = getattr(s, name)
            n, dist, na, mean, median = w[name]
            assert (got.n, got.distribution, got.na) == (n, dist, na)
            assert got.mean == pytest.approx(mean) and got.median == median
    ranked = sorted(SKILLS, key=lambda k: -want[k]["mwds"])
    assert [s.skill for s in results.skills] == ranked


def test_not_relevant_is_left_out_of_every_average(rec) -> None:
    store = NeedsResponses(rec.rdb)
    c, i = qid("Q11016", "confidence"), qid("Q11016", "importance")
    store.record_many(SURVEY, [{c: "1", i: "5"}, {c: "3", i: NA}, {c: NA, i: "4"}], KIOSK)
    tech = next(s for s in compute(SURVEY, store.responses(SURVEY)).skills if s.skill == "Q11016")
    assert (tech.confidence.n, tech.confidence.na, tech.confidence.mean) == (2, 1, 2.0)
    assert (tech.importance.n, tech.importance.na, tech.importance.mean) == (2, 1, 4.5)
    assert tech.n_both == 1 and tech.mwds == 5 * (5 - 1)


def test_small_groups_are_hidden_and_one_more_when_only_one_would_be(rec) -> None:
    answer_sets = respondents(36)  # years: three say "more than 5", the rest 1 or 2
    store = NeedsResponses(rec.rdb)
    store.record_many(SURVEY, answer_sets, KIOSK)
    results = compute(SURVEY, store.responses(SURVEY))
    by_years = next(c for c in results.comparisons if c.key == "years")
    sizes = Counter(a["years"] for a in answer_sets)
    assert sizes["3"] == 3
    shown = dict(by_years.groups)
    smaller = min(("1", "2"), key=lambda k: sizes[k])
    larger = "2" if smaller == "1" else "1"
    assert shown[YEARS["3"]] is None and shown[YEARS[smaller]] is None
    assert shown[YEARS[larger]] == sizes[larger]
    # the one group shown: its figures match the independent computation over it
    members = [a for a in answer_sets if a["years"] == larger]
    want = expected(members)
    column = [g for g, _n in by_years.groups].index(YEARS[larger])
    for result, cells in by_years.rows:
        cell = cells[column]
        if want[result.skill]["n_both"] >= 5:
            assert cell.n == want[result.skill]["n_both"]
            assert cell.mwds == pytest.approx(want[result.skill]["mwds"])
        assert sum(c.hidden for c in cells) != 1
    text = results_text(results, "md")
    assert f"{YEARS['3']} (hidden)" in text and f"{YEARS[smaller]} (hidden)" in text
    # one collection mode only: nothing to hide in that comparison
    by_mode = next(c for c in results.comparisons if c.key == MODE_KEY)
    assert by_mode.groups == (("Kiosk", 36),)


def test_every_shown_cell_is_about_at_least_five_and_never_alone_hidden(rec) -> None:
    store = NeedsResponses(rec.rdb)
    answer_sets = respondents(40, seed=5)
    store.record_many(SURVEY, answer_sets[:33], KIOSK)
    store.record_many(SURVEY, answer_sets[33:], PAPER)  # 7 on paper
    for comparison in compute(SURVEY, store.responses(SURVEY)).comparisons:
        for _result, cells in comparison.rows:
            assert all(c.hidden or (c.n or 0) >= 5 for c in cells)
            if len(cells) > 1:
                assert sum(c.hidden for c in cells) != 1


@pytest.mark.parametrize(
    ("sizes", "hidden"),
    [
        ({"a": 20, "b": 3}, {"a", "b"}),
        ({"a": 20, "b": 3, "c": 8}, {"b", "c"}),
        ({"a": 20, "b": 3, "c": 2}, {"b", "c"}),
        ({"a": 20, "b": 9, "c": 8}, set()),
        ({"a": 4}, {"a"}),
        ({"a": 5}, set()),
    ],
)
def test_hidden_groups(sizes, hidden) -> None:
    assert hidden_groups(sizes) == hidden


def test_the_modules_tagged_with_a_priority_skill_are_listed(rec, data_dir: Path) -> None:
    from kit.core.library import Library
    from kit.core.paths import DataDir

    store = NeedsResponses(rec.rdb)
    store.record_many(SURVEY, respondents(30), KIOSK)
    with Library(DataDir(data_dir)) as lib:
        survey = find_survey(lib, "needs")
        assert [s.key for s in installed_surveys(lib)] == ["skills-survey/needs"]
        results = compute(survey, store.responses(survey), installed_packs(lib))
    assert results.teaching["Q11024"] == (
        ("skills-survey", "Pack skills-survey", "talk", "Speaking to a room"),
    )
    assert all(results.teaching[s] == () for s in results.teaching if s != "Q11024")
    text = results_text(results, "md")
    assert "Speaking to a room" in text and "No installed module teaches Budgeting" in text


def test_records_are_anonymous_append_only_and_durable(rec, data_dir: Path) -> None:
    store = NeedsResponses(rec.rdb)
    rid = store.record(SURVEY, {"years": "1", qid("Q11024", "confidence"): "2"}, KIOSK)
    conn = sqlite3.connect(data_dir / "records.db")
    try:
        for table in ("needs_responses", "needs_answers"):
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()
            assert "WITHOUT ROWID" in sql[0]
            columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
            assert not columns & {"profile_id", "participant_id", "at", "timestamp"}
        row = conn.execute("SELECT id, mode, day, version FROM needs_responses").fetchone()
        assert row[0] == rid and row[1] == "kiosk" and len(row[2]) == 10
        assert row[3] == SURVEY.version
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE needs_answers SET answer = '\"5\"'")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("DELETE FROM needs_responses")
    finally:
        conn.close()


@pytest.mark.parametrize(
    "answers",
    [
        {"nope": "1"},
        {qid("Q11024", "confidence"): "9"},
        {"years": ["1", "2"]},
        {"wish": "   "},
        {},
    ],
)
def test_a_bad_response_is_refused_and_nothing_is_stored(rec, answers) -> None:
    store = NeedsResponses(rec.rdb)
    store.record(SURVEY, {"years": "1"}, KIOSK)
    with pytest.raises(NeedsError):
        store.record_many(SURVEY, [{"years": "2"}, answers], PAPER)
    assert [r.answers for r in store.responses(SURVEY)] == [{"years": "1"}]


def test_an_item_that_is_not_a_needs_assessment_is_refused() -> None:
    item = needs_item()
    del item["needs_assessment"]
    with pytest.raises(NeedsError, match="is not a needs-assessment survey"):
        from_item("p", "1.0.0", item)

"""Done when (issue 13): 30 generated respondents answer the bundled survey through the real
kiosk (clicks and keys), 30 paper forms are typed into the grid (keys only), a file
exported from a second data folder is imported twice (the second adds nothing), and every
figure of the results is checked against a computation written here from the generated
answers; groups of fewer than 5 are hidden, with complementary suppression."""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import pytest
from needs_app_helpers import (
    KEY,
    NA,
    PIN,
    build_needs_pack,
    focused,
    needs_folder,
    open_ctx,
    respondents,
    type_keys,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kit.core.library import Library
from kit.core.needs import KIOSK, NeedsResponses
from kit.core.needs.exchange import export_responses
from kit.core.needs.installed import survey_of
from kit.core.needs.results import MODE_KEY, compute
from kit.core.records import Records

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(scope="module")
def needs_pack(tmp_path_factory) -> Path:
    return build_needs_pack(tmp_path_factory.mktemp("needs-pack"))


@pytest.fixture
def page(qtbot, data_dir: Path, needs_pack: Path):
    from kit.ui.needs.page import NeedsPage
    from kit.ui.operations.core import close_core

    ctx = open_ctx(qtbot, needs_folder(data_dir, needs_pack))
    view = NeedsPage(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.show()
    qtbot.waitUntil(lambda: view.collect.form is not None, timeout=20_000)
    yield view
    close_core(ctx)


# -- the kiosk ------------------------------------------------------------------------------
def start_kiosk(qtbot, collect):
    collect.start_kiosk()
    kiosk = collect.kiosk  # deleted when the facilitator leaves it
    qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.start_page)
    return kiosk


def kiosk_answer(qtbot, kiosk, answers: dict, by_keys: bool) -> None:
    with qtbot.waitSignal(kiosk.form_shown):
        qtbot.mouseClick(kiosk.start_button, LEFT)
    boxes = {b.question.id: b for b in kiosk.form.boxes}
    assert not any(
        b.buttons and any(x.isChecked() for x in b.buttons.values()) for b in boxes.values()
    )
    for qid, value in answers.items():
        box = boxes[qid]
        assert not box.isHidden(), qid  # its section opened when "Essential" was chosen
        if box.text is not None:
            qtbot.keyClicks(box.text, value)
        elif isinstance(value, list):
            for cid in value:
                qtbot.mouseClick(box.buttons[cid], LEFT)
        elif by_keys and box.question.kind == "likert":
            box.buttons[next(iter(box.buttons))].setFocus()
            qtbot.keyClick(box, "0" if value == NA else value)
            assert box.buttons[value].isChecked()
        else:
            qtbot.mouseClick(box.buttons[value], LEFT)
    shown = {b.question.id for b in boxes.values() if not b.isHidden()}
    assert shown == set(kiosk.form.shown()) and set(answers) <= shown
    with qtbot.waitSignal(kiosk.saved, timeout=20_000), qtbot.waitSignal(kiosk.start_shown):
        qtbot.keyClick(
            kiosk.form.send_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )


# -- the paper grid -------------------------------------------------------------------------
def grid_key(q, value) -> str:
    if value is None:
        return ""
    if q.kind == "likert":
        return "0" if value == NA else value
    if q.kind == "multiple":
        return "".join(str([c for c, _t in q.choices].index(v) + 1) for v in value)
    if q.kind == "single":
        return str([c for c, _t in q.choices].index(value) + 1)
    return value


def type_form(qtbot, entry, form, answers: dict) -> None:
    table = entry.table
    for q in form.questions:
        if q.id not in form.shown(answers):
            continue
        assert form.questions[table.currentColumn()].id == q.id, (table.currentRow(), answers)
        keys = grid_key(q, answers.get(q.id))
        type_keys(qtbot, keys, entry)
        if not keys or q.kind in ("multiple", "text"):
            qtbot.keyClick(focused(entry), Qt.Key.Key_Return)


# -- the independent computation ------------------------------------------------------------
def point(value) -> int | None:
    return int(value) if isinstance(value, str) and value != NA else None


def figures(form, answer_sets: list[dict]) -> dict[str, dict]:
    out = {}
    skills: dict[str, dict[str, str]] = {}
    for q in form.questions:
        rating = next((r for r in form.survey.ratings if r.id == q.id), None)
        if rating is not None:
            skills.setdefault(rating.skill, {})[rating.dimension] = q.id
    for skill, ids in skills.items():
        per = {}
        for dim, qid in ids.items():
            given = [point(a.get(qid)) for a in answer_sets]
            points = [p for p in given if p is not None]
            counts = Counter(points)
            na = sum(1 for a in answer_sets if a.get(qid) == NA)
            per[dim] = (
                len(points),
                tuple(counts[p] for p in range(1, 6)),
                na,
                statistics.mean(points) if points else None,
                statistics.median(points) if points else None,
            )
        pairs = [
            (point(a.get(ids["confidence"])), point(a.get(ids["importance"]))) for a in answer_sets
        ]
        pairs = [(c, i) for c, i in pairs if c is not None and i is not None]
        mwds = None
        if pairs:
            mean_i = statistics.mean(i for _c, i in pairs)
            mwds = statistics.mean(i - c for c, i in pairs) * mean_i
        out[skill] = {"dims": per, "pairs": pairs, "mwds": mwds}
    return out


def suppressed(sizes: dict[str, int]) -> set[str]:
    small = [g for g, n in sizes.items() if n < 5]
    if len(small) == 1 and len(sizes) > 1:
        others = sorted((n, g) for g, n in sizes.items() if g != small[0])
        small.append(others[0][1])
    return set(small)


def check_results(form, results, by_mode: dict[str, list[dict]]) -> None:
    everyone = [a for sets in by_mode.values() for a in sets]
    assert results.respondents == len(everyone)
    assert results.modes == {m: len(s) for m, s in by_mode.items()}
    want = figures(form, everyone)
    for s in results.skills:
        w = want[s.skill]
        assert s.n_both == len(w["pairs"])
        assert s.mwds == pytest.approx(w["mwds"]) if w["mwds"] is not None else s.mwds is None
        for dim in ("confidence", "importance"):
            got, (n, dist, na, mean, median) = getattr(s, dim), w["dims"][dim]
            assert (got.n, got.distribution, got.na) == (n, dist, na), (s.skill, dim)
            assert got.mean == pytest.approx(mean) and got.median == median
    scored = [k for k in want if want[k]["mwds"] is not None]
    ranked = sorted(scored, key=lambda k: -want[k]["mwds"])
    assert [s.skill for s in results.skills if s.mwds is not None] == ranked
    # by collection mode: every mode has 5 or more, so each is shown; cells per skill
    modes = next(c for c in results.comparisons if c.key == MODE_KEY)
    assert modes.groups == tuple(
        (label, len(by_mode[m])) for (label, _n), m in zip(modes.groups, by_mode, strict=True)
    )
    for result, cells in modes.rows:
        per_mode = {m: figures(form, sets)[result.skill]["pairs"] for m, sets in by_mode.items()}
        hidden = suppressed({m: len(p) for m, p in per_mode.items()})
        for cell, (m, pairs) in zip(cells, per_mode.items(), strict=True):
            assert cell.hidden == (m in hidden)
            if not cell.hidden:
                assert cell.n == len(pairs) >= 5
                i = statistics.mean(p[1] for p in pairs)
                assert cell.mwds == pytest.approx(i * (i - statistics.mean(p[0] for p in pairs)))
    # by years contributing: "I have not started yet" (2 people) is hidden, and so is the
    # next smallest group, else the total minus the others would give it away
    years = next(c for c in results.comparisons if c.key == "years")
    sizes = Counter(a.get("years", "__none__") for a in everyone)
    hidden = suppressed(dict(sizes))
    assert "5" in hidden and len(hidden) == 2
    q = form.question("years")
    order = [cid for cid, _t in q.choices if cid in sizes]
    assert [n for _label, n in years.groups] == [None if g in hidden else sizes[g] for g in order]
    for _result, cells in years.rows:
        assert all(c.hidden for c, g in zip(cells, order, strict=True) if g in hidden)
        assert all(c.n is None or c.n >= 5 for c in cells)


def test_thirty_by_kiosk_thirty_on_paper_and_a_file_imported_twice(
    qtbot, page, tmp_path: Path, needs_pack: Path
) -> None:
    from kit.ui.needs.collect import NeedsCollectView

    collect: NeedsCollectView = page.collect
    form = collect.form
    assert page.chosen() == KEY and form.version.startswith("1.0.0-")
    years = ["5", "5"] + ["1", "2", "3", "4"] * 7  # two who have not started yet
    kiosk_sets = respondents(form, 30, seed=1, years=years)
    assert sum(1 for a in kiosk_sets for q in a if q.startswith("imp-budgeting")) > 0

    kiosk = start_kiosk(qtbot, collect)
    for n, answers in enumerate(kiosk_sets):
        kiosk_answer(qtbot, kiosk, answers, by_keys=n % 2 == 1)
        assert kiosk.form is None  # the next respondent starts from a blank form
    qtbot.waitUntil(lambda: collect.counts.get(KIOSK) == 30, timeout=20_000)
    assert "30 responses so far" in kiosk.note.text() and "kiosk: 30" in kiosk.note.text()
    qtbot.keyClicks(kiosk.pin, "")
    kiosk.ask_pin()
    qtbot.keyClicks(kiosk.pin, PIN)
    with qtbot.waitSignal(kiosk.left, timeout=20_000):
        qtbot.keyClick(kiosk.pin, Qt.Key.Key_Return)

    paper_sets = respondents(form, 30, seed=2, years=["1", "2", "3", "4", "2"] * 6)
    collect.open_paper()
    entry = collect.paper
    qtbot.addWidget(entry)
    qtbot.waitExposed(entry)
    entry.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry.version)
    type_keys(qtbot, form.version, entry)
    qtbot.keyClick(entry.version, Qt.Key.Key_Return)
    assert entry.table.isEnabled()
    for answers in paper_sets:
        type_form(qtbot, entry, form, answers)
    assert entry.count.text() == "30 forms typed in, not saved yet"
    with qtbot.waitSignal(entry.saved_rows, timeout=20_000):
        qtbot.keyClick(entry.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: collect.counts.get("paper") == 30, timeout=20_000)

    there = needs_folder(tmp_path / "there", needs_pack, facilitator=False)
    imported_sets = respondents(form, 8, seed=3, years=["1", "2", "3", "4"] * 2)
    with Library(there) as lib, Records(there) as rec:
        survey = survey_of(lib, *KEY.split("/"))
        store = NeedsResponses(rec.rdb)
        store.record_many(survey, imported_sets, KIOSK)
        export_responses(store, survey, tmp_path / "there.json")
    for said in ("8 responses added.", "0 responses added. 8 were already here."):
        with qtbot.waitSignal(collect.said, timeout=20_000) as signal:
            collect.import_from([tmp_path / "there.json"])
        assert signal.args == [said]
    qtbot.waitUntil(lambda: collect.counts.get("imported") == 8, timeout=20_000)
    assert collect.summary.text() == "68 responses so far (kiosk: 30, paper: 30, imported: 8)"

    with Records(page.ctx.data) as rec:
        results = compute(form.survey, NeedsResponses(rec.rdb).responses(form.survey))
    check_results(
        form, results, {"kiosk": kiosk_sets, "paper": paper_sets, "imported": imported_sets}
    )

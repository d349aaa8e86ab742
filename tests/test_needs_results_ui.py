"""The needs-assessment results view (kit.ui.needs.results): the ranking a user reads,
hidden groups without figures, "Draft a workshop plan", Export… and Cancel."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from needs_results_helpers import (
    NEWCOMERS,
    SURVEY,
    WANTED,
    build_packs,
    expected_mwds,
    expected_ranking,
    seed,
    tagged_modules,
)
from PySide6.QtWidgets import QLabel, QTableWidget

import kit.i18n
from kit.core.library import Library
from kit.core.records import Records
from kit.core.skills.capx import skill as capx_skill
from kit.core.workshops import Workshops
from kit.ui.needs.results import export as exports
from kit.ui.needs.results.charts import DistributionView


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build_packs(tmp_path_factory.mktemp("packs"))


@pytest.fixture
def ctx(qapp, data_dir: Path, built) -> Iterator[Any]:
    from kit.ui.context import AppContext
    from kit.ui.runners.worker import Worker

    seeded = seed(data_dir, built)
    context = AppContext(data=seeded.data, worker=Worker())
    context.seeded = seeded

    def open_core() -> None:
        context.library = Library(seeded.data)
        context.records = Records(seeded.data)

    def close_core() -> None:
        for part in (context.services.library, context.services.records):
            if part is not None:
                part.close()

    try:
        context.worker.call(open_core)
        yield context
    finally:
        context.worker.call(close_core)
        context.worker.stop()
        kit.i18n.set_language("en")


@pytest.fixture
def view(qtbot, ctx, monkeypatch, tmp_path):
    from kit.ui.needs.results.view import ResultsView

    monkeypatch.setattr(exports, "ask_path", lambda parent, fmt, name: tmp_path / name)
    widget = ResultsView(ctx)
    qtbot.addWidget(widget)
    widget.show_survey(SURVEY)
    qtbot.waitUntil(lambda: widget.loaded is not None, timeout=20_000)
    return widget


def _table(view, key: str) -> QTableWidget:
    return view.content.findChild(QTableWidget, f"reportTable-{key}")


def _column(table: QTableWidget, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _label(key: str) -> str:
    found = capx_skill(key)
    return str(found.label) if found is not None else key


def test_the_view_ranks_the_skills_as_an_independent_computation_does(view, ctx) -> None:
    seeded = ctx.seeded
    ranking = expected_ranking(seeded.item, seeded.answers)
    scores = expected_mwds(seeded.item, seeded.answers)
    table = _table(view, "needs")
    assert _column(table, 1)[: len(ranking)] == [_label(s) for s in ranking]
    assert _column(table, 2)[: len(ranking)] == [f"{round(scores[s], 2):g}" for s in ranking]
    assert set(WANTED) <= set(ranking[:5])  # the priority skills
    assert view.content.findChild(QLabel, "respondents").text() == "38 respondents"
    # 8 on paper is enough to show; nothing was imported
    assert view.content.findChild(QLabel, "modes").text() == "Kiosk: 30 · Paper: 8"
    charts = view.content.findChildren(DistributionView)
    assert len(charts) == len(view.loaded.results.skills)
    assert "Confidence: 1:" in charts[0].accessibleName()
    assert view.draft_button.isEnabled() and view.export_button.isEnabled()
    modules = [w.text() for w in view.content.findChildren(QLabel, "teachingModule")]
    assert any("(pack: Getting started" in m for m in modules)


def test_a_group_of_fewer_than_five_shows_no_figures(view) -> None:
    years = _table(view, "by-years")
    headers = [years.horizontalHeaderItem(c).text() for c in range(years.columnCount())]
    hidden = [c for c, h in enumerate(headers) if h.endswith("(hidden)")]
    newcomers = next(c for c, h in enumerate(headers) if h.startswith("I have not started yet"))
    # the small group, and one more so that it cannot be worked out from the totals
    assert newcomers in hidden and len(hidden) == 2
    for column in hidden:
        assert set(_column(years, column)) == {"hidden"}
    assert str(NEWCOMERS) not in headers[newcomers]
    notes = [w.text() for w in view.content.findChildren(QLabel)]
    assert any(n.startswith("Hidden: a group of fewer than 5 respondents") for n in notes)


def test_draft_a_workshop_plan_holds_the_priority_skills_modules(qtbot, view, ctx) -> None:
    results = view.loaded.results
    priorities = [s.skill for s in results.priorities()]
    with Library(ctx.seeded.data) as lib:
        want = tagged_modules(lib, priorities)
    assert want  # the bundled packs teach some of them
    with qtbot.waitSignal(view.drafted, timeout=20_000) as made:
        view.draft_button.click()
    with Records(ctx.seeded.data) as records:
        shop = Workshops(records.rdb).get(made.args[0])
    items = [i for s in shop.sessions for i in s.items if i.kind == "pack"]
    assert [(i.pack_id, i.module_id) for i in items] == want
    assert shop.title == "Draft: skills workshop from Community skills needs assessment"
    assert [i.kind for i in shop.sessions[-1].items] == ["discussion"]  # the wrap-up
    assert all(s.overrun == 0 for s in shop.sessions if len(s.items) > 1)
    assert view.status.text() == (
        f"Made the workshop “{shop.title}”: open it in the Plan tab to change it."
    )


def _export(qtbot, view, key: str) -> Path:
    view.format.setCurrentIndex(view.format.findData(key))
    with qtbot.waitSignal(view.saved, timeout=30_000) as saved:
        view.export_button.click()
    assert view.bar.isHidden() and view.export_button.isEnabled()
    return Path(saved.args[0])


def test_export_writes_csv_markdown_and_wikitext(qtbot, view, ctx) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(qtbot, view, "csv").read_text())))
    assert len(rows) == 38 and {r["mode"] for r in rows} == {"kiosk", "paper"}
    md = _export(qtbot, view, "md")
    assert md.name == "Results - Community skills needs assessment.md"
    assert md.read_text().startswith("# Community skills needs assessment")
    assert "wikitable" in _export(qtbot, view, "wikitext").read_text()


def test_cancel_stops_the_export_and_saves_nothing(qtbot, view, monkeypatch, tmp_path) -> None:
    started, go = threading.Event(), threading.Event()
    write = exports.write_results_pdf

    def held(path, results, *, progress, cancelled):
        started.set()
        go.wait(20)
        return write(path, results, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(exports, "write_results_pdf", held)
    view.format.setCurrentIndex(view.format.findData("pdf"))
    view.export_button.click()
    try:
        qtbot.waitUntil(started.is_set, timeout=20_000)
        assert not view.bar.isHidden() and not view.export_button.isEnabled()
        view.cancel_button.click()
    finally:
        go.set()
    qtbot.waitUntil(lambda: view._job is None, timeout=20_000)
    assert view.status.text() == "Export cancelled: nothing was saved."
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.partial"))


def test_a_response_recorded_elsewhere_redraws_the_results(qtbot, view, ctx) -> None:
    from kit.ui.changes import Change
    from kit.ui.operations.op import Op

    def record() -> None:
        from kit.core.needs import KIOSK, NeedsResponses
        from kit.core.needs.installed import find_survey

        survey = find_survey(ctx.library, SURVEY)
        NeedsResponses(ctx.records.rdb).record(survey, {"imp-org": "5"}, KIOSK)

    Op(ctx, record, changes=Change.RECORDS).run()
    qtbot.waitUntil(
        lambda: view.content.findChild(QLabel, "respondents").text() == "39 respondents",
        timeout=20_000,
    )


def test_no_survey_chosen_disables_the_buttons(view) -> None:
    view.show_survey(None)
    assert not view.export_button.isEnabled() and not view.draft_button.isEnabled()
    assert view.heading.text() == "Choose a needs-assessment survey to see its results."

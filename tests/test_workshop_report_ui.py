"""The Report tab: the report as a view (figures, tables, charts), Export… in every
format off the GUI thread, Cancel, and a redraw after a check-in elsewhere."""

from __future__ import annotations

import csv
import io
import re
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtWidgets import QLabel, QTableWidget
from test_workshop_report import Scenario, expected, make_scenario

import kit.i18n
from kit.ui.workshop.report import export as exports
from kit.ui.workshop.report.chart import ChartView


@pytest.fixture
def ctx(qapp, data_dir: Path) -> Iterator[Any]:
    """A workshop context on its own worker, with the report scenario recorded."""
    from kit.core.library import Library
    from kit.core.paths import DataDir
    from kit.core.records import Records
    from kit.ui.context import AppContext
    from kit.ui.runners.worker import Worker

    data = DataDir(data_dir).ensure()
    context = AppContext(data=data, worker=Worker())

    def open_core() -> None:
        context.library = Library(data)
        context.records = Records(data)
        context.scenario = make_scenario(context.records, data_dir)

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
def page(qtbot, ctx, monkeypatch, tmp_path):
    from kit.ui.workshop.report.page import ReportPage

    monkeypatch.setattr(exports, "ask_path", lambda parent, fmt, name: tmp_path / name)
    widget = ReportPage(ctx)
    qtbot.addWidget(widget)
    widget.show_workshop(ctx.scenario.shop.id)
    qtbot.waitUntil(lambda: widget.report is not None, timeout=20_000)
    return widget


def _figure(page, key: str) -> str:
    return page.view.findChild(QLabel, f"figure-{key}").text()


def _column(table: QTableWidget, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_the_view_shows_the_figures_tables_and_charts(page, ctx) -> None:
    sc: Scenario = ctx.scenario
    want = expected(sc)
    assert page.heading.text() == "Report of “Wiki editing”"
    assert _figure(page, "participants") == str(want.participants)
    assert _figure(page, "new_editors") == str(want.new_editors)
    assert _figure(page, "returning_participants") == "3"
    assert _figure(page, "content") == "not recorded"
    sessions = page.view.findChild(QTableWidget, "reportTable-sessions")
    assert _column(sessions, 1) == [str(want.per_session[s.id]) for s in sc.shop.sessions]
    people = page.view.findChild(QTableWidget, "reportTable-participants")
    assert people.rowCount() == want.participants
    items = page.view.findChild(QTableWidget, "reportTable-items")
    first, second = sc.shop.sessions[0].items
    assert _column(items, 3)[:2] == [
        f"{round(want.actual[first.id], 1):g}",
        f"{round(want.actual[second.id], 1):g}",
    ]
    charts = page.view.findChildren(ChartView)
    assert len(charts) == 2 and "Day 1 09:00 Welcome: 4" in charts[0].accessibleName()
    assert page.export_button.isEnabled()


def _export(qtbot, page, key: str) -> Path:
    page.format.setCurrentIndex(page.format.findData(key))
    with qtbot.waitSignal(page.saved, timeout=20_000) as saved:
        page.export_button.click()
    assert page.bar.isHidden() and page.export_button.isEnabled()
    return Path(saved.args[0])


def test_export_writes_every_format_off_the_gui_thread(qtbot, page, ctx, monkeypatch) -> None:
    want = expected(ctx.scenario)
    drawn_on = []
    write = exports.write_report_pdf

    def watched(*args, **kw):
        drawn_on.append(threading.current_thread())
        return write(*args, **kw)

    monkeypatch.setattr(exports, "write_report_pdf", watched)
    pdf = _export(qtbot, page, "pdf")
    assert pdf.name == "Report - Wiki editing.pdf"
    assert drawn_on and drawn_on[0] is not threading.main_thread()
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages))
    assert f"Participants {want.participants} " in text
    assert f"Newly registered editors {want.new_editors} " in text
    zipped = _export(qtbot, page, "csv")
    with zipfile.ZipFile(zipped) as zf:
        rows = list(csv.DictReader(io.StringIO(zf.read("report-figures.csv").decode())))
    assert {r["Key"]: r["Value"] for r in rows}["participants"] == str(want.participants)
    wiki = _export(qtbot, page, "wikitext").read_text()
    assert wiki.count("{|") == wiki.count("|}") == 6
    assert f"| Participants || {want.participants} ||" in wiki
    md = _export(qtbot, page, "md").read_text()
    assert f"| Participants | {want.participants} |" in md
    names = _export(qtbot, page, "usernames")
    assert names.name.endswith(".usernames.txt") and names.read_text() == "anaw\nBenB\n"
    assert page.status.text() == f"Saved as {names}."


def test_cancel_stops_the_export_and_saves_nothing(qtbot, page, monkeypatch, tmp_path) -> None:
    started, go = threading.Event(), threading.Event()
    write = exports.write_report_pdf

    def held(path, report, *, progress, cancelled):
        started.set()
        go.wait(20)
        return write(path, report, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(exports, "write_report_pdf", held)
    page.format.setCurrentIndex(page.format.findData("pdf"))
    page.export_button.click()
    try:
        qtbot.waitUntil(started.is_set, timeout=20_000)
        assert not page.bar.isHidden() and not page.export_button.isEnabled()
        page.cancel_button.click()
    finally:
        go.set()
    qtbot.waitUntil(lambda: page._job is None, timeout=20_000)
    assert page.status.text() == "Export cancelled: nothing was saved."
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.partial"))


def test_a_file_that_cannot_be_written_is_one_sentence(qtbot, page, monkeypatch, tmp_path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    missing = tmp_path / "a-file" / "report.md"
    monkeypatch.setattr(exports, "ask_path", lambda parent, fmt, name: missing)
    page.format.setCurrentIndex(page.format.findData("md"))
    page.export_button.click()
    qtbot.waitUntil(lambda: "could not be saved" in page.status.text(), timeout=20_000)
    assert page.status.text().endswith("Choose another folder.") and not missing.exists()


def test_a_check_in_elsewhere_redraws_the_report(qtbot, page, ctx) -> None:
    from kit.ui.operations import attendance

    sc = ctx.scenario
    want = expected(sc)
    op = attendance.check_in(ctx, sc.shop.id, sc.shop.sessions[0].id, sc.names["Chen"])
    op.run()
    qtbot.waitUntil(
        lambda: _figure(page, "participants") == str(want.participants + 1), timeout=20_000
    )


def test_no_workshop_chosen_disables_export(qtbot, page) -> None:
    page.show_workshop(None)
    assert not page.export_button.isEnabled()
    assert page.heading.text() == "Choose a workshop in the Plan tab to see its report."
    assert page.view.findChildren(QLabel) == []


def test_export_is_reachable_with_the_keyboard(qtbot, page, monkeypatch, tmp_path) -> None:
    from PySide6.QtCore import Qt

    asked = []
    monkeypatch.setattr(exports, "ask_path", lambda parent, fmt, name: asked.append(fmt.key))
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # shortcuts reach the active window only
    qtbot.keyClick(page.format, Qt.Key.Key_Down)  # the next format: CSV
    assert page.format.nextInFocusChain() is page.export_button  # Tab from the format
    assert page.export_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(page.export_button, Qt.Key.Key_Space)
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(asked) == 2)  # a button's shortcut clicks it animated
    assert asked == ["csv", "csv"]  # ask_path said "changed my mind": nothing written
    assert page._job is None and not list(tmp_path.glob("Report*"))

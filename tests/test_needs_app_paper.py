"""The Needs tab's printout (read back with pypdf), the paper grid's refusals, Undo and
greyed-out sections, and the kiosk that only a facilitator's PIN closes."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pypdf
import pytest
from needs_app_helpers import PIN, build_needs_pack, focused, needs_folder, open_ctx, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

K = Qt.Key


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


def responses(page) -> list[sqlite3.Row]:
    conn = sqlite3.connect(page.ctx.services.data.records_db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM needs_responses").fetchall()
    finally:
        conn.close()


def words(text: str) -> str:
    """The text as a reader sees it: ligatures undone, any run of spaces one space."""
    text = text.replace("ﬁ", "fi").replace("ﬂ", "fl").replace("**", "")
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_printed_survey_has_every_question_and_label_and_the_code_on_every_page(
    qtbot, page, tmp_path: Path, language: str
) -> None:
    from kit.ui.needs.printout import survey_html

    collect = page.collect
    page.choose(page.chosen(), language)
    qtbot.waitUntil(
        lambda: collect.form is not None and collect.form.language == language, timeout=20_000
    )
    form = collect.form
    path = tmp_path / f"survey-{language}.pdf"
    with qtbot.waitSignal(collect.printed, timeout=60_000):
        collect.print_to(path)
    pages = [words(p.extract_text()) for p in pypdf.PdfReader(path).pages]
    assert len(pages) > 2
    for number, text in enumerate(pages, start=1):
        assert form.version in text, number
        assert f"Page {number}" in text or language != "en"
    if language == "ar":
        assert '<div dir="rtl"' in survey_html(form)
        return  # pypdf reads Arabic shaped glyphs; the English run checks every text
    whole = " ".join(pages)
    for q in form.questions:
        assert words(q.prompt) in whole, q.id
        for _cid, label in q.choices:
            assert words(label) in whole, (q.id, label)
    assert "Answer this section only if you answered “Essential” to question 3." in whole
    assert collect.status.text() == f"Saved {path}."


def test_a_print_cancelled_leaves_no_file(qtbot, page, tmp_path: Path) -> None:
    collect = page.collect
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "survey.pdf"
    collect.print_to(path)
    collect.cancel()
    qtbot.waitUntil(lambda: collect._run is None, timeout=60_000)
    assert collect.status.text() in ("Cancelled: nothing was written.", f"Saved {path}.")
    if collect.status.text().startswith("Cancelled"):
        assert list(path.parent.iterdir()) == []  # no partial file either


def open_grid(qtbot, page):
    collect = page.collect
    collect.open_paper()
    entry = collect.paper
    qtbot.addWidget(entry)
    qtbot.waitExposed(entry)
    entry.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry.version)
    return entry


def test_forms_of_another_version_are_refused_in_one_sentence(qtbot, page) -> None:
    entry = open_grid(qtbot, page)
    type_keys(qtbot, "0.9.0-abcdef", entry)
    with qtbot.waitSignal(entry.refused) as said:
        qtbot.keyClick(entry.version, K.Key_Return)
    assert said.args[0] == (
        "These forms are version 0.9.0-abcdef, not "
        f"{entry.form.version}: type them in with the survey they were printed from."
    )
    assert not entry.table.isEnabled()


def start_typing(qtbot, entry) -> None:
    type_keys(qtbot, entry.form.version, entry)
    qtbot.keyClick(entry.version, K.Key_Return)
    assert entry.table.isEnabled() and focused(entry) is entry.table


def column(entry, qid: str) -> int:
    return [q.id for q in entry.form.questions].index(qid)


def test_a_cell_that_is_not_an_answer_is_one_sentence_and_nothing_is_saved(qtbot, page) -> None:
    entry = open_grid(qtbot, page)
    start_typing(qtbot, entry)
    type_keys(qtbot, "21", entry)  # years: 2, roles: 1 (then Enter)
    qtbot.keyClick(entry.table, K.Key_Return)
    type_keys(qtbot, "5", entry)  # imp-org: Essential
    type_keys(qtbot, "7", entry)  # conf-org: there is no point 7
    with qtbot.waitSignal(entry.refused) as said:
        qtbot.keyClick(entry.table, K.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert said.args[0] == (
        "Form 1, question 4: “7” is not a point: type 1 to 5, or 0 for not relevant."
        " Nothing was saved."
    )
    assert (entry.table.currentRow(), entry.table.currentColumn()) == (0, 3)
    assert responses(page) == []
    assert entry.count.text() == "1 form typed in, not saved yet"  # kept, to be put right
    qtbot.keyClick(entry.table, K.Key_Backspace)
    type_keys(qtbot, "2", entry)
    with qtbot.waitSignal(entry.saved_rows, timeout=20_000):
        qtbot.keyClick(entry.table, K.Key_S, Qt.KeyboardModifier.ControlModifier)
    [row] = responses(page)
    assert row["mode"] == "paper" and row["version"] == entry.form.version


def test_skipped_sections_are_greyed_out_and_passed_over(qtbot, page) -> None:
    entry = open_grid(qtbot, page)
    start_typing(qtbot, entry)
    table = entry.table
    budgeting = column(entry, "imp-budgeting")
    assert not table.is_asked(0, budgeting)
    assert table.item(0, budgeting).background().color().name() == "#d0d7de"
    type_keys(qtbot, "1", entry)
    qtbot.keyClick(table, K.Key_Return)  # roles: blank
    type_keys(qtbot, "5", entry)  # imp-org "Essential": its section opens
    assert table.is_asked(0, budgeting)
    for _n in range(13):  # the other group ratings, blank
        qtbot.keyClick(table, K.Key_Return)
    assert table.currentColumn() == budgeting  # the first question of the open section
    for _n in range(6):
        qtbot.keyClick(table, K.Key_Return)
    # the six other sections are closed: straight on to the closing free text
    assert table.currentColumn() == column(entry, "other-skills")


def test_undo_takes_back_the_last_form_before_saving(qtbot, page) -> None:
    entry = open_grid(qtbot, page)
    start_typing(qtbot, entry)
    table = entry.table
    for years in "12":
        type_keys(qtbot, years, entry)
        while table.currentRow() == table.rowCount() - 1 and table.currentColumn() != 0:
            qtbot.keyClick(table, K.Key_Return)
    assert entry.count.text() == "2 forms typed in, not saved yet"
    qtbot.keyClick(table, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entry.count.text() == "1 form typed in, not saved yet"
    with qtbot.waitSignal(entry.saved_rows, timeout=20_000) as saved:
        qtbot.keyClick(table, K.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [1] and len(responses(page)) == 1


def test_the_kiosk_is_left_only_with_the_facilitators_pin(qtbot, page) -> None:
    collect = page.collect
    collect.start_kiosk()
    kiosk = collect.kiosk
    qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.start_page)
    assert kiosk.isFullScreen()
    assert "0 responses so far" in kiosk.note.text()
    kiosk.close()  # a respondent's Alt+F4: the PIN is asked instead
    assert kiosk.isVisible() and kiosk.pages.currentWidget() is kiosk.pin_page
    qtbot.keyClicks(kiosk.pin, "0000")
    with qtbot.waitSignal(kiosk.pin_refused, timeout=20_000):
        qtbot.keyClick(kiosk.pin, K.Key_Return)
    assert kiosk.isVisible() and not kiosk.unlocked
    qtbot.keyClicks(kiosk.pin, PIN)
    with qtbot.waitSignal(kiosk.left, timeout=20_000):
        qtbot.keyClick(kiosk.pin, K.Key_Return)
    qtbot.waitUntil(lambda: collect.kiosk is None)

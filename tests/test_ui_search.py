"""The search page driven like a learner: results while typing, the real count, one row
per distinct lesson, compact rows, stubs after real text, and Back returns to the results."""

from __future__ import annotations

import pytest
from library_helpers import content, lesson, write_pack
from PySide6.QtCore import Qt
from ui_shell import add_profile, close, open_window, prepare, sign_in

REAL = (
    "Citations let readers check where a fact comes from. Add a citation after each "
    "sentence that states a fact, and prefer reliable published sources over blogs."
)
STUB = "> **Video: Citation tips**: watch online: <https://v.example/x>"


@pytest.fixture
def window(qtbot, data_dir, tmp_path):
    shared = lesson("shared", "Citation basics", REAL)
    stub = lesson("stub", "Video: Citation tips", STUB)
    many = [lesson(f"l{n:02}", f"Lesson {n}", f"Citation number {n}. " + REAL) for n in range(60)]
    packs = [
        write_pack(tmp_path / "a.kitpack", content("alpha", items=[stub, shared, *many])),
        write_pack(tmp_path / "b.kitpack", content("beta", items=[shared])),
    ]
    prepare(data_dir, packs)
    add_profile(data_dir, "Ana")
    win = open_window(qtbot, data_dir)
    win.resize(1024, 600)
    sign_in(qtbot, win, "Ana")
    yield win
    close(win)


def search(qtbot, win, query: str):
    win.search(query)
    page = win.pages["search"]
    qtbot.waitUntil(lambda: page.query == query and page.count.text() != "Searching…")
    return page


def test_the_count_is_every_match_and_says_what_is_shown(qtbot, window):
    page = search(qtbot, window, "citation")
    assert page.count.text() == "63 items found · showing the first 30"
    assert page.list.count() == 30
    page = search(qtbot, window, "basics")
    assert page.count.text() == "2 items found"  # both copies counted, listed once


def test_a_very_broad_search_says_more_than(qtbot, window, monkeypatch):
    from kit.core.library import search as core

    monkeypatch.setattr(core, "COUNT_AT_MOST", 10)
    page = search(qtbot, window, "citation")
    listed = 30 + sum(len(r["copies"]) for r in page.results)
    # Counting stopped early: at least as many as listed, and more.
    assert page.count.text() == f"More than {listed} items found · showing the first 30"


def test_a_lesson_in_two_packs_is_one_row(qtbot, window):
    page = search(qtbot, window, "basics")
    assert page.list.count() == 1
    row = page.row_widget(0)
    assert row.title.text() == "Citation basics"
    assert row.where.text() == "Lesson · Pack alpha · also in 1 other place"


def test_rows_are_compact(qtbot, window):
    page = search(qtbot, window, "citation")
    line = page.row_widget(0).title.fontMetrics().height()
    heights = {page.list.visualItemRect(page.list.item(n)).height() for n in range(10)}
    assert max(heights) <= 3 * line + 16  # two lines of text and a little space
    visible = [
        n
        for n in range(page.list.count())
        if page.list.viewport().rect().contains(page.list.visualItemRect(page.list.item(n)))
    ]
    assert len(visible) >= 8  # at 1024x600, with the toolbar above


def test_a_video_stub_comes_after_real_text(qtbot, window):
    page = search(qtbot, window, "citation tips")
    assert [r["item_id"] for r in page.results] == ["stub"]
    page = search(qtbot, window, "citation")
    ids = [r["item_id"] for r in page.results]
    assert "stub" not in ids  # 63 match: the stub is not among the best 30


def test_results_follow_typing_without_enter(qtbot, window, monkeypatch):
    from kit.ui.operations import search as ops

    asked = []
    real = ops.search
    monkeypatch.setattr(
        ops, "search", lambda ctx, q, *a, **k: (asked.append(q), real(ctx, q, *a, **k))[1]
    )
    page = search(qtbot, window, "zzz")
    asked.clear()
    page.field.clear()
    with qtbot.waitSignal(page.results_shown, timeout=5_000):
        qtbot.keyClicks(page.field, "basics")  # no Enter
    assert asked == ["basics"]  # one search once typing paused, not one per key
    assert [r["item_id"] for r in page.results] == ["shared"]
    assert page.heading.text() == "Results for “basics”"
    assert window.current == "search"


def test_back_from_a_result_returns_to_the_same_results_and_place(qtbot, window):
    page = search(qtbot, window, "citation")
    page.list.scrollToItem(page.list.item(25))
    scrolled = page.list.verticalScrollBar().value()
    assert scrolled > 0
    row = page.list.item(25)
    wanted = page.results[25]["item_id"]
    qtbot.mouseClick(
        page.list.viewport(), Qt.MouseButton.LeftButton, pos=page.list.visualItemRect(row).center()
    )
    qtbot.waitUntil(lambda: window.current == "reader")
    reader = window.pages["reader"]
    qtbot.waitUntil(lambda: reader.view is not None and reader.view.item["id"] == wanted)
    assert reader.header.back.text() == "← Results"
    qtbot.mouseClick(reader.header.back, Qt.MouseButton.LeftButton)
    assert window.current == "search"
    assert page.field.text() == "citation" and page.list.count() == 30
    assert page.list.verticalScrollBar().value() == scrolled
    # From the library the reader goes back to the library, as before.
    window.show_library()
    window.open_item("alpha", "l01")
    qtbot.waitUntil(lambda: reader.view.item["id"] == "l01")
    assert reader.header.back.text() == "← Library"
    qtbot.mouseClick(reader.header.back, Qt.MouseButton.LeftButton)
    assert window.current == "library"


def test_typing_in_the_toolbar_shows_results_without_enter(qtbot, window):
    assert window.current == "library"
    window.toolbar.search.setFocus()
    qtbot.waitUntil(window.toolbar.search.hasFocus)
    qtbot.keyClicks(window.toolbar.search, "basics")  # no Enter
    assert window.current == "search"
    page = window.pages["search"]
    qtbot.waitUntil(lambda: [r["item_id"] for r in page.results] == ["shared"], timeout=5_000)
    assert page.field.text() == "basics"
    assert window.toolbar.search.hasFocus()  # the learner goes on typing there

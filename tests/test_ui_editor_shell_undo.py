"""Trainer mode's window: Edit > Undo undoes the typing in the focused text box (else the
outline's last change) with a toolbar that does not shift, the problem count of a closed
pack stays away, and opening forms does not narrow the outline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_ui_editor_shell import LESSON, copy_source, idle, open_window, text_widget

QUIZ = "modules/learning/05-check.md"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return copy_source(tmp_path)


@pytest.fixture
def opened(qtbot, data_dir: Path, source: Path):
    yield from open_window(qtbot, data_dir, source)


def show(qtbot, window, rel: str) -> None:
    window.view.open_file(rel)
    qtbot.waitUntil(lambda: window.view.current_rel == rel, timeout=10_000)


def test_menu_undo_after_typing_undoes_the_typing(qtbot, opened) -> None:
    window = opened
    window.activateWindow()
    show(qtbot, window, LESSON)
    box = text_widget(window.view.editor)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=5_000)
    before = box.toPlainText()
    assert not window.acts["undo"].isEnabled()
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " More words")
    assert box.toPlainText() != before
    assert window.acts["undo"].isEnabled()
    window.acts["undo"].trigger()  # Edit > Undo, or the toolbar's button
    assert box.toPlainText() == before
    assert window.acts["redo"].isEnabled()
    window.redo()
    assert box.toPlainText().endswith("More words")


def test_the_toolbar_keeps_its_labels_and_tells_what_undo_would_undo(qtbot, opened) -> None:
    window = opened
    window.activateWindow()
    window.view.outline.setFocus()
    show(qtbot, window, "modules/learning/06-progress.md")
    window.view.outline.setFocus()
    window.delete_selected()
    qtbot.waitUntil(lambda: window.view.history.canUndo(), timeout=10_000)
    idle(qtbot, window)
    undo = window.acts["undo"]
    assert undo.isEnabled()
    assert undo.text() == "Undo"
    assert "Delete item" in undo.toolTip()
    assert window.acts["redo"].text() == "Redo"


def test_the_count_of_a_closed_pack_is_not_shown(qtbot, opened) -> None:
    window = opened
    view = window.view
    idle(qtbot, window)  # the first check is done
    held = []
    view.problems.check = held.append  # a check that is still running...
    view.problems.check_now()
    window.close_pack()
    assert window.count_label.text() == ""
    held[0]([])  # ... ends after the pack was closed
    assert window.count_label.text() == ""


def test_opening_forms_does_not_narrow_the_outline(qtbot, opened) -> None:
    window = opened
    window.resize(800, 600)
    qtbot.wait(50)
    width = window.view.outline.width()
    for rel in (QUIZ, "pack.yaml", LESSON):
        show(qtbot, window, rel)
        qtbot.wait(50)
        assert window.view.outline.width() == width


def test_an_item_added_after_a_middle_item_is_numbered_where_it_goes(qtbot, opened, source) -> None:
    window = opened
    show(qtbot, window, LESSON)  # 02-lessons.md selected in the outline
    window.add_item()  # a quiz, "Check yourself"
    added = lambda: "Check yourself" in [i.title for i in module(window).items]  # noqa: E731
    qtbot.waitUntil(added, timeout=10_000)
    names = [i.relpath.rsplit("/", 1)[1] for i in module(window).items]
    assert names[1:4] == ["02-lessons.md", "02a-check-yourself.md", "03-tour.md"]
    assert (source / "modules/learning/02a-check-yourself.md").is_file()
    assert (source / "modules/learning/03-tour.md").is_file()  # nothing renamed


def module(window):
    return window.view.outline_value.module("learning")

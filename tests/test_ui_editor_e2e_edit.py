"""Trainer mode on an existing pack (issue 16): the files on disk change only in the lines
the trainer edited and every other file keeps its bytes; keys typed in a file's editor
stay in that editor."""

from __future__ import annotations

import shutil

import pytest
from editor_e2e_helpers import (
    GETTING_STARTED,
    changed_lines,
    close_window,
    hashes,
    idle,
    make_window,
    open_editors,
    replace_words,
    text_box,
    type_answer,
    type_at_end,
)
from PySide6.QtCore import Qt

# -- an existing pack edited ----------------------------------------------------------------
LESSON = "modules/learning/02-lessons.md"
QUIZ = "modules/learning/05-check.md"


def test_editing_a_pack_changes_only_the_edited_lines(
    qtbot, data_dir, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from kit.ui.editor.markdown.editor import MarkdownEditor
    from kit.ui.editor.metadata.pack_form import PackMetaEditor
    from kit.ui.editor.questions.quiz_form import QuizEditor

    source = tmp_path / "getting-started"
    shutil.copytree(GETTING_STARTED, source)
    before = hashes(source)
    texts = {rel: (source / rel).read_text("utf-8") for rel in (LESSON, QUIZ, "pack.yaml")}
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kw: str(source))
    )
    window = make_window(qtbot, data_dir)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.mouseClick(window.start.open_button, Qt.MouseButton.LeftButton)
    outline = window.view.outline

    # A lesson: a few words typed over others.
    outline.setFocus()
    outline.select("item", LESSON)
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=20_000)
    qtbot.waitUntil(lambda: isinstance(window.view.editor, MarkdownEditor), timeout=20_000)
    replace_words(qtbot, text_box(window.view.editor), "about one subject", "about one topic")

    # A quiz: one answer's text, in the form.
    outline.select("item", QUIZ)
    qtbot.waitUntil(lambda: isinstance(window.view.editor, QuizEditor), timeout=20_000)
    form = window.view.editor
    row = form.list.visualItemRect(form.list.item(1)).center()
    qtbot.mouseClick(form.list.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert form.list.currentRow() == 1
    answers = form.panel.answers
    game = [r.text(0) for r in answers.rows()].index("Game")
    type_answer(qtbot, answers, game, "Board game")

    # The pack's title, in the pack's details.
    window.acts["pack_details"].trigger()
    qtbot.waitUntil(lambda: isinstance(window.view.editor, PackMetaEditor), timeout=20_000)
    title = window.view.editor.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Getting started with the Training Kit")
    window.acts["save"].trigger()
    idle(qtbot, window)
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=20_000)
    close_window(window)

    after = hashes(source)
    assert set(after) == set(before)  # nothing added, nothing removed
    changed = sorted(rel for rel in before if after[rel] != before[rel])
    assert changed == sorted([LESSON, QUIZ, "pack.yaml"])
    now = {rel: (source / rel).read_text("utf-8") for rel in changed}
    lesson_line = next(line for line in texts[LESSON].split("\n") if "about one subject" in line)
    assert changed_lines(texts[LESSON], now[LESSON]) == [
        "-" + lesson_line,
        "+" + lesson_line.replace("about one subject", "about one topic"),
    ]
    assert changed_lines(texts[QUIZ], now[QUIZ]) == ["-- [ ] Game", "+- [ ] Board game"]
    assert changed_lines(texts["pack.yaml"], now["pack.yaml"]) == [
        "-title: Getting started with Training Kit",
        "+title: Getting started with the Training Kit",
    ]


# -- keys inside the forms (the window's shortcuts must not take them) -----------------------


@pytest.fixture
def quiz_open(qtbot, data_dir, tmp_path):
    from kit.ui.editor.questions.quiz_form import QuizEditor

    source = tmp_path / "getting-started"
    shutil.copytree(GETTING_STARTED, source)
    window = make_window(qtbot, data_dir)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        window.open_at(source)
    window.view.outline.select("item", QUIZ)
    qtbot.waitUntil(lambda: isinstance(window.view.editor, QuizEditor), timeout=20_000)
    yield window, window.view.editor, source
    close_window(window)


def test_f2_in_the_answers_edits_the_answer(qtbot, quiz_open) -> None:
    _window, form, _source = quiz_open
    form.list.setCurrentRow(1)
    tree = form.panel.answers.tree
    tree.setCurrentItem(form.panel.answers.rows()[0], 0)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    assert open_editors(tree), "F2 did not open the answer for editing"


def test_alt_up_in_the_question_list_moves_the_question(qtbot, quiz_open) -> None:
    window, form, _source = quiz_open
    before = [i.relpath for m in window.view.outline_value.modules for i in m.items]
    form.list.setFocus()
    form.list.setCurrentRow(2)
    qtbot.keyClick(form.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    idle(qtbot, window)
    assert [i.relpath for m in window.view.outline_value.modules for i in m.items] == before
    assert form.list.currentRow() == 1


def test_delete_in_the_question_list_deletes_the_question(qtbot, quiz_open) -> None:
    _window, form, _source = quiz_open
    count = form.list.count()
    form.list.setFocus()
    form.list.setCurrentRow(0)
    qtbot.keyClick(form.list, Qt.Key.Key_Delete)
    assert form.list.count() == count - 1


def test_undo_and_delete_typed_in_a_text_stay_in_the_text(qtbot, data_dir, tmp_path) -> None:
    from kit.ui.editor.markdown.editor import MarkdownEditor
    from kit.ui.editor.metadata.pack_form import PackMetaEditor

    source = tmp_path / "getting-started"
    shutil.copytree(GETTING_STARTED, source)
    before = hashes(source)
    window = make_window(qtbot, data_dir)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        window.open_at(source)
    window.view.outline.select("item", LESSON)
    qtbot.waitUntil(lambda: isinstance(window.view.editor, MarkdownEditor), timeout=20_000)
    original = window.view.editor.current_text()
    box = text_box(window.view.editor)
    type_at_end(qtbot, box, "Oops")
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.view.editor.current_text() == original
    window.acts["pack_details"].trigger()
    qtbot.waitUntil(lambda: isinstance(window.view.editor, PackMetaEditor), timeout=20_000)
    title = window.view.editor.title
    title.setFocus()
    title.setCursorPosition(0)
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    assert title.text() == "etting started with Training Kit"
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == "Getting started with Training Kit"
    idle(qtbot, window)
    assert [m.dir for m in window.view.outline_value.modules] == ["learning", "teaching"]
    close_window(window)
    assert hashes(source) == before

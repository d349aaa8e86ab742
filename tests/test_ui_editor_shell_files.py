"""Trainer mode's window and the files: autosave writes only what was edited, the journal
brings back what a crash or kill left unsaved, problems are found as the person types."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from tests.test_ui_editor_shell import (
    LESSON,
    FakeAsk,
    copy_source,
    files_of,
    idle,
    make_window,
    open_window,
    text_widget,
)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return copy_source(tmp_path)


@pytest.fixture
def opened(qtbot, data_dir: Path, source: Path):
    yield from open_window(qtbot, data_dir, source)


def test_autosave_writes_only_the_edited_file(qtbot, opened, source) -> None:
    window = opened
    before = files_of(source)
    window.view.open_file(LESSON)
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    assert LESSON in window.windowTitle()
    edit = text_widget(window.view.editor)
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    edit.insertPlainText("\nOne more line, typed in trainer mode.\n")
    assert window.isWindowModified()  # the dirty marker
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=10_000)  # saved when idle
    idle(qtbot, window)
    now = files_of(source)
    changed = {rel for rel in before if now.get(rel) != before[rel]}
    assert changed == {LESSON}
    assert set(now) == set(before)
    assert now[LESSON].decode("utf-8") == window.view.editor.current_text()
    assert "One more line, typed in trainer mode." in now[LESSON].decode("utf-8")


def test_ctrl_s_saves_at_once_and_switching_file_saves(qtbot, opened, source) -> None:
    window = opened
    window.view.open_file(LESSON)
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    text_widget(window.view.editor).insertPlainText("Saved with Ctrl+S. ")
    window.acts["save"].trigger()
    idle(qtbot, window)
    assert "Saved with Ctrl+S." in (source / LESSON).read_text(encoding="utf-8")
    text_widget(window.view.editor).insertPlainText("Saved on switching. ")
    window.acts["pack_details"].trigger()  # opens pack.yaml
    qtbot.waitUntil(lambda: window.view.current_rel == "pack.yaml", timeout=10_000)
    idle(qtbot, window)
    assert "Saved on switching." in (source / LESSON).read_text(encoding="utf-8")


def test_the_journal_keeps_a_text_and_a_new_window_offers_it_back(qtbot, data_dir, source) -> None:
    from kit.core.authoring.recovery import RecoveryJournal

    typed = (source / LESSON).read_text(encoding="utf-8") + "\nTyped before the crash.\n"
    RecoveryJournal(data_dir, source).record(LESSON, typed)  # then the editor was killed
    ask = FakeAsk(recover=True)
    window = make_window(qtbot, data_dir, ask)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.open_at(source)
    assert ask.asked_recover == [[LESSON]]
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    assert window.view.editor.current_text() == typed
    window.save()
    idle(qtbot, window)
    assert (source / LESSON).read_text(encoding="utf-8") == typed
    assert RecoveryJournal(data_dir, source).pending() == {}
    window.close()
    window.ctx.worker.stop()


def test_discarding_the_recovered_text_leaves_the_files(qtbot, data_dir, source) -> None:
    from kit.core.authoring.recovery import RecoveryJournal

    before = files_of(source)
    RecoveryJournal(data_dir, source).record(LESSON, "Not wanted.\n")
    window = make_window(qtbot, data_dir, FakeAsk(recover=False))
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.open_at(source)
    idle(qtbot, window)
    assert RecoveryJournal(data_dir, source).pending() == {}
    window.close()
    window.ctx.worker.stop()
    assert files_of(source) == before


def test_a_problem_is_listed_and_a_click_opens_its_file_at_the_line(
    qtbot, data_dir, source
) -> None:
    lesson = source / LESSON
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("type: lesson", "type: lessonx"))
    window = make_window(qtbot, data_dir)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.open_at(source)
    panel = window.view.problems
    qtbot.waitUntil(lambda: panel.table.topLevelItemCount() == 1, timeout=10_000)
    assert "lessonx" in panel.table.topLevelItem(0).text(3)
    assert window.count_label.text() == "1 error"
    panel.activate_row(0)
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    edit = text_widget(window.view.editor)
    if edit is not None and isinstance(edit, QPlainTextEdit):
        assert edit.textCursor().blockNumber() == 2  # line 3
    window.close()
    window.ctx.worker.stop()


def test_problems_follow_the_unsaved_text(qtbot, opened) -> None:
    window = opened
    window.view.open_file(LESSON)
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    assert window.view.problems.table.topLevelItemCount() == 0
    edit = text_widget(window.view.editor)
    edit.setPlainText(window.view.editor.current_text().replace("type: lesson", "type: nope"))
    qtbot.waitUntil(lambda: window.view.problems.table.topLevelItemCount() == 1, timeout=10_000)


def test_a_new_pack_from_the_template_and_the_recent_list(qtbot, data_dir, tmp_path) -> None:
    window = make_window(qtbot, data_dir)
    target = tmp_path / "my-pack"
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.create_at(target, "Water and health")
    assert (target / "pack.yaml").is_file()
    assert window.pack_title == "Water and health"
    assert "Water and health" in window.windowTitle()
    from kit.ui.editor.menus import addon

    for name in ("build", "export", "publish", "translate"):  # editor-pub's, when installed
        assert window.acts[name].isEnabled() == (addon(name) is not None)
    assert window.acts["save"].isEnabled() and window.acts["add_item"].isEnabled()
    window.close_pack()
    qtbot.waitUntil(lambda: window.start.recent.count() == 1, timeout=10_000)
    assert str(target.resolve()) in window.start.recent.item(0).text()
    window.close()
    window.ctx.worker.stop()


def test_a_folder_that_is_no_pack_source_says_so(qtbot, data_dir, tmp_path) -> None:
    window = make_window(qtbot, data_dir)
    window.open_at(tmp_path)
    qtbot.waitUntil(lambda: "pack.yaml" in window.start.message.text(), timeout=10_000)
    assert window.view is None
    window.close()
    window.ctx.worker.stop()


def test_typing_reaches_the_journal_before_the_file_and_survives_a_kill(
    qtbot, data_dir, source
) -> None:
    from kit.core.authoring.recovery import RecoveryJournal

    before = files_of(source)
    window = make_window(qtbot, data_dir)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.open_at(source)
    window.view.autosave.save_timer.setInterval(60_000)  # the person types on: no pause
    window.view.open_file(LESSON)
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    text_widget(window.view.editor).insertPlainText("Typed just before the power cut. ")
    typed = window.view.editor.current_text()
    journal = RecoveryJournal(data_dir, source)
    qtbot.waitUntil(lambda: journal.pending() == {LESSON: typed}, timeout=10_000)
    assert files_of(source) == before  # not saved yet: only the journal has it
    window.view.autosave.stop()  # killed: nothing more is written
    window.view.autosave.unsaved.clear()
    window.close()
    window.ctx.worker.stop()
    ask = FakeAsk(recover=True)
    again = make_window(qtbot, data_dir, ask)
    with qtbot.waitSignal(again.opened, timeout=10_000):
        again.open_at(source)
    assert ask.asked_recover == [[LESSON]]
    qtbot.waitUntil(lambda: again.view.current_rel == LESSON, timeout=10_000)
    assert again.view.editor.current_text() == typed
    again.close()  # closing saves
    again.ctx.worker.stop()
    assert (source / LESSON).read_text(encoding="utf-8") == typed


def test_build_and_translate_open_editor_pubs_windows(qtbot, opened) -> None:
    from PySide6.QtWidgets import QDialog

    from kit.ui.editor.menus import addon

    if addon("build") is None or addon("translate") is None:
        pytest.skip("editor-pub's dialogs are not installed")
    window = opened
    window.acts["build"].trigger()
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(QDialog)), timeout=10_000
    )
    for dialog in window.findChildren(QDialog):
        dialog.reject()
    window.acts["translate"].trigger()
    assert window.translating is not None and window.translating.isVisible()
    window.translating.close()


def test_a_link_clicked_in_the_preview_opens_that_item(qtbot, opened) -> None:
    """The Markdown editor asks for another item (a link clicked in its preview): the
    window opens that file."""
    window = opened
    window.view.open_file(LESSON)
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    other = next(
        i.relpath for m in window.view.outline_value.modules for i in m.items if i.relpath != LESSON
    )
    with qtbot.waitSignal(window.view.file_shown, timeout=10_000) as shown:
        window.view.editor.open_requested.emit(other)
    assert shown.args == [other]
    assert window.view.current_rel == other

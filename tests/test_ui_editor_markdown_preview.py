"""The Markdown editor's preview: rendered on a thread of its own, links that open files."""

from __future__ import annotations

import threading

import pytest
from editor_md_helpers import added, ctx, env, source  # noqa: F401  (fixtures)
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from kit.core.authoring.project import PackProject
from kit.ui.editor.markdown.editor import MarkdownEditor
from kit.ui.operations import editor_preview
from kit.ui.operations.editor_project import save_file
from kit.ui.reader import browser as browser_module

LESSON = "modules/learning/01-profiles.md"
ACTIVITY = "modules/teaching/03-first-pack.md"


def open_editor(qtbot, env, rel: str = LESSON) -> MarkdownEditor:  # noqa: F811
    editor = MarkdownEditor(env)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    with qtbot.waitSignal(editor.preview_shown, timeout=10000):
        editor.load(rel, (env.root / rel).read_text("utf-8"))
    return editor


def type_at_end(editor: MarkdownEditor, words: str) -> None:
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClick(editor.text, Qt.Key.Key_Return)
    QTest.keyClicks(editor.text, words)


def click_words(editor: MarkdownEditor, words: str) -> None:
    """Click the middle of `words` in the preview, as a person would."""
    browser = editor.preview.browser
    found = browser.document().find(words)
    assert not found.isNull(), words
    browser.setTextCursor(found)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(found)
    middle = QTextCursor(found)
    middle.setPosition(found.selectionStart() + len(words) // 2)
    point = QPoint(browser.cursorRect(middle).left(), rect.center().y())
    QTest.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_a_save_completes_while_a_slow_preview_is_being_rendered(
    qtbot,
    env,  # noqa: F811
    source,  # noqa: F811
    monkeypatch,
) -> None:
    editor = open_editor(qtbot, env)
    started, release = threading.Event(), threading.Event()
    original = editor_preview.render_preview

    def slow_render(*args):
        started.set()
        release.wait(30)
        return original(*args)

    monkeypatch.setattr(editor_preview, "render_preview", slow_render)
    try:
        type_at_end(editor, "A slow zebra.")
        editor.refresh_preview()
        qtbot.waitUntil(started.is_set, timeout=10000)
        project = PackProject.open(source)
        saved: list[bool] = []
        save_file(env.ctx, project, LESSON, editor.current_text()).success(saved.append).run()
        qtbot.waitUntil(lambda: saved == [True], timeout=10000)
        assert (source / LESSON).read_text("utf-8").endswith("A slow zebra.")
        assert not release.is_set()  # the preview was still being rendered meanwhile
    finally:
        release.set()
    qtbot.waitUntil(lambda: "A slow zebra." in editor.preview.browser.toPlainText(), timeout=10000)


def test_an_editor_closed_while_its_preview_renders_is_not_called_back(
    qtbot,
    env,  # noqa: F811
    monkeypatch,
) -> None:
    editor = open_editor(qtbot, env)
    started, release = threading.Event(), threading.Event()
    done = threading.Event()
    original = editor_preview.render_preview

    def slow_render(*args):
        started.set()
        release.wait(30)
        try:
            return original(*args)
        finally:
            done.set()

    monkeypatch.setattr(editor_preview, "render_preview", slow_render)
    type_at_end(editor, "Gone.")
    editor.refresh_preview()
    qtbot.waitUntil(started.is_set, timeout=10000)
    editor.deleteLater()
    qtbot.waitUntil(lambda: not editor_alive(editor), timeout=10000)
    release.set()
    qtbot.waitUntil(done.is_set, timeout=10000)
    qtbot.wait(50)  # the answer arrives and finds nobody: nothing breaks


def editor_alive(editor: MarkdownEditor) -> bool:
    from shiboken6 import isValid

    return isValid(editor)


def test_clicking_a_link_to_another_item_asks_to_open_its_file(qtbot, env) -> None:  # noqa: F811
    editor = open_editor(qtbot, env)
    with qtbot.waitSignal(editor.open_requested, timeout=5000) as opened:
        click_words(editor, "how to read a lesson")
    assert opened.args == ["modules/learning/02-lessons.md"]


def test_a_web_link_opens_nothing_and_shows_its_address(qtbot, env, monkeypatch) -> None:  # noqa: F811
    def refuse(*_args):
        pytest.fail("no question, no browser: nothing leaves the computer")

    monkeypatch.setattr(browser_module, "confirm_external", refuse)
    editor = open_editor(qtbot, env)
    with qtbot.waitSignal(editor.preview_shown, timeout=10000):
        type_at_end(editor, "See [the map](https://example.org/map).")
    requested: list[str] = []
    editor.open_requested.connect(requested.append)
    click_words(editor, "the map")
    assert editor.notice.isVisible()
    assert editor.notice.text() == "https://example.org/map"
    assert requested == []


def test_an_edit_learners_do_not_see_keeps_the_preview_as_it_was(qtbot, env) -> None:  # noqa: F811
    editor = open_editor(qtbot, env, ACTIVITY)
    browser = editor.preview.browser
    browser.anchorClicked.emit(QUrl("kit-reveal:1"))
    assert "at least one right answer" in browser.toPlainText()
    lines = editor.current_text().split("\n")
    editor.jump_to(lines.index("hardest.") + 1)
    editor.text.moveCursor(QTextCursor.MoveOperation.EndOfLine)
    with qtbot.waitSignal(editor.preview_shown, timeout=10000):
        QTest.keyClicks(editor.text, " Smile.")  # in the facilitator notes
    assert "at least one right answer" in browser.toPlainText()  # still open
    assert "Smile." not in browser.toPlainText()


def test_a_link_in_a_translation_opens_the_translation_when_there_is_one(qtbot, env) -> None:  # noqa: F811
    editor = open_editor(qtbot, env, "translations/es/modules/learning/01-profiles.md")
    with qtbot.waitSignal(editor.preview_shown, timeout=10000):
        type_at_end(editor, "Luego: [la prueba](05-check.md).")
    with qtbot.waitSignal(editor.open_requested, timeout=5000) as opened:
        click_words(editor, "la prueba")
    assert opened.args == ["translations/es/modules/learning/05-check.md"]
    with qtbot.waitSignal(editor.open_requested, timeout=5000) as opened:
        click_words(editor, "leer una lección")  # not translated yet: the original
    assert opened.args == ["modules/learning/02-lessons.md"]

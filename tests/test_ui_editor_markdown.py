"""The Markdown editor: the file's text kept exact, a preview that is the learner's reader."""

from __future__ import annotations

from pathlib import Path

from editor_md_helpers import added, ctx, env, source  # noqa: F401  (fixtures)
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from kit.core.packformat.body import extract_notes
from kit.core.packformat.yamlio import split_front_matter
from kit.core.render import render_markdown
from kit.ui.editor.markdown.editor import MarkdownEditor, link_target
from kit.ui.editor.markdown.plain import PlainTextEditor
from kit.ui.editor.registry import editor_class
from kit.ui.operations.reader import labels

ACTIVITY = "modules/teaching/03-first-pack.md"
LESSON = "modules/learning/01-profiles.md"
SLIDES = "modules/learning/03-tour.md"


def open_editor(qtbot, env, rel: str, text: str | None = None) -> MarkdownEditor:  # noqa: F811
    editor = MarkdownEditor(env)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    with qtbot.waitSignal(editor.preview_shown, timeout=10000):
        editor.load(rel, text if text is not None else (env.root / rel).read_text("utf-8"))
    return editor


def test_the_registry_finds_both_editors() -> None:
    assert editor_class("markdown") is MarkdownEditor
    assert editor_class("text") is PlainTextEditor


def test_every_item_file_comes_back_byte_identical(qtbot, env, source) -> None:  # noqa: F811
    editor = MarkdownEditor(env)
    qtbot.addWidget(editor)
    texts = {p.relative_to(source).as_posix(): p.read_text("utf-8") for p in source.rglob("*.md")}
    texts["odd.md"] = (
        "\ufeff---\r\nid: odd\r\ntype: lesson\r\ntitle: Odd\r\n---\r\nA\u00a0B  \r\n\r\n"
    )
    texts["no-newline.md"] = "---\nid: x\ntype: lesson\ntitle:   Spaced   \n---\ntext"
    changes: list[int] = []
    editor.changed.connect(lambda: changes.append(1))
    for rel, text in texts.items():
        editor.load(rel, text)
        assert editor.current_text() == text, rel
    assert changes == []  # loading is not an edit


def test_an_edit_is_kept_with_the_files_line_endings_and_undo_returns_to_it(qtbot, env) -> None:  # noqa: F811
    editor = MarkdownEditor(env)
    qtbot.addWidget(editor)
    text = "---\r\nid: odd\r\ntype: lesson\r\ntitle: Odd\r\n---\r\nA\u00a0B\r\n"
    editor.load("odd.md", text)
    changes: list[int] = []
    editor.changed.connect(lambda: changes.append(1))
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor.text, "C")
    assert changes
    assert editor.current_text() == text + "C"
    editor.text.undo()
    assert editor.current_text() == text


def test_typing_changes_the_preview(qtbot, env) -> None:  # noqa: F811
    editor = open_editor(qtbot, env, LESSON)
    assert "Choose your profile" in editor.preview.browser.toPlainText()
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(editor.preview_shown, timeout=10000):
        QTest.keyClick(editor.text, Qt.Key.Key_Return)
        QTest.keyClicks(editor.text, "A zebra crossing the **road**.")
    shown = editor.preview.browser.toPlainText()
    assert "A zebra crossing the road." in shown
    assert "<strong>road</strong>" in editor.preview.preview.view.body_html
    # The picture the lesson shows comes from the source's media/ folder.
    assert "media/learning-path.svg" in editor.preview.browser.loaded_resources


def test_the_preview_renders_as_the_readers_function(qtbot, env) -> None:  # noqa: F811
    text = (env.root / ACTIVITY).read_text("utf-8")
    text = text.replace(
        "# Write a pack", "Area: $\\pi r^2$\n\n::: callout Tip\nBoxed.\n:::\n\n# Write a pack"
    )
    editor = open_editor(qtbot, env, ACTIVITY, text)
    _header, _line, body, _body_line = split_front_matter(text)
    learner_body, _notes = extract_notes(body)
    expected = render_markdown(learner_body, lang="en", labels=labels())
    view = editor.preview.preview.view
    assert view.body_html == expected
    shown = editor.preview.browser.toPlainText()
    assert "Show solution" in shown  # hidden until asked, as for a learner
    assert "at least one right answer" not in shown
    assert "Walk around and help pairs" not in shown  # facilitator notes never shown
    assert "Boxed." in shown and "Tip" in shown
    assert "formula" in editor.preview.browser.loaded_resources  # math drawn
    assert "45 minutes" in shown and "Paper and pens for planning" in shown
    # "Show solution" opens it, as in the reader.
    editor.preview.browser.anchorClicked.emit(QUrl("kit-reveal:1"))
    assert "at least one right answer" in editor.preview.browser.toPlainText()


def test_headings_and_header_keys_are_coloured(qtbot, env) -> None:  # noqa: F811
    editor = open_editor(qtbot, env, LESSON)
    lines = editor.current_text().split("\n")
    document = editor.text.document()
    heading = document.findBlockByNumber(lines.index("# Choose your profile"))
    key = document.findBlockByNumber(1)  # "id: choose-a-profile"
    plain = document.findBlockByNumber(lines.index("# Choose your profile") + 2)
    assert heading.layout().formats()[0].format.fontWeight() >= 600
    assert key.layout().formats()[0].length == len("id:")
    assert all(not f.format.fontWeight() > 400 for f in plain.layout().formats())


def test_a_slide_deck_previews_the_slide_under_the_cursor(qtbot, env) -> None:  # noqa: F811
    editor = open_editor(qtbot, env, SLIDES)
    slides = editor.preview.views["slides"]
    assert slides.counter.text() == "Slide 1 of 5"
    lines = editor.current_text().split("\n")
    library = lines.index("# The library") + 1
    editor.jump_to(library)
    assert editor.text.current_line() == library
    assert slides.counter.text() == "Slide 3 of 5"
    assert "The library" in editor.preview.browser.toPlainText()
    assert "Your profile" not in editor.preview.browser.toPlainText()


def test_a_broken_header_says_so_in_the_preview(qtbot, env) -> None:  # noqa: F811
    editor = open_editor(qtbot, env, LESSON, "---\nid: [\n---\nBody\n")
    assert editor.preview.currentWidget() is editor.preview.message
    assert "header" in editor.preview.message.text()


def test_jump_to_moves_the_cursor_to_the_line(qtbot, env) -> None:  # noqa: F811
    editor = open_editor(qtbot, env, LESSON)
    editor.jump_to(12)
    assert editor.text.textCursor().blockNumber() == 11
    assert editor.text.hasFocus() or not editor.isActiveWindow()


def test_the_plain_editor_keeps_the_text_and_jumps(qtbot, env) -> None:  # noqa: F811
    editor = PlainTextEditor(env)
    qtbot.addWidget(editor)
    text = "a: 1\r\nb:\u00a02\r\n"
    editor.load("pack.yaml", text)
    assert editor.current_text() == text
    changes: list[int] = []
    editor.changed.connect(lambda: changes.append(1))
    editor.jump_to(2)
    assert editor.text.textCursor().blockNumber() == 1
    QTest.keyClick(editor.text, Qt.Key.Key_End)
    QTest.keyClicks(editor.text, "3")
    assert changes and editor.current_text() == "a: 1\r\nb:\u00a023\r\n"


def test_unknown_kind_falls_back_to_markdown(tmp_path: Path) -> None:
    assert editor_class("nothing-yet") is MarkdownEditor


def test_a_translation_previews_in_its_language_with_the_originals_links(qtbot, env) -> None:  # noqa: F811
    rel = "translations/es/modules/learning/01-profiles.md"
    editor = open_editor(qtbot, env, rel)
    assert editor.preview.preview.view.lang == "es"
    assert "media/learning-path-es.svg" in editor.preview.browser.loaded_resources
    assert link_target(rel, "media/x.png") == "../../media/x.png"
    assert link_target("modules/learning/01-profiles.md", "modules/teaching/my file.md") == (
        "<../teaching/my file.md>"
    )

"""Pictures dropped on a lesson and links to other items, as a trainer inserts them."""

from __future__ import annotations

from pathlib import Path

from editor_md_helpers import added, ctx, env, source  # noqa: F401  (fixtures)
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kit.core.packformat.source import load_source
from kit.ui.editor.markdown import editor as editor_module
from kit.ui.editor.markdown.editor import MarkdownEditor

LESSON = "modules/learning/01-profiles.md"
BODY_LINE = 9  # the line after "# Choose your profile"


def open_editor(qtbot, env) -> MarkdownEditor:  # noqa: F811
    editor = MarkdownEditor(env)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    with qtbot.waitSignal(editor.preview_shown, timeout=10000):
        editor.load(LESSON, (env.root / LESSON).read_text("utf-8"))
    return editor


def picture(path: Path, width: int = 40, height: int = 30, colour: str = "red") -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))
    return path


def drop(editor: MarkdownEditor, path: Path | list[Path], line: int) -> None:
    """Drop files from the file manager at the start of a line of the text."""
    block = editor.text.document().findBlockByNumber(line - 1)
    rect = editor.text.blockBoundingGeometry(block).translated(editor.text.contentOffset())
    mime = QMimeData()
    paths = path if isinstance(path, list) else [path]
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(2, rect.top() + rect.height() / 2)
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    viewport = editor.text.viewport()
    for moving in (QDragEnterEvent, QDragMoveEvent):  # the file manager drags it over first
        QApplication.sendEvent(viewport, moving(point.toPoint(), *args))
    QApplication.sendEvent(viewport, QDropEvent(point, *args))


def describe(qtbot, editor: MarkdownEditor, words: str) -> None:
    qtbot.waitUntil(lambda: editor.alt_dialog is not None and editor.alt_dialog.isVisible())
    dialog = editor.alt_dialog
    assert not dialog.ok_button.isEnabled()  # a description is required
    QTest.keyClicks(dialog.field, words)
    assert dialog.ok_button.isEnabled()
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_a_dropped_picture_is_copied_described_and_inserted(qtbot, env, tmp_path, added) -> None:  # noqa: F811
    editor = open_editor(qtbot, env)
    photo = picture(tmp_path / "desktop" / "Rosa's Photo.png")
    lines = editor.current_text().split("\n")
    target_line = lines.index("## The first time") + 1
    drop(editor, photo, target_line)
    describe(qtbot, editor, "Rosa at the sign-in screen")
    syntax = "![Rosa at the sign-in screen](../../media/rosa-s-photo.png)"
    qtbot.waitUntil(lambda: syntax in editor.current_text())
    assert (env.root / "media" / "rosa-s-photo.png").read_bytes() == photo.read_bytes()
    assert added == ["media/rosa-s-photo.png"]
    assert editor.current_text().split("\n")[target_line - 1].startswith(syntax)
    # The preview shows it, from the pack's media/ folder.
    with qtbot.waitSignal(editor.preview_shown, timeout=10000):
        pass
    assert "media/rosa-s-photo.png" in editor.preview.browser.loaded_resources
    # The same picture again is used as it is; another one of that name gets its own.
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    drop(editor, photo, BODY_LINE)
    describe(qtbot, editor, "Again")
    qtbot.waitUntil(lambda: len(added) == 2)
    other = picture(tmp_path / "elsewhere" / "Rosa's Photo.png", colour="blue")
    drop(editor, other, BODY_LINE)
    describe(qtbot, editor, "Blue")
    qtbot.waitUntil(lambda: len(added) == 3)
    assert added[1:] == ["media/rosa-s-photo.png", "media/rosa-s-photo-2.png"]
    assert (env.root / "media" / "rosa-s-photo.png").read_bytes() == photo.read_bytes()
    assert (env.root / "media" / "rosa-s-photo-2.png").read_bytes() == other.read_bytes()
    text = editor.current_text()
    (env.root / LESSON).write_text(text, encoding="utf-8")
    assert load_source(env.root).report.errors == []


def test_a_huge_picture_is_made_smaller(qtbot, env, tmp_path, added) -> None:  # noqa: F811
    editor = open_editor(qtbot, env)
    huge = picture(tmp_path / "big.png", 4000, 1000, "green")
    drop(editor, huge, BODY_LINE)
    describe(qtbot, editor, "A green field")
    qtbot.waitUntil(lambda: added == ["media/big.png"])
    stored = QImage(str(env.root / "media" / "big.png"))
    assert (stored.width(), stored.height()) == (1920, 480)
    assert "smaller" in editor.notice.text() and editor.notice.isVisible()


def test_a_file_that_is_not_a_picture_is_refused(qtbot, env, tmp_path, added) -> None:  # noqa: F811
    editor = open_editor(qtbot, env)
    before = editor.current_text()
    fake = tmp_path / "notes.png"
    fake.write_text("this is not a picture", encoding="utf-8")
    media_before = sorted((env.root / "media").iterdir())
    drop(editor, fake, BODY_LINE)
    qtbot.waitUntil(lambda: editor.notice.isVisible())
    assert "notes.png is not a picture" in editor.notice.text()
    assert editor.alt_dialog is None
    assert sorted((env.root / "media").iterdir()) == media_before
    assert editor.current_text() == before and added == []


def test_cancelling_the_description_copies_nothing(qtbot, env, tmp_path, added) -> None:  # noqa: F811
    editor = open_editor(qtbot, env)
    drop(editor, picture(tmp_path / "cat.png"), BODY_LINE)
    qtbot.waitUntil(lambda: editor.alt_dialog is not None and editor.alt_dialog.isVisible())
    editor.alt_dialog.reject()
    qtbot.waitUntil(lambda: editor.alt_dialog is None)
    assert not (env.root / "media" / "cat.png").exists()
    assert added == [] and "cat.png" not in editor.current_text()


def test_insert_picture_asks_for_a_file(qtbot, env, tmp_path, added, monkeypatch) -> None:  # noqa: F811
    editor = open_editor(qtbot, env)
    chosen = picture(tmp_path / "chart.jpg")
    monkeypatch.setattr(editor_module, "choose_image_file", lambda parent: str(chosen))
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    QTest.mouseClick(editor.image_button, Qt.MouseButton.LeftButton)
    describe(qtbot, editor, "A chart")
    qtbot.waitUntil(lambda: added == ["media/chart.jpg"])
    assert editor.current_text().endswith("![A chart](../../media/chart.jpg)")


def test_ctrl_k_links_to_another_item_that_validation_accepts(qtbot, env) -> None:  # noqa: F811
    editor = open_editor(qtbot, env)
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    editor.text.setFocus()
    QTest.keySequence(editor.text, QKeySequence("Ctrl+K"))
    qtbot.waitUntil(lambda: editor.link_dialog is not None and editor.link_dialog.isVisible())
    dialog = editor.link_dialog
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert not any(LESSON in t for t in titles)  # not a link to itself
    QTest.keyClicks(dialog.filter, "pack of your")
    visible = [dialog.list.item(i) for i in range(dialog.list.count())]
    assert [e.text() for e in visible if not e.isHidden()] == [
        "Write a pack of your own  (modules/teaching/03-first-pack.md)"
    ]
    QTest.keyClick(dialog.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.link_dialog is None)
    text = editor.current_text()
    assert text.endswith("[Write a pack of your own](../teaching/03-first-pack.md)")
    editor.text.undo()  # one step, like any typing
    assert editor.current_text() == (env.root / LESSON).read_text("utf-8")
    editor.text.redo()
    assert editor.current_text() == text
    (env.root / LESSON).write_text(text, encoding="utf-8")
    loaded = load_source(env.root)
    assert loaded.report.errors == []
    lesson = next(
        i for m in loaded.content["modules"] for i in m["items"] if i["id"] == "choose-a-profile"
    )
    assert "(item:first-pack)" in lesson["body"]


def test_a_link_uses_the_selected_words(qtbot, env) -> None:  # noqa: F811
    editor = open_editor(qtbot, env)
    cursor = editor.text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\nSee the quiz now.")
    cursor.movePosition(QTextCursor.MoveOperation.Left, n=5)  # before " now."
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, 8)
    editor.text.setTextCursor(cursor)
    editor.ask_link()
    dialog = editor.link_dialog
    QTest.keyClicks(dialog.filter, "check")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: editor.link_dialog is None)
    assert editor.current_text().endswith("See [the quiz](05-check.md) now.")


def test_a_heavy_photo_saved_as_png_becomes_a_jpeg_under_the_limit(qapp, tmp_path) -> None:
    import os

    from kit.ui.operations.editor_media import MAX_BYTES, make_prepared, place_image

    noise = os.urandom(1400 * 1400 * 4)
    image = QImage(noise, 1400, 1400, QImage.Format.Format_RGB32).copy()
    path = tmp_path / "Field photo.png"
    assert image.save(str(path))
    assert path.stat().st_size > MAX_BYTES
    prepared = make_prepared(path)
    assert prepared.name == "field-photo.jpg" and prepared.resized
    assert len(prepared.data) < MAX_BYTES
    rel = place_image(tmp_path / "pack", prepared)
    assert rel == "media/field-photo.jpg"
    assert QImage(str(tmp_path / "pack" / rel)).size().width() == 1400


def test_an_svg_is_kept_as_it_is(qapp, tmp_path) -> None:
    from kit.ui.operations.editor_media import make_prepared

    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="300">'
        '<rect width="4000" height="300" fill="teal"/></svg>'
    )
    path = tmp_path / "Diagram.svg"
    path.write_text(svg, encoding="utf-8")
    prepared = make_prepared(path)
    assert (prepared.name, prepared.data, prepared.resized) == ("diagram.svg", svg.encode(), False)


def test_two_pictures_dropped_together_become_two_paragraphs(qtbot, env, tmp_path, added) -> None:  # noqa: F811
    editor = open_editor(qtbot, env)
    first, second = picture(tmp_path / "one.png"), picture(tmp_path / "two.bmp", colour="blue")
    drop(editor, [first, second], BODY_LINE)
    describe(qtbot, editor, "First")
    qtbot.waitUntil(lambda: len(added) == 1)
    describe(qtbot, editor, "Second")
    qtbot.waitUntil(lambda: len(added) == 2)
    line = editor.current_text().split("\n")[BODY_LINE - 1 :][:3]
    assert line[0] == "![First](../../media/one.png)"
    assert line[2] == "![Second](../../media/two.png)"  # a BMP becomes a PNG

"""The reader on small screens and with long texts: at 1024x600 (and the largest text)
the footer with Next and Mark as done stays on screen and the item scrolls; long quiz
answers wrap instead of being cut off; A-/A+ in the app are the Settings steps, saved."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import ui_reader_pack
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget
from ui_reader_pack import PACK_ID, ReaderEnv, RecordingServer, reader_context

from kit.core.packformat.build import build_pack
from kit.ui.pages import kinds

LONG_PACK = "A pack whose title goes on and on, " * 4
LONG_MODULE = "A module with a very long name about citations and sources " * 2
LONG_TITLE = "An item title long enough to need two or three lines in the header " * 2
LONG_ANSWER = (
    "Green, because on a clear day the light from the sun is scattered by the air and "
    "the leaves of the trees reflect it back, which is a long explanation that cannot fit "
    "on one line of a quiz card at any reasonable window width"
)
SHORT_SIDE = 600 - 70  # a 1024x600 screen less the toolbar and a window title bar


@pytest.fixture
def long_env(qapp, data_dir: Path, tmp_path: Path) -> Iterator[ReaderEnv]:

    server = RecordingServer()
    source = ui_reader_pack.write_source(tmp_path / "src", server.url("/remote.png"))
    replace = {
        "pack.yaml": ("title: Reading test pack", f"title: {LONG_PACK}"),
        "modules/basics/module.yaml": ("title: The basics", f"title: {LONG_MODULE}"),
        "modules/basics/04-quiz.md": ("- [ ] Green", f"- [ ] {LONG_ANSWER}"),
        "modules/basics/01-lesson.md": ("title: Welcome to the reader", f"title: {LONG_TITLE}"),
    }
    for rel, (old, new) in replace.items():
        path = source / rel
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    pack_file = build_pack(source, tmp_path / "dist")
    with reader_context(data_dir, pack_file, "Ana") as ctx:
        yield ReaderEnv(ctx, server, pack_file)
    server.close()


def inside(widget: QWidget, top: QWidget) -> bool:
    corner = widget.mapTo(top, QPoint(0, 0))
    return QRect(QPoint(0, 0), top.size()).contains(QRect(corner, widget.size()))


def open_small(qtbot, env: ReaderEnv, item_id: str, scale: float):
    from kit.ui.reader import ReaderPage

    env.ctx.text_scale = scale
    page = ReaderPage(env.ctx)
    qtbot.addWidget(page)
    page.resize(1024, SHORT_SIDE)
    page.show()
    with qtbot.waitSignal(page.item_shown, timeout=10_000):
        page.open_item(PACK_ID, item_id)
    return page


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("item_id", ["welcome", "deck", "pairs", "check", "feedback"])
def test_footer_stays_on_a_1024x600_screen(qtbot, long_env, item_id, scale):
    page = open_small(qtbot, long_env, item_id, scale)
    hint = page.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= SHORT_SIDE, hint
    assert page.size().toTuple() == (1024, SHORT_SIDE)  # nothing forced it larger
    for button in (page.footer.previous, page.footer.next):
        assert button.isVisible() and inside(button, page)
    if item_id in ("welcome", "pairs"):
        assert page.footer.done.isVisible() and inside(page.footer.done, page)
    assert inside(page.header.back, page) and inside(page.header.larger, page)
    assert page.header.crumbs.full_text().startswith(LONG_PACK.strip())


def test_long_lesson_and_quiz_scroll_between_header_and_footer(qtbot, long_env):
    page = open_small(qtbot, long_env, "check", 2.0)
    quiz = page.views["quiz"]
    bar = quiz.scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the questions scroll; the footer does not move
    quiz.scroll.ensureWidgetVisible(quiz.cards[-1].check_button)
    assert bar.value() > 0 and inside(page.footer.next, page)
    assert quiz.scroll.horizontalScrollBar().maximum() == 0  # nothing wider than the page


def test_long_answers_wrap_and_are_shown_whole(qtbot, long_env):
    page = open_small(qtbot, long_env, "check", 1.0)
    card = page.views["quiz"].cards[0]
    words = next(w for w in card.input.labels if w.text() == LONG_ANSWER)
    line = words.fontMetrics().height()
    assert words.wordWrap()
    assert words.height() >= 2 * line  # on several lines
    assert inside(words, card)  # not cut at the card's edge
    assert words.width() < words.fontMetrics().horizontalAdvance(LONG_ANSWER)
    # A click on the words chooses the answer, as on its button.
    button = next(b for _cid, b in card.input.buttons if b.accessibleName() == LONG_ANSWER)
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert button.isChecked() and card.check_button.isEnabled()


def test_text_size_from_the_reader_is_saved_and_named_in_settings(qtbot, data_dir, pack):
    from ui_shell import add_profile, close, open_window, prepare, sign_in

    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    window.open_item("getting-started", "check-learning")
    reader = window.pages[kinds.ReaderKind]
    qtbot.waitUntil(lambda: reader.view is not None)
    qtbot.mouseClick(reader.header.larger, Qt.MouseButton.LeftButton)
    assert window.ctx.text_scale == 1.15
    assert json.loads((data_dir / "settings.json").read_text())["text_scale"] == 1.15
    window.show_settings()
    dialog = window.settings_dialog
    assert dialog.size.currentText() == "Large"
    dialog._accept()  # OK keeps it (it used to save "Small")
    assert window.ctx.text_scale == 1.15
    assert json.loads((data_dir / "settings.json").read_text())["text_scale"] == 1.15
    close(window)

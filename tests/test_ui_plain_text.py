"""Text from a pack is shown as text: titles holding markup (`<b>`, `<img src=…>` naming a
local picture) appear literally in the reader, quizzes, surveys, search and the pack
panel, and the picture they name is never drawn (so never read)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from ui_reader_pack import reader_context

from kit.core.packformat.build import build_pack
from kit.core.packformat.scaffold import tiny_png
from kit.ui.widgets.plain import SANITIZED

PACK_ID = "hostile-text"


def hostile(word: str, picture: Path) -> str:
    return f'<b>{word}</b> <img src="{picture}"> <img src="/etc/hostname">'


def write_source(folder: Path, picture: Path) -> Path:
    title = lambda word: hostile(word, picture).replace('"', '\\"')  # noqa: E731
    files = {
        "pack.yaml": (
            f'id: {PACK_ID}\nversion: 1.0.0\ntitle: "{title("Pack")}"\n'
            f'description: "{title("About")}"\nlanguage: en\nlicense: CC-BY-4.0\n'
            "authors:\n  - name: Someone\nmodules:\n  - basics\n"
        ),
        "modules/basics/module.yaml": (
            f'id: basics\ntitle: "{title("Module")}"\nsummary: "{title("Summary")}"\n'
            "items:\n  - 01-lesson.md\n  - 02-quiz.md\n  - 03-survey.md\n"
        ),
        "modules/basics/01-lesson.md": (
            f'---\nid: lesson\ntype: lesson\ntitle: "{title("Lesson")}"\n---\nSome text.\n'
        ),
        "modules/basics/02-quiz.md": (
            f'---\nid: quiz\ntype: quiz\ntitle: "{title("Quiz")}"\n---\nA question.\n\n'
            "## q1: single\nPick one.\n\n- [x] <b>Right</b> <i>answer</i>\n"
            "- [ ] <b>Wrong</b> <i>answer</i>\n"
        ),
        "modules/basics/03-survey.md": (
            f'---\nid: survey\ntype: survey\ntitle: "{title("Survey")}"\n---\n'
            "## s1: single\nPick one.\n\n- <b>Yes</b> <i>indeed</i>\n- No\n"
        ),
    }
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def env(qapp, data_dir: Path, tmp_path: Path) -> Iterator[object]:

    picture = tmp_path / "red.png"
    picture.write_bytes(tiny_png(60, 60, (255, 0, 0)))
    pack_file = build_pack(write_source(tmp_path / "src", picture), tmp_path / "dist")
    with reader_context(data_dir, pack_file, "Ana") as ctx:
        ctx.picture = picture
        yield ctx


def red_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage()
    return sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if QColor(image.pixel(x, y)).red() > 200 and QColor(image.pixel(x, y)).green() < 60
    )


def assert_pack_text_is_plain(root: QWidget, words: list[str]) -> None:
    """Every label is plain text or sanitized HTML; the words appear with their markup;
    nothing red (the named picture) is drawn."""
    shown = []
    for label in root.findChildren(QLabel):
        if label.property(SANITIZED):
            assert label.textFormat() == Qt.TextFormat.RichText
            assert "<img" not in label.text() and "<b>Right" not in label.text()
        else:
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
        shown.append(label.text())
    shown += [b.text() for b in root.findChildren(QAbstractButton)]
    for word in words:
        assert any(f"<b>{word}</b> <" in text for text in shown), word
    assert red_pixels(root) == 0


def open_reader(qtbot, ctx, item_id: str):
    from kit.ui.reader import ReaderPage

    page = ReaderPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    with qtbot.waitSignal(page.item_shown, timeout=10_000):
        page.open_item(PACK_ID, item_id)
    return page


@pytest.mark.parametrize(
    ("item_id", "words"),
    [
        ("lesson", ["Pack", "Module", "Lesson"]),
        ("quiz", ["Quiz", "Right", "Wrong"]),
        ("survey", ["Survey", "Yes"]),
    ],
)
def test_reader_shows_pack_titles_literally(qtbot, env, item_id, words):
    page = open_reader(qtbot, env, item_id)
    assert page.header.title.text().startswith(
        f"<b>{words[-1] if item_id == 'lesson' else words[0]}"
    )
    assert_pack_text_is_plain(page, words)


def test_a_control_label_with_markup_would_draw_the_picture(qtbot, env):
    """The check above can fail: the same text in Qt's default mode draws the picture."""
    label = QLabel(hostile("Bold", env.picture))
    qtbot.addWidget(label)
    label.show()
    assert red_pixels(label) > 0


def test_completion_banner_shows_the_module_title_literally(qtbot, env):
    page = open_reader(qtbot, env, "lesson")
    page.banner.offer(str(page.view.module["title"]))
    assert "<b>Module</b> <img src=" in page.banner.text.text()
    assert page.banner.text.textFormat() == Qt.TextFormat.PlainText


def test_search_results_show_titles_literally(qtbot, env):
    from kit.ui.pages.search import SearchPage

    page = SearchPage(env)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    with qtbot.waitSignal(page.results_shown, timeout=10_000):
        page.search("Lesson")
    assert page.results
    assert_pack_text_is_plain(page, ["Lesson"])


def test_pack_panel_shows_titles_and_description_literally(qtbot, env):
    from kit.ui.operations.library import PackView
    from kit.ui.pages.pack_panel import PackPanel

    pack = env.worker.call(lambda: env.library.get_pack(PACK_ID))
    panel = PackPanel(PackView(pack))
    qtbot.addWidget(panel)
    panel.resize(900, 900)
    panel.show()
    panel.modules[0].show_items(True)
    assert_pack_text_is_plain(panel, ["Pack", "Module", "Lesson", "Quiz"])
    # Descriptions are Markdown: shown as the text they read as, marks and tags gone.
    texts = [label.text() for label in panel.findChildren(QLabel)]
    assert "About" in texts and "Summary" in texts


def test_pack_panel_shows_markdown_descriptions_as_text(qtbot):
    from kit.ui.operations.library import PackView
    from kit.ui.pages.pack_panel import PackPanel

    summary = "Learn **how to cite** with [the guide](https://example.org).\n\n- one\n- two"
    pack = {
        "id": "p",
        "title": "P",
        "description": "## Welcome\n\nA pack about `citations` & *sources*.",
        "modules": [{"id": "m", "title": "M", "summary": summary, "items": []}],
    }
    panel = PackPanel(PackView(pack))
    qtbot.addWidget(panel)
    texts = [label.text() for label in panel.findChildren(QLabel)]
    assert "Welcome\n\nA pack about citations & sources." in texts
    assert "Learn how to cite with the guide.\n\n• one\n• two" in texts
    assert not any(mark in text for text in texts for mark in ("**", "](", "##", "`"))
    from kit.ui.dialogs.pack_details import PackDetailsDialog

    details = PackDetailsDialog(pack)
    qtbot.addWidget(details)
    texts = [label.text() for label in details.findChildren(QLabel)]
    assert "Welcome\n\nA pack about citations & sources." in texts


def test_message_bar_and_progress_dialog_quote_titles_literally(qtbot, env):
    from kit.ui.dialogs.job import JobDialog
    from kit.ui.widgets.banner import MessageBar

    text = "Installed " + hostile("Pack", env.picture)
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.resize(900, 80)
    bar.show_message(text, "info")
    assert bar.label.text() == text
    assert_pack_text_is_plain(bar, ["Pack"])
    dialog = JobDialog(text, text)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_pack_text_is_plain(dialog, ["Pack"])


def test_a_quiz_intro_never_loads_a_picture_named_by_path(qtbot, env, tmp_path):
    """A pack made by hand (not by kit pack build) can name any file in its HTML."""
    from library_helpers import content, write_pack

    quiz = {"id": "pic", "type": "quiz", "title": "Pictures", "minutes": 1, "notes": "",
            "summary": "", "pass_mark": 50,
            "body": f'Look: <img src="{env.picture}" alt="a red square"> ![red]({env.picture})',
            "questions": [{"id": "q", "type": "single", "prompt": f"<img src='{env.picture}'>?",
                           "explanation": "", "choices": [{"id": "1", "text": "Yes",
                                                           "correct": True, "explanation": ""}]}]}  # fmt: skip
    path = write_pack(tmp_path / "pic.kitpack", content("pics", items=[quiz]))
    env.worker.call(lambda: env.library.install(path))
    from kit.ui.reader import ReaderPage

    page = ReaderPage(env)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    with qtbot.waitSignal(page.item_shown, timeout=10_000):
        page.open_item("pics", "pic")
    intro = page.views["quiz"].findChild(QLabel, "quizIntro")
    assert "[a red square]" in intro.text() and "<img" not in intro.text()
    assert red_pixels(page) == 0

"""Quizzes and surveys built in trainer mode's forms, as a trainer would: through the
widgets, never typing the file syntax; what they write validates and marks right."""

from __future__ import annotations

import difflib
import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QVBoxLayout, QWidget
from ui_reader_pack import reader_context

from kit.core import quiz as marking
from kit.core.authoring.questioncheck import read_as_learner
from kit.core.paths import DataDir
from kit.ui.context import AppContext, Services, Session
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.questions.quiz_form import QuizEditor
from kit.ui.editor.questions.survey_form import SurveyEditor
from kit.ui.editor.registry import editor_class
from kit.ui.reader.questions import ChoiceInput
from kit.ui.runners.worker import Worker

ROOT = Path(__file__).resolve().parents[1]
CHECK = ROOT / "content_packs/getting-started/modules/learning/05-check.md"
CHECK_REL = "modules/learning/05-check.md"
EMPTY_QUIZ = "---\nid: new-quiz\ntype: quiz\ntitle: New quiz\n---\n"
EMPTY_SURVEY = "---\nid: new-survey\ntype: survey\ntitle: New survey\n---\n"


@pytest.fixture
def env(data_dir: Path, tmp_path: Path):
    worker = Worker()
    ctx = AppContext(services=Services(DataDir(data_dir).ensure(), worker), session=Session())
    yield EditorEnv(root=tmp_path, ctx=ctx)
    worker.stop()


def make(qtbot, env, cls, rel: str, text: str):
    editor = cls(env)
    qtbot.addWidget(editor)
    editor.resize(1100, 760)
    editor.load(rel, text)
    editor.show()
    return editor


def add(qtbot, editor, qtype: str) -> None:
    """Pick the type in the "Add question" menu."""
    wanted = _(editor.type_labels[qtype])
    action = next(a for a in editor.add_button.menu().actions() if a.text() == wanted)
    with qtbot.waitSignal(editor.changed):
        action.trigger()


def _(text: str) -> str:
    from kit.i18n import _ as translate

    return translate(text)


def fill(qtbot, editor, prompt: str, answers: list[str], right: list[int]) -> None:
    panel = editor.panel
    with qtbot.waitSignal(editor.changed):
        panel.prompt.setPlainText(prompt)
    box = panel.answers
    while len(box.rows()) < len(answers):
        qtbot.mouseClick(box.add, Qt.MouseButton.LeftButton)
    for row, text in enumerate(answers):
        if box.rows()[row].text(0) != text:
            with qtbot.waitSignal(editor.changed):
                box.set_text(row, text)
    for row in right:
        box.set_right(row)


def test_the_registry_gives_the_question_forms() -> None:
    assert editor_class("quiz") is QuizEditor
    assert editor_class("survey") is SurveyEditor


def test_a_quiz_with_every_type_built_through_the_form_validates_and_marks_right(
    qtbot, env
) -> None:
    editor = make(qtbot, env, QuizEditor, "modules/m/quiz.md", EMPTY_QUIZ)
    assert editor.pass_mark.value() == 70
    editor.pass_mark.setValue(80)
    add(qtbot, editor, "single")
    fill(qtbot, editor, "Which colour is the sky?", ["Blue", "Green"], [])
    assert any("no correct answer" in m for m in editor.problems_shown)
    assert editor.panel.problems.isVisibleTo(editor)
    editor.panel.answers.set_right(0)
    editor.panel.answers.set_explanation(0, "Right: the air scatters blue.")
    assert editor.problems_shown == []
    add(qtbot, editor, "multiple")
    fill(qtbot, editor, "Which are fruits?", ["Apple", "Carrot", "Mango"], [0, 2])
    add(qtbot, editor, "truefalse")
    assert [r.text(0) for r in editor.panel.answers.rows()] == ["True", "False"]
    assert not editor.panel.answers.add.isVisibleTo(editor)
    fill(qtbot, editor, "The Earth goes round the Sun.", ["True", "False"], [0])
    with qtbot.waitSignal(editor.changed):
        editor.panel.explanation.setPlainText("One trip takes a year.")
    add(qtbot, editor, "short")
    fill(qtbot, editor, "What is the capital of Kenya?", ["Nairobi", "Mombasa"], [])
    editor.panel.answers.set_right(1, False)
    add(qtbot, editor, "order")
    fill(qtbot, editor, "Make tea.", ["Add the tea", "Boil water", "Wait"], [])
    editor.panel.answers.tree.setCurrentItem(editor.panel.answers.rows()[1])
    qtbot.mouseClick(editor.panel.answers.up, Qt.MouseButton.LeftButton)
    assert [r.text(0) for r in editor.panel.answers.rows()] == ["Boil water", "Add the tea", "Wait"]

    text = editor.current_text()
    item, problems = read_as_learner(text)
    assert problems == [] and item is not None
    assert "pass_mark: 80\n" in text and "1. Boil water\n2. Add the tea\n3. Wait\n" in text
    assert "- [x] Blue\n  Right: the air scatters blue.\n- [ ] Green\n" in text
    assert [q["type"] for q in item["questions"]] == [
        "single",
        "multiple",
        "truefalse",
        "short",
        "order",
    ]
    right = {"q1": "1", "q2": ["1", "3"], "q3": "1", "q4": "nairobi", "q5": ["1", "2", "3"]}
    assert marking.score(item["questions"], right) == 100.0
    assert not marking.is_correct(item["questions"][3], "Mombasa")
    assert marking.passed(item, right)


def test_changing_one_answer_of_a_bundled_quiz_changes_only_its_line(qtbot, env) -> None:
    original = CHECK.read_text(encoding="utf-8")
    editor = make(qtbot, env, QuizEditor, CHECK_REL, original)
    assert editor.list.count() == 5 and editor.pass_mark.value() == 60
    assert editor.current_text() == original
    lines = original.split("\n")
    editor.jump_to(lines.index("- [ ] Game") + 1)
    assert editor.list.currentRow() == 1
    with qtbot.waitSignal(editor.changed):
        editor.panel.answers.set_text(3, "Board game")
    diff = [
        line
        for line in difflib.unified_diff(lines, editor.current_text().split("\n"), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert diff == ["-- [ ] Game", "+- [ ] Board game"]


def test_moving_and_deleting_questions_from_the_list(qtbot, env) -> None:
    editor = make(qtbot, env, QuizEditor, CHECK_REL, CHECK.read_text(encoding="utf-8"))
    editor.list.setCurrentRow(4)
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(editor.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.list.currentRow() == 3
    ids = [q["id"] for q in read_as_learner(editor.current_text())[0]["questions"]]
    assert ids == ["own-profile", "item-kinds", "offline", "first-steps", "pin-name"]
    editor.duplicate_button.click()
    editor.delete_button.click()
    editor.list.setCurrentRow(0)
    editor.delete_button.click()
    item, problems = read_as_learner(editor.current_text())
    assert [q["id"] for q in item["questions"]] == [
        "item-kinds",
        "offline",
        "first-steps",
        "pin-name",
    ]
    assert [p for p in problems if not p.warning] == []


def test_a_survey_with_a_section_a_labelled_scale_na_and_attributes(qtbot, env) -> None:
    editor = make(qtbot, env, SurveyEditor, "modules/m/survey.md", EMPTY_SURVEY)
    assert not hasattr(editor, "pass_mark")
    add(qtbot, editor, "likert")
    labels = ["Not important", "Important", "Essential", "Don't know"]
    fill(qtbot, editor, "How important is **technology**?", labels, [])
    editor.panel.answers.set_na(3)
    attributes = editor.panel.attributes
    attributes.set_skill("Q11016")
    attributes.dimension.setCurrentIndex(attributes.dimension.findData("importance"))
    add(qtbot, editor, "section")
    with qtbot.waitSignal(editor.changed):
        editor.panel.prompt.setPlainText("A few more questions about technology.")
    editor.panel.attributes.set_condition("q1", ["3"])
    add(qtbot, editor, "text")
    assert not editor.panel.attributes.skill.isVisibleTo(editor)  # only a scale rates a skill
    assert editor.panel.attributes.condition.isVisibleTo(editor)
    with qtbot.waitSignal(editor.changed):
        editor.panel.prompt.setPlainText("What would you like to learn?")
    text = editor.current_text()
    assert (
        "## q1: likert {skill: Q11016, dimension: importance}\n"
        "How important is **technology**?\n\n"
        "- Not important\n- Important\n- Essential\n- Don't know {na: true}\n\n"
        '## q2: section {show_if: {question: q1, answer_in: ["3"]}}\n'
        "A few more questions about technology.\n\n"
        "## q3: text\nWhat would you like to learn?\n"
    ) in text
    item, problems = read_as_learner(text)
    assert problems == [] and item is not None
    assert item["questions"][1]["section"] == "q2"
    assert item["questions"][0]["choices"][3]["na"] is True


def test_a_part_written_by_hand_is_shown_as_text_and_kept(qtbot, env) -> None:
    text = EMPTY_QUIZ + "## odd heading\nSomething.\n\n## a: single\nPick.\n\n- [x] A\n- [ ] B\n"
    editor = make(qtbot, env, QuizEditor, "modules/m/quiz.md", text)
    editor.list.setCurrentRow(0)
    assert editor.panel.currentWidget() is editor.panel.raw_page
    assert "question heading must be" in editor.panel.raw_problems.text()
    editor.list.setCurrentRow(1)
    with qtbot.waitSignal(editor.changed):
        editor.panel.answers.set_text(1, "C")
    assert editor.current_text() == text.replace("- [ ] B", "- [ ] C")


def test_preview_shows_the_quiz_as_a_learner_sees_it_and_records_nothing(
    qtbot, data_dir, tmp_path, pack
) -> None:
    with reader_context(data_dir, pack) as ctx:  # a learner is signed in
        assert ctx.profile_id is not None
        env = EditorEnv(root=tmp_path, ctx=ctx)
        editor = make(qtbot, env, QuizEditor, CHECK_REL, CHECK.read_text(encoding="utf-8"))
        editor.preview_button.click()
        dialog = editor.preview_dialog
        qtbot.addWidget(dialog)
        assert dialog.isVisible()
        cards = dialog.view.cards
        assert [c.question["id"] for c in cards] == [
            "own-profile",
            "item-kinds",
            "offline",
            "pin-name",
            "first-steps",
        ]
        first = cards[0]
        assert isinstance(first.input, ChoiceInput)
        button: QAbstractButton = first.input.buttons[0][1]
        button.click()
        first.check_button.click()
        assert first.correct is True and first.feedback.isVisibleTo(dialog)
        assert "Right" in first.feedback.text()
        cards[3].input.edit.setText("pin")
        cards[3].check_button.click()
        assert cards[3].correct is True
        with sqlite3.connect(ctx.data.records_db) as conn:
            assert conn.execute("SELECT COUNT(*) FROM events").fetchone() == (0,)


def test_preview_of_a_survey(qtbot, env) -> None:
    text = (ROOT / "content_packs/getting-started/modules/teaching/04-feedback.md").read_text(
        encoding="utf-8"
    )
    editor = make(qtbot, env, SurveyEditor, "modules/teaching/04-feedback.md", text)
    editor.preview_button.click()
    dialog = editor.preview_dialog
    qtbot.addWidget(dialog)
    assert list(dialog.view.inputs) == ["useful", "role", "wanted", "comments"]


def test_changing_the_type_and_reordering_steps_by_keyboard_and_by_a_drop(qtbot, env) -> None:
    editor = make(qtbot, env, QuizEditor, "modules/m/quiz.md", EMPTY_QUIZ)
    add(qtbot, editor, "multiple")
    fill(qtbot, editor, "Put in order.", ["B", "A", "C"], [0, 1])
    panel = editor.panel
    with qtbot.waitSignal(editor.changed):
        panel.qtype.setCurrentIndex(panel.qtype.findData("order"))
    assert not panel.answers.ticked
    tree = panel.answers.tree
    tree.setCurrentItem(panel.answers.rows()[0])
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert "1. A\n2. B\n3. C\n" in editor.current_text()
    # What a drop does to the rows: C taken out and put first.
    with qtbot.waitSignal(editor.changed):
        tree.insertTopLevelItem(0, tree.takeTopLevelItem(2))
    assert "1. C\n2. A\n3. B\n" in editor.current_text()
    with qtbot.waitSignal(editor.changed):
        panel.qtype.setCurrentIndex(panel.qtype.findData("truefalse"))
    assert [r.text(0) for r in panel.answers.rows()] == ["True", "False"]
    assert read_as_learner(editor.current_text())[1] == []


BUNDLED = sorted(
    p
    for p in ROOT.glob("content_packs/*/modules/*/*.md")
    if re.search(r"^type: (quiz|survey)\s*$", p.read_text(encoding="utf-8"), re.M)
)


def test_every_bundled_quiz_and_survey_opens_and_browsing_changes_nothing(qtbot, env) -> None:
    quiz, survey = QuizEditor(env), SurveyEditor(env)
    edits: list[bool] = []
    for editor in (quiz, survey):
        qtbot.addWidget(editor)
        editor.changed.connect(lambda: edits.append(True))
    for path in BUNDLED:
        text = path.read_text(encoding="utf-8")
        editor = survey if "\ntype: survey" in text else quiz
        editor.load(path.name, text)
        for row in range(0, editor.list.count(), 3):  # every third: the test stays quick
            editor.list.setCurrentRow(row)
            assert editor.problems_shown == [], (path.name, row)
        assert editor.current_text() == text, path.name
    assert edits == []  # opening and looking is not editing


def test_the_form_explains_what_the_file_syntax_would_not(qtbot, env) -> None:
    editor = make(qtbot, env, QuizEditor, "modules/m/quiz.md", EMPTY_QUIZ)
    add(qtbot, editor, "single")
    fill(qtbot, editor, "Pick one:\n- this\n- or that", ["", "B"], [1])
    assert editor.problems_shown[:2] == [
        "The question text cannot hold a list: its first list line would start the answers.",
        "Answer 1 has no text.",
    ]
    assert editor.list.item(0).text().startswith("⚠")
    with qtbot.waitSignal(editor.changed):
        editor.panel.qid.textEdited.emit("bad id")
    assert editor.problems_shown[0].startswith("The id must start")


def test_a_ready_scale_fills_in_the_labels_and_the_na_choice(qtbot, env) -> None:
    editor = make(qtbot, env, SurveyEditor, "modules/m/survey.md", EMPTY_SURVEY)
    add(qtbot, editor, "likert")
    with qtbot.waitSignal(editor.changed):
        editor.panel.prompt.setPlainText("How important is budgeting?")
    scale = editor.panel.scale
    assert scale.isVisibleTo(editor)
    with qtbot.waitSignal(editor.changed):
        scale.setCurrentIndex(scale.findData("importance"))
        scale.activated.emit(scale.currentIndex())
    rows = editor.panel.answers.rows()
    assert [r.text(0) for r in rows][::5] == ["Not important", "Not relevant / don't know"]
    assert "- Essential\n- Not relevant / don't know {na: true}\n" in editor.current_text()
    assert read_as_learner(editor.current_text())[1] == []
    add(qtbot, editor, "text")
    assert not editor.panel.scale.isVisibleTo(editor)


def test_the_right_answer_is_ticked_from_the_keyboard(qtbot, env) -> None:
    editor = make(qtbot, env, QuizEditor, CHECK_REL, CHECK.read_text(encoding="utf-8"))
    tree = editor.panel.answers.tree
    tree.setFocus()
    tree.setCurrentItem(editor.panel.answers.rows()[1], 0)
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert "- [ ] Create their own profile\n" in editor.current_text()
    assert "- [x] Use the same profile, one after the other\n" in editor.current_text()


def test_not_applicable_is_ticked_with_the_mouse(qtbot, env) -> None:
    text = (ROOT / "content_packs/getting-started/modules/teaching/04-feedback.md").read_text(
        encoding="utf-8"
    )
    editor = make(qtbot, env, SurveyEditor, "modules/teaching/04-feedback.md", text)
    tree = editor.panel.answers.tree
    row = editor.panel.answers.rows()[2]
    rect = tree.visualItemRect(row)
    left = tree.header().sectionPosition(2)
    where = QPoint(left + 10, rect.center().y())
    with qtbot.waitSignal(editor.changed):
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert "- Not sure {na: true}\n" in editor.current_text()


def test_a_question_dragged_to_another_place(qtbot, env) -> None:
    editor = make(qtbot, env, QuizEditor, CHECK_REL, CHECK.read_text(encoding="utf-8"))
    model = editor.list.model()
    with qtbot.waitSignal(editor.changed):  # what a drop does: the last row moved first
        assert model.moveRow(QModelIndex(), 4, QModelIndex(), 0)
    qtbot.waitUntil(lambda: editor.list.item(0).text().startswith("1. Put the steps"))
    ids = [q["id"] for q in read_as_learner(editor.current_text())[0]["questions"]]
    assert ids == ["first-steps", "own-profile", "item-kinds", "offline", "pin-name"]


BROKEN_QUIZ = "---\nid: q\ntype: quiz\ntitle: [unclosed\n  : :\n---\n\n## Which? {#q1}\n"


def test_a_quiz_with_a_broken_header_is_shown_as_text_until_it_is_fixed(qtbot, env) -> None:
    editor = QuizEditor(env, None)
    qtbot.addWidget(editor)
    editor.show()
    editor.load("modules/m/01-quiz.md", BROKEN_QUIZ)
    assert editor.raw.isVisible() and not editor.form_page.isVisible()
    assert "not valid YAML" in editor.raw.reason.text()
    assert editor.current_text() == BROKEN_QUIZ
    edit = editor.raw.editor.text
    editor.jump_to(4)
    assert edit.textCursor().blockNumber() == 3
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(edit, Qt.Key.Key_End)
        qtbot.keyClicks(edit, "]")
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.Down)
    cursor.select(cursor.SelectionType.LineUnderCursor)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    typed = BROKEN_QUIZ.replace("[unclosed\n  : :\n", "[unclosed]\n\n")
    assert editor.current_text() == typed
    qtbot.waitUntil(lambda: editor.form_page.isVisible())
    assert not editor.raw.isVisible()
    assert editor.current_text() == typed
    assert editor.list.count() == 1


def test_tab_in_the_quiz_header_follows_the_screen(qtbot, env) -> None:
    editor = QuizEditor(env, None)
    qtbot.addWidget(editor)
    editor.load("modules/m/01-quiz.md", EMPTY_QUIZ)
    editor.show()
    editor.title.setFocus()
    order = [editor.focusWidget()]
    for _n in range(2):
        order[-1].focusNextChild()
        order.append(editor.focusWidget())
    assert order == [editor.title, editor.intro, editor.pass_mark]


@pytest.mark.parametrize("cls", [QuizEditor, SurveyEditor])
def test_at_a_laptop_width_every_button_label_is_whole(qtbot, env, cls) -> None:
    feedback = ROOT / "content_packs/getting-started/modules/teaching/04-feedback.md"
    source = feedback if cls is SurveyEditor else CHECK
    window = QWidget()  # an 800-pixel window, less the outline beside the editor
    qtbot.addWidget(window)
    editor = cls(env, window)
    QVBoxLayout(window).addWidget(editor)
    editor.load("modules/m/01-item.md", source.read_text(encoding="utf-8"))
    window.resize(560, 580)
    window.show()
    qtbot.waitExposed(window)
    assert editor.width() <= 560
    buttons = [b for b in editor.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    assert len(buttons) >= 9
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
    hint = editor.panel.hint
    if hint.isVisible():
        assert hint.geometry().bottom() < editor.panel.answers.geometry().top()

"""Trainer mode from end to end, through its widgets (issue 16's "Done when"): a pack made
from nothing (start screen, a module, a lesson with a dropped picture, a quiz of every
question type and a survey built with the forms, the licence chosen from the list), built
and signed in the Build dialog, installed in a second data folder, and the quiz passed
and the survey answered as a learner in the reader.

An existing pack edited: test_ui_editor_e2e_edit.py; killed mid-edit and recovered:
test_ui_editor_e2e_recovery.py.
"""

from __future__ import annotations

import re
import zipfile

from editor_e2e_helpers import (
    add_item,
    add_question,
    choose,
    click,
    close_window,
    delete_every_question,
    drop_file,
    fill_answers,
    idle,
    learner_context,
    make_window,
    picture,
    press_ok,
    put_in_order,
    text_box,
    type_at_end,
    type_prompt,
    typed_answers,  # noqa: F401  (a fixture)
    when_shown,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kit.core.paths import DataDir

# -- 1. a pack from nothing -------------------------------------------------------------------
QUIZ_ANSWERS = {
    "single": ("Which water is safe to drink?", ["Boiled water", "River water"], [0]),
    "multiple": ("Which make water safe?", ["Boiling", "Filtering", "Shaking"], [0, 1]),
    "truefalse": ("Clear water is always safe to drink.", ["True", "False"], [1]),
    "short": ("How many minutes should water boil, at least?", ["One", "1"], [0, 1]),
    "order": ("Put the steps in order.", ["Fill the pot", "Boil the water", "Let it cool"], []),
}
SCALE = ["Not sure", "A little sure", "Sure", "Very sure"]
LESSON_FILE = """\
---
id: boil-your-water
type: lesson
title: Boil your water
---
# Boil your water

Write the lesson here, in Markdown.

Boiling kills the germs in the water.

![A kettle on a wood fire](../../media/kettle-photo.png)
"""
QUIZ_FILE = """\
---
id: check-your-water
type: quiz
title: Check your water
pass_mark: 80
---
## q1: single
Which water is safe to drink?

- [x] Boiled water
- [ ] River water

## q2: multiple
Which make water safe?

- [x] Boiling
- [x] Filtering
- [ ] Shaking

## q3: truefalse
Clear water is always safe to drink.

- [ ] True
- [x] False

## q4: short
How many minutes should water boil, at least?

- [x] One
- [x] 1

## q5: order
Put the steps in order.

1. Fill the pot
2. Boil the water
3. Let it cool
"""
SURVEY_FILE = """\
---
id: your-water-at-home
type: survey
title: Your water at home
---
## q1: likert
How sure are you that your water is safe?

- Not sure
- A little sure
- Sure
- Very sure

## q2: section
About your home

## q3: text
What would help you most?
"""


def test_a_pack_made_from_nothing_is_built_signed_installed_and_passed(
    qtbot,
    data_dir,
    tmp_path,
    typed_answers,  # noqa: F811
) -> None:
    from kit.core.records import Records
    from kit.ui.editor.markdown.editor import MarkdownEditor
    from kit.ui.editor.metadata.pack_form import PackMetaEditor
    from kit.ui.editor.publish.dialogs import PublishDialog
    from kit.ui.editor.questions.quiz_form import QuizEditor
    from kit.ui.editor.questions.survey_form import SurveyEditor
    from kit.ui.editor.start import NewPackDialog
    from kit.ui.reader import ReaderPage

    window = make_window(qtbot, data_dir)
    source = tmp_path / "trainer" / "clean-water"

    # The start screen: New pack, its title and folder.
    def new_pack(dialog: NewPackDialog) -> None:
        qtbot.keyClicks(dialog.title, "Clean water at home")
        qtbot.keyClicks(dialog.folder.edit, str(source))
        press_ok(qtbot, dialog.buttons)

    answered = when_shown(NewPackDialog, new_pack)
    with qtbot.waitSignal(window.opened, timeout=20_000):
        qtbot.mouseClick(window.start.new_button, Qt.MouseButton.LeftButton)
    assert answered and (source / "pack.yaml").is_file()
    assert window.pack_title == "Clean water at home"

    # A module (its title asked), then a lesson in it.
    modules_before = len(window.view.outline_value.modules)
    typed_answers.append("Safe water")
    window.acts["add_module"].trigger()
    qtbot.waitUntil(
        lambda: len(window.view.outline_value.modules) == modules_before + 1, timeout=20_000
    )
    module = window.view.outline_value.modules[-1]
    assert module.title == "Safe water"
    lesson = add_item(qtbot, window, "lesson", "Boil your water")
    assert lesson.relpath.startswith(f"modules/{module.dir}/")
    qtbot.waitUntil(lambda: isinstance(window.view.editor, MarkdownEditor), timeout=20_000)
    editor = window.view.editor
    box = text_box(editor)
    type_at_end(qtbot, box, "\nBoiling kills the germs in the water.\n\n")
    kettle = picture(tmp_path / "desktop" / "Kettle photo.png")
    drop_file(box, kettle)
    qtbot.waitUntil(lambda: editor.alt_dialog is not None and editor.alt_dialog.isVisible())
    alt = editor.alt_dialog
    assert not alt.ok_button.isEnabled()  # the description is asked, and required
    qtbot.keyClicks(alt.field, "A kettle on a wood fire")
    qtbot.mouseClick(alt.ok_button, Qt.MouseButton.LeftButton)
    picture_syntax = "![A kettle on a wood fire](../../media/kettle-photo.png)"
    qtbot.waitUntil(lambda: picture_syntax in editor.current_text(), timeout=20_000)
    type_at_end(qtbot, box, "\n")
    assert (source / "media" / "kettle-photo.png").read_bytes() == kettle.read_bytes()

    # A quiz with one question of every type, built with the quiz form.
    quiz = add_item(qtbot, window, "quiz", "Check your water")
    qtbot.waitUntil(lambda: isinstance(window.view.editor, QuizEditor), timeout=20_000)
    form = window.view.editor
    assert lesson.relpath != quiz.relpath
    assert picture_syntax in (source / lesson.relpath).read_text("utf-8")  # saved on switching
    delete_every_question(qtbot, form)  # the example question of the template
    for qtype, (prompt, answers, right) in QUIZ_ANSWERS.items():
        add_question(qtbot, form, qtype)
        type_prompt(qtbot, form, prompt)
        fill_answers(qtbot, form, answers, right)
        assert form.problems_shown == [], (qtype, form.problems_shown)
    form.pass_mark.setFocus()
    form.pass_mark.lineEdit().selectAll()
    qtbot.keyClicks(form.pass_mark, "80")
    assert form.pass_mark.value() == 80
    quiz_text = form.current_text()
    assert "pass_mark: 80\n" in quiz_text
    assert "1. Fill the pot\n2. Boil the water\n3. Let it cool\n" in quiz_text
    assert "- [x] Boiled water\n- [ ] River water\n" in quiz_text

    # A survey: a labelled scale, a section, a free-text question.
    survey = add_item(qtbot, window, "survey", "Your water at home")
    qtbot.waitUntil(lambda: isinstance(window.view.editor, SurveyEditor), timeout=20_000)
    form = window.view.editor
    delete_every_question(qtbot, form)
    add_question(qtbot, form, "likert")
    type_prompt(qtbot, form, "How sure are you that your water is safe?")
    fill_answers(qtbot, form, SCALE)
    add_question(qtbot, form, "section")
    type_prompt(qtbot, form, "About your home")
    add_question(qtbot, form, "text")
    type_prompt(qtbot, form, "What would help you most?")
    survey_text = form.current_text()
    assert (
        "How sure are you that your water is safe?\n\n" + "".join(f"- {label}\n" for label in SCALE)
        in survey_text
    )
    assert ": section" in survey_text and "About your home\n" in survey_text
    assert ": text\nWhat would help you most?\n" in survey_text

    # The pack's details: a licence chosen from the list, with its explanation.
    window.acts["pack_details"].trigger()
    qtbot.waitUntil(lambda: isinstance(window.view.editor, PackMetaEditor), timeout=20_000)
    meta = window.view.editor
    combo = meta.licence.combo
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("CC-BY-4.0"))
    assert meta.licence.explanation.text()
    suggest = next(b for b in meta.findChildren(QPushButton) if b.text() == "Suggest")
    qtbot.mouseClick(suggest, Qt.MouseButton.LeftButton)
    assert "license: CC-BY-4.0\n" in meta.current_text()
    window.acts["save"].trigger()
    idle(qtbot, window)
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=20_000)
    on_disk = (source / "pack.yaml").read_text("utf-8")
    assert "license: CC-BY-4.0\n" in on_disk and "title: Clean water at home\n" in on_disk
    assert (source / quiz.relpath).read_text("utf-8") == quiz_text
    assert (source / survey.relpath).read_text("utf-8") == survey_text
    qtbot.waitUntil(lambda: window.view.problems.table.topLevelItemCount() == 0, timeout=20_000)

    # Build, signed with a key made in the dialog.
    window.acts["build"].trigger()
    qtbot.waitUntil(lambda: window.findChild(PublishDialog) is not None, timeout=20_000)
    dialog = window.findChild(PublishDialog)
    qtbot.waitUntil(lambda: dialog.errors >= 0, timeout=30_000)
    assert dialog.errors == 0, [
        dialog.problem_list.item(n).text() for n in range(dialog.problem_list.count())
    ]
    typed_answers.append("water-trainer")
    qtbot.mouseClick(dialog.new_key_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "water-trainer" in dialog.key_combo.currentText(), timeout=30_000)
    out = tmp_path / "to-share"
    dialog.folder_edit.selectAll()
    qtbot.keyClicks(dialog.folder_edit, str(out))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60_000)
    result = dialog.result
    assert result.path.parent == out and result.path.suffix == ".kitpack"
    assert "water-trainer" in dialog.result_label.text()
    with zipfile.ZipFile(result.path) as built:
        names = built.namelist()
    assert any(n.endswith("media/kettle-photo.png") for n in names), names
    pack_id = window.view.outline_value.pack_id
    # What a person would have written by hand.
    assert (source / lesson.relpath).read_text("utf-8") == LESSON_FILE
    assert (source / quiz.relpath).read_text("utf-8") == QUIZ_FILE
    assert (source / survey.relpath).read_text("utf-8") == SURVEY_FILE
    public = next(tmp_path.rglob("water-trainer.pub")).read_text("utf-8").strip()
    close_window(window)

    # A learner, on another computer (a second data folder), passes the quiz.
    learner_data = tmp_path / "learner-data"
    with learner_context(learner_data, result.path, public) as ctx:
        assert ctx.installed.verified and ctx.installed.publisher == "The trainer"
        page = ReaderPage(ctx)
        qtbot.addWidget(page)
        page.resize(900, 700)
        page.show()
        with qtbot.waitSignal(page.item_shown, timeout=20_000):
            page.open_item(pack_id, quiz.item_id)
        view = page.views["quiz"]
        assert page.stack.currentWidget() is view
        cards = {card.question["type"]: card for card in view.cards}
        assert sorted(cards) == sorted(QUIZ_ANSWERS)
        with qtbot.waitSignal(view.attempt_saved, timeout=20_000):
            choose(qtbot, cards["single"], "Boiled water")
            choose(qtbot, cards["multiple"], "Boiling", "Filtering")
            choose(qtbot, cards["truefalse"], "False")
            qtbot.keyClicks(cards["short"].input.edit, "one")
            qtbot.keyClick(cards["short"].input.edit, Qt.Key.Key_Return)
            put_in_order(qtbot, cards["order"], ["1", "2", "3"])
        assert "You passed" in view.summary_text.text()
        # The survey: the scale with its labels, then the free text; the answers are saved.
        scale_id = re.search(r"^## (\S+): likert", survey_text, re.M).group(1)
        text_id = re.search(r"^## (\S+): text", survey_text, re.M).group(1)
        with qtbot.waitSignal(page.item_shown, timeout=20_000):
            page.open_item(pack_id, survey.item_id)
        form = page.views["survey"]
        scale = form.inputs[scale_id]
        assert [b.accessibleName() for _cid, b in scale.buttons] == SCALE
        click(qtbot, scale.buttons[2][1])
        qtbot.keyClicks(form.inputs[text_id].edit, "A filter")
        with qtbot.waitSignal(form.sent, timeout=20_000):
            click(qtbot, form.send)
        page.close()
        profile_id = ctx.profile.id
    with Records(DataDir(learner_data)) as records:
        stats = records.quiz_stats(profile_id, pack_id, quiz.item_id)
        answered = {
            e.result.get("question"): e.result.get("response")
            for e in records.events(profile_id, pack_id, survey.item_id)
            if e.verb == "answered"
        }
    assert stats.passed and stats.best_score == 100
    assert answered == {scale_id: "3", text_id: "A filter"}

"""Quizzes, surveys and certificates in the reader, answered like a learner would,
with what was saved read back from the real records.db."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import ui_reader_pack
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox
from ui_reader_pack import LEARNER, PACK_ID, open_page, pdf_text

from kit.ui.reader.certificate import suggested_name, write_certificate_pdf
from kit.ui.reader.questions import ChoiceInput, OrderInput, ShortInput

reader_env = ui_reader_pack.reader_env  # the fixture
RIGHT_ORDER = ["1", "2", "3"]


def events(env, verb: str | None = None) -> list[tuple[str, str, dict]]:
    with sqlite3.connect(env.ctx.data.records_db) as conn:
        rows = conn.execute("SELECT item_id, verb, result FROM events ORDER BY seq").fetchall()
    return [(i, v, json.loads(r)) for i, v, r in rows if verb is None or v == verb]


def cards(page):
    return {card.question["id"]: card for card in page.views["quiz"].cards}


def click(qtbot, widget) -> None:
    """Click where a learner would: on a choice's indicator, or a button's middle."""
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        where = QPoint(widget.height() // 2, widget.height() // 2)
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(qtbot, card, *texts: str) -> None:
    assert isinstance(card.input, ChoiceInput)
    for _cid, button in card.input.buttons:
        if button.accessibleName() in texts:
            click(qtbot, button)
    click(qtbot, card.check_button)


def put_in_order(qtbot, card, wanted: list[str]) -> None:
    """Reorder with the Move up button (and Alt+Down once), like a keyboard user."""
    order: OrderInput = card.input
    for target, choice_id in enumerate(wanted):
        row = order.response().index(choice_id)
        order.list.setCurrentRow(row)
        for _step in range(row - target):
            click(qtbot, order.up)
    assert order.response() == wanted


def answer(qtbot, page, right: set[str]) -> None:
    """Answer every question: those in `right` correctly, the others wrongly."""
    c = cards(page)
    choose(qtbot, c["colour"], "Blue" if "colour" in right else "Green")
    choose(qtbot, c["fruits"], *(("Apple", "Mango") if "fruits" in right else ("Apple", "Carrot")))
    choose(qtbot, c["earth"], "True" if "earth" in right else "False")
    assert isinstance(c["capital"].input, ShortInput)
    qtbot.keyClicks(c["capital"].input.edit, "  NAIROBI. " if "capital" in right else "Mombasa")
    qtbot.keyClick(c["capital"].input.edit, Qt.Key.Key_Return)
    if "steps" in right:
        put_in_order(qtbot, c["steps"], RIGHT_ORDER)
    else:
        assert c["steps"].input.response() != RIGHT_ORDER  # shuffled, never already right
    click(qtbot, c["steps"].check_button)


def feedback(page, qid: str) -> str:
    label = cards(page)[qid].feedback
    assert label.isVisible()
    return re.sub(r"<[^>]+>", " ", label.text())


def test_every_question_type_right_then_saved_and_passed(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "check")
    quiz = page.views["quiz"]
    assert page.stack.currentWidget() is quiz
    with qtbot.waitSignal(quiz.attempt_saved, timeout=10_000) as saved:
        answer(qtbot, page, {"colour", "fruits", "earth", "capital", "steps"})
    assert "Right: the air scatters blue light the most." in feedback(page, "colour")
    assert "One trip takes a year." in feedback(page, "earth")
    assert "Nairobi has been the capital since 1907." in feedback(page, "capital")
    for qid in cards(page):
        assert "✓ Right!" in feedback(page, qid)
    assert "You scored 100%: 5 of 5 right." in quiz.summary_text.text()
    assert "You passed" in quiz.summary_text.text()
    assert quiz.summary_state.text() == "Your score is saved ✓"
    qtbot.waitUntil(lambda: all(c.save_state.text() == "Saved ✓" for c in quiz.cards))
    answered = events(reader_env, "answered")
    assert [r["question"] for _i, _v, r in answered] == [
        "colour",
        "fruits",
        "earth",
        "capital",
        "steps",
    ]
    assert all(r["correct"] for _i, _v, r in answered)
    assert answered[3][2]["response"] == "  NAIROBI. "
    assert answered[4][2]["response"] == RIGHT_ORDER
    [(item, _verb, result)] = events(reader_env, "passed")
    assert item == "check" and result["score"] == 100 and result["pass_mark"] == 60
    assert saved.args[0].after.items["check"] == "done"


def test_wrong_answers_explain_then_retry_passes_at_the_pass_mark(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "check")
    quiz = page.views["quiz"]
    with qtbot.waitSignal(quiz.attempt_saved, timeout=10_000):
        answer(qtbot, page, {"colour", "earth"})  # 2 of 5: 40%
    for qid in ("fruits", "capital", "steps"):
        assert "✗ Not quite." in feedback(page, qid)
    assert "A carrot is a root." in feedback(page, "fruits")
    assert "The right answer: Apple; Mango" in feedback(page, "fruits")
    text = feedback(page, "capital")
    assert "Mombasa is the largest port, not the capital." in text
    assert "Nairobi has been the capital since 1907." in text
    assert "Boil water → Add the tea → Wait three minutes" in feedback(page, "steps")
    assert "Not passed yet: you need 60%." in quiz.summary_text.text()
    [(_item, _verb, failed)] = events(reader_env, "failed")
    assert failed["score"] == 40
    # Retry: every question is fresh again; exactly the pass mark passes.
    click(qtbot, quiz.retry)
    assert all(
        c.correct is None and c.check_button.isEnabled() is (c.question["type"] == "order")
        for c in quiz.cards
    )
    with qtbot.waitSignal(quiz.attempt_saved, timeout=10_000):
        answer(qtbot, page, {"colour", "earth", "capital"})  # 3 of 5: 60%
    assert "You passed" in quiz.summary_text.text()
    [(_item, _verb, passed)] = events(reader_env, "passed")
    assert passed["score"] == 60
    assert len(events(reader_env, "answered")) == 10


def test_order_question_with_the_keyboard(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "check")
    order: OrderInput = cards(page)["steps"].input
    order.list.setFocus()
    first = order.response()[0]
    order.list.setCurrentRow(0)
    qtbot.keyClick(order.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert order.response()[1] == first
    assert order.list.currentRow() == 1


def test_survey_answers_are_recorded(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "feedback")
    survey = page.views["survey"]
    inputs = survey.inputs
    click(qtbot, inputs["useful"].buttons[3][1])
    click(qtbot, inputs["used"].buttons[0][1])
    click(qtbot, inputs["used"].buttons[2][1])
    qtbot.keyClicks(inputs["comments"].edit, "More pictures, please.")
    with qtbot.waitSignal(survey.sent, timeout=10_000):
        click(qtbot, survey.send)
    assert survey.state.text() == "Thank you! Your answers are saved ✓"
    given = {r["question"]: r["response"] for _i, _v, r in events(reader_env, "answered")}
    assert given == {"useful": "4", "used": ["1", "3"], "comments": "More pictures, please."}
    assert [i for i, _v, _r in events(reader_env, "completed")] == ["feedback"]


def complete_module(qtbot, page, env) -> None:
    for item_id in ("welcome", "deck", "pairs"):
        with qtbot.waitSignal(page.item_shown, timeout=10_000):
            page.open_item(PACK_ID, item_id)
        with qtbot.waitSignal(page.progress_changed, timeout=10_000):
            click(qtbot, page.footer.done)
    with qtbot.waitSignal(page.item_shown, timeout=10_000):
        page.open_item(PACK_ID, "check")
    with qtbot.waitSignal(page.progress_changed, timeout=10_000) as changed:
        answer(qtbot, page, {"colour", "fruits", "earth", "capital", "steps"})
    assert changed.args[0].became_complete


def test_module_completion_offers_a_certificate_pdf(qtbot, reader_env, tmp_path, monkeypatch):
    page = open_page(qtbot, reader_env, "welcome")
    complete_module(qtbot, page, reader_env)
    assert page.banner.isVisible()
    assert "You have completed “The basics”" in page.banner.text.text()
    assert "4 of 4 done" in page.header.progress_text.text()
    target = tmp_path / "out" / "my certificate"
    target.parent.mkdir()
    suggested = []

    def fake_dialog(parent, title, path, filters):
        suggested.append(Path(path).name)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    click(qtbot, page.banner.certificate)  # nothing connected: the page saves it itself
    pdf = target.with_name("my certificate.pdf")
    qtbot.waitUntil(pdf.exists, timeout=10_000)
    assert suggested == [f"Certificate - {LEARNER} - The basics.pdf"]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 2000
    text = pdf_text(data)
    for words in (
        LEARNER,
        "The basics",
        "Reading test pack",
        "Reader Test Authors, CC BY 4.0",
        "CC-BY-4.0",
    ):
        assert words in text, words
    assert not list(pdf.parent.glob(".*partial"))
    for box in page.findChildren(QMessageBox):
        box.close()


def test_certificate_signal_goes_to_the_shell_when_connected(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "welcome")
    complete_module(qtbot, page, reader_env)
    with qtbot.waitSignal(page.certificate_requested, timeout=5_000) as asked:
        click(qtbot, page.banner.certificate)
    assert asked.args == [PACK_ID, "basics"]


def test_write_certificate_pdf_directly(qapp, tmp_path):
    from datetime import date

    from kit.core.records import CertificateData

    data = CertificateData(
        learner_name="Zeynep Ünal",
        pack_id="p",
        pack_title="First aid",
        pack_version="2.0.0",
        module_id="m",
        module_title="Burns / scalds: what to do?",
        completed_on=date(2025, 3, 7),
        attribution="Red Cross volunteers",
        license="CC-BY-SA-4.0",
        authors=["A. Author"],
    )
    path = write_certificate_pdf(tmp_path / "c.pdf", data)
    text = pdf_text(path.read_bytes())
    assert "Zeynep Ünal" in text and "March 7, 2025" in text and "Red Cross volunteers" in text
    assert suggested_name(data) == "Certificate - Zeynep Ünal - Burns scalds what to do.pdf"


def rendered_height(label) -> int:
    return label.heightForWidth(400) if label.wordWrap() else label.sizeHint().height()


def test_quiz_and_survey_text_follows_the_text_size(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "check")
    quiz = page.views["quiz"]
    prompt = quiz.cards[0].prompt
    before_font, before_height = prompt.font().pointSizeF(), rendered_height(prompt)
    qtbot.mouseClick(page.header.larger, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.header.larger, Qt.MouseButton.LeftButton)
    assert prompt.font().pointSizeF() > before_font * 1.2
    assert rendered_height(prompt) > before_height
    answer_text = quiz.cards[0].input.labels[0]
    assert answer_text.font().pointSizeF() == prompt.font().pointSizeF()
    # A retry builds new questions: they keep the size.
    quiz.restart()
    assert quiz.cards[0].prompt.font().pointSizeF() == prompt_size(quiz)
    assert prompt_size(quiz) > before_font * 1.2
    with qtbot.waitSignal(page.item_shown, timeout=10_000):
        page.open_item(PACK_ID, "feedback")
    survey = page.views["survey"]
    from kit.ui.reader.questions import PromptLabel

    survey_prompt = survey.findChildren(PromptLabel)[0]
    larger = prompt_size(quiz)
    assert survey_prompt.font().pointSizeF() == larger
    qtbot.mouseClick(page.header.smaller, Qt.MouseButton.LeftButton)
    assert survey_prompt.font().pointSizeF() < larger


def prompt_size(quiz) -> float:
    return quiz.cards[0].prompt.font().pointSizeF()


def reopen_records(env) -> None:
    """What a new app instance on the same data folder has: records.db read afresh."""
    from kit.core.records import Records

    def again() -> None:
        env.ctx.records.close()
        env.ctx.records = Records(env.ctx.data)

    env.ctx.worker.call(again)


def test_a_half_finished_quiz_comes_back_with_its_answers(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "check")
    c = cards(page)
    choose(qtbot, c["colour"], "Green")  # wrong
    choose(qtbot, c["earth"], "True")  # right
    qtbot.waitUntil(lambda: len(events(reader_env, "answered")) == 2, timeout=10_000)
    with qtbot.waitSignal(page.item_shown, timeout=10_000):
        page.open_item(PACK_ID, "welcome")  # leave
    for fresh in (False, True):
        if fresh:  # and after a crash: a new app on the same data folder
            reopen_records(reader_env)
            page = open_page(qtbot, reader_env, "check")
        else:
            with qtbot.waitSignal(page.item_shown, timeout=10_000):
                page.open_item(PACK_ID, "check")
        c = cards(page)
        assert c["colour"].correct is False and c["earth"].correct is True
        assert "✗ Not quite." in feedback(page, "colour")
        assert "The right answer: Blue" in feedback(page, "colour")
        assert "✓ Right!" in feedback(page, "earth") and "One trip takes a year." in feedback(
            page, "earth"
        )
        chosen = [b.accessibleName() for _cid, b in c["colour"].input.buttons if b.isChecked()]
        assert chosen == ["Green"] and c["colour"].input.locked
        assert c["colour"].save_state.text() == "Saved ✓"
        assert not c["colour"].check_button.isVisible()
        for qid in ("fruits", "capital", "steps"):
            assert c[qid].correct is None and not c[qid].feedback.isVisible()
        intro = page.views["quiz"].findChild(QLabel, "quizIntro")
        assert "Your 2 answers so far are kept" in intro.text()
    assert len(events(reader_env, "answered")) == 2  # reopening wrote no answer again
    # Finishing counts the kept answers: 2 right of 5 would be 40%; here 4 of 5 right.
    quiz = page.views["quiz"]
    with qtbot.waitSignal(quiz.attempt_saved, timeout=10_000):
        choose(qtbot, c["fruits"], "Apple", "Mango")
        qtbot.keyClicks(c["capital"].input.edit, "Nairobi")
        qtbot.keyClick(c["capital"].input.edit, Qt.Key.Key_Return)
        put_in_order(qtbot, c["steps"], RIGHT_ORDER)
        click(qtbot, c["steps"].check_button)
    [(_item, _verb, result)] = events(reader_env, "passed")
    assert result["score"] == 80 and result["responses"]["colour"] == "2"
    # After a finished attempt the quiz opens empty again.
    with qtbot.waitSignal(page.item_shown, timeout=10_000):
        page.open_item(PACK_ID, "check")
    assert all(card.correct is None for card in page.views["quiz"].cards)


def test_all_answers_saved_but_no_score_saves_the_score_on_reopening(qtbot, reader_env):
    ctx = reader_env.ctx
    responses = {
        "colour": "1",
        "fruits": ["1", "2"],
        "earth": "1",
        "capital": "x",
        "steps": ["1", "2", "3"],
    }

    def answer_all() -> None:  # as a crash right after the last answer leaves it
        for qid, response in responses.items():
            ctx.records.append_event(ctx.profile_id, PACK_ID, "check", "answered",
                                     {"question": qid, "response": response, "attempt": 1})  # fmt: skip

    ctx.worker.call(answer_all)
    page = open_page(qtbot, reader_env, "check")
    quiz = page.views["quiz"]
    qtbot.waitUntil(lambda: len(events(reader_env, "passed")) == 1, timeout=10_000)
    assert "You scored 80%: 4 of 5 right." in quiz.summary_text.text()
    qtbot.waitUntil(lambda: quiz.summary_state.text() == "Your score is saved ✓")

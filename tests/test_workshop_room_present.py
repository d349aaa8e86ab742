"""Room quizzes and polls while presenting (kit.ui.workshop.room): Q puts the current
quiz item's question full screen, answers are ticked by name or typed as counts on the
console, V reveals the chart and explanation on the projector only, N writes a poll on
the spot, and a linked learner's answer lands in their records. Numbers are checked
against the rows in records.db counted here."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_presenter import add_facilitator, open_workshop, sign_in
from test_workshop_present import present
from ui_shell import prepare

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.records.events import events_for
from kit.core.workshops import AgendaItem, Workshop, Workshops, WorkshopSession

K = Qt.Key
PACK_ID = "getting-started"
QUIZ_ID = "check-learning"  # its first question: own-profile (single, 3 choices, 1 right)
PEOPLE = ("Ana", "Bo", "Chen", "Dee")


def plan(data_dir: Path):
    session = WorkshopSession(
        day=1, start="10:00", slot=30, title="Morning",
        items=(AgendaItem(kind="pack", pack_id=PACK_ID, item_id=QUIZ_ID, minutes=10),
               AgendaItem(kind="discussion", minutes=20)),
    )  # fmt: skip
    with Records(DataDir(data_dir)) as records:
        shops = Workshops(records.rdb)
        shop = shops.save(Workshop(title="Wiki day", sessions=(session,)))
        learner = records.create_profile("Ana")
        ids = {}
        for name in PEOPLE:
            linked = learner.id if name == "Ana" else None
            ids[name] = shops.add_participant(shop.id, name, profile_id=linked).id
    return shop, learner.id, ids


@pytest.fixture
def talk(qtbot, data_dir, pack):
    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    shop, learner_id, ids = plan(data_dir)
    window = open_workshop(qtbot, data_dir)
    home = sign_in(qtbot, window)
    with qtbot.waitSignal(home.present.agenda_shown, timeout=20_000):
        home.choose(shop.id)
    presenter = present(qtbot, window, home)
    yield presenter, shop, learner_id, ids
    window.shutdown()
    window.ctx.worker.stop()


def responses(data_dir: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(DataDir(data_dir).records_db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM workshop_room_responses ORDER BY seq").fetchall()
    finally:
        conn.close()


def open_room(qtbot, presenter, key=K.Key_Q):
    presenter.key(key)
    run = presenter.room_run
    assert run is not None
    if key == K.Key_Q:
        qtbot.waitUntil(lambda: run.tally is not None, timeout=20_000)
    return run


def tick(qtbot, presenter, run, name: str, number: int) -> None:
    presenter.key(K.Key_Return)  # Enter: tick answers by name
    field = run.panel.find
    qtbot.keyClicks(field, name[:2].lower())
    with qtbot.waitSignal(run.shown, timeout=20_000):
        qtbot.keyClick(field, getattr(K, f"Key_{number}"))


def test_a_room_quiz_ticked_by_name_reveals_only_after_v(qtbot, talk, data_dir) -> None:
    presenter, shop, learner_id, ids = talk
    run = open_room(qtbot, presenter)
    screen = run.screen
    assert presenter.audience.stack.currentWidget() is screen
    assert run.tally.question.question["id"] == "own-profile"
    assert "Three friends share one computer" in screen.question.toPlainText()
    given = {"Ana": 1, "Bo": 2, "Chen": 1, "Dee": 3}
    for name, number in given.items():
        tick(qtbot, presenter, run, name, number)
    assert screen.results.isHidden() and screen.summary.isHidden()  # not before V
    rows = responses(data_dir)
    kept = {r["participant_id"]: json.loads(r["choice"]) for r in rows}
    assert kept == {ids[name]: str(n) for name, n in given.items()}
    presenter.key(K.Key_V)
    assert not screen.results.isHidden() and not screen.summary.isHidden()
    counted = Counter(given.values())
    assert [n for _label, n, _right in screen.results.bars] == [counted[n] for n in (1, 2, 3)]
    assert [right for *_rest, right in screen.results.bars] == [True, False, False]
    summary = screen.summary.toPlainText()
    assert "each profile keeps its own progress" in summary  # the right answer's explanation
    assert "50%" in summary  # 2 of 4 right
    console_text = run.panel.title.text() + run.panel.legend.text()
    assert "each profile keeps its own progress" not in console_text
    events = events_for_learner(data_dir, learner_id)
    assert [(e.verb, e.item_id, e.context) for e in events] == [("answered", QUIZ_ID, shop.id)]
    assert events[0].result["response"] == "1" and events[0].result["correct"] is True
    presenter.key(K.Key_Escape)
    assert presenter.room_run is None
    assert presenter.audience.stack.currentWidget() is presenter.audience.browser


def events_for_learner(data_dir: Path, learner_id: str):
    with Records(DataDir(data_dir)) as records:
        return events_for(records.rdb, learner_id)


def test_a_show_of_hands_typed_in_as_counts(qtbot, talk, data_dir) -> None:
    presenter, *_ = talk
    run = open_room(qtbot, presenter)
    presenter.key(K.Key_K)
    boxes = run.panel.counts
    assert len(boxes) == 3
    typed = (7, 2, 4)
    for box, value in zip(boxes, typed, strict=True):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, str(value))
    with qtbot.waitSignal(run.shown, timeout=20_000):
        qtbot.keyClick(boxes[-1], K.Key_Return)
    (row,) = responses(data_dir)
    assert json.loads(row["counts"]) == {"1": 7, "2": 2, "3": 4} and row["participant_id"] == ""
    assert dict(run.tally.per_option) == {"1": 7, "2": 2, "3": 4}
    presenter.key(K.Key_PageDown)  # a clicker's Next reveals first
    assert [n for _l, n, _r in run.screen.results.bars] == list(typed)
    assert f"{round(100 * 7 / sum(typed))}%" in run.screen.summary.toPlainText()


def test_a_poll_written_on_the_spot(qtbot, talk, data_dir) -> None:
    presenter, shop, learner_id, _ids = talk
    run = open_room(qtbot, presenter, K.Key_N)
    form = run.form
    assert form.isVisible() and form.prompt.hasFocus()
    qtbot.keyClicks(form.prompt, "Tea or coffee?")
    qtbot.keyClick(form.prompt, K.Key_Return)
    for option in ("Tea", "Coffee", "Water"):
        qtbot.keyClicks(form.options, option)
        qtbot.keyClick(form.options, K.Key_Return)
    with qtbot.waitSignal(run.shown, timeout=20_000):
        qtbot.keyClick(form.options, K.Key_Return)  # Enter on the empty line asks
    assert "Tea or coffee?" in run.screen.question.toPlainText()
    tick(qtbot, presenter, run, "Ana", 2)
    tick(qtbot, presenter, run, "Bo", 2)
    presenter.key(K.Key_V)
    assert [n for _l, n, _r in run.screen.results.bars] == [0, 2, 0]
    assert not any(right for *_rest, right in run.screen.results.bars)  # a poll: none right
    (event,) = events_for_learner(data_dir, learner_id)
    assert (event.object_type, event.object_id, event.context) == (
        "poll", run.tally.question.id, shop.id,
    )  # fmt: skip
    assert event.result["response"] == "2"


def test_a_poll_with_one_option_is_refused_on_the_form(qtbot, talk, data_dir) -> None:
    presenter, *_ = talk
    run = open_room(qtbot, presenter, K.Key_N)
    qtbot.keyClicks(run.form.prompt, "Ready?")
    qtbot.keyClick(run.form.prompt, K.Key_Return)
    qtbot.keyClicks(run.form.options, "Yes")
    qtbot.keyClick(run.form.options, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not run.form.problem.isHidden(), timeout=20_000)
    assert "2 to 8 options" in run.form.problem.text()
    assert responses(data_dir) == []
    qtbot.keyClick(run.form.options, K.Key_Escape)
    assert presenter.room_run is None


def test_clicker_keys_move_the_talk_only_when_no_room_question_is_open(qtbot, talk) -> None:
    presenter, *_ = talk
    run = open_room(qtbot, presenter)
    start = presenter.index
    presenter.key(K.Key_PageDown)  # the results
    presenter.key(K.Key_PageDown)  # the quiz's next question
    qtbot.waitUntil(lambda: run.tally.question.question["id"] == "item-kinds", timeout=20_000)
    assert presenter.index == start
    presenter.key(K.Key_G)  # no Go to preview under a room question
    assert presenter.preview is None
    presenter.key(K.Key_Space)  # back to the talk
    assert presenter.room_run is None and presenter.index == start
    presenter.key(K.Key_PageDown)
    assert presenter.index == start + 1


def test_a_multiple_answer_question_ticked_with_several_numbers(qtbot, talk, data_dir) -> None:
    presenter, *_ = talk
    run = open_room(qtbot, presenter)
    presenter.key(K.Key_PageDown)
    presenter.key(K.Key_PageDown)  # the next question: item-kinds (1, 2 and 3 are right)
    qtbot.waitUntil(lambda: run.tally.question.question["id"] == "item-kinds", timeout=20_000)
    given = {"Ana": [1, 2, 3], "Bo": [1, 4]}
    for name, numbers in given.items():
        presenter.key(K.Key_Return)
        qtbot.keyClicks(run.panel.find, name[:2].lower())
        for number in numbers:
            qtbot.keyClick(run.panel.find, getattr(K, f"Key_{number}"))
        assert "Enter keeps it" in run.panel.pending.text()
        with qtbot.waitSignal(run.shown, timeout=20_000):
            qtbot.keyClick(run.panel.find, K.Key_Return)
    kept = [json.loads(r["choice"]) for r in responses(data_dir)]
    assert kept == [[str(n) for n in numbers] for numbers in given.values()]
    assert run.screen.results.isHidden()
    run.panel.reveal_button.click()  # the button does what V does
    counted = Counter(n for numbers in given.values() for n in numbers)
    assert [n for _l, n, _r in run.screen.results.bars] == [counted[n] for n in range(1, 6)]
    assert "50%" in run.screen.summary.toPlainText()  # Ana right, Bo not
    assert "A module holds lessons" in run.screen.summary.toPlainText()  # the explanation


def test_under_arabic_a_poll_reads_right_to_left_on_the_projector(qtbot, data_dir, pack) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    import kit.i18n
    from kit.ui.workshop.room.chart import OTHER, ResultsChart

    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    shop, _learner, _ids = plan(data_dir)
    kit.i18n.set_language("ar")
    try:
        window = open_workshop(qtbot, data_dir)
        home = sign_in(qtbot, window)
        with qtbot.waitSignal(home.present.agenda_shown, timeout=20_000):
            home.choose(shop.id)
        presenter = present(qtbot, window, home)
        run = open_room(qtbot, presenter, K.Key_N)
        run.form.prompt.setText("شاي أم قهوة؟")
        run.form.options.setPlainText("شاي\nقهوة")
        with qtbot.waitSignal(run.shown, timeout=20_000):
            qtbot.keyClick(run.form.options, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
        tick(qtbot, presenter, run, "Ana", 1)
        presenter.key(K.Key_Return)
        qtbot.keyClicks(run.panel.find, "bo")
        with qtbot.waitSignal(run.shown, timeout=20_000):
            two = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "٢")
            QApplication.sendEvent(run.panel.find, two)  # an Arabic-Indic two: option 2
        assert dict(run.tally.per_option) == {"1": 1, "2": 1}
        presenter.key(K.Key_V)
        screen = run.screen
        assert screen.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert screen.question.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert "شاي أم قهوة؟" in screen.question.toPlainText()
        assert screen.results.layoutDirection() == Qt.LayoutDirection.RightToLeft
        chart = ResultsChart()  # the same bars, painted at a known size
        qtbot.addWidget(chart)
        chart.setLayoutDirection(screen.results.layoutDirection())
        chart.resize(1600, 400)
        chart.set_bars(screen.results.bars)
        image = chart.grab().toImage()
        middle = 400 // 4  # the first option's bar (one answer: the longest)
        assert image.pixelColor(int(1600 * 0.3), middle) == OTHER  # bars grow from the right
        assert image.pixelColor(int(1600 * 0.7), middle) != OTHER  # labels on the right
        window.shutdown()
        window.ctx.worker.stop()
    finally:
        kit.i18n.set_language("en")


def test_presenting_a_module_says_room_questions_need_a_workshop(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    window = open_workshop(qtbot, data_dir)
    home = sign_in(qtbot, window)
    with qtbot.waitSignal(window.presenting, timeout=20_000):
        home.present.module_button.click()
    presenter = window.presenter
    start = presenter.index
    presenter.key(K.Key_Q)
    assert presenter.room_run is None
    assert "kept with a workshop" in presenter.console.notice.text()
    presenter.key(K.Key_PageDown)  # the talk goes on
    assert presenter.index == start + 1
    window.shutdown()
    window.ctx.worker.stop()


def test_an_ordering_question_never_shows_its_steps_in_the_right_order() -> None:
    from kit.ui.operations.room import RoomQuestion
    from kit.ui.workshop.room.screen import shown_options

    def order(*texts: str) -> RoomQuestion:
        choices = [{"id": str(n), "text": t} for n, t in enumerate(texts, start=1)]
        return RoomQuestion("q", "w", "", "quiz", {"type": "order", "choices": choices})

    for texts in (("Create", "Open", "Read"), ("Alpha", "Beta", "Gamma"), ("b", "a")):
        shown = shown_options(order(*texts))
        assert sorted(shown) == sorted(texts) and shown != list(texts)
    judged = order("Create", "Open")
    assert [o.id for o in judged.options] == ["right", "wrong"]  # the room says it aloud

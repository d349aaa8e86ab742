"""The pass-the-laptop kiosk through real widgets on a real records.db: three respondents
each see a blank form, the start screen returns after each and after idle time, leaving
needs the facilitator's PIN, and the records hold three responses linked to no one."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QPlainTextEdit

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import Workshop, Workshops, WorkshopSession

K = Qt.Key
PIN = "4321"


@pytest.fixture
def kiosk_ctx(qtbot, data_dir):
    from kit.ui.context import AppContext, Services, Session
    from kit.ui.operations.core import close_core, open_core
    from kit.ui.runners.worker import Worker

    data = DataDir(data_dir).ensure()
    with Records(data) as records:
        shop = Workshops(records.rdb).save(
            Workshop(
                title="Wiki editing",
                sessions=(WorkshopSession(day=1, start="09:00", slot=90),),
            )
        )
        rosa = records.create_profile("Rosa", pin=PIN, role="facilitator")
        records.create_profile("Lena")  # a learner: nothing of hers goes with an answer
    ctx = AppContext(services=Services(data, Worker()), session=Session(profile=rosa))
    open_core(ctx).run()
    qtbot.waitUntil(lambda: ctx.opened, timeout=20_000)
    yield ctx, shop
    close_core(ctx)


def make_kiosk(qtbot, ctx, shop, idle_ms: int = 60_000):
    from kit.core.workshops.feedback import DEFAULT_SURVEY
    from kit.ui.kiosk.window import KioskWindow
    from kit.ui.operations import feedback as ops

    kiosk = KioskWindow(
        "Workshop feedback",
        DEFAULT_SURVEY.questions,
        save=lambda answers: ops.record_response(ctx, shop.id, DEFAULT_SURVEY, answers),
        unlock=lambda pin: ops.unlock(ctx, pin),
        idle_ms=idle_ms,
    )
    qtbot.addWidget(kiosk)
    with qtbot.waitSignal(kiosk.start_shown):
        kiosk.start()
    screen = kiosk.screen().geometry()
    qtbot.waitUntil(lambda: kiosk.geometry() == screen)  # full screen, laid out
    return kiosk


def visible_answers(kiosk) -> list[str]:
    """Every answer anything in the kiosk window shows: texts typed, buttons ticked."""
    shown = [t.toPlainText() for t in kiosk.findChildren(QPlainTextEdit) if t.toPlainText()]
    shown += [b.text() for b in kiosk.findChildren(QAbstractButton) if b.isChecked()]
    return shown


def box(kiosk, qid):
    return next(b for b in kiosk.form.boxes if b.question.id == qid)


def answer(qtbot, kiosk, usefulness: str, pace: str, improve: str) -> None:
    with qtbot.waitSignal(kiosk.form_shown):
        qtbot.mouseClick(kiosk.start_button, Qt.MouseButton.LeftButton)
    assert visible_answers(kiosk) == []  # a blank form, whoever answered before
    column = kiosk.form.scroll.widget()  # the whole width is on screen: nothing cut off
    assert column.minimumSizeHint().width() <= kiosk.form.scroll.viewport().width()
    qtbot.mouseClick(box(kiosk, "usefulness").buttons[usefulness], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(box(kiosk, "pace").buttons[pace], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box(kiosk, "improve").text, improve)
    with qtbot.waitSignal(kiosk.saved, timeout=20_000), qtbot.waitSignal(kiosk.start_shown):
        qtbot.mouseClick(kiosk.form.send_button, Qt.MouseButton.LeftButton)


def stored(ctx, sql: str = "SELECT * FROM workshop_feedback") -> list[sqlite3.Row]:
    conn = sqlite3.connect(ctx.services.data.records_db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_kiosk_round_with_three_respondents(qtbot, kiosk_ctx):
    ctx, shop = kiosk_ctx
    kiosk = make_kiosk(qtbot, ctx, shop)
    assert kiosk.isFullScreen()
    given = [("5", "right", "More practice"), ("3", "fast", "Slower please"), ("4", "right", "")]
    for usefulness, pace, improve in given:
        answer(qtbot, kiosk, usefulness, pace, improve)
        assert kiosk.pages.currentWidget() is kiosk.start_page
        assert kiosk.form is None and visible_answers(kiosk) == []
    rows = stored(ctx)
    responses: dict[str, dict[str, str]] = {}
    for row in rows:
        responses.setdefault(row["response_id"], {})[row["question"]] = row["answer"]
    assert sorted(responses.values(), key=lambda r: r["usefulness"]) == [
        {"usefulness": "3", "pace": "Too fast", "improve": "Slower please"},
        {"usefulness": "4", "pace": "About right"},
        {"usefulness": "5", "pace": "About right", "improve": "More practice"},
    ]
    people = {str(p["id"]) for p in stored(ctx, "SELECT id FROM profiles")}
    assert len(people) == 2
    for row in rows:  # nothing in a row names a person or a moment
        assert not set(map(str, tuple(row))) & people
        assert set(row.keys()).isdisjoint({"profile_id", "participant_id", "at", "device_id"})


def test_an_idle_form_goes_back_to_the_start_screen_blank(qtbot, kiosk_ctx):
    ctx, shop = kiosk_ctx
    kiosk = make_kiosk(qtbot, ctx, shop, idle_ms=300)
    with qtbot.waitSignal(kiosk.form_shown):
        kiosk.start_button.click()
    qtbot.keyClicks(box(kiosk, "improve").text, "Half an answer")
    qtbot.mouseClick(box(kiosk, "before").buttons["2"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.start_shown, timeout=10_000):
        pass  # the respondent walked away
    assert kiosk.pages.currentWidget() is kiosk.start_page and visible_answers(kiosk) == []
    with qtbot.waitSignal(kiosk.form_shown):
        kiosk.start_button.click()
    assert visible_answers(kiosk) == []
    assert stored(ctx) == []  # an unsent form is never saved


def test_leaving_needs_the_facilitators_pin(qtbot, kiosk_ctx):
    ctx, shop = kiosk_ctx
    kiosk = make_kiosk(qtbot, ctx, shop)
    kiosk.close()  # closing the window only asks for the PIN
    assert kiosk.isVisible() and kiosk.pages.currentWidget() is kiosk.pin_page
    qtbot.keyClicks(kiosk.pin, "1111")
    with qtbot.waitSignal(kiosk.pin_refused, timeout=20_000) as refused:
        qtbot.keyClick(kiosk.pin, K.Key_Return)
    assert "PIN" in refused.args[0] and kiosk.pin_message.text() == refused.args[0]
    assert kiosk.isVisible() and kiosk.pages.currentWidget() is kiosk.pin_page
    assert kiosk.pin.text() == ""
    qtbot.keyClicks(kiosk.pin, PIN)
    with qtbot.waitSignal(kiosk.left, timeout=20_000):
        qtbot.keyClick(kiosk.pin, K.Key_Return)
    assert not kiosk.isVisible()


def test_escape_from_a_form_drops_it_and_asks_for_the_pin(qtbot, kiosk_ctx):
    ctx, shop = kiosk_ctx
    kiosk = make_kiosk(qtbot, ctx, shop)
    with qtbot.waitSignal(kiosk.form_shown):
        kiosk.start_button.click()
    qtbot.keyClicks(box(kiosk, "improve").text, "Private thought")
    qtbot.keyClick(QApplication.focusWidget() or kiosk, K.Key_Escape)
    assert kiosk.pages.currentWidget() is kiosk.pin_page and visible_answers(kiosk) == []
    qtbot.mouseClick(
        next(b for b in kiosk.pin_page.findChildren(QAbstractButton) if "start" in b.text()),
        Qt.MouseButton.LeftButton,
    )
    assert kiosk.pages.currentWidget() is kiosk.start_page

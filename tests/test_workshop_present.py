"""Workshop mode's Present tab: sign in leads to the workshop home; a planned session is
presented (pack items, a module, a break's large frame) with the keys, the G preview stays
on the console, the agenda as delivered is kept in records.db, the clock and timers follow
the locale, and big touch buttons act like the keys."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from offscreen_screens import run_on_screens, screen
from PySide6.QtCore import Qt
from test_presenter import add_facilitator, open_workshop, sign_in
from ui_shell import prepare

import kit.i18n
from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import AgendaItem, Workshop, Workshops, WorkshopSession

K = Qt.Key
PACK_ID = "getting-started"
TOUR_SLIDES = 5  # the tour deck's slides; the teaching module has four lessons


def plan_workshop(data_dir: Path) -> Workshop:
    """A day with a morning session: the tour deck, a break, the teaching module."""
    morning = WorkshopSession(
        day=1,
        start="10:00",
        slot=40,
        title="Morning",
        items=(
            AgendaItem(kind="pack", pack_id=PACK_ID, item_id="tour", minutes=5),
            AgendaItem(kind="break", minutes=15),
            AgendaItem(kind="pack", pack_id=PACK_ID, module_id="teaching", minutes=20),
        ),
    )
    wrap = WorkshopSession(day=2, start="15:45", slot=15, title="Wrap-up",
                           items=(AgendaItem(kind="discussion", minutes=15),))  # fmt: skip
    with Records(DataDir(data_dir)) as records:
        return Workshops(records.rdb).save(Workshop(title="Wiki day", sessions=(morning, wrap)))


def delivered_rows(data_dir: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(DataDir(data_dir).records_db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM workshop_delivered ORDER BY seq").fetchall()
    finally:
        conn.close()


@pytest.fixture
def home(qtbot, data_dir, pack):
    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    shop = plan_workshop(data_dir)
    window = open_workshop(qtbot, data_dir)
    home = sign_in(qtbot, window)
    with qtbot.waitSignal(home.present.agenda_shown, timeout=20_000):
        home.choose(shop.id)  # what the Plan tab's workshop_chosen does
    yield window, home, shop
    window.shutdown()
    window.ctx.worker.stop()


def present(qtbot, window, home, *, entry: int | None = None):
    page = home.present
    page.select(0, entry)
    with qtbot.waitSignal(window.presenting, timeout=20_000):
        (page.item_button if entry is not None else page.session_button).click()
    return window.presenter


def test_sign_in_leads_to_the_home_and_sign_out_to_the_pin_form(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    window = open_workshop(qtbot, data_dir)
    home = sign_in(qtbot, window)
    assert window.pages.currentWidget() is home
    assert [home.tabs.tabText(i) for i in range(home.tabs.count())] == [
        "Plan", "Attendance", "Present", "Print", "Pre/post", "Feedback", "Report", "Needs",
        "Learners",
    ]  # fmt: skip
    assert not home.present.hint.isHidden() and home.present.agenda_box.isHidden()
    assert "Rosa" in home.heading.text()
    home.sign_out_button.click()
    assert window.pages.currentWidget() is window.form_page and window.home is None
    assert window.ctx.session.profile is None
    window.ctx.worker.stop()


def test_the_agenda_shows_days_sessions_start_times_and_items(qtbot, home) -> None:
    window, home, _shop = home
    tree = home.present.tree
    day1, day2 = tree.topLevelItem(0), tree.topLevelItem(1)
    assert (day1.text(1), day2.text(1)) == ("Day 1", "Day 2")
    morning = day1.child(0)
    assert tree.currentItem() is morning  # Enter or "Present this session" presents it
    assert (morning.text(0), morning.text(1), morning.text(2)) == (
        "10:00\u202fAM",
        "Morning",
        "40 min",
    )
    rows = [(morning.child(i).text(0), morning.child(i).text(1)) for i in range(3)]
    assert rows == [("10:00\u202fAM", "A quick tour"), ("10:05\u202fAM", "Break"),
                    ("10:20\u202fAM", "For facilitators and trainers")]  # fmt: skip
    tree.setCurrentItem(morning.child(1))
    with qtbot.waitSignal(window.presenting, timeout=20_000):  # keyboard only: Enter
        qtbot.keyClick(tree, K.Key_Return)
    assert window.presenter.audience.frame.title == "Break"


def test_a_planned_session_is_presented_with_the_keys_and_its_times_are_kept(
    qtbot, home, data_dir
) -> None:
    window, home, shop = home
    presenter = present(qtbot, window, home)
    audience = presenter.audience
    assert len(presenter.frames) == TOUR_SLIDES + 1 + 4  # deck, break, the module's lessons
    assert window.isVisible() and not audience.isVisible()  # one screen: the console
    for _ in range(TOUR_SLIDES):
        qtbot.keyClick(window, K.Key_Right)
    text = audience.browser.toPlainText()
    assert "Break" in text and "15 min · back at" in text  # the break's one large frame
    assert audience.browser.point_size() >= 2 * 28
    assert window.console.title.text() == "Break"
    qtbot.keyClick(window, K.Key_B)
    assert audience.stack.currentWidget() is audience.curtain
    qtbot.keyClick(window, K.Key_B)
    qtbot.keyClick(window, K.Key_G)
    qtbot.keyClick(window, K.Key_Right)
    assert audience.frame.title == "Break" and "back at" in audience.browser.toPlainText()
    assert window.console.title.text() == "Run a workshop"  # previewed on the console only
    qtbot.keyClick(window, K.Key_Return)
    assert audience.frame.title == "Run a workshop" and audience.browser.point_size() < 2 * 28
    assert "Session:" in window.console.session_time.text() and "40:00" not in (
        window.console.session_time.text()
    )
    with qtbot.waitSignal(home.present.agenda_shown, timeout=20_000):  # redrawn: delivered
        qtbot.keyClick(window, K.Key_Escape)
    assert window.pages.currentWidget() is home and window.presenter is None
    tree = home.present.tree
    qtbot.waitUntil(lambda: tree.topLevelItem(0).child(0).child(2).text(3) != "")
    morning_rows = tree.topLevelItem(0).child(0)
    assert all(morning_rows.child(i).text(3).startswith("0:0") for i in range(3))  # m:ss
    assert tree.topLevelItem(1).child(0).child(0).text(3) == ""  # day 2 not delivered yet
    window.shutdown()
    window.ctx.worker.call(lambda: None)  # the queued records are written
    rows = delivered_rows(data_dir)
    morning = shop.sessions[0]
    assert [r["item_id"] for r in rows] == [i.id for i in morning.items]
    assert {(r["workshop_id"], r["session_id"]) for r in rows} == {(shop.id, morning.id)}
    assert all(r["started"] <= r["ended"] for r in rows)


def test_present_from_an_item_starts_there_and_counts_the_session_from_the_plan(
    qtbot, home
) -> None:
    window, home, _shop = home
    now = [0.0]
    presenter = present(qtbot, window, home, entry=2)  # the module, after deck and break
    for watch in (presenter.item_watch, presenter.session_watch):
        watch.clock = lambda: now[0]
        watch.reset()
    now[0] = 60.0
    presenter.refresh_times()
    assert presenter.audience.frame.title == "Run a workshop"
    # 20 planned minutes before it + 1 elapsed, of the session's 40-minute slot
    assert window.console.session_time.text() == "Session: 21:00 elapsed, 19:00 left"
    assert window.console.item_time.text() == "Item: 1:00 elapsed, 19:00 left"
    now[0] = 60.0 * 45
    presenter.refresh_times()
    assert window.console.band == "far-over" and window.console.session_band == "far-over"


def test_a_module_on_its_own_keeps_no_delivered_times(qtbot, home, data_dir) -> None:
    window, home, _shop = home
    with qtbot.waitSignal(window.presenting, timeout=20_000):
        home.present.module_button.click()
    presenter = window.presenter
    with qtbot.waitSignal(presenter.delivered):
        qtbot.keyClick(window, K.Key_Escape)
    window.shutdown()
    window.ctx.worker.call(lambda: None)
    assert delivered_rows(data_dir) == []


def test_a_session_removed_meanwhile_is_said_in_one_sentence(qtbot, home, data_dir) -> None:
    window, home, shop = home
    present(qtbot, window, home)
    with Records(DataDir(data_dir)) as records:  # another window re-planned the day
        Workshops(records.rdb).save(replace(shop, sessions=shop.sessions[1:]))
    qtbot.keyClick(window, K.Key_Escape)
    message = "That session is not in this workshop's agenda."
    qtbot.waitUntil(lambda: home.present.message.text() == message, timeout=20_000)
    assert window.pages.currentWidget() is home and delivered_rows(data_dir) == []


def test_an_item_whose_pack_is_gone_is_marked_and_skipped(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    items = (AgendaItem(kind="pack", pack_id="gone", item_id="intro", minutes=10),
             AgendaItem(kind="hands-on", minutes=30))  # fmt: skip
    with Records(DataDir(data_dir)) as records:
        shop = Workshops(records.rdb).save(
            Workshop(title="Old plan", sessions=(WorkshopSession(1, "09:00", 40, items=items),))
        )
    window = open_workshop(qtbot, data_dir)
    home = sign_in(qtbot, window)
    with qtbot.waitSignal(home.present.agenda_shown, timeout=20_000):
        home.choose(shop.id)
    session = home.present.tree.topLevelItem(0).child(0)
    assert session.text(1) == "Session 1"
    assert session.child(0).text(1) == "gone/intro (not installed)"
    presenter = present(qtbot, window, home, entry=0)
    assert len(presenter.frames) == 1 and presenter.audience.frame.title == "Hands-on time"
    assert "30 min" in presenter.audience.browser.toPlainText()
    window.shutdown()
    window.ctx.worker.stop()


def test_big_touch_buttons_act_like_the_keys_and_stay_on_for_the_session(qtbot, home) -> None:
    window, home, _shop = home
    presenter = present(qtbot, window, home)
    touch = window.console.touch
    assert not touch.isVisible()
    qtbot.keyClick(window, K.Key_T)
    assert touch.isVisible() and window.console.touch_button.isChecked()
    buttons = touch.buttons
    assert all(buttons[n].height() >= 64 for n in ("previous", "next", "black", "room", "go_to"))
    qtbot.mouseClick(buttons["next"], Qt.MouseButton.LeftButton)
    assert presenter.index == 1
    qtbot.mouseClick(buttons["previous"], Qt.MouseButton.LeftButton)
    assert presenter.index == 0
    qtbot.mouseClick(buttons["black"], Qt.MouseButton.LeftButton)
    assert presenter.audience.blank == "black"
    qtbot.mouseClick(buttons["go_to"], Qt.MouseButton.LeftButton)
    assert buttons["show"].isVisible()
    qtbot.mouseClick(buttons["next"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["next"], Qt.MouseButton.LeftButton)
    assert presenter.index == 0 and presenter.preview == 2
    qtbot.mouseClick(buttons["show"], Qt.MouseButton.LeftButton)
    assert presenter.index == 2 and not buttons["show"].isVisible()
    qtbot.mouseClick(buttons["room"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["done"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["help"], Qt.MouseButton.LeftButton)
    assert presenter.room == (1, 1)
    qtbot.keyClick(window, K.Key_Escape)  # closes the room status, then leaves
    qtbot.keyClick(window, K.Key_Escape)
    assert window.presenter is None
    presenter = present(qtbot, window, home)  # the next talk: still the touch layout
    assert touch.isVisible()
    qtbot.mouseClick(touch.buttons["next"], Qt.MouseButton.LeftButton)
    assert presenter.index == 1
    window.sign_out()  # the next facilitator starts with the usual console
    assert not window.console.touch_button.isChecked() and window.presenter is None


def test_clock_timers_and_a_break_frame_follow_the_language(qtbot) -> None:
    from kit.ui.operations.presenter import Frame
    from kit.ui.workshop.audience import AudienceView, custom_frame
    from kit.ui.workshop.timing import clock_text, timer_text

    at = dt.datetime(2026, 3, 14, 10, 30)
    try:
        assert (clock_text(dt.time(10, 45)), timer_text(-90), timer_text(605)) == (
            "10:45\u202fAM", "-1:30", "10:05",
        )  # fmt: skip
        kit.i18n.set_language("es")
        assert clock_text(dt.time(15, 5)) == "15:05"
        kit.i18n.set_language("ar")
        assert "ص" in clock_text(dt.time(10, 45))  # the Arabic morning marker
        assert timer_text(-90).endswith("-1:30") and timer_text(-90) != "-1:30"  # its minus
        frame = custom_frame(Frame(0, "استراحة", "", rtl=True, custom_minutes=15), at)
        view = AudienceView()
        qtbot.addWidget(view)
        view.show_frame(frame)
        assert view.browser.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert "10:45" in view.browser.toPlainText() and "استراحة" in view.browser.toPlainText()
    finally:
        kit.i18n.set_language("en")


def test_under_arabic_a_break_reads_right_to_left(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    shop = plan_workshop(data_dir)
    kit.i18n.set_language("ar")
    try:
        window = open_workshop(qtbot, data_dir)
        home = sign_in(qtbot, window)
        with qtbot.waitSignal(home.present.agenda_shown, timeout=20_000):
            home.choose(shop.id)
        assert home.layoutDirection() == Qt.LayoutDirection.RightToLeft  # the home reads RTL
        audience = present(qtbot, window, home, entry=1).audience
        assert window.console.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert "استراحة" in audience.browser.toPlainText()  # "Break"
        assert audience.browser.layoutDirection() == Qt.LayoutDirection.RightToLeft
        qtbot.keyClick(window, K.Key_Right)  # the module's first lesson, in English
        assert audience.browser.layoutDirection() == Qt.LayoutDirection.LeftToRight
        window.shutdown()
        window.ctx.worker.stop()
    finally:
        kit.i18n.set_language("en")


def test_a_planned_session_on_two_screens_keeps_the_projector_to_the_talk(
    data_dir: Path, tmp_path: Path, pack, monkeypatch
) -> None:
    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    shop = plan_workshop(data_dir)
    monkeypatch.setenv("KIT_PRESENT_WORKSHOP", shop.id)
    screens = [screen("Laptop", 0, 1366, 768), screen("Projector", 1366, 1920, 1080)]
    out = run_on_screens("present_two_screens.py", data_dir, tmp_path, screens)
    assert out["start"] == {"console": "Laptop", "audience": "Projector", "full": True}
    assert out["preview"]["projector_unchanged"] is True
    assert (out["preview"]["projector"], out["preview"]["console"]) == ("A quick tour", "Break")
    assert out["removed"]["frame"] == out["before_removed"] + 1
    assert out["home_after"] is True and out["delivered"] >= 1


def test_the_clock_and_back_at_are_the_rooms_local_time(monkeypatch) -> None:
    import time

    from kit.ui.workshop.timing import clock_text

    monkeypatch.setenv("TZ", "America/Bogota")  # UTC-5, no daylight saving
    time.tzset()
    try:
        assert clock_text(dt.datetime(2026, 3, 14, 15, 0, tzinfo=dt.UTC)) == "10:00\u202fAM"
    finally:
        monkeypatch.undo()
        time.tzset()

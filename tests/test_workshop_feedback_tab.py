"""Workshop mode's Feedback tab through real widgets on a real records.db: minute cards
typed in from paper with the keyboard only, shown back grouped at the start of the next
half-day full screen, and the kiosk survey started from the tab."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget

from kit.core.records import Records
from kit.core.workshops import Workshop, Workshops, WorkshopSession

K = Qt.Key
PIN = "4321"


@pytest.fixture
def feedback(qtbot, data_dir):
    yield from _feedback(qtbot, data_dir, [])


@pytest.fixture
def feedback_pack(qtbot, data_dir, pack):
    yield from _feedback(qtbot, data_dir, [pack])


def _feedback(qtbot, data_dir, packs):
    from ui_shell import prepare

    from kit.ui.context import AppContext, Services, Session
    from kit.ui.operations.core import close_core, open_core
    from kit.ui.runners.worker import Worker
    from kit.ui.workshop.feedback.page import FeedbackPage

    data = prepare(data_dir, packs)
    with Records(data) as records:
        shop = Workshops(records.rdb).save(
            Workshop(
                title="Wiki editing",
                starts="2026-03-14",
                sessions=(
                    WorkshopSession(day=1, start="09:00", slot=90, title="Morning"),
                    WorkshopSession(day=1, start="13:30", slot=90, title="Afternoon"),
                ),
            )
        )
        rosa = records.create_profile("Rosa", pin=PIN, role="facilitator")
    ctx = AppContext(services=Services(data, Worker()), session=Session(profile=rosa))
    open_core(ctx).run()
    qtbot.waitUntil(lambda: ctx.opened, timeout=20_000)
    page = FeedbackPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show_workshop(shop.id)
    yield page, shop, ctx
    for window in (page.kiosk, page.show_back_window):
        if window is not None:
            window.unlocked = True
            window.close()
    close_core(ctx)


def choose_session(page, title: str) -> None:
    page.session.setCurrentIndex(next(
        n for n in range(page.session.count()) if page.session.itemText(n).endswith(title)
    ))  # fmt: skip


def type_card(qtbot, page, first: str, second: str) -> None:
    """Keyboard only: the first side, Enter, the other side, Enter saves the card."""
    cards = page.cards
    cards.first.setFocus()
    qtbot.keyClicks(cards.first, first)
    qtbot.keyClick(cards.first, K.Key_Return)
    assert cards.second.hasFocus()
    qtbot.keyClicks(cards.second, second)
    with qtbot.waitSignal(cards.saved, timeout=20_000):
        qtbot.keyClick(cards.second, K.Key_Return)
    assert cards.first.hasFocus() and cards.first.text() == cards.second.text() == ""


def test_minute_cards_typed_in_and_shown_back_grouped(qtbot, feedback):
    page, _shop, ctx = feedback
    choose_session(page, "Morning")
    typed = [("Links", "References"), ("links", "Talk pages"), ("Headings", "References")]
    for first, second in typed:
        type_card(qtbot, page, first, second)
    assert "3 cards saved" in page.cards.state.text()
    qtbot.waitUntil(lambda: page.counts.text().startswith("3 minute cards"), timeout=20_000)
    conn = sqlite3.connect(ctx.services.data.records_db)
    rows = conn.execute("SELECT question, answer FROM workshop_feedback").fetchall()
    conn.close()
    assert sorted(rows) == sorted(
        [("clearest", f) for f, _s in typed] + [("muddiest", s) for _f, s in typed]
    )
    choose_session(page, "Afternoon")  # the start of the next half-day
    with qtbot.waitSignal(page.shown_back, timeout=20_000) as shown:
        qtbot.mouseClick(page.show_back_button, Qt.MouseButton.LeftButton)
    assert shown.args == [True]
    window = page.show_back_window
    assert window.isFullScreen()
    text = window.text.text()
    assert "day 1, morning" in text
    clearest, muddy = text.index("What was clearest?"), text.index("What is still muddy?")
    assert clearest < text.index("Links (×2)") < text.index("Headings") < muddy
    assert muddy < text.index("References (×2)") < text.index("Talk pages")
    assert window.text.font().pointSizeF() >= 24  # read from the back of the room
    qtbot.keyClick(window, K.Key_Escape)
    assert not window.isVisible()


def test_nothing_to_show_back_says_so(qtbot, feedback):
    page, _shop, _ctx = feedback
    choose_session(page, "Morning")
    with qtbot.waitSignal(page.shown_back, timeout=20_000) as shown:
        page.show_back_button.click()
    assert shown.args == [False] and "no cards" in page.message.text()


def test_one_up_one_down_cards_use_their_own_prompts(qtbot, feedback):
    page, _shop, _ctx = feedback
    page.cards.kind.setCurrentIndex(page.cards.kind.findData("updown"))
    assert page.cards.first_label.text() == "One up: what went well"
    type_card(qtbot, page, "The exercises", "Too hot")
    qtbot.waitUntil(lambda: "1 one up, one down card" in page.counts.text(), timeout=20_000)
    page.cards.first.setFocus()
    qtbot.keyClick(page.cards.first, K.Key_Return)
    qtbot.keyClick(page.cards.second, K.Key_Return)  # an empty card is not saved
    assert "empty" in page.cards.state.text()


def test_the_kiosk_survey_starts_from_the_tab_and_counts(qtbot, feedback):
    page, _shop, _ctx = feedback
    assert page.survey.currentText() == "Workshop feedback"
    assert page.idle.value() == 90
    page.idle.setValue(45)
    qtbot.mouseClick(page.kiosk_button, Qt.MouseButton.LeftButton)
    kiosk = page.kiosk
    assert kiosk is not None and kiosk.isFullScreen() and kiosk.idle.interval() == 45_000
    with qtbot.waitSignal(kiosk.form_shown):
        kiosk.start_button.click()
    kiosk.form.boxes[0].buttons["4"].click()
    with qtbot.waitSignal(kiosk.saved, timeout=20_000):
        kiosk.form.send_button.click()
    qtbot.keyClick(kiosk, K.Key_Escape)
    qtbot.keyClicks(kiosk.pin, PIN)
    with qtbot.waitSignal(kiosk.left, timeout=20_000):
        qtbot.keyClick(kiosk.pin, K.Key_Return)
    qtbot.waitUntil(lambda: "1 survey response" in page.counts.text(), timeout=20_000)


def test_the_workshop_home_has_a_feedback_tab(qtbot, feedback):
    from kit.ui.workshop.feedback.page import FeedbackPage
    from kit.ui.workshop.home import WorkshopHome

    _page, shop, ctx = feedback
    home = WorkshopHome(ctx)
    qtbot.addWidget(home)
    tabs = home.findChild(QTabWidget)
    titles = [tabs.tabText(n) for n in range(tabs.count())]
    page = tabs.widget(titles.index("Feedback"))
    assert isinstance(page, FeedbackPage)
    home.choose(shop.id)
    assert page.workshop_id == shop.id


def test_a_pack_survey_runs_in_the_kiosk(qtbot, feedback_pack):
    page, _shop, ctx = feedback_pack
    titles = [page.survey.itemText(n) for n in range(page.survey.count())]
    assert titles == ["Workshop feedback", "Tell us what you think"]
    page.survey.setCurrentIndex(1)
    page.kiosk_button.click()
    kiosk = page.kiosk
    with qtbot.waitSignal(kiosk.form_shown):
        kiosk.start_button.click()
    boxes = {b.question.id: b for b in kiosk.form.boxes}
    assert boxes["useful"].prompt.text() == "This pack helped me start using Training Kit."
    boxes["useful"].buttons["4"].click()
    boxes["wanted"].buttons["1"].click()
    boxes["wanted"].buttons["3"].click()
    qtbot.keyClicks(boxes["comments"].text, "Great")
    with qtbot.waitSignal(kiosk.saved, timeout=20_000):
        qtbot.keyClick(boxes["comments"].text, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert kiosk.pages.currentWidget() is kiosk.start_page
    conn = sqlite3.connect(ctx.services.data.records_db)
    rows = conn.execute("SELECT survey, question, answer FROM workshop_feedback").fetchall()
    conn.close()
    key = "getting-started/feedback"
    assert sorted(rows) == [
        (key, "comments", "Great"),
        (key, "useful", "Agree"),
        (key, "wanted", "Installing packs"),
        (key, "wanted", "Running workshops"),
    ]


def test_under_arabic_the_kiosk_and_the_show_back_read_right_to_left(qtbot, feedback):
    page, _shop, ctx = feedback
    ctx.session.language = "ar"
    page.kiosk_button.click()
    assert page.kiosk.layoutDirection() == Qt.LayoutDirection.RightToLeft
    choose_session(page, "Morning")
    page.cards.first.setText("الروابط")  # QTest types Latin-1 keys only
    with qtbot.waitSignal(page.cards.saved, timeout=20_000):
        page.cards.add_button.click()
    choose_session(page, "Afternoon")
    with qtbot.waitSignal(page.shown_back, timeout=20_000):
        page.show_back_button.click()
    assert page.show_back_window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "الروابط" in page.show_back_window.text.text()


def test_show_back_goes_to_the_projector_and_the_kiosk_stays_on_the_laptop(data_dir, tmp_path):
    from offscreen_screens import run_on_screens, screen
    from ui_shell import prepare

    from kit.core.workshops.feedback import MINUTE, Feedback

    with Records(prepare(data_dir)) as records:
        shop = Workshops(records.rdb).save(
            Workshop(
                title="Wiki editing",
                sessions=(
                    WorkshopSession(day=1, start="09:00", slot=90, title="Morning"),
                    WorkshopSession(day=1, start="13:30", slot=90, title="Afternoon"),
                ),
            )
        )
        records.create_profile("Rosa", pin=PIN, role="facilitator")
        Feedback(records.rdb).record_cards(
            shop.id, MINUTE, shop.sessions[0].id, [{"clearest": "Links"}]
        )
    (data_dir / "workshop-id").write_text(shop.id, encoding="utf-8")
    screens = [screen("Laptop", 0, 1366, 768), screen("Projector", 1366, 1920, 1080)]
    out = run_on_screens("feedback_two_screens.py", data_dir, tmp_path, screens)
    assert out == {
        "page": "Laptop",
        "show_back": "Projector",
        "show_back_full": True,
        "kiosk": "Laptop",
        "kiosk_full": True,
    }

"""Workshop mode's presenter: a facilitator (PIN) presents a module with the keys people
know; the projector never shows the G preview; screens come and go (kit.ui.workshop)."""

from __future__ import annotations

from pathlib import Path

import pytest
from offscreen_screens import run_on_screens, screen
from PySide6.QtCore import Qt
from ui_shell import prepare

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.ui.workshop.timing import APPROACHING, EARLY, FAR_OVER, ON_TIME, OVER, Stopwatch, band

HERE = Path(__file__).resolve().parent
K = Qt.Key


def add_facilitator(data_dir: Path, name: str = "Rosa", pin: str = "4321"):
    with Records(DataDir(data_dir)) as records:
        return records.create_profile(name, pin=pin, role="facilitator")


def open_workshop(qtbot, data_dir: Path):
    from kit.ui.context import Services
    from kit.ui.runners.worker import Worker
    from kit.ui.workshop.window import WorkshopWindow

    services = Services(DataDir(data_dir), Worker())
    window = WorkshopWindow(services)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.show()
    return window


def sign_in(qtbot, window, pin: str = "4321"):
    """Type the PIN, sign in and wait for the workshop home (its modules listed)."""
    window.pin.setText(pin)
    with qtbot.waitSignal(window.signed_in, timeout=20_000):
        window.sign_in_button.click()
    page = window.home.present
    qtbot.waitUntil(lambda: page.modules.count() > 0, timeout=20_000)
    return window.home


@pytest.fixture
def presenting(qtbot, data_dir, pack):
    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    window = open_workshop(qtbot, data_dir)
    home = sign_in(qtbot, window)
    with qtbot.waitSignal(window.presenting, timeout=20_000):
        home.present.module_button.click()
    yield window, window.presenter
    window.shutdown()
    window.ctx.worker.stop()


def press(qtbot, widget, key, text: str = "") -> None:
    qtbot.keyClick(widget, key) if not text else qtbot.keyClicks(widget, text)


def test_a_wrong_pin_does_not_open_the_presenter(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    window = open_workshop(qtbot, data_dir)
    window.pin.setText("0000")
    window.sign_in_button.click()
    qtbot.waitUntil(lambda: window.message.text() != "", timeout=10_000)
    assert window.home is None and "PIN" in window.message.text()
    window.ctx.worker.stop()


def test_keys_move_through_the_module_and_blank_the_screen(qtbot, presenting) -> None:
    window, presenter = presenting
    audience = presenter.audience
    first = audience.frame
    assert first is presenter.frames[0] and "<" in audience.browser.toHtml()
    assert window.isVisible() and not audience.isVisible()  # one screen: the console
    for key in (K.Key_Space, K.Key_Right, K.Key_PageDown):
        qtbot.keyClick(window, key)
    assert audience.frame is presenter.frames[3]
    qtbot.keyClick(window, K.Key_PageUp)
    qtbot.keyClick(window, K.Key_Left)
    assert audience.frame is presenter.frames[1]
    assert window.console.title.text() == presenter.frames[1].title
    qtbot.keyClick(window, K.Key_B)
    assert audience.blank == "black" and audience.stack.currentWidget() is audience.curtain
    qtbot.keyClick(window, K.Key_B)
    assert audience.blank is None
    qtbot.keyClicks(window, ",")
    assert audience.blank == "white"
    qtbot.keyClick(window, K.Key_S)  # one screen: S switches to the audience view
    assert audience.isVisible() and audience.isFullScreen() and not window.isVisible()
    qtbot.keyClick(audience, K.Key_S)
    assert window.isVisible() and not audience.isVisible()


def test_g_previews_on_the_console_only(qtbot, presenting) -> None:
    window, presenter = presenting
    audience = presenter.audience
    shown, html = audience.frame, audience.browser.toHtml()
    qtbot.keyClick(window, K.Key_G)
    qtbot.keyClick(window, K.Key_Right)
    qtbot.keyClick(window, K.Key_Right)
    assert audience.frame is shown and audience.browser.toHtml() == html
    assert window.console.title.text() == presenter.frames[2].title
    assert window.console.preview_label.isVisible()
    qtbot.keyClick(window, K.Key_Return)
    assert audience.frame is presenter.frames[2] and not window.console.preview_label.isVisible()


def test_leaving_an_item_records_its_time_and_the_timer_shows_its_band(qtbot, presenting) -> None:
    window, presenter = presenting
    now = [100.0]
    for watch in (presenter.item_watch, presenter.session_watch):
        watch.clock = lambda: now[0]
        watch.reset()
    target = presenter.entries[0].minutes * 60
    now[0] += target * 1.2
    presenter.refresh_times()
    assert window.console.band == OVER
    with qtbot.waitSignal(presenter.delivered) as got:
        qtbot.keyClick(window, K.Key_Right)
    assert got.args == [presenter.entries[0].pack_id, presenter.entries[0].item_id, target * 1.2]
    qtbot.waitUntil(lambda: len(presenter.log.items) == 1)
    qtbot.keyClick(window, K.Key_P)
    assert "paused" in window.console.item_time.text()


def test_room_status_counts_taps_and_help_shows_the_keys(qtbot, presenting) -> None:
    window, presenter = presenting
    qtbot.keyClick(window, K.Key_C)
    for key in (K.Key_D, K.Key_D, K.Key_H):
        qtbot.keyClick(window, key)
    assert presenter.room == (2, 1)
    assert "Done: 2" in window.console.overlay.toPlainText()
    qtbot.keyClick(window, K.Key_C)
    assert presenter.room is None and not window.console.overlay.isVisible()
    qtbot.keyClick(window, K.Key_F1)
    assert "Black screen" in window.console.overlay.toPlainText()
    qtbot.keyClick(window, K.Key_F1)
    assert not window.console.overlay.isVisible()
    qtbot.keyClicks(window, "?")
    assert window.console.overlay.isVisible()


def test_esc_leaves_the_presenter_and_records_the_last_item(qtbot, presenting) -> None:
    window, presenter = presenting
    qtbot.keyClick(window, K.Key_S)
    assert presenter.audience.isVisible()
    with qtbot.waitSignal(presenter.delivered) as got:
        qtbot.keyClick(presenter.audience, K.Key_Escape)
    assert got.args[1] == presenter.entries[0].item_id
    assert window.presenter is None and window.isVisible()
    assert window.pages.currentWidget() is window.home  # back to the workshop home
    assert not presenter.audience.isVisible()


def test_timer_bands_and_pause() -> None:
    assert [band(s, 100) for s in (10, 85, 105, 120, 200)] == [
        EARLY, APPROACHING, ON_TIME, OVER, FAR_OVER,
    ]  # fmt: skip
    now = [0.0]
    watch = Stopwatch(lambda: now[0])
    now[0] = 10
    watch.toggle_pause()
    now[0] = 50
    assert watch.elapsed() == 10
    watch.toggle_pause()
    now[0] = 55
    assert watch.elapsed() == 15


def test_two_screens_projector_swap_and_a_screen_removed_mid_talk(
    data_dir: Path, tmp_path: Path, pack
) -> None:
    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    screens = [screen("Laptop", 0, 1366, 768), screen("Projector", 1366, 1920, 1080)]
    out = run_on_screens("present_two_screens.py", data_dir, tmp_path, screens)
    assert out["start"] == {"console": "Laptop", "audience": "Projector", "full": True}
    assert out["swapped"] == {"console": "Projector", "audience": "Laptop", "full": True}
    assert out["removed"]["frame"] == out["before_removed"] + 1  # the talk went on
    assert out["removed"]["console_visible"] is True


def test_workshop_mode_opens_its_own_window_not_the_learners_library(qtbot, data_dir, pack) -> None:
    from kit.app import App
    from kit.ui.main_window import StartOptions
    from kit.ui.modes.workshop import WorkshopMode
    from kit.ui.workshop.presenter import Presenter
    from kit.ui.workshop.window import WorkshopWindow

    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    root = App(DataDir(data_dir), StartOptions(), WorkshopMode)
    (window,) = root.start()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.who.count() == 1, timeout=20_000)
    assert isinstance(window, WorkshopWindow) and window.who.currentText() == "Rosa"
    home = sign_in(qtbot, window)
    assert home.present.modules.count() == 2  # the pack's two modules
    assert all(callable(getattr(Presenter, a.handler)) for a in WorkshopMode.actions)
    root.shutdown()


def test_the_audience_view_reads_right_to_left_and_grows_with_the_screen(qtbot) -> None:
    from kit.ui.operations.presenter import Frame
    from kit.ui.workshop.audience import AudienceView

    view = AudienceView()
    qtbot.addWidget(view)
    view.show_frame(Frame(0, "درس", "<h1>مرحبا</h1>", rtl=True))
    assert view.browser.layoutDirection() == Qt.LayoutDirection.RightToLeft
    view.fit_to(768)
    small = view.browser.point_size()
    view.fit_to(1080)
    assert view.browser.point_size() > small >= 28
    view.show_frame(Frame(0, "Lesson", "<h1>Hello</h1>"))
    assert view.browser.layoutDirection() == Qt.LayoutDirection.LeftToRight

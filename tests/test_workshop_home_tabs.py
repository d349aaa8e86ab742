"""Workshop mode's home builds a tab the first time it is shown (issue 18); a facilitator
sees the same as before: the same tabs in the same order, Ctrl+Tab moves through them, a
tab shown after the workshop was chosen shows that workshop, and presenting from it works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_presenter import add_facilitator, open_workshop, sign_in
from test_workshop_present import plan_workshop
from ui_shell import prepare

K = Qt.Key


def test_a_tab_first_shown_after_choosing_shows_the_workshop(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    shop = plan_workshop(data_dir)
    window = open_workshop(qtbot, data_dir)
    home = sign_in(qtbot, window)
    with qtbot.waitSignal(home.plan.shown, timeout=20_000):
        home.plan.show_workshop(shop.id)
        home.choose(shop.id)  # what the Plan tab's workshop_chosen does
    assert home.tabs.currentIndex() == 0
    for _step in range(2):  # Plan, Attendance, Present
        qtbot.keyClick(home.tabs, K.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert home.tabs.tabText(home.tabs.currentIndex()) == "Present"
    page = home.tabs.currentWidget()
    assert page is home.present and page.isVisible()
    tree = page.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 2, timeout=20_000)
    assert page.agenda_box.title() == "Wiki day" and page.hint.isHidden()
    assert tree.topLevelItem(0).child(0).text(1) == "Morning"
    page.select(0)
    with qtbot.waitSignal(window.presenting, timeout=20_000):
        page.session_button.click()
    window.presenter.leave()
    qtbot.keyClick(home.tabs, K.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert home.tabs.tabText(home.tabs.currentIndex()) == "Print"
    assert home.tabs.indexOf(home.printing) == 3
    assert home.printing.isVisible()
    window.shutdown()
    window.ctx.worker.stop()

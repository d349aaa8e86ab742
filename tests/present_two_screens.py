"""Run under an offscreen platform with two screens: the presenter puts the audience view
full screen on the projector and the console on the laptop, S swaps them, and when the
projector goes away mid-talk the talk goes on. Prints JSON for tests/test_presenter.py.
With KIT_PRESENT_WORKSHOP set to a workshop's id it presents that workshop's first session
from the Present tab (else a module) and reports the delivered rows kept after leaving.

    QT_QPA_PLATFORM=offscreen:configfile=screens.json python tests/present_two_screens.py DATA
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(data: Path) -> dict:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from kit.core.paths import DataDir
    from kit.ui.context import Services
    from kit.ui.runners.worker import Worker
    from kit.ui.workshop.window import WorkshopWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])

    def wait(signal) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(20_000, loop.quit)
        loop.exec()

    window = WorkshopWindow(Services(DataDir(data), Worker()))
    window.show()
    wait(window.ready)
    window.pin.setText("4321")
    window.sign_in_button.click()
    wait(window.signed_in)
    page = window.home.present
    workshop = os.environ.get("KIT_PRESENT_WORKSHOP")
    if workshop:
        window.home.choose(workshop)
        wait(page.agenda_shown)
        page.select(0)
        page.session_button.click()
    else:
        wait(page.modules_shown)
        page.module_button.click()
    wait(window.presenting)
    presenter = window.presenter
    app.processEvents()

    def where() -> dict:
        return {
            "console": window.screen().name(),
            "audience": presenter.audience.screen().name(),
            "full": presenter.audience.isFullScreen(),
        }

    out = {"start": where()}
    shown = presenter.audience.frame
    for key in (Qt.Key.Key_G, *[Qt.Key.Key_Right] * 5):
        presenter.key(key)  # G: the preview moves on the console only
    out["preview"] = {
        "projector_unchanged": presenter.audience.frame is shown,
        "console": window.console.title.text(),
        "projector": presenter.audience.frame.title,
    }
    presenter.key(Qt.Key.Key_Escape)
    presenter.key(Qt.Key.Key_S)
    app.processEvents()
    out["swapped"] = where()
    presenter.key(Qt.Key.Key_S)
    out["before_removed"] = presenter.index
    laptop, projector = QGuiApplication.screens()
    presenter.screens = lambda: [laptop]  # the projector is unplugged
    app.screenRemoved.emit(projector)
    for _ in range(3):
        app.processEvents()
    presenter.key(Qt.Key.Key_PageDown)
    out["removed"] = {
        "frame": presenter.frames.index(presenter.audience.frame),
        "console_visible": window.isVisible(),
    }
    if workshop:
        out["projector_html"] = presenter.audience.browser.toPlainText()
        window.shutdown()
        out["home_after"] = window.pages.currentWidget() is window.home
        count = "SELECT COUNT(*) AS n FROM workshop_delivered"  # after the queued records
        out["delivered"] = window.ctx.worker.call(
            lambda: window.ctx.records.rdb.query(count)[0]["n"]
        )
    else:
        window.shutdown()
    window.ctx.worker.stop()
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))

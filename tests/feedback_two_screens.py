"""Run under an offscreen platform with two screens: the previous half-day's cards are
shown back full screen on the projector, and the kiosk survey opens full screen on the
laptop. Prints JSON for tests/test_workshop_feedback_tab.py.

    QT_QPA_PLATFORM=offscreen:configfile=screens.json python tests/feedback_two_screens.py DATA
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(data_dir: Path) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kit.core.paths import DataDir
    from kit.core.records import Records
    from kit.ui.context import AppContext, Services, Session
    from kit.ui.operations.core import open_core
    from kit.ui.runners.worker import Worker
    from kit.ui.workshop.feedback.page import FeedbackPage

    app = QApplication.instance() or QApplication(sys.argv[:1])

    def wait(signal) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(20_000, loop.quit)
        loop.exec()

    data = DataDir(data_dir)
    with Records(data) as records:
        rosa = next(p for p in records.list_profiles() if p.name == "Rosa")
    ctx = AppContext(services=Services(data, Worker()), session=Session(profile=rosa))
    op = open_core(ctx)
    op.run()
    while not ctx.opened:
        app.processEvents()
    page = FeedbackPage(ctx)
    page.show()
    shop_id = (data_dir / "workshop-id").read_text(encoding="utf-8")
    page.show_workshop(shop_id)
    wait(page.loaded)
    page.session.setCurrentIndex(1)  # the afternoon: its morning is shown back
    page.show_back_button.click()
    wait(page.shown_back)
    app.processEvents()
    back = page.show_back_window
    page.kiosk_button.click()
    app.processEvents()
    out = {
        "page": page.screen().name(),
        "show_back": back.screen().name() if back else None,
        "show_back_full": bool(back and back.isFullScreen()),
        "kiosk": page.kiosk.screen().name(),
        "kiosk_full": page.kiosk.isFullScreen(),
    }
    ctx.worker.stop()
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))

"""Run under an offscreen platform with two screens: a mode that declares a second
window opens it on the second screen, on the same services, with a session of its own.
Prints, as JSON, what tests/test_ui_modes.py checks.

    QT_QPA_PLATFORM=offscreen:configfile=screens.json python tests/two_screens.py DATA
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(data: Path) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from kit.app import App
    from kit.core.paths import DataDir
    from kit.ui.main_window import StartOptions
    from kit.ui.modes.base import WindowSpec
    from kit.ui.modes.learner import LearnerMode, main_window

    class TwoScreens(LearnerMode):
        name = "two-screens"
        windows = (WindowSpec("main", main_window), WindowSpec("wall", main_window, screen=1))

    app = QApplication.instance() or QApplication(sys.argv[:1])
    root = App(DataDir(data), StartOptions(profile="Ana"), TwoScreens)
    windows = root.start()
    loop = QEventLoop()
    QTimer.singleShot(20_000, loop.quit)
    ready = []
    for window in windows:
        window.ready.connect(lambda: (ready.append(1), len(ready) == 2 and loop.quit()))
    loop.exec()
    main, wall = windows
    wall.sign_out()  # the wall's learner signs out; the main window's stays
    app.processEvents()
    out = {
        "screens": [w.screen().name() for w in windows],
        "inside": [w.screen().geometry().contains(w.geometry().center()) for w in windows],
        "shared_services": main.ctx.services is wall.ctx.services is root.services,
        "profiles": [getattr(w.ctx.profile, "name", None) for w in windows],
    }
    root.shutdown()
    out["closed"] = root.services.library is None and root.services.records is None
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))

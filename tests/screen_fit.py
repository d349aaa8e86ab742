"""Run as a script under a configured offscreen screen: open the real window on DATA and
print, as JSON, where the window and each page's parts ended up (tests/test_ui_screen.py).

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python tests/screen_fit.py DATA
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kit.ui.pages import kinds


def rect(widget, window) -> list[int]:
    """`widget`'s rectangle in `window` coordinates: x, y, width, height."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def in_scroll_area(widget) -> bool:
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def probe(data: Path) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea

    from kit.app.main import show_main_window
    from kit.core.paths import DataDir
    from kit.ui.main_window import StartOptions

    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = QEventLoop()
    QTimer.singleShot(20_000, loop.quit)
    window = show_main_window(DataDir(data), StartOptions(profile="Ana"))
    window.ready.connect(loop.quit)
    loop.exec()

    def wait_for(condition) -> None:
        loop = QEventLoop()
        QTimer.singleShot(10_000, loop.quit)
        timer = QTimer()
        timer.timeout.connect(lambda: condition() and loop.quit())
        timer.start(20)
        loop.exec()
        timer.stop()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def page_info(name: str) -> dict:
        settle()
        page = window.stack.currentWidget()
        buttons = {
            b.text(): [*rect(b, window), in_scroll_area(b)]
            for b in page.findChildren(QPushButton)
            if b.isVisibleTo(window) and b.text()
        }
        return {
            "name": name,
            "stack": [window.stack.width(), window.stack.height()],
            "minimum": [page.minimumSizeHint().width(), page.minimumSizeHint().height()],
            "buttons": buttons,
            "overflow": [
                [area.horizontalScrollBar().maximum(), area.verticalScrollBar().maximum()]
                for area in page.findChildren(QScrollArea)
                if area.isVisibleTo(window)
            ],
        }

    screen = window.screen().availableGeometry()
    out = {
        "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
        "window": [window.frameGeometry().x(), window.frameGeometry().y(),
                   window.frameGeometry().width(), window.frameGeometry().height()],
        "minimum": [window.minimumSize().width(), window.minimumSize().height()],
        "window_minimum_hint": [window.minimumSizeHint().width(),
                                window.minimumSizeHint().height()],
        "pages": [],
    }  # fmt: skip
    ready = window.pages.get(kinds.LibraryKind)
    out["pages"].append(page_info("library"))
    view = ready.view if ready is not None else None
    if view is not None and view.continue_to is not None:
        window.open_item(view.continue_to.pack_id, view.continue_to.item_id)
        reader = window.pages[kinds.ReaderKind]
        end = QEventLoop()
        QTimer.singleShot(10_000, end.quit)
        timer = QTimer()
        timer.timeout.connect(lambda: reader.footer.next.text() and end.quit())
        timer.start(20)
        end.exec()
        out["pages"].append(page_info("reader"))
    for name in ("getpacks", "progress", "about", "shortcuts"):
        shown = {"getpacks": window.show_get_packs}.get(name) or getattr(
            window, f"show_{name}", None
        )
        if shown is None:
            continue
        shown()
        out["pages"].append(page_info(name))
    profiles = window.show_profiles()
    wait_for(lambda: any(p.name == "Ana" for p in profiles.profiles))
    out["pages"].append(page_info("profiles"))
    profiles.manage_mode = True
    profiles.choose(next(p for p in profiles.profiles if p.name == "Ana"))
    out["pages"].append(page_info("manage"))
    window.close()
    window.shutdown()
    return out


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]))))

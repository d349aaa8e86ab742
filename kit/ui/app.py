"""Start the Qt application (and `kit --screenshot FILE`)."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.i18n import _


def run_app(
    data_dir: str | None = None, screenshot: str | None = None, lang: str | None = None
) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kit.core.paths import resolve_data_dir
    from kit.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Training Kit")
    app.setApplicationDisplayName(_("Training Kit"))
    data = resolve_data_dir(data_dir).ensure()
    window = MainWindow(data)
    window.resize(1100, 720)
    window.show()
    if screenshot:

        def shoot() -> None:
            ok = save_screenshot(window, Path(screenshot))
            window.close()
            app.exit(0 if ok else 1)

        window.ready.connect(lambda: QTimer.singleShot(50, shoot))
    return app.exec()


def save_screenshot(window, path: Path) -> bool:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    image = window.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    ok = image.save(str(path), "PNG")
    if not ok:
        print(_("Could not save the screenshot to {path}.").format(path=path), file=sys.stderr)
    return ok

"""The composition root: builds the app's services, picks the mode, opens its windows.

    app = App(data, StartOptions(...))          # services: data folder, workers, change hub
    windows = app.start()                       # the mode's windows, each on its screen
    app.open_window(spec, screen=1)             # another window (a projector), any time
    app.shutdown()                              # every window, then the databases

`kit` (kit.cli) calls kit.app.main.run_app. Nothing in kit/ui builds services or picks a
mode; kit/ui/ holds the widgets, operations and runners they use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.core.paths import DataDir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kit.ui.context import Services
    from kit.ui.main_window import StartOptions
    from kit.ui.modes.base import Mode, WindowSpec


class App:
    """One running app: its services, its mode and the windows it opened."""

    def __init__(
        self, data: DataDir, options: StartOptions | None = None, mode: type[Mode] | None = None
    ) -> None:
        from kit.ui.context import Services
        from kit.ui.main_window import StartOptions
        from kit.ui.modes.learner import LearnerMode
        from kit.ui.runners.worker import Worker

        self.options = options or StartOptions()
        self.mode = mode or LearnerMode
        self.services: Services = Services(data, Worker())
        self.windows: list[QWidget] = []
        self._closed = False

    def start(self) -> list[QWidget]:
        """Open every window the mode declares, each on its screen, and show them."""
        return [self.open_window(spec) for spec in self.mode.windows]

    def open_window(self, spec: WindowSpec, screen: int | None = None) -> QWidget:
        """Make the window `spec` on screen number `screen` (default: the spec's; the
        primary screen when there is no such screen) and show it."""
        window = spec.make(self, spec)
        place_on_screen(window, spec.screen if screen is None else screen)
        window.show()
        self.windows.append(window)
        return window

    def shutdown(self) -> None:
        """Close every window (downloads paused), then the databases and the workers."""
        if self._closed:
            return
        self._closed = True
        from kit.ui.operations.core import close_core

        for window in self.windows:
            stop = getattr(window, "shutdown", None)
            if stop is not None:
                stop()
        close_core(_context(self.services))


def place_on_screen(window: QWidget, number: int) -> None:
    """Put `window` on screen `number` (0 the primary), sized to that screen's free area."""
    from PySide6.QtGui import QGuiApplication

    screens = QGuiApplication.screens()
    screen = screens[number] if 0 <= number < len(screens) else QGuiApplication.primaryScreen()
    if screen is None:
        return
    window.setScreen(screen)
    free = screen.availableGeometry()
    window.move(free.topLeft())
    fit = getattr(window, "fit_to_screen", None)
    if fit is not None:
        fit()


def _context(services: Services):
    from kit.ui.context import AppContext

    return AppContext(services=services)

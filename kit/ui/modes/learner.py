"""Learner mode (today's app): one window, one signed-in learner at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from kit.i18n import N_
from kit.ui.modes.base import ActionSpec, Mode, WindowSpec
from kit.ui.pages import kinds


def main_window(app: Any, spec: WindowSpec) -> QWidget:
    """The learner's window on the app's services (kit.ui.main_window.MainWindow)."""
    from kit.ui.main_window import MainWindow

    return MainWindow(app.services.data, app.options, services=app.services, mode=app.mode)


class LearnerMode(Mode):
    name = "learner"
    windows = (WindowSpec("main", main_window),)
    actions = (
        ActionSpec(
            "get_packs",
            N_("Get packs"),
            "show_get_packs",
            "Ctrl+G",
            N_("Download packs from the web or a USB stick (Ctrl+G)"),
        ),
    )
    pages = kinds.ALL

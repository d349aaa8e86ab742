"""Workshop mode: a facilitator (PIN) signs in to the workshop home (plan, attendance,
present) and presents on a projector while the laptop shows the console (kit.ui.workshop).
Its own window and actions, not a page of the learner's library.

Its actions' handlers name methods of the presenter (kit.ui.workshop.presenter.Presenter),
which also takes the other keys people know (Presenter.key: Page Down, Right, '.', ',', '?').
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from kit.i18n import N_
from kit.ui.modes.base import ActionSpec, Mode, WindowSpec


def workshop_window(app: Any, spec: WindowSpec) -> QWidget:
    from kit.ui.workshop.window import WorkshopWindow

    return WorkshopWindow(app.services)


class WorkshopMode(Mode):
    name = "workshop"
    windows = (WindowSpec("console", workshop_window),)
    actions = (
        ActionSpec("next", N_("Next"), "next", "Space", N_("Next slide or item")),
        ActionSpec("previous", N_("Previous"), "previous", "Left"),
        ActionSpec("black", N_("Black screen"), "black", "B"),
        ActionSpec("white", N_("White screen"), "white", "W"),
        ActionSpec("swap", N_("Swap screens"), "swap", "S"),
        ActionSpec("go_to", N_("Go to an item"), "start_preview", "G"),
        ActionSpec("pause", N_("Pause the timer"), "pause", "P"),
        ActionSpec("reset", N_("Reset the timer"), "reset", "R"),
        ActionSpec("room", N_("Room status"), "room_status", "C"),
        ActionSpec(
            "touch", N_("Touch buttons"), "touch", "T", N_("Big buttons for a touch screen")
        ),
        ActionSpec("help", N_("Key help"), "help", "F1"),
        ActionSpec("leave", N_("Leave"), "leave", "Esc"),
    )

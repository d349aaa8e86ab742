"""A mode declares, as data, the windows it opens and the actions they offer (as Mu's
modes do, mu/modes/base.py): the window builds its menus and shortcuts from them.

    class LearnerMode(Mode):
        name = "learner"
        windows = (WindowSpec("main", make_main_window),)
        actions = (ActionSpec("get_packs", N_("Get packs"), "show_get_packs", "Ctrl+G"),)

A window's `make(app, spec)` gets the composition root (kit.app.App: the services, the
start options) and returns a shown-ready QWidget; `screen` says where it goes (0: the
primary screen; 1: a second screen such as a projector, when there is one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kit.ui.pages.kinds import PageKind


@dataclass(frozen=True)
class ActionSpec:
    """An action of a mode's window: `text` and `tip` are N_()-marked (translated when the
    window builds the action), `handler` names the window's method, `shortcut` its key."""

    name: str
    text: str
    handler: str
    shortcut: str = ""
    tip: str = ""


@dataclass(frozen=True)
class WindowSpec:
    """A window a mode opens: `make(app, spec)` builds it; `screen` is where it goes."""

    name: str
    make: Callable[[Any, WindowSpec], QWidget]
    screen: int = 0


class Mode:
    """What the app is being used for. Subclasses fill in the class attributes."""

    name: ClassVar[str] = ""
    windows: ClassVar[tuple[WindowSpec, ...]] = ()
    actions: ClassVar[tuple[ActionSpec, ...]] = ()
    pages: ClassVar[tuple[type[PageKind], ...]] = ()

    @classmethod
    def action(cls, name: str) -> ActionSpec:
        return next(a for a in cls.actions if a.name == name)

"""Say what changed, don't call around: screens listen and decide whether to redraw.

One signal, as Anki's `operation_did_execute(changes, initiator)`: after an operation
succeeded, its runner (kit.ui.operations.op) announces the kinds of data it changed
(`OpChanges`); every screen listens and redraws what concerns it. Screens never emit it
(tests/test_architecture.py checks that only the runner does).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


class Change(enum.Flag):
    """The kinds of data an operation may change."""

    NONE = 0
    LIBRARY = enum.auto()  # packs installed, updated or removed
    RECORDS = enum.auto()  # a learner's events (progress, answers, viewed items)
    PROFILES = enum.auto()  # a profile added, renamed, deleted, its PIN or role changed
    WORKSHOPS = enum.auto()  # workshop sessions (workshop mode)
    SETTINGS = enum.auto()  # this computer's settings (settings.json)
    SOURCES = enum.auto()  # pack sources and their catalogs


@dataclass(frozen=True)
class OpChanges:
    """What one operation changed; `profile_id` is whose records, when it is one learner's."""

    kinds: Change = Change.NONE
    profile_id: str | None = None

    def touches(self, kinds: Change) -> bool:
        return bool(self.kinds & kinds)


class Changes(QObject):
    """The change hub: one per app (kit.ui.context.Services.changes)."""

    operation_did_execute = Signal(object, object)  # OpChanges, initiator (a screen or None)

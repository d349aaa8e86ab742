"""Say what changed, don't call around: screens listen and decide whether to redraw."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Changes(QObject):
    library_changed = Signal()  # packs installed, updated or removed
    records_changed = Signal(str)  # a profile's progress changed (profile id)
    profiles_changed = Signal()  # a profile was added, renamed or deleted
    profile_selected = Signal(object)  # the current profile changed (profile or None)
    language_changed = Signal(str)  # the interface language changed

"""What every screen needs, passed explicitly (there is no global app instance)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kit.core.paths import DataDir
from kit.ui.changes import Changes
from kit.ui.worker import Worker


@dataclass
class AppContext:
    """The data folder, the single worker, the change hub and the current session.

    Core objects (library, records) are used only inside functions submitted to
    `worker`, never directly from the GUI thread.
    """

    data: DataDir
    worker: Worker
    changes: Changes = field(default_factory=Changes)
    library: Any = None  # kit.core.library.Library, opened on the worker thread
    records: Any = None  # kit.core.records store, opened on the worker thread
    profile: Any = None  # the signed-in profile, or None
    language: str = "en"
    text_scale: float = 1.0

    @property
    def profile_id(self) -> str | None:
        return getattr(self.profile, "id", None) if self.profile is not None else None

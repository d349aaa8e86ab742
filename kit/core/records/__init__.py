"""Learner records: profiles, append-only events, derived progress, backups.

Kept in records.db, apart from library.db: installing or removing content never touches
it. Start with `Records` (kit.core.records.store); see docs/architecture.md, "Records".
"""

from typing import TYPE_CHECKING, Any

from kit.core.records.backups import Backup
from kit.core.records.db import FutureRecordsError, RecordsError
from kit.core.records.events import VERBS, Event
from kit.core.records.pins import PinLocked, WrongPin
from kit.core.records.profiles import Profile, ProfileNotFound
from kit.core.records.progress import ContinuePoint, ModuleProgress, QuizStats, Status
from kit.core.records.roles import FacilitatorToken, NotFacilitator
from kit.core.records.store import Records

if TYPE_CHECKING:
    from kit.core.records.certificates import CertificateData
    from kit.core.records.restore import RestoreLoss, RestoreResult

__all__ = [
    "VERBS",
    "Backup",
    "CertificateData",
    "ContinuePoint",
    "Event",
    "FacilitatorToken",
    "FutureRecordsError",
    "ModuleProgress",
    "NotFacilitator",
    "PinLocked",
    "Profile",
    "ProfileNotFound",
    "QuizStats",
    "Records",
    "RecordsError",
    "RestoreLoss",
    "RestoreResult",
    "Status",
    "WrongPin",
]


# Certificates and restoring are imported when asked for: the app's start needs neither.
_LAZY = {
    "CertificateData": "kit.core.records.certificates",
    "RestoreLoss": "kit.core.records.restore",
    "RestoreResult": "kit.core.records.restore",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""What a certificate of completion says (the PDF itself is drawn by the UI with Qt)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kit.core.records.db import RecordsError
from kit.core.records.events import Event
from kit.core.records.profiles import Profile
from kit.core.records.progress import module_progress
from kit.i18n import _


@dataclass(frozen=True)
class CertificateData:
    """Everything printed on a certificate for one completed module.

    `completed_on` is the UTC date the module's last counted item was done;
    `attribution`, `license` and `authors` come from the pack and must be printed.
    """

    learner_name: str
    pack_id: str
    pack_title: str
    pack_version: str
    module_id: str
    module_title: str
    completed_on: date
    attribution: str
    license: str
    authors: list[str] = field(default_factory=list)


def certificate_data(
    profile: Profile, pack: Mapping[str, Any], module_id: str, events: Iterable[Event]
) -> CertificateData:
    """The certificate for `profile` completing `module_id` of `pack` (a Library.get_pack dict).

    Raises RecordsError when the module is unknown or not yet complete.
    """
    module = next((m for m in pack.get("modules", []) if m.get("id") == module_id), None)
    if module is None:
        raise RecordsError(_("This pack has no module {module}.").format(module=module_id))
    progress = module_progress(str(pack["id"]), module, events)
    if not progress.complete or progress.completed_at is None:
        raise RecordsError(
            _("{title} is not complete yet, so there is no certificate for it.").format(
                title=module.get("title") or module_id
            )
        )
    authors = pack.get("authors") or []
    return CertificateData(
        learner_name=profile.name,
        pack_id=str(pack["id"]),
        pack_title=str(pack.get("title") or pack["id"]),
        pack_version=str(pack.get("version") or ""),
        module_id=module_id,
        module_title=str(module.get("title") or module_id),
        completed_on=progress.completed_at.date(),
        attribution=str(pack.get("attribution") or ""),
        license=str(pack.get("license") or ""),
        authors=[str(a.get("name", a)) if isinstance(a, Mapping) else str(a) for a in authors],
    )

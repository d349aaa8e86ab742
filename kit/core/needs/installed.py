"""The needs-assessment surveys of the installed packs, and the modules they can suggest.

surveys = installed_surveys(library)          # every needs-assessment survey item
survey = find_survey(library, "community-skills/needs")   # or just the item id
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kit.core.itemtypes import SURVEY
from kit.core.needs.survey import NeedsError, NeedsSurvey, from_item, is_needs_item
from kit.i18n import _

if TYPE_CHECKING:
    from kit.core.library import Library


def installed_packs(library: Library) -> list[dict[str, Any]]:
    """Every installed pack with its modules (as `Library.get_pack` gives it)."""
    packs = [library.get_pack(str(p["id"])) for p in library.list_packs()]
    return [p for p in packs if p is not None]


def installed_surveys(library: Library) -> list[NeedsSurvey]:
    found = []
    for pack in installed_packs(library):
        for module in pack.get("modules") or []:
            for entry in module.get("items") or []:
                if entry.get("type") != SURVEY:
                    continue
                item = library.get_item(str(pack["id"]), str(entry["id"]))
                if is_needs_item(item):
                    found.append(from_item(str(pack["id"]), str(pack["version"]), item))  # type: ignore[arg-type]
    return found


def survey_of(
    library: Library, pack_id: str, item_id: str, lang: str | None = None
) -> NeedsSurvey | None:
    """The installed survey (its texts in `lang` where the pack has them), else None."""
    item = library.get_item(pack_id, item_id)
    version = library.installed_version(pack_id)
    if item is None or version is None or not is_needs_item(item):
        return None
    translated = library.get_item(pack_id, item_id, lang=lang) if lang else None
    return from_item(pack_id, version, item, translated)


def find_survey(library: Library, ref: str, lang: str | None = None) -> NeedsSurvey:
    """The survey PACK/ITEM (or ITEM when only one pack has it); NeedsError otherwise."""
    if "/" in ref:
        pack_id, _sep, item_id = ref.partition("/")
        survey = survey_of(library, pack_id, item_id, lang)
        if survey is not None:
            return survey
        raise NeedsError(
            _("There is no needs-assessment survey {survey}; see kit survey list.").format(
                survey=ref
            )
        )
    matches = [s for s in installed_surveys(library) if s.item_id == ref]
    if len(matches) == 1:
        return survey_of(library, matches[0].pack_id, ref, lang) or matches[0]
    if matches:
        raise NeedsError(
            _("Several packs have a survey {item}: write PACK/{item}.").format(item=ref)
        )
    raise NeedsError(
        _("There is no needs-assessment survey {survey}; see kit survey list.").format(survey=ref)
    )

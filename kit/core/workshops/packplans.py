"""Ready workshop plans that installed packs carry (a pack source's plans/NAME.yaml).

    >>> plans = pack_plans(library)              # what the installed packs offer
    >>> imported = load_pack_plan(library, plans[0].pack_id, plans[0].name)
    >>> Workshops(rdb).save(imported.workshop)   # adopt it (fresh ids each time)

A pack's plan is a workshop plan file (docs/workshop-plan.md) kept in library.db at
install and gone at uninstall. Titles and minutes of its items come from the installed
content, as for `kit workshop import`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kit.core.workshops import plan
from kit.core.workshops.content import LibraryContent
from kit.core.workshops.model import Workshop, WorkshopError, new_id
from kit.i18n import _

if TYPE_CHECKING:
    from kit.core.library.api import Library


@dataclass(frozen=True)
class PackPlan:
    """One ready plan: `ref` ("PACK/NAME") names it to load_pack_plan and the CLI."""

    pack_id: str
    name: str
    title: str
    days: int
    minutes: int  # planned minutes of every session, from the installed content

    @property
    def ref(self) -> str:
        return f"{self.pack_id}/{self.name}"


def pack_plans(library: Library, lang: str | None = None) -> list[PackPlan]:
    """Every ready plan of the installed packs, by pack title, then as the pack lists them.

    A plan that cannot be read (a damaged or hand-made pack) is left out of the list;
    load_pack_plan says what is wrong with it.
    """
    content = LibraryContent(library, lang)
    found: list[PackPlan] = []
    for row in library.pack_plans():
        try:
            shop = plan.load(row["text"], content).workshop
        except WorkshopError:
            continue
        found.append(
            PackPlan(
                pack_id=row["pack_id"],
                name=row["name"],
                title=shop.title or row["title"],
                days=max((s.day for s in shop.sessions), default=0),
                minutes=sum(s.total for s in shop.sessions),
            )
        )
    return found


def load_pack_plan(
    library: Library, pack_id: str, name: str, lang: str | None = None
) -> plan.Imported:
    """The pack's plan `name` as a new workshop (fresh ids: adopting it twice gives two
    workshops), items resolved through the installed content, with the import warnings.

    Raises WorkshopError, one sentence, when the pack is not installed, carries no plan
    of that name, or its plan cannot be read.
    """
    if library.installed_version(pack_id) is None:
        raise WorkshopError(
            _("No pack {pack} is installed; see 'kit library list'.").format(pack=pack_id)
        )
    rows = [r for r in library.pack_plans() if r["pack_id"] == pack_id]
    row = next((r for r in rows if r["name"] == name), None)
    if row is None:
        raise WorkshopError(
            _("The pack {pack} carries no plan {name}; see 'kit workshop plans'.").format(
                pack=pack_id, name=name
            )
        )
    try:
        imported = plan.load(row["text"], LibraryContent(library, lang))
    except WorkshopError as exc:
        raise WorkshopError(
            _("The plan {ref} cannot be read: {reason}").format(ref=f"{pack_id}/{name}", reason=exc)
        ) from None
    return plan.Imported(fresh_ids(imported.workshop), imported.warnings)


def fresh_ids(shop: Workshop) -> Workshop:
    """A copy of `shop` whose workshop, sessions and items all have new ids."""
    sessions = tuple(
        replace(s, id=new_id(), items=tuple(replace(i, id=new_id()) for i in s.items))
        for s in shop.sessions
    )
    return replace(shop, id=new_id(), sessions=sessions, archived=False)


def split_ref(ref: str) -> tuple[str, str]:
    """("PACK", "NAME") of "PACK/NAME"; WorkshopError when it is not of that form."""
    pack_id, sep, name = ref.strip().partition("/")
    if not sep or not pack_id or not name or "/" in name:
        raise WorkshopError(
            _(
                "{ref} does not name a pack's plan; write PACK/NAME, as 'kit workshop plans' lists them."
            ).format(ref=ref)
        )
    return pack_id, name

"""What the Print tab asks of the core: the contents of each printout of a workshop
(agenda, sign-in sheet, handouts, materials checklist) and the ticks of the checklist.

Every printout is gathered here, on the database worker; drawing it on paper happens
in kit.ui.workshop.printing, off the GUI thread too. The core's printout types are
re-exported for the screens (which may not import the core's workshop modules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtGui import QImage

from kit.core.render import REVEAL_SCHEME
from kit.core.workshops import Workshop, Workshops
from kit.core.workshops.content import LibraryContent
from kit.core.workshops.model import resolve_item
from kit.core.workshops.printouts import (
    BLANK_ROWS,
    MAX_BLANK_ROWS,
    AgendaPrintout,
    Checklist,
    ChecklistRow,
    HandoutRef,
    SignInSheet,
    agenda,
    checklist,
    handout_refs,
    sign_in_sheet,
    with_material,
)
from kit.i18n import _
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import JobControl, Op
from kit.ui.operations.reader import prepare_item

# A solution or hint is a link to click in the reader; on paper it would be a dead
# "Show solution", so handouts leave hidden blocks out (learners try exercises first).
_REVEAL_LINK = re.compile(rf'<p><a href="{REVEAL_SCHEME}:\d+">.*?</a></p>', re.DOTALL)


@dataclass(frozen=True)
class HandoutPage:
    """One item of the handouts: its text rendered as the reader renders it."""

    title: str
    pack_title: str
    html: str
    rtl: bool
    credits: str  # the pack's attribution and licence
    media: dict[str, QImage] = field(default_factory=dict)


@dataclass(frozen=True)
class Handouts:
    title: str
    pages: tuple[HandoutPage, ...]
    missing: int = 0  # agenda items the installed packs do not have


def _shops(ctx: AppContext) -> Workshops:
    return Workshops(ctx.records.rdb)


def _resolved(ctx: AppContext, shop: Workshop) -> Workshop:
    """`shop` with pack items' titles (in the interface language) from the library."""
    content = LibraryContent(ctx.library, ctx.language)
    return replace(
        shop,
        sessions=tuple(
            replace(s, items=tuple(resolve_item(i, content) for i in s.items))
            for s in shop.sessions
        ),
    )


def load_agenda(ctx: AppContext, workshop_id: str) -> Op[AgendaPrintout]:
    return Op(ctx, lambda: agenda(_resolved(ctx, _shops(ctx).get(workshop_id))))


def load_sign_in(
    ctx: AppContext, workshop_id: str, day: int | None, blank_rows: int = BLANK_ROWS
) -> Op[SignInSheet]:
    """The sign-in sheet of `day` (None: the whole workshop)."""

    def work() -> SignInSheet:
        shops = _shops(ctx)
        shop = shops.get(workshop_id)
        return sign_in_sheet(shop, shops.participants(workshop_id), day, blank_rows)

    return Op(ctx, work)


def load_checklist(ctx: AppContext, workshop_id: str) -> Op[Checklist]:
    return Op(ctx, lambda: checklist(_shops(ctx).get(workshop_id)))


def set_material(ctx: AppContext, workshop_id: str, key: str, ticked: bool) -> Op[Checklist]:
    """Tick (or untick) one material as ready; durable when it succeeds."""

    def work() -> Checklist:
        shops = _shops(ctx)
        return checklist(shops.save(with_material(shops.get(workshop_id), key, ticked)))

    return Op(ctx, work, Change.WORKSHOPS)


def _module_items(ctx: AppContext, pack_id: str, module_id: str) -> list[str] | None:
    """The items of an installed module (None: not installed)."""
    pack = ctx.library.get_pack(pack_id) or {}
    for module in pack.get("modules", []):
        if module.get("id") == module_id:
            return [str(i["id"]) for i in module.get("items", [])]
    return None


def _credits(pack: dict[str, Any]) -> str:
    parts = []
    if pack.get("attribution"):
        parts.append(_("Content: {attribution}").format(attribution=pack["attribution"]))
    if pack.get("license"):
        parts.append(_("Licence: {license}").format(license=pack["license"]))
    return " · ".join(parts)


def _page(ctx: AppContext, ref: HandoutRef) -> HandoutPage | None:
    view = prepare_item(ctx, ref.pack_id, ref.item_id)
    if not view.completable:
        return None  # a quiz or survey: answered in the app, not on paper
    parts = view.slides_html or [view.body_html]
    text = "<hr/>".join(_REVEAL_LINK.sub("", part) for part in parts if part.strip())
    if not text.strip():
        return None
    return HandoutPage(
        title=str(view.item.get("title") or ref.item_id),
        pack_title=str(view.pack.get("title") or ref.pack_id),
        html=text,
        rtl=view.rtl,
        credits=_credits(view.pack),
        media=view.media,
    )


def load_handouts(ctx: AppContext, workshop_id: str) -> Op[Handouts]:
    """The agenda's lessons and slides in agenda order, rendered as in the reader
    (progress per item; Cancel stops between items)."""

    def work(control: JobControl) -> Handouts:
        shop = _shops(ctx).get(workshop_id)
        absent: list[str] = []

        def items(pack_id: str, module_id: str) -> list[str]:
            found = _module_items(ctx, pack_id, module_id)
            if found is None:
                absent.append(module_id)
            return found or []

        refs = handout_refs(shop, items)
        pages: list[HandoutPage] = []
        missing = len(absent)
        for done, ref in enumerate(refs):
            control.check()
            control.progress(done, len(refs), _("Gathering the handouts"))
            try:
                page = _page(ctx, ref)
            except LookupError:
                missing += 1
                continue
            if page is not None:
                pages.append(page)
        control.progress(len(refs), len(refs), _("Gathering the handouts"))
        return Handouts(shop.title, tuple(pages), missing)

    return Op(ctx, work, control=True)


__all__ = [
    "BLANK_ROWS",
    "MAX_BLANK_ROWS",
    "AgendaPrintout",
    "Checklist",
    "ChecklistRow",
    "HandoutPage",
    "Handouts",
    "SignInSheet",
    "load_agenda",
    "load_checklist",
    "load_handouts",
    "load_sign_in",
    "set_material",
]

"""What the presenter asks of the core: open workshop mode as a facilitator, a workshop's
agenda or a module as entries, the frames (slides, lessons, custom items) to project,
and the agenda as delivered (kit.core.workshops.Deliveries, durable when it returns)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from kit.core.render import is_rtl
from kit.core.workshops import Deliveries, Workshops
from kit.core.workshops.content import LibraryContent
from kit.core.workshops.model import (
    PACK,
    AgendaItem,
    WorkshopSession,
    clock_text,
    minutes_of,
    resolve_item,
)
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op
from kit.ui.operations.reader import media_files, pictures, prepare_item


@dataclass(frozen=True)
class AgendaEntry:
    """One agenda item to present and its target minutes: an item or a module of an
    installed pack (`kind` "pack"), or a custom item (break, discussion, hands-on)."""

    pack_id: str
    item_id: str
    minutes: float
    title: str = ""
    kind: str = PACK
    module_id: str = ""
    agenda_id: str = ""  # the workshop agenda item's id ("" when presenting a module)
    missing: bool = False  # a pack item that is not installed

    @property
    def custom(self) -> bool:
        return self.kind != PACK


@dataclass(frozen=True)
class SessionPlan:
    """A session of a workshop's agenda: its slot, its entries and their planned starts."""

    workshop_id: str
    session_id: str
    title: str
    day: int
    start: str  # "HH:MM"
    slot: int  # minutes
    entries: tuple[AgendaEntry, ...]
    starts: tuple[str, ...]  # each entry's planned start, "HH:MM"
    delivered: tuple[float | None, ...] = ()  # each entry's minutes as delivered so far


@dataclass(frozen=True)
class WorkshopAgenda:
    workshop_id: str
    title: str
    sessions: tuple[SessionPlan, ...]


@dataclass(frozen=True)
class Frame:
    """One screenful for the projector: a slide of a deck, a whole lesson, or a custom
    item's one large frame (`custom_minutes` set; its text is made when it is shown).

    A frame names its pictures' files (`files`); they are decoded when the frame is
    shown (`media`), from the reader's kept pictures when seen lately, so a long talk
    does not hold every picture of every slide decoded at once."""

    entry: int  # index of its AgendaEntry
    title: str
    html: str
    notes: str = ""
    rtl: bool = False
    files: Mapping[str, Path] = field(default_factory=dict)
    custom_minutes: int | None = None

    @property
    def media(self) -> dict[str, QImage]:
        return pictures(self.files) if self.files else {}


@dataclass
class Delivered:
    """The agenda as delivered in this talk: (pack_id, item_id, seconds) per item."""

    items: list[tuple[str, str, float]] = field(default_factory=list)


def open_as_facilitator(ctx: AppContext, profile_id: str, pin: str) -> Op[Any]:
    """The facilitator's profile when `pin` is its PIN (throttled; refused otherwise)."""

    def work() -> Any:
        ctx.records.check_facilitator(profile_id, pin)
        return ctx.records.profile(profile_id)

    return Op(ctx, work)


def module_entries(ctx: AppContext, pack_id: str, module_id: str) -> Op[list[AgendaEntry]]:
    """A module of an installed pack as entries, each with its item's minutes."""

    def work() -> list[AgendaEntry]:
        pack = ctx.library.get_pack(pack_id) or {}
        for module in pack.get("modules", []):
            if module.get("id") == module_id:
                return [
                    AgendaEntry(pack_id, str(i["id"]), float(i.get("minutes") or 0))
                    for i in module.get("items", [])
                ]
        return []

    return Op(ctx, work)


def modules(ctx: AppContext) -> Op[list[tuple[str, str, str]]]:
    """(pack_id, module_id, 'Pack: Module') for every installed module."""

    def work() -> list[tuple[str, str, str]]:
        out = []
        for pack in ctx.library.list_packs(ctx.language):
            full = ctx.library.get_pack(pack["id"]) or pack
            for module in full.get("modules", []):
                label = f"{full.get('title', full['id'])}: {module.get('title', module['id'])}"
                out.append((str(full["id"]), str(module["id"]), label))
        return out

    return Op(ctx, work)


def _entry(item: AgendaItem) -> AgendaEntry:
    return AgendaEntry(
        item.pack_id, item.item_id, float(item.minutes), title=item.label(), kind=item.kind,
        module_id=item.module_id, agenda_id=item.id, missing=item.missing,
    )  # fmt: skip


def _session_plan(
    workshop_id: str, s: WorkshopSession, content: LibraryContent, actual: dict[str, float]
) -> SessionPlan:
    # titles from the installed packs; minutes as planned (the agenda's own)
    items = [replace(resolve_item(i, content), minutes=i.minutes) for i in s.items]
    at, starts = minutes_of(s.start), []
    for item in items:
        starts.append(clock_text(at))
        at += item.minutes
    return SessionPlan(
        workshop_id=workshop_id,
        session_id=s.id,
        title=s.title,
        day=s.day,
        start=s.start,
        slot=s.slot,
        entries=tuple(_entry(i) for i in items),
        starts=tuple(starts),
        delivered=tuple(actual.get(i.id) for i in items),
    )


def workshop_agenda(ctx: AppContext, workshop_id: str) -> Op[WorkshopAgenda]:
    """The workshop's sessions in agenda order, titles from installed packs, minutes as
    planned, and the minutes each item was delivered so far."""

    def work() -> WorkshopAgenda:
        shop = Workshops(ctx.records.rdb).get(workshop_id)
        content = LibraryContent(ctx.library, ctx.language)
        actual = Deliveries(ctx.records.rdb).actual_minutes(shop.id)
        sessions = tuple(_session_plan(shop.id, s, content, actual) for s in shop.sessions)
        return WorkshopAgenda(shop.id, shop.title, sessions)

    return Op(ctx, work)


def _item_frames(ctx: AppContext, number: int, pack_id: str, item_id: str) -> list[Frame]:
    view = prepare_item(ctx, pack_id, item_id, images=False)
    title = str(view.item.get("title") or item_id)
    rtl = is_rtl(view.lang)
    slides = view.item.get("slides") or []
    files = media_files(ctx.library, pack_id, [view.body_html, *view.slides_html])
    if view.slides_html:
        return [
            Frame(number, title, html, str(s.get("notes") or ""), rtl, files)
            for html, s in zip(view.slides_html, slides, strict=False)
        ]
    return [Frame(number, title, view.body_html, str(view.item.get("notes") or ""), rtl, files)]


def _module_items(ctx: AppContext, pack_id: str, module_id: str) -> list[str]:
    for module in (ctx.library.get_pack(pack_id) or {}).get("modules", []):
        if module.get("id") == module_id:
            return [str(i["id"]) for i in module.get("items", [])]
    raise LookupError(module_id)


def _frames_of(ctx: AppContext, number: int, entry: AgendaEntry) -> list[Frame]:
    if entry.custom:
        rtl = is_rtl(ctx.language)
        return [Frame(number, entry.title, "", rtl=rtl, custom_minutes=int(entry.minutes))]
    if entry.missing:
        return []
    if entry.module_id and not entry.item_id:
        frames: list[Frame] = []
        for item_id in _module_items(ctx, entry.pack_id, entry.module_id):
            frames.extend(_item_frames(ctx, number, entry.pack_id, item_id))
        return frames
    return _item_frames(ctx, number, entry.pack_id, entry.item_id)


def load_frames(ctx: AppContext, entries: list[AgendaEntry]) -> Op[list[Frame]]:
    """Every entry's frames, rendered with the reader's Markdown and media; an entry no
    longer in the library is left out."""

    def work() -> list[Frame]:
        frames: list[Frame] = []
        for number, entry in enumerate(entries):
            try:
                frames.extend(_frames_of(ctx, number, entry))
            except LookupError:
                continue
        return frames

    return Op(ctx, work)


def record_delivered(
    ctx: AppContext,
    session: SessionPlan | None,
    entry: AgendaEntry,
    started: dt.datetime,
    ended: dt.datetime,
) -> Op[None]:
    """That `entry` of a workshop `session` was presented from `started` to `ended`
    (kept in records.db before the op succeeds). Presenting a module (no session) keeps
    nothing."""

    def work() -> None:
        if session is None or not entry.agenda_id:
            return
        Deliveries(ctx.records.rdb).record(
            session.workshop_id, session.session_id, entry.agenda_id, started, ended
        )

    return Op(ctx, work, Change.WORKSHOPS)

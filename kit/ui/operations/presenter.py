"""What the presenter asks of the core: open workshop mode as a facilitator, the entries
of a module, the frames (slides and lessons) to project, and the time actually spent on
each item (kept in memory until the workshop records take it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QImage

from kit.core.render import is_rtl
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op
from kit.ui.operations.reader import prepare_item


@dataclass(frozen=True)
class AgendaEntry:
    """One agenda item to present: an item of an installed pack and its target minutes."""

    pack_id: str
    item_id: str
    minutes: float


@dataclass(frozen=True)
class Frame:
    """One screenful for the projector: a slide of a deck, or a whole lesson."""

    entry: int  # index of its AgendaEntry
    title: str
    html: str
    notes: str = ""
    rtl: bool = False
    media: dict[str, QImage] = field(default_factory=dict)


@dataclass
class Delivered:
    """The agenda as delivered: (pack_id, item_id, seconds) per item, in order."""

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


def _frames_of(ctx: AppContext, number: int, entry: AgendaEntry) -> list[Frame]:
    view = prepare_item(ctx, entry.pack_id, entry.item_id)
    title = str(view.item.get("title") or entry.item_id)
    rtl = is_rtl(view.lang)
    slides = view.item.get("slides") or []
    if view.slides_html:
        return [
            Frame(number, title, html, str(s.get("notes") or ""), rtl, view.media)
            for html, s in zip(view.slides_html, slides, strict=False)
        ]
    return [
        Frame(number, title, view.body_html, str(view.item.get("notes") or ""), rtl, view.media)
    ]


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
    ctx: AppContext, log: Delivered, entry: AgendaEntry, seconds: float
) -> Op[None]:
    """The time actually spent on `entry` (the hook the workshop records will take)."""

    def work() -> None:
        log.items.append((entry.pack_id, entry.item_id, seconds))

    return Op(ctx, work, Change.WORKSHOPS)

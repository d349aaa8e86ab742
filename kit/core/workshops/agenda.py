"""Edits of a workshop's agenda: each takes a `Workshop` and returns a new one.

Pure functions on the frozen dataclasses of `model` (no storage, no Qt), so the Plan
tab can keep every earlier version for Undo and the CLI can apply one edit and save.
Items and sessions are named by id; sessions keep their order in `Workshop.sessions`
(the agenda's order), items their order in their session.

Example::

    shop = add_item(shop, shop.sessions[0].id, custom_item("discussion", 20))
    shop = move_item(shop, shop.sessions[0].items[0].id, shop.sessions[2].id, 0)
"""

from __future__ import annotations

from dataclasses import replace

from kit.core.workshops.model import (
    CUSTOM_KINDS,
    MAX_MINUTES,
    PACK,
    AgendaItem,
    Content,
    Workshop,
    WorkshopError,
    WorkshopSession,
    minutes_of,
    template_day,
)
from kit.i18n import _


def _minutes(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_MINUTES:
        raise WorkshopError(_("An agenda item needs 0 to 1440 minutes."))
    return value


def custom_item(kind: str, minutes: int, title: str = "") -> AgendaItem:
    """A break, a discussion or hands-on time lasting `minutes`."""
    if kind not in CUSTOM_KINDS:
        raise WorkshopError(
            _("{kind} is not a kind of custom item; use one of {kinds}.").format(
                kind=kind, kinds=", ".join(CUSTOM_KINDS)
            )
        )
    return AgendaItem(kind=kind, minutes=_minutes(minutes), title=title.strip())


def pack_item(content: Content, ref: str) -> AgendaItem:
    """The installed item or module `ref` ("PACK/ITEM" or "PACK/MODULE"), with its title
    and minutes from the content."""
    pack_id, sep, inner = ref.strip().partition("/")
    if not sep or not pack_id or not inner or "/" in inner:
        raise WorkshopError(
            _("{ref} is not a pack item; write PACK/ITEM or PACK/MODULE.").format(ref=ref)
        )
    found = content.resolve(pack_id, "", inner)
    if found is not None:
        return AgendaItem(PACK, found[1], found[0], pack_id=pack_id, module_id=inner)
    found = content.resolve(pack_id, inner, "")
    if found is not None:
        return AgendaItem(PACK, found[1], found[0], pack_id=pack_id, item_id=inner)
    raise WorkshopError(
        _("The installed packs have no item or module {ref}.").format(ref=f"{pack_id}/{inner}")
    )


def locate(shop: Workshop, item_id: str) -> tuple[int, int]:
    """(session index, item index) of the item `item_id`."""
    for s_index, session in enumerate(shop.sessions):
        for i_index, item in enumerate(session.items):
            if item.id == item_id:
                return s_index, i_index
    raise WorkshopError(_("That item is not in this workshop's agenda."))


def session_index(shop: Workshop, session_id: str) -> int:
    for index, session in enumerate(shop.sessions):
        if session.id == session_id:
            return index
    raise WorkshopError(_("That session is not in this workshop's agenda."))


def _with_session(shop: Workshop, index: int, session: WorkshopSession) -> Workshop:
    sessions = list(shop.sessions)
    sessions[index] = session
    return replace(shop, sessions=tuple(sessions))


def add_item(
    shop: Workshop, session_id: str, item: AgendaItem, index: int | None = None
) -> Workshop:
    """`item` added to the session at `index` (default: at its end)."""
    s_index = session_index(shop, session_id)
    session = shop.sessions[s_index]
    items = list(session.items)
    items.insert(len(items) if index is None else max(0, min(index, len(items))), item)
    return _with_session(shop, s_index, replace(session, items=tuple(items)))


def remove_item(shop: Workshop, item_id: str) -> Workshop:
    s_index, i_index = locate(shop, item_id)
    session = shop.sessions[s_index]
    items = session.items[:i_index] + session.items[i_index + 1 :]
    return _with_session(shop, s_index, replace(session, items=items))


def move_item(shop: Workshop, item_id: str, session_id: str, index: int) -> Workshop:
    """The item moved to position `index` of the session `session_id` (its own or
    another); `index` counts the target's items before the move, as a drop does."""
    s_index, i_index = locate(shop, item_id)
    item = shop.sessions[s_index].items[i_index]
    target = session_index(shop, session_id)
    if target == s_index and index > i_index:
        index -= 1
    return add_item(remove_item(shop, item_id), session_id, item, index)


def step_item(shop: Workshop, item_id: str, step: int) -> Workshop:
    """The item one place up (`step` -1) or down (+1); past its session's edge it goes
    to the end of the session before or the start of the one after. Unchanged at the
    agenda's ends."""
    s_index, i_index = locate(shop, item_id)
    count = len(shop.sessions[s_index].items)
    if 0 <= i_index + step < count:
        return move_item(shop, item_id, shop.sessions[s_index].id, i_index + step + (step > 0))
    neighbour = s_index + step
    if not 0 <= neighbour < len(shop.sessions):
        return shop
    other = shop.sessions[neighbour]
    return move_item(shop, item_id, other.id, len(other.items) if step < 0 else 0)


def set_item(
    shop: Workshop, item_id: str, *, minutes: int | None = None, title: str | None = None
) -> Workshop:
    """A custom item's minutes or title, or a pack item's minutes (its title is the
    content's)."""
    s_index, i_index = locate(shop, item_id)
    item = shop.sessions[s_index].items[i_index]
    if title is not None and item.kind == PACK:
        raise WorkshopError(_("A pack item keeps the pack's title; change its minutes only."))
    changed = replace(
        item,
        minutes=item.minutes if minutes is None else _minutes(minutes),
        title=item.title if title is None else title.strip(),
    )
    session = shop.sessions[s_index]
    items = list(session.items)
    items[i_index] = changed
    return _with_session(shop, s_index, replace(session, items=tuple(items)))


def add_session(
    shop: Workshop,
    day: int,
    start: str,
    slot: int,
    title: str = "",
    *,
    after: str | None = None,
) -> Workshop:
    """A new empty session; after the session `after`, else in time order on its day."""
    session = new_session(day, start, slot, title)
    sessions = list(shop.sessions)
    if after is not None:
        position = session_index(shop, after) + 1
    else:
        key = (day, minutes_of(start))
        position = sum(1 for s in sessions if (s.day, minutes_of(s.start)) <= key)
    sessions.insert(position, session)
    return replace(shop, sessions=tuple(sessions))


def new_session(day: int, start: str, slot: int, title: str = "") -> WorkshopSession:
    minutes_of(start)
    if isinstance(day, bool) or day < 1 or not 0 <= slot <= MAX_MINUTES:
        raise WorkshopError(_("A session needs a day from 1 and a slot of 0 to 1440 minutes."))
    return WorkshopSession(day=day, start=start, slot=slot, title=title.strip())


def set_session(
    shop: Workshop,
    session_id: str,
    *,
    title: str | None = None,
    start: str | None = None,
    slot: int | None = None,
    day: int | None = None,
) -> Workshop:
    """A session's title, start, slot or day changed (its items stay)."""
    index = session_index(shop, session_id)
    old = shop.sessions[index]
    checked = new_session(
        old.day if day is None else day,
        old.start if start is None else start,
        old.slot if slot is None else slot,
        old.title if title is None else title,
    )
    changed = replace(old, day=checked.day, start=checked.start, slot=checked.slot)
    return _with_session(shop, index, replace(changed, title=checked.title))


def remove_session(shop: Workshop, session_id: str) -> Workshop:
    index = session_index(shop, session_id)
    return replace(shop, sessions=shop.sessions[:index] + shop.sessions[index + 1 :])


def add_day(shop: Workshop) -> Workshop:
    """The default day template added as the day after the last one."""
    day = max((s.day for s in shop.sessions), default=0) + 1
    return replace(shop, sessions=shop.sessions + template_day(day))


def days(count: int) -> tuple[WorkshopSession, ...]:
    """`count` days (1 to 30) of the default template."""
    if isinstance(count, bool) or not 1 <= count <= 30:
        raise WorkshopError(_("A workshop has 1 to 30 days."))
    return tuple(s for day in range(1, count + 1) for s in template_day(day))


def mark_missing(shop: Workshop, content: Content) -> Workshop:
    """`shop` with each pack item the installed packs do not have marked missing, and
    those they have titled as the content is (in its language); minutes stay as planned."""

    def marked(item: AgendaItem) -> AgendaItem:
        if item.kind != PACK:
            return item
        found = content.resolve(item.pack_id, item.item_id, item.module_id)
        if found is None:
            return replace(item, missing=True)
        return replace(item, title=found[0], missing=False)

    return replace(
        shop,
        sessions=tuple(replace(s, items=tuple(marked(i) for i in s.items)) for s in shop.sessions),
    )

"""What each printout of a workshop holds: the agenda with clock times, the paper sign-in
sheet, the handouts' items in agenda order and the materials checklist.

Plain data in the interface language (dates formatted for its locale); drawing them on
paper is the UI's job (kit.ui.workshop.printing). No Qt here.

Example::

    sheet = sign_in_sheet(shop, shops.participants(shop.id), day=1)
    [row.name for row in sheet.rows]         # the register's names, sorted
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from kit.core.workshops.model import (
    MATERIALS,
    PACK,
    Workshop,
    WorkshopError,
    WorkshopSession,
    clock_text,
    minutes_of,
)
from kit.i18n import _, format_date

BLANK_ROWS = 8  # rows for walk-ins on the sign-in sheet
MAX_BLANK_ROWS = 200


@dataclass(frozen=True)
class AgendaRow:
    """One item of a session with the clock time it starts at."""

    start: str
    title: str
    minutes: int
    missing: bool = False  # a pack item the installed packs do not have


@dataclass(frozen=True)
class AgendaSession:
    title: str
    start: str
    end: str
    slot: int
    total: int
    overrun: int
    rows: tuple[AgendaRow, ...]


@dataclass(frozen=True)
class AgendaDay:
    day: int
    heading: str  # "Day 1: Saturday, 14 March 2026" (the date when the workshop has one)
    sessions: tuple[AgendaSession, ...]
    total: int


@dataclass(frozen=True)
class AgendaPrintout:
    title: str
    dates: str
    place: str
    facilitators: tuple[str, ...]
    description: str
    days: tuple[AgendaDay, ...]
    accounts_warning: str
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class SignInRow:
    name: str
    wiki_username: str


@dataclass(frozen=True)
class SignInSheet:
    title: str
    date: str  # the day's date, or the workshop's dates
    place: str
    sessions: tuple[str, ...]  # one tick column each
    rows: tuple[SignInRow, ...]
    blank_rows: int
    consent: str


@dataclass(frozen=True)
class ChecklistRow:
    key: str
    label: str
    ticked: bool


@dataclass(frozen=True)
class Checklist:
    title: str
    dates: str
    place: str
    days: tuple[int, ...]  # the agenda's days (for choosing a sign-in sheet's day)
    rows: tuple[ChecklistRow, ...]


@dataclass(frozen=True)
class HandoutRef:
    """One item of an installed pack to print, in agenda order."""

    pack_id: str
    item_id: str


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def day_date(shop: Workshop, day: int) -> dt.date | None:
    """The calendar date of agenda day `day` (day 1 is the start date), if known."""
    first = _date(shop.starts)
    return first + dt.timedelta(days=day - 1) if first else None


def dates_text(shop: Workshop) -> str:
    """The workshop's dates in the locale's style ("" when it has none)."""
    first, last = _date(shop.starts), _date(shop.ends)
    if first and last and last != first:
        return _("{first} to {last}").format(
            first=format_date(first, "long"), last=format_date(last, "long")
        )
    one = first or last
    return format_date(one, "long") if one else ""


def day_heading(shop: Workshop, day: int) -> str:
    date = day_date(shop, day)
    if date is None:
        return _("Day {day}").format(day=day)
    return _("Day {day}: {date}").format(day=day, date=format_date(date, "full"))


def ordered_sessions(shop: Workshop, day: int | None = None) -> list[WorkshopSession]:
    """Sessions in agenda order (by day, then start time), of one day when given."""
    chosen = [s for s in shop.sessions if day is None or s.day == day]
    return sorted(chosen, key=lambda s: (s.day, minutes_of(s.start)))


def _agenda_session(session: WorkshopSession) -> AgendaSession:
    clock = minutes_of(session.start)
    rows = []
    for item in session.items:
        rows.append(AgendaRow(clock_text(clock), item.label(), item.minutes, item.missing))
        clock += item.minutes
    return AgendaSession(
        title=session.title,
        start=session.start,
        end=session.end,
        slot=session.slot,
        total=session.total,
        overrun=session.overrun,
        rows=tuple(rows),
    )


def agenda(shop: Workshop) -> AgendaPrintout:
    """The agenda: per day its sessions, each item with the clock time it starts at."""
    by_day: dict[int, list[WorkshopSession]] = {}
    for session in ordered_sessions(shop):
        by_day.setdefault(session.day, []).append(session)
    days = tuple(
        AgendaDay(
            day=day,
            heading=day_heading(shop, day),
            sessions=tuple(_agenda_session(s) for s in sessions),
            total=sum(s.total for s in sessions),
        )
        for day, sessions in by_day.items()
    )
    return AgendaPrintout(
        title=shop.title,
        dates=dates_text(shop),
        place=shop.place,
        facilitators=shop.facilitators,
        description=shop.description,
        days=days,
        accounts_warning=shop.accounts_warning(),
        warnings=tuple(shop.warnings()),
    )


def sort_key(name: str) -> str:
    """Names in alphabetical order whatever their accents or case (Élodie after Bruno)."""
    letters = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in letters if not unicodedata.combining(c))


class Named(Protocol):
    """What the sign-in sheet needs of a participant (store.Participant is one)."""

    @property
    def name(self) -> str: ...

    @property
    def wiki_username(self) -> str: ...


def sign_in_sheet(
    shop: Workshop,
    participants: Iterable[Named],
    day: int | None = None,
    blank_rows: int = BLANK_ROWS,
) -> SignInSheet:
    """One row per registered participant (sorted by name) and `blank_rows` for walk-ins;
    a tick column per session of `day` (None: every session of the workshop)."""
    if not 0 <= blank_rows <= MAX_BLANK_ROWS:
        raise WorkshopError(
            _("A sign-in sheet has 0 to {count} blank rows.").format(count=MAX_BLANK_ROWS)
        )
    sessions = ordered_sessions(shop, day)
    if day is not None and not sessions:
        raise WorkshopError(_("The agenda has no sessions on day {day}.").format(day=day))
    if day is None:
        labels = [_("Day {day} {start}").format(day=s.day, start=s.start) for s in sessions]
        date = dates_text(shop)
    else:
        labels = [f"{s.start} {s.title}".strip() for s in sessions]
        when = day_date(shop, day)
        date = format_date(when, "full") if when else _("Day {day}").format(day=day)
    rows = sorted(
        (SignInRow(p.name, p.wiki_username) for p in participants),
        key=lambda r: (sort_key(r.name), r.name),
    )
    return SignInSheet(
        title=shop.title,
        date=date,
        place=shop.place,
        sessions=tuple(labels),
        rows=tuple(rows),
        blank_rows=blank_rows,
        consent=_(
            "Contact details are collected only with your consent: this sheet asks for none. "
            "Give yours to the facilitator only if you agree to be contacted after the workshop."
        ),
    )


def checklist(shop: Workshop) -> Checklist:
    """The materials to bring, each ticked when the workshop says it is ready."""
    ticked = set(shop.materials)
    return Checklist(
        title=shop.title,
        dates=dates_text(shop),
        place=shop.place,
        days=tuple(sorted({s.day for s in shop.sessions})),
        rows=tuple(ChecklistRow(key, _(text), key in ticked) for key, text in MATERIALS),
    )


def with_material(shop: Workshop, key: str, ticked: bool) -> Workshop:
    """`shop` with material `key` ticked or not (the checklist's order is kept)."""
    keys = [k for k, _text in MATERIALS]
    if key not in keys:
        raise WorkshopError(_("{key} is not on the materials checklist.").format(key=key))
    chosen = (set(shop.materials) - {key}) | ({key} if ticked else set())
    return replace(shop, materials=tuple(k for k in keys if k in chosen))


def handout_refs(
    shop: Workshop, module_items: Callable[[str, str], Sequence[str]]
) -> list[HandoutRef]:
    """The pack items of the agenda in agenda order, a module standing for its items
    (`module_items(pack_id, module_id)`); each item once, where it first comes."""
    refs: list[HandoutRef] = []
    for session in ordered_sessions(shop):
        for item in session.items:
            if item.kind != PACK or not item.pack_id:
                continue
            if item.item_id:
                refs.append(HandoutRef(item.pack_id, item.item_id))
            elif item.module_id:
                refs.extend(
                    HandoutRef(item.pack_id, i) for i in module_items(item.pack_id, item.module_id)
                )
    return list(dict.fromkeys(refs))

"""A workshop and its agenda: sessions of pack or custom items, totals and overruns.

No storage here (see `store`) and no Qt. Durations of pack items come from the
content (`Content.resolve`); custom items (a break, a discussion, hands-on time) carry
their own minutes.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field, replace
from typing import Protocol

from kit.core.errors import KitError
from kit.i18n import N_, _, ngettext

PACK = "pack"
CUSTOM_KINDS = ("break", "discussion", "hands-on")
KINDS = (PACK, *CUSTOM_KINDS)
CUSTOM_TITLES = {
    "break": N_("Break"),
    "discussion": N_("Discussion"),
    "hands-on": N_("Hands-on time"),
}
MAX_MINUTES = 24 * 60
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class WorkshopError(KitError):
    """A workshop could not be made, read or changed as asked."""


def new_id() -> str:
    """A stable random id (the same on every computer the record travels to)."""
    return uuid.uuid4().hex


def minutes_of(start: str) -> int:
    """Minutes since midnight of "HH:MM"; WorkshopError otherwise."""
    match = _TIME.match(start)
    if not match:
        raise WorkshopError(
            _("The time {value} is not a time of day like 09:30.").format(value=start)
        )
    return int(match.group(1)) * 60 + int(match.group(2))


def clock_text(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def check_date(value: str) -> str:
    if value and not _DATE.match(value):
        raise WorkshopError(
            _("The date {value} is not a date like 2026-03-14.").format(value=value)
        )
    return value


@dataclass(frozen=True)
class AgendaItem:
    """One agenda entry: a pack item or module (`kind` "pack") or a custom item.

    `minutes` of a pack item is what the content said when it was resolved (kept so a
    plan still reads when the pack is not installed); `missing` marks a reference
    the installed packs do not have.
    """

    kind: str
    minutes: int
    title: str = ""
    pack_id: str = ""
    item_id: str = ""
    module_id: str = ""
    id: str = field(default_factory=new_id)
    missing: bool = False

    def label(self) -> str:
        if self.title:
            return self.title
        if self.kind == PACK:
            return f"{self.pack_id}/{self.item_id or self.module_id}"
        return _(CUSTOM_TITLES.get(self.kind, self.kind))


@dataclass(frozen=True)
class WorkshopSession:
    """A slot on one day (1-based) starting at `start` ("HH:MM") for `slot` minutes."""

    day: int
    start: str
    slot: int
    title: str = ""
    items: tuple[AgendaItem, ...] = ()
    id: str = field(default_factory=new_id)

    @property
    def total(self) -> int:
        return sum(item.minutes for item in self.items)

    @property
    def overrun(self) -> int:
        """Minutes the items run past the slot (0 when they fit)."""
        return max(0, self.total - self.slot)

    @property
    def end(self) -> str:
        return clock_text(minutes_of(self.start) + self.slot)


@dataclass(frozen=True)
class Workshop:
    title: str
    starts: str = ""
    ends: str = ""
    place: str = ""
    language: str = "en"
    facilitators: tuple[str, ...] = ()
    description: str = ""
    archived: bool = False
    sessions: tuple[WorkshopSession, ...] = ()
    id: str = field(default_factory=new_id)
    creates_accounts: bool = False  # wiki accounts will be made at the event
    materials: tuple[str, ...] = ()  # keys of `MATERIALS` ticked as ready

    def day_totals(self) -> dict[int, int]:
        """Planned minutes per day, days in order."""
        totals: dict[int, int] = {}
        for session in sorted(self.sessions, key=lambda s: (s.day, minutes_of(s.start))):
            totals[session.day] = totals.get(session.day, 0) + session.total
        return totals

    def warnings(self) -> list[str]:
        """One sentence per session that overruns its slot."""
        return [
            ngettext(
                "Session {title} on day {day} runs {minutes} minute past its slot "
                "({start} to {end}).",
                "Session {title} on day {day} runs {minutes} minutes past its slot "
                "({start} to {end}).",
                s.overrun,
            ).format(
                title=s.title or s.start, day=s.day, minutes=s.overrun, start=s.start, end=s.end
            )
            for s in self.sessions
            if s.overrun
        ]

    def accounts_warning(self) -> str:
        """What to do about the wikis' limit on new accounts, when accounts will be made."""
        return accounts_warning() if self.creates_accounts else ""

    def session(self, ref: str) -> WorkshopSession:
        """The session with this id, or 1-based number in agenda order, or title."""
        ordered = self.sessions
        if ref.isdigit() and 1 <= int(ref) <= len(ordered):
            return ordered[int(ref) - 1]
        for s in ordered:
            if s.id == ref or (s.title and s.title.casefold() == ref.casefold()):
                return s
        raise WorkshopError(
            _("The workshop {title} has no session {session}.").format(
                title=self.title, session=ref
            )
        )


def accounts_warning() -> str:
    return _(
        "Wikimedia wikis let one internet address create only a few accounts a day "
        "(historically 6). Ask participants to create their accounts before the event, "
        "or ask the wiki's administrators in advance to lift the limit for your venue's "
        "address (the event organizer right or an IP exemption)."
    )


# The materials checklist: (key, what to bring). Ticked keys are kept per workshop.
MATERIALS: tuple[tuple[str, str], ...] = (
    ("name-tags", N_("Name tags")),
    ("sticky-notes", N_("Sticky notes in two colours (done / need help)")),
    ("sign-in-sheets", N_("Printed sign-in sheets and pens")),
    ("projector-adapter", N_("Projector adapter for the laptop (HDMI, VGA)")),
    ("hotspot", N_("Mobile hotspot or the venue's Wi-Fi details")),
    ("power-strips", N_("Power strips and extension cords")),
    ("handouts", N_("Printed handouts")),
    ("usb-stick", N_("A USB stick with the packs and this app")),
)


class Content(Protocol):
    """What the agenda needs of installed packs."""

    def resolve(self, pack_id: str, item_id: str, module_id: str) -> tuple[str, int] | None:
        """(title, minutes) of an item or module, or None when it is not installed."""


def resolve_item(item: AgendaItem, content: Content | None) -> AgendaItem:
    """`item` with title and minutes from the content, or marked missing."""
    if item.kind != PACK or content is None:
        return item
    found = content.resolve(item.pack_id, item.item_id, item.module_id)
    if found is None:
        return replace(item, missing=True)
    title, minutes = found
    return replace(item, title=title, minutes=minutes, missing=False)


# The default day: (title, start, slot minutes, custom items inside the slot)
DAY_TEMPLATE: tuple[tuple[str, str, int, tuple[tuple[str, int], ...]], ...] = (
    (N_("Welcome"), "09:00", 90, ()),
    (N_("Morning break"), "10:30", 15, (("break", 15),)),
    (N_("Late morning"), "10:45", 75, ()),
    (N_("Lunch"), "12:00", 60, (("break", 60),)),
    (N_("Afternoon"), "13:00", 90, ()),
    (N_("Afternoon break"), "14:30", 15, (("break", 15),)),
    (N_("Late afternoon"), "14:45", 60, ()),
    (N_("Wrap-up"), "15:45", 15, (("discussion", 15),)),
)


def template_day(day: int) -> tuple[WorkshopSession, ...]:
    """The sessions of the default day template for day `day`, breaks on time."""
    return tuple(
        WorkshopSession(
            day=day,
            start=start,
            slot=slot,
            title=_(title),
            items=tuple(AgendaItem(kind=k, minutes=m) for k, m in items),
        )
        for title, start, slot, items in DAY_TEMPLATE
    )

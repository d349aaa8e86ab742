"""The report's attendance and agenda-as-delivered sections, computed from the records.

Attendance reads the register and the latest check-in per participant and session
(`Workshops.checkins`): participants per session and in total, new and returning
participants across this computer's workshops, and the accounts created at the event
(participants marked new editor). The agenda as delivered sets each item's planned
minutes against the minutes the presenter recorded (`Deliveries`).
"""

from __future__ import annotations

from collections import Counter

from kit.core.records.db import RecordsDB
from kit.core.workshops.attendance import Participant
from kit.core.workshops.delivered import Deliveries
from kit.core.workshops.model import Workshop
from kit.core.workshops.register import session_label
from kit.core.workshops.reportdata import BarChart, Figure, Section, Table
from kit.core.workshops.store import Workshops
from kit.i18n import _


def same_person(a: Participant, b: Participant) -> bool:
    """The same person in two registers: by linked profile, else wiki username, else
    name (ignoring case)."""
    if a.profile_id and b.profile_id:
        return a.profile_id == b.profile_id
    if a.wiki_username and b.wiki_username:
        return a.wiki_username.casefold() == b.wiki_username.casefold()
    return a.name.strip().casefold() == b.name.strip().casefold()


def _order_key(row: dict) -> str:
    """When a workshop was held: its first day, else the day it was made."""
    return str(row["starts"] or str(row["created"])[:10])


def earlier_participants(rdb: RecordsDB, shop: Workshop) -> list[Participant]:
    """Who came (checked in at least once) to this computer's workshops held before
    `shop` (by first day; an undated workshop by the day it was made)."""
    rows = [dict(r) for r in rdb.query("SELECT id, starts, created FROM workshops")]
    mine = next((r for r in rows if r["id"] == shop.id), None)
    if mine is None:
        return []
    shops = Workshops(rdb)
    found: list[Participant] = []
    for row in rows:
        if row["id"] == shop.id or _order_key(row) >= _order_key(mine):
            continue
        came = {c.participant_id for c in shops.checkins(str(row["id"]))}
        found += [p for p in shops.participants(str(row["id"])) if p.id in came]
    return found


def _figures(came: list[Participant], returning: int, registered: int) -> tuple[Figure, ...]:
    new_editors = sum(1 for p in came if p.new_editor)
    return (
        Figure(
            "participants",
            _("Participants"),
            len(came),
            _("People checked in to at least one session, at the door or from the paper sheet."),
        ),
        Figure(
            "registered",
            _("Registered"),
            registered,
            _("People on the workshop's register, whether they came or not."),
        ),
        Figure(
            "new_editors",
            _("Newly registered editors"),
            new_editors,
            _(
                "Participants who came and are marked as a new editor: their wiki account "
                "was created at the event."
            ),
        ),
        Figure(
            "new_participants",
            _("New participants"),
            len(came) - returning,
            _("Participants who came to none of this computer's earlier workshops."),
        ),
        Figure(
            "returning_participants",
            _("Returning participants"),
            returning,
            _(
                "Participants who came to an earlier workshop on this computer (the same "
                "linked profile, else wiki username, else name)."
            ),
        ),
        Figure(
            "content",
            _("Content created or improved"),
            None,
            _("Articles or other pages participants created or improved, where recorded."),
            note=_(
                "Not recorded: this computer keeps no record of edits. Enrol the usernames "
                "in the Programs & Events Dashboard to count them."
            ),
        ),
    )


def attendance_section(rdb: RecordsDB, shop: Workshop) -> Section | None:
    """Attendance: participants per session and in total, new and returning, new editors
    (None when the register is empty)."""
    shops = Workshops(rdb)
    people = shops.participants(shop.id)
    if not people:
        return None
    checkins = shops.checkins(shop.id)
    per_session = Counter(c.session_id for c in checkins)
    sessions_of = Counter(c.participant_id for c in checkins)
    came = [p for p in people if sessions_of[p.id]]
    earlier = earlier_participants(rdb, shop)
    back = {p.id for p in came if any(same_person(p, e) for e in earlier)}
    yes, no_username = _("yes"), _("(no wiki username)")
    sessions = tuple((session_label(s), per_session[s.id]) for s in shop.sessions)
    return Section(
        key="attendance",
        title=_("Attendance"),
        figures=_figures(came, len(back), len(people)),
        tables=(
            Table(
                "sessions",
                _("Participants per session"),
                (_("Session"), _("Checked in"), _("Registered")),
                tuple((label, n, len(people)) for label, n in sessions),
            ),
            Table(
                "participants",
                _("Participants"),
                (_("Wiki username"), _("Sessions"), _("New editor"), _("Returning")),
                tuple(
                    (
                        p.wiki_username or no_username,
                        sessions_of[p.id],
                        yes if p.new_editor else "",
                        yes if p.id in back else "",
                    )
                    for p in sorted(came, key=lambda p: p.wiki_username.casefold() or "\uffff")
                ),
            ),
        ),
        charts=(BarChart(_("Participants per session"), sessions),),
        notes=(
            _(
                "Participants are listed by wiki username only, so the report can be "
                "published; their names stay in the register."
            ),
        ),
    )


def _minutes(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def delivery_section(rdb: RecordsDB, shop: Workshop) -> Section | None:
    """The agenda as delivered: planned against actual minutes per item and session
    (None when nothing was presented)."""
    log = Deliveries(rdb)
    deliveries = log.of(shop.id)
    if not deliveries:
        return None
    per_item = log.actual_minutes(shop.id)
    per_session: dict[str, float] = {}
    for d in deliveries:
        per_session[d.session_id] = per_session.get(d.session_id, 0.0) + d.seconds / 60
    items = []
    for s in shop.sessions:
        for i in s.items:
            actual = per_item.get(i.id)
            diff = None if actual is None else _minutes(actual - i.minutes)
            items.append((session_label(s), i.label(), i.minutes, _minutes(actual), diff))
    rows = [
        (session_label(s), s.slot, s.total, _minutes(per_session.get(s.id))) for s in shop.sessions
    ]
    delivered = sum(1 for _s, _i, _p, actual, _d in items if actual is not None)
    planned = sum(s.total for s in shop.sessions)
    return Section(
        key="delivery",
        title=_("The agenda as delivered"),
        figures=(
            Figure(
                "planned_minutes",
                _("Planned minutes"),
                planned,
                _("Minutes of all agenda items as planned."),
            ),
            Figure(
                "delivered_minutes",
                _("Delivered minutes"),
                _minutes(sum(per_session.values())),
                _("Minutes the presenter recorded items as shown, all sessions added up."),
            ),
            Figure(
                "items_delivered",
                _("Items delivered"),
                delivered,
                _("Agenda items presented at least once."),
            ),
        ),
        tables=(
            Table(
                "items",
                _("Agenda items, planned and actual"),
                (
                    _("Session"),
                    _("Item"),
                    _("Planned minutes"),
                    _("Actual minutes"),
                    _("Difference"),
                ),
                tuple(items),
            ),
            Table(
                "session_times",
                _("Sessions, planned and actual"),
                (_("Session"), _("Slot minutes"), _("Planned minutes"), _("Actual minutes")),
                tuple(rows),
            ),
        ),
        charts=(
            BarChart(
                _("Actual minutes per session"),
                tuple((label, actual or 0.0) for label, _slot, _plan, actual in rows),
            ),
        ),
    )

"""The participant register as CSV, and the usernames ready to paste on an event page."""

from __future__ import annotations

import csv
import io

from kit.core.workshops.model import Workshop, WorkshopSession
from kit.core.workshops.store import Workshops
from kit.i18n import _

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text (a leading = + - @ would run as a formula)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def session_label(session: WorkshopSession, *, isolated: bool = False) -> str:
    """ "Day 1 09:00 Morning". `isolated` wraps the title in Unicode isolates (FSI ... PDI)
    so a Latin title inside a right-to-left label keeps its place (for screens, not CSV)."""
    name = session.title or session.start
    if isolated:
        name = f"\u2068{name}\u2069"
    return _("Day {day} {start} {title}").format(day=session.day, start=session.start, title=name)


def register_csv(shops: Workshops, shop: Workshop) -> str:
    """One row per participant: details, new editor, then one column per session."""
    attended = {(c.session_id, c.participant_id) for c in shops.checkins(shop.id)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [_("Name"), _("Wiki username"), _("Contact"), _("New editor"), _("Notes")]
        + [_cell(session_label(s)) for s in shop.sessions]
    )
    yes = _("yes")
    for p in shops.participants(shop.id):
        writer.writerow(
            [
                _cell(p.name),
                _cell(p.wiki_username),
                _cell(p.contact),
                yes if p.new_editor else "",
                _cell(p.notes),
            ]
            + [yes if (s.id, p.id) in attended else "" for s in shop.sessions]
        )
    return out.getvalue()


def usernames(shops: Workshops, shop: Workshop, *, attended_only: bool = True) -> list[str]:
    """Wiki usernames, one each, in register order (of those who came to a session)."""
    came = {c.participant_id for c in shops.checkins(shop.id)}
    names = [
        p.wiki_username
        for p in shops.participants(shop.id)
        if p.wiki_username and (p.id in came or not attended_only)
    ]
    return list(dict.fromkeys(names))


def usernames_wikitext(names: list[str]) -> str:
    """The usernames as a wikitext list of links to their user pages, for an event page."""
    return "".join(f"* [[User:{name}|{name}]]\n" for name in names)


def usernames_text(names: list[str]) -> str:
    """One username a line (the form event dashboards take)."""
    return "".join(f"{name}\n" for name in names)

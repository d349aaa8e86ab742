"""What the Attendance tab asks of the core: the register and check-ins of one workshop,
and every write to them (kit.core.workshops.attendance).

Each write returns the workshop's `Roster` read again after the write returned, so a
screen shows a tick only for what is on disk (the core writes synchronously: an
acknowledged check-in survives kill -9).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from kit.core.errors import KitError
from kit.i18n import _
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op

Pair = tuple[str, str]  # (session_id, participant_id)


@dataclass(frozen=True)
class Roster:
    """One workshop's register as the screens show it."""

    shop: Any  # kit.core.workshops.Workshop
    participants: list[Any]  # kit.core.workshops.Participant, in register order
    checkins: dict[Pair, Any] = field(default_factory=dict)  # who is checked in now
    late: frozenset[Pair] = frozenset()
    profiles: dict[str, str] = field(default_factory=dict)  # learner profile id -> name
    touched: str | None = None  # the participant the write added or changed

    def label(self, session: Any) -> str:
        """ "Day 1 09:00 Morning", as in the register CSV (the title isolated for RTL)."""
        from kit.core.workshops.register import session_label

        return session_label(session, isolated=True)

    @property
    def sessions(self) -> tuple[Any, ...]:
        return tuple(self.shop.sessions)

    def present(self, session_id: str) -> int:
        return sum(1 for s, _p in self.checkins if s == session_id)

    def attended(self, participant_id: str) -> int:
        return sum(1 for _s, p in self.checkins if p == participant_id)

    def local_time(self, pair: Pair) -> datetime | None:
        """When the check-in of `pair` was written, on this computer's clock."""
        from kit.core.records.timeutil import parse_utc

        found = self.checkins.get(pair)
        return parse_utc(found.at).astimezone() if found is not None else None

    def on_paper(self, pair: Pair) -> bool:
        from kit.core.workshops.attendance import ON_PAPER

        found = self.checkins.get(pair)
        return found is not None and found.verb == ON_PAPER

    def session_now(self, now: datetime) -> str | None:
        """The id of the session running at `now` (else the next, else the last)."""
        from kit.core.workshops.attendance import session_now

        found = session_now(self.shop, now)
        return found.id if found is not None else None


def _shops(ctx: AppContext) -> Any:
    from kit.core.workshops import Workshops

    return Workshops(ctx.records.rdb)


def _roster(ctx: AppContext, workshop_id: str) -> Roster:
    from kit.core.workshops.attendance import is_late

    shops = _shops(ctx)
    shop = shops.get(workshop_id)
    sessions = {s.id: s for s in shop.sessions}
    checkins = {(c.session_id, c.participant_id): c for c in shops.checkins(workshop_id)}
    late = frozenset(
        pair
        for pair, c in checkins.items()
        if pair[0] in sessions and is_late(shop, sessions[pair[0]], c)
    )
    profiles = {p.id: p.name for p in ctx.records.list_profiles()}
    return Roster(shop, shops.participants(workshop_id), checkins, late, profiles)


def _write(ctx: AppContext, workshop_id: str, change: Callable[[Any], Any]) -> Op[Roster]:
    def work() -> Roster:
        done = change(_shops(ctx))
        roster = _roster(ctx, workshop_id)
        touched = getattr(done, "id", None) if hasattr(done, "workshop_id") else None
        return replace(roster, touched=touched)

    return Op(ctx, work, Change.WORKSHOPS)


def load(ctx: AppContext, workshop_id: str) -> Op[Roster]:
    return Op(ctx, lambda: _roster(ctx, workshop_id))


def add_participant(
    ctx: AppContext,
    workshop_id: str,
    name: str,
    wiki_username: str = "",
    contact: str = "",
    consent: bool = False,
) -> Op[Roster]:
    """Quick add at the door (the contact is kept only with consent)."""
    return _write(
        ctx,
        workshop_id,
        lambda shops: shops.add_participant(
            workshop_id, name, wiki_username=wiki_username, contact=contact, consent=consent
        ),
    )


def update_participant(ctx: AppContext, who: Any) -> Op[Roster]:
    """Save an edited participant (kit.core.workshops.Participant, same id)."""
    return _write(ctx, who.workshop_id, lambda shops: shops.update_participant(who))


def check_in(ctx: AppContext, workshop_id: str, session_id: str, participant_id: str) -> Op[Roster]:
    return _write(
        ctx, workshop_id, lambda shops: shops.check_in(workshop_id, session_id, [participant_id])
    )


def walk_in(ctx: AppContext, workshop_id: str, session_id: str, name: str) -> Op[Roster]:
    """Someone not on the register: added, then checked in to the session."""

    def change(shops: Any) -> Any:
        who = shops.add_participant(workshop_id, name)
        shops.check_in(workshop_id, session_id, [who.id])
        return who

    return _write(ctx, workshop_id, change)


def undo_check_in(
    ctx: AppContext, workshop_id: str, session_id: str, participant_id: str
) -> Op[Roster]:
    """Take a check-in back (a correcting row is appended; nothing is deleted)."""
    return _write(
        ctx, workshop_id, lambda shops: shops.uncheck(workshop_id, session_id, [participant_id])
    )


def save_marks(ctx: AppContext, workshop_id: str, marks: Mapping[Pair, bool]) -> Op[Roster]:
    """Ticks typed in from a paper sign-in sheet: only the changed pairs are written."""
    return _write(ctx, workshop_id, lambda shops: shops.mark(workshop_id, dict(marks)))


def export_register(ctx: AppContext, workshop_id: str, path: Path | str) -> Op[Path]:
    """The register as CSV at `path` (written whole or not at all, private to the user)."""

    def work() -> Path:
        from kit.core.fsutil import write_atomic
        from kit.core.workshops.register import register_csv

        shops = _shops(ctx)
        target = Path(path)
        text = register_csv(shops, shops.get(workshop_id))
        try:
            write_atomic(target, text.encode("utf-8"), private=True)
        except OSError as exc:
            raise KitError(
                _(
                    "The register could not be written to {file} ({reason}): choose a "
                    "folder you can write to."
                ).format(file=target, reason=exc.strerror or exc)
            ) from exc
        return target

    return Op(ctx, work)


def event_usernames(ctx: AppContext, workshop_id: str) -> Op[tuple[str, str]]:
    """The usernames of those who came: (one a line, as a wikitext list)."""

    def work() -> tuple[str, str]:
        from kit.core.workshops.register import usernames, usernames_text, usernames_wikitext

        shops = _shops(ctx)
        names = usernames(shops, shops.get(workshop_id))
        return usernames_text(names), usernames_wikitext(names)

    return Op(ctx, work)

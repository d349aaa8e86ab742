"""Facilitators: who may change roles, reset a forgotten PIN and read group reports.

A profile is a learner or a facilitator. A facilitator always has a PIN, and every
check of it goes through the same throttle as any PIN (`pins`). The first facilitator
on a computer appoints itself (with its own PIN) while there is none
(`may_self_appoint`); after that only a facilitator makes another. A checked
facilitator gets a `FacilitatorToken`, valid for `TOKEN_SECONDS` on the clock since
boot and only in the `Records` object that issued it, so a screen can ask for the PIN
once and then read several reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kit.core.records import pins, profiles
from kit.core.records.db import RecordsDB, RecordsError
from kit.core.records.profiles import FACILITATOR, ROLES, Profile
from kit.i18n import _

TOKEN_SECONDS = 30 * 60


class NotFacilitator(RecordsError):
    """The profile asked to act as a facilitator is not one (or the token is not valid)."""


@dataclass(frozen=True)
class FacilitatorToken:
    """Proof that `profile_id` gave its facilitator PIN a moment ago (see the module)."""

    profile_id: str
    secret: str = field(repr=False)


class Tokens:
    """The tokens one `Records` object has issued, with when (boot clock) they expire."""

    def __init__(self, clocks: pins.Clocks) -> None:
        self.clocks = clocks
        self._issued: dict[str, tuple[str, str, float]] = {}

    def issue(self, profile_id: str) -> FacilitatorToken:
        boot, now = self.clocks.uptime()
        import secrets  # here: it loads OpenSSL, which the app's start-up does not need

        secret = secrets.token_hex(16)
        self._issued[secret] = (profile_id, boot, now + TOKEN_SECONDS)
        return FacilitatorToken(profile_id, secret)

    def valid(self, token: FacilitatorToken) -> bool:
        issued = self._issued.get(token.secret)
        if issued is None or issued[0] != token.profile_id:
            return False
        boot, now = self.clocks.uptime()
        return issued[1] == boot and now <= issued[2]


def facilitator_exists(rdb: RecordsDB) -> bool:
    rows = rdb.query("SELECT EXISTS (SELECT 1 FROM profiles WHERE role = ?)", [FACILITATOR])
    return bool(rows[0][0])


def check_facilitator(
    rdb: RecordsDB, profile_id: str | None, pin: str | None, clocks: pins.Clocks
) -> Profile:
    """The facilitator `profile_id` when `pin` is its PIN (throttled like any PIN).

    Raises NotFacilitator, WrongPin or PinLocked.
    """
    if not profile_id:
        raise NotFacilitator(_("Only a facilitator can do this."))
    who = profiles.get_profile(rdb, profile_id)
    if not who.is_facilitator or not who.has_pin:
        raise NotFacilitator(
            _("{name} is not a facilitator; only a facilitator can do this.").format(name=who.name)
        )
    profiles.check_pin(rdb, profile_id, pin, clocks)
    return who


def set_role(
    rdb: RecordsDB,
    profile_id: str,
    role: str,
    by: str | None,
    pin: str | None,
    clocks: pins.Clocks,
) -> Profile:
    """Make `profile_id` a learner or a facilitator; see `Records.set_role`."""
    if role not in ROLES:
        raise RecordsError(_("{role} is not a role.").format(role=role))
    with rdb.lock:
        target = profiles.get_profile(rdb, profile_id)
        self_appointing = role == FACILITATOR and by in (None, profile_id)
        if self_appointing and not facilitator_exists(rdb):
            if not target.has_pin:
                raise RecordsError(_("A facilitator needs a PIN; give the profile one first."))
            profiles.check_pin(rdb, profile_id, pin, clocks)
        else:
            check_facilitator(rdb, by, pin, clocks)
            if role == FACILITATOR and not target.has_pin:
                raise RecordsError(_("A facilitator needs a PIN; give the profile one first."))
        with rdb.write() as db:
            db.conn.execute("UPDATE profiles SET role = ? WHERE id = ?", [role, profile_id])
    return profiles.get_profile(rdb, profile_id)

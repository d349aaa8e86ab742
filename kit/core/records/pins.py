"""Profile PINs: salted scrypt hashes and a persistent throttle on wrong guesses.

A PIN is never stored: only ``scrypt$n$r$p$salt$hash`` (base64 salt and hash), so the
cost parameters can be raised later without breaking old hashes. Hashes are compared
in constant time (`hmac.compare_digest`).

A 4-digit PIN has only 10,000 values, so the real protection is the throttle: after
`FREE_TRIES` wrong PINs in a row each further wrong PIN locks the profile for
2, 4, 8, ... seconds, capped at `MAX_LOCK_SECONDS`. The lock is a stored "locked until"
time in records.db (table ``pin_throttle``), so restarting the app does not reset it,
and nothing ever sleeps: a try during the lock is refused with `PinLocked` without
looking at the PIN. A right PIN clears the count.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import re
import secrets
import unicodedata
from collections.abc import Callable

from kit.core.records.db import RecordsDB, RecordsError
from kit.i18n import _, ngettext

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
FREE_TRIES = 3
MAX_LOCK_SECONDS = 300
PIN_RE = re.compile(r"[0-9]{4}")

Clock = Callable[[], float]


class WrongPin(RecordsError):
    """The PIN given does not match the profile's PIN."""


class PinLocked(RecordsError):
    """Too many wrong PINs: tries are refused for `seconds` more seconds."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(
            ngettext(
                "Too many wrong PINs; try again in {n} second.",
                "Too many wrong PINs; try again in {n} seconds.",
                seconds,
            ).format(n=seconds)
        )


def normalize_pin(pin: str) -> str:
    """The PIN as 4 ASCII digits (full-width or other script digits are accepted).

    Raises RecordsError when it is not 4 digits.
    """
    text = unicodedata.normalize("NFKC", str(pin)).strip()
    digits = "".join(str(unicodedata.digit(ch, -1)) if ch.isdigit() else ch for ch in text)
    if not PIN_RE.fullmatch(digits):
        raise RecordsError(_("A PIN is exactly 4 digits."))
    return digits


def hash_pin(pin: str) -> str:
    """A new salted scrypt hash of `pin` (normalized first), as stored in records.db."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(normalize_pin(pin), salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether `pin` matches the stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        given = _scrypt(normalize_pin(pin), base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, RecordsError):
        return False
    return hmac.compare_digest(given, expected)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=HASH_BYTES, maxmem=64 * 1024 * 1024
    )


def lock_seconds(failures: int) -> int:
    """How long the profile stays locked after `failures` wrong PINs in a row."""
    if failures < FREE_TRIES:
        return 0
    return min(2 ** (failures - FREE_TRIES + 1), MAX_LOCK_SECONDS)


def seconds_locked(rdb: RecordsDB, profile_id: str, now: float) -> int:
    """Whole seconds until `profile_id` may try a PIN again (0 when it may now)."""
    rows = rdb.query(
        "SELECT failures, locked_until FROM pin_throttle WHERE profile_id = ?", [profile_id]
    )
    if not rows:
        return 0
    remaining = float(rows[0]["locked_until"]) - now
    # A clock set backwards must not lock a learner out for longer than the lock itself.
    remaining = min(remaining, lock_seconds(int(rows[0]["failures"])))
    return max(0, math.ceil(remaining))


def verify(rdb: RecordsDB, profile_id: str, pin: str | None, stored: str, clock: Clock) -> None:
    """Check `pin` against `stored`, honouring and updating the throttle.

    Raises PinLocked while locked, WrongPin (and counts the failure) when wrong.
    """
    with rdb.lock:
        now = clock()
        wait = seconds_locked(rdb, profile_id, now)
        if wait:
            raise PinLocked(wait)
        if pin is None or str(pin).strip() == "":
            raise WrongPin(_("This profile needs its PIN."))
        if pin_matches(pin, stored):
            with rdb.write() as db:
                db.conn.execute("DELETE FROM pin_throttle WHERE profile_id = ?", [profile_id])
            return
        with rdb.write() as db:
            db.conn.execute(
                "INSERT INTO pin_throttle (profile_id, failures) VALUES (?, 1) "
                "ON CONFLICT (profile_id) DO UPDATE SET failures = failures + 1",
                [profile_id],
            )
            failures = db.conn.execute(
                "SELECT failures FROM pin_throttle WHERE profile_id = ?", [profile_id]
            ).fetchone()[0]
            db.conn.execute(
                "UPDATE pin_throttle SET locked_until = ? WHERE profile_id = ?",
                [now + lock_seconds(int(failures)), profile_id],
            )
    raise WrongPin(_("That PIN is not right."))

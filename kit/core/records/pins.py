"""Profile PINs: salted scrypt hashes and a persistent throttle on wrong guesses.

A PIN is never stored: only ``scrypt$n$r$p$salt$hash`` (base64 salt and hash), so the
cost parameters can be raised later without breaking old hashes. Hashes are compared
in constant time (`hmac.compare_digest`).

A 4-digit PIN has only 10,000 values, so the real protection is the throttle: after
`FREE_TRIES` wrong PINs in a row each further wrong PIN locks the profile for
2, 4, 8, ... seconds, capped at `MAX_LOCK_SECONDS`. The lock is stored in records.db
(table ``pin_throttle``), so restarting the app does not reset it, and nothing ever
sleeps: a try during the lock is refused with `PinLocked` without looking at the PIN.
A right PIN clears the count.

The wait is not counted on the wall clock, which anyone can move: with the lock are
stored the boot it was taken in (``/proc/sys/kernel/random/boot_id`` where there is
one), the clock that runs since boot (CLOCK_BOOTTIME, which also counts suspend;
``time.monotonic`` elsewhere) and the seconds still owed. Within one boot the wait is
counted on that clock; on a new boot (or a clock reading before the anchor) the
remaining wait restarts from the first time the lock is seen. So moving the wall clock
either way never shortens or lengthens a lock, and a reboot can only make it longer.
Restoring a backup keeps the stricter of the two throttle states (`carry_over`).
"""

from __future__ import annotations

import base64
import functools
import math
import re
import sqlite3
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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

BOOT_ID_FILE = "/proc/sys/kernel/random/boot_id"

Clock = Callable[[], float]  # the wall clock, seconds since the epoch (time.time)
Uptime = Callable[[], tuple[str, float]]  # (boot id, seconds since boot): system_uptime


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
    import secrets  # here (and hashlib, hmac): loading OpenSSL costs the app's start-up

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
    import hmac

    return hmac.compare_digest(given, expected)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    import hashlib

    return hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=HASH_BYTES, maxmem=64 * 1024 * 1024
    )


def lock_seconds(failures: int) -> int:
    """How long the profile stays locked after `failures` wrong PINs in a row."""
    if failures < FREE_TRIES:
        return 0
    return min(2 ** (failures - FREE_TRIES + 1), MAX_LOCK_SECONDS)


@functools.cache
def _boot_id() -> str:
    try:
        return Path(BOOT_ID_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def system_uptime() -> tuple[str, float]:
    """(boot id or "", seconds on a clock that only runs forward within that boot)."""
    try:
        seconds = time.clock_gettime(time.CLOCK_BOOTTIME)  # Linux only
    except (AttributeError, OSError):
        seconds = time.monotonic()
    return _boot_id(), seconds


@dataclass(frozen=True)
class Clocks:
    """The clocks the throttle reads; tests pass fakes to move time without sleeping."""

    wall: Clock = time.time
    uptime: Uptime = system_uptime


@dataclass(frozen=True)
class Throttle:
    """One profile's throttle state: wrong PINs in a row and seconds still to wait."""

    failures: int
    owed: float


def _read(conn: sqlite3.Connection, profile_id: str, boot: str, now: float) -> Throttle | None:
    """The throttle state as of `now`; `owed` is counted from the anchor when it was
    taken in this boot, else it is the whole wait stored (restarting from now)."""
    row = conn.execute(
        "SELECT failures, boot_id, anchor, wait FROM pin_throttle WHERE profile_id = ?",
        [profile_id],
    ).fetchone()
    if row is None:
        return None
    failures, row_boot, anchor, wait = int(row[0]), str(row[1]), row[2], float(row[3])
    # Never more than the count's own lock, whatever a file says.
    owed = min(max(wait, 0.0), float(lock_seconds(failures)))
    if anchor is not None and row_boot == boot and float(anchor) <= now:
        owed = max(0.0, owed - (now - float(anchor)))
    return Throttle(failures, owed)


def _anchored(conn: sqlite3.Connection, profile_id: str, boot: str, now: float) -> bool:
    row = conn.execute(
        "SELECT boot_id, anchor FROM pin_throttle WHERE profile_id = ?", [profile_id]
    ).fetchone()
    return row is not None and row[1] is not None and row[0] == boot and float(row[1]) <= now


def _write(
    conn: sqlite3.Connection, profile_id: str, state: Throttle, boot: str, now: float, wall: float
) -> None:
    conn.execute(
        "INSERT INTO pin_throttle (profile_id, failures, locked_until, boot_id, anchor, wait) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id) DO UPDATE SET "
        "failures = excluded.failures, locked_until = excluded.locked_until, "
        "boot_id = excluded.boot_id, anchor = excluded.anchor, wait = excluded.wait",
        [profile_id, state.failures, wall + state.owed, boot, now, state.owed],
    )


def seconds_locked(rdb: RecordsDB, profile_id: str, clocks: Clocks) -> int:
    """Whole seconds until `profile_id` may try a PIN again (0 when it may now).

    The first time a lock is seen in a new boot its remaining wait is anchored there.
    """
    with rdb.lock:
        boot, now = clocks.uptime()
        state = _read(rdb.db.conn, profile_id, boot, now)
        if state is None or state.owed <= 0:
            return 0
        if not _anchored(rdb.db.conn, profile_id, boot, now):
            with rdb.write() as db:
                _write(db.conn, profile_id, state, boot, now, clocks.wall())
        return max(0, math.ceil(state.owed))


def verify(
    rdb: RecordsDB,
    profile_id: str,
    pin: str | None,
    stored: str,
    clocks: Clocks,
) -> None:
    """Check `pin` against `stored`, honouring and updating the throttle.

    Raises PinLocked while locked, WrongPin (and counts the failure) when wrong.
    """
    with rdb.lock:
        wait = seconds_locked(rdb, profile_id, clocks)
        if wait:
            raise PinLocked(wait)
        if pin is None or str(pin).strip() == "":
            raise WrongPin(_("This profile needs its PIN."))
        if pin_matches(pin, stored):
            with rdb.write() as db:
                db.conn.execute("DELETE FROM pin_throttle WHERE profile_id = ?", [profile_id])
            return
        boot, now = clocks.uptime()
        with rdb.write() as db:
            before = _read(db.conn, profile_id, boot, now)
            failures = (before.failures if before else 0) + 1
            _write(
                db.conn,
                profile_id,
                Throttle(failures, lock_seconds(failures)),
                boot,
                now,
                clocks.wall(),
            )
    raise WrongPin(_("That PIN is not right."))


def carry_over(live: sqlite3.Connection, restored: sqlite3.Connection, clocks: Clocks) -> None:
    """Give each profile in `restored` the stricter of its throttle there and in `live`.

    Restoring an older backup must not reset a lock (nor the count towards the next).
    """
    boot, now = clocks.uptime()
    ids = [str(r[0]) for r in restored.execute("SELECT id FROM profiles")]
    for profile_id in ids:
        current = _read(live, profile_id, boot, now)
        if current is None:
            continue
        older = _read(restored, profile_id, boot, now) or Throttle(0, 0.0)
        stricter = Throttle(max(current.failures, older.failures), max(current.owed, older.owed))
        _write(restored, profile_id, stricter, boot, now, clocks.wall())

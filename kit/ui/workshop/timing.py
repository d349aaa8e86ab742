"""The presenter's timers: elapsed time that pauses and resets, and the colour band of an
item's time against its target (approaching the end, on time, over, far over), and the
clock and timers written in the interface language's digits and time format (babel)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from kit.i18n import current_locale

EARLY, APPROACHING, ON_TIME, OVER, FAR_OVER = "early", "approaching", "on-time", "over", "far-over"
BAND_COLOURS = {
    EARLY: "#2e7d32",
    APPROACHING: "#f9a825",
    ON_TIME: "#ef6c00",
    OVER: "#c62828",
    FAR_OVER: "#6a1b9a",
}


def band(elapsed: float, target: float) -> str:
    """Where `elapsed` seconds stand against a `target` of seconds (0: no target)."""
    if target <= 0:
        return EARLY
    ratio = elapsed / target
    if ratio < 0.8:
        return EARLY
    if ratio < 1.0:
        return APPROACHING
    if ratio < 1.1:
        return ON_TIME
    if ratio < 1.5:
        return OVER
    return FAR_OVER


class Stopwatch:
    """Elapsed seconds on a monotonic clock; `pause` toggles, `reset` starts again."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._start = clock()
        self._paused_at: float | None = None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def elapsed(self) -> float:
        end = self._paused_at if self._paused_at is not None else self.clock()
        return max(0.0, end - self._start)

    def toggle_pause(self) -> None:
        now = self.clock()
        if self._paused_at is None:
            self._paused_at = now
        else:
            self._start += now - self._paused_at
            self._paused_at = None

    def reset(self) -> None:
        self._start = self.clock()
        if self._paused_at is not None:
            self._paused_at = self._start


def timer_text(seconds: float) -> str:
    """Minutes and seconds in the locale's digits: '12:05', '-1:30' when over."""
    from babel.numbers import format_decimal, get_minus_sign_symbol

    locale = current_locale()
    whole = int(abs(seconds))
    minutes = format_decimal(whole // 60, format="0", locale=locale, numbering_system="default")
    secs = format_decimal(whole % 60, format="00", locale=locale, numbering_system="default")
    sign = get_minus_sign_symbol(locale) if seconds <= -1 else ""
    return f"{sign}{minutes}:{secs}"


def clock_text(moment: dt.datetime | dt.time) -> str:
    """A time of day in the locale's short format: '10:45 AM' (en), '10:45' (es)."""
    from babel.dates import format_time

    if isinstance(moment, dt.datetime) and moment.tzinfo is not None:
        moment = moment.astimezone()  # the room's clock, not UTC
    return format_time(moment, "short", locale=current_locale())

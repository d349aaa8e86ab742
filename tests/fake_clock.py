"""A hand-moved wall clock and clock-since-boot for the PIN throttle (nothing sleeps)."""

from __future__ import annotations


class FakeClock:
    """`now` is the wall clock (anyone can set it); `up` the clock since boot `boot`.

    `advance(s)` is real time passing (both move); changing `now` alone is someone
    setting the computer's clock; a new `boot` with a small `up` is a restart.
    """

    def __init__(self) -> None:
        self.now = 1_700_000_000.0
        self.boot = "boot-1"
        self.up = 1_000.0

    def __call__(self) -> float:
        return self.now

    def uptime(self) -> tuple[str, float]:
        return self.boot, self.up

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self.up += seconds

    def reboot(self, up: float = 5.0) -> None:
        self.boot = f"{self.boot}+"
        self.up = up

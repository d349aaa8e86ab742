"""Collects figures and prints each next to its floor (or target) and the ratio."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def median_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    """The median time of `repeat` calls of `fn`, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    floor: float | None
    floor_label: str
    target_ratio: float | None

    @property
    def ratio(self) -> float | None:
        return self.value / self.floor if self.floor else None

    def line(self) -> str:
        ratio = self.ratio
        parts = [f"{self.name:<44} {self.value:>10.3f} {self.unit:<4}"]
        if self.floor is not None:
            parts.append(f"floor {self.floor:>9.3f} {self.unit:<3} ({self.floor_label})")
        if ratio is not None:
            parts.append(f"ratio {ratio:6.2f}")
        if self.target_ratio is not None and ratio is not None:
            verdict = "ok" if ratio <= self.target_ratio else "OVER"
            parts.append(f"target <= {self.target_ratio:g} {verdict}")
        return "  ".join(parts)


class Report:
    """Passed to every bench module's run(report).

    Call it as report(name, value, unit) for a bare figure, or with floor= (and
    floor_label=, target_ratio=) to print the ratio; report.quick says to scale down,
    report.workdir is a scratch folder (bench/out/).
    """

    def __init__(self, workdir: Path, quick: bool = False) -> None:
        self.workdir = workdir
        self.quick = quick
        self.figures: list[Figure] = []

    def scale(self, full: int, quick: int) -> int:
        return quick if self.quick else full

    def note(self, text: str) -> None:
        print(f"  {text}", flush=True)

    def __call__(self, name: str, value: float, unit: str = "", **kw: object) -> None:
        self.figure(name, value, unit, **kw)  # type: ignore[arg-type]

    def figure(
        self,
        name: str,
        value: float,
        unit: str = "s",
        floor: float | None = None,
        floor_label: str = "",
        target_ratio: float | None = None,
    ) -> None:
        fig = Figure(name, value, unit, floor, floor_label, target_ratio)
        self.figures.append(fig)
        print(fig.line(), flush=True)

"""The text size steps, shared by Settings and the reader's A−/A+ (Ctrl+-/Ctrl+=).

Both only ever choose one of TEXT_SCALES, so what A+ sets is what Settings shows (and
saves) as its name, and a value from elsewhere is read as the nearest step.
"""

from __future__ import annotations

from kit.ui.operations.settings import TEXT_SCALES

NORMAL = 1.0


def nearest_index(scale: float) -> int:
    return min(range(len(TEXT_SCALES)), key=lambda n: abs(TEXT_SCALES[n] - scale))


def nearest(scale: float) -> float:
    """The step closest to `scale`."""
    return TEXT_SCALES[nearest_index(scale)]


def step(scale: float, steps: int) -> float:
    """`steps` steps larger (or smaller when negative) than `scale`, within the range."""
    index = nearest_index(scale) + steps
    return TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, index))]


def is_smallest(scale: float) -> bool:
    return nearest_index(scale) == 0


def is_largest(scale: float) -> bool:
    return nearest_index(scale) == len(TEXT_SCALES) - 1

"""Semantic version order (https://semver.org): 1.0.0-beta < 1.0.0 < 1.0.1."""

from __future__ import annotations

from kit.core.packformat.fields import SEMVER_RE


def _key(version: str) -> tuple[tuple[int, ...], tuple[int, tuple[tuple[int, int, str], ...]]]:
    m = SEMVER_RE.match(version)
    if not m:
        return (0, 0, 0), (0, ())
    core = tuple(int(g) for g in m.groups())
    pre = version.split("+", 1)[0].partition("-")[2]
    if not pre:
        return core, (1, ())
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))
    return core, (0, parts)


def compare_versions(a: str, b: str) -> int:
    """-1, 0 or 1 as version a is older than, the same as, or newer than b."""
    ka, kb = _key(a), _key(b)
    return (ka > kb) - (ka < kb)

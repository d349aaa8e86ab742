"""Wording shared by several screens: durations, item types, status marks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kit.core import itemtypes
from kit.i18n import N_, _, format_number, ngettext

STATUS_MARKS = {"done": "✓", "in_progress": "◐", "not_started": "○"}
STATUS_NAMES = {"done": N_("done"), "in_progress": N_("started"), "not_started": N_("not started")}


def item_type_name(kind: str) -> str:
    """The type's name in the interface language ("Quiz"); an unknown type as written."""
    return itemtypes.display_name(kind)


def format_minutes(minutes: float | int | None) -> str:
    """'25 min', '1 h 30 min' (numbers in the interface locale); '' when unknown."""
    if not minutes or minutes <= 0:
        return ""
    total = round(minutes)
    hours, rest = divmod(total, 60)
    if not hours:
        return ngettext("{n} min", "{n} min", total).format(n=format_number(total))
    if not rest:
        return ngettext("{h} h", "{h} h", hours).format(h=format_number(hours))
    return _("{h} h {m} min").format(h=format_number(hours), m=format_number(rest))


def module_minutes(module: Mapping[str, Any]) -> int:
    """The module's estimated time: its own figure, else the sum of its items'."""
    own = module.get("minutes")
    if isinstance(own, int | float) and own > 0:
        return int(own)
    return int(sum(i.get("minutes") or 0 for i in module.get("items", [])))


def pack_minutes(pack: Mapping[str, Any]) -> int:
    return sum(module_minutes(m) for m in pack.get("modules", []))


def status_text(status: str) -> str:
    return _(STATUS_NAMES.get(status, STATUS_NAMES["not_started"]))

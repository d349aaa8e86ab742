"""The workshop plan file: documented, diff-friendly YAML (see docs/workshop-plan.md).

Export writes keys in a fixed order, one agenda item per entry, so two versions of a
plan diff line by line. Import reads with the strict YAML loader; a reference to a pack
item the installed packs do not have is kept (with the minutes the file gives) and
reported as one warning per item, never a traceback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import yaml

from kit.core.packformat.yamlio import strict_load
from kit.core.workshops.model import (
    PACK,
    AgendaItem,
    Content,
    Workshop,
    WorkshopError,
    WorkshopSession,
    clock_text,
    new_id,
    resolve_item,
)
from kit.i18n import _, ngettext

FORMAT = "training-kit-workshop"
VERSION = 1
WORKSHOP_KEYS = {
    "format",
    "version",
    "id",
    "title",
    "starts",
    "ends",
    "place",
    "language",
    "facilitators",
    "description",
    "archived",
    "creates_accounts",
    "sessions",
}
SESSION_KEYS = {"id", "title", "day", "start", "slot", "items"}
ITEM_KEYS = {"id", "kind", "title", "minutes", "pack", "item", "module"}


@dataclass(frozen=True)
class Imported:
    workshop: Workshop
    warnings: list[str]


def to_data(shop: Workshop) -> dict[str, Any]:
    """The plan as plain data, keys in the documented order."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "id": shop.id,
        "title": shop.title,
        "starts": shop.starts,
        "ends": shop.ends,
        "place": shop.place,
        "language": shop.language,
        "facilitators": list(shop.facilitators),
        "description": shop.description,
        "archived": shop.archived,
        "creates_accounts": shop.creates_accounts,
        "sessions": [_session_data(s) for s in shop.sessions],
    }


def shown_data(shop: Workshop) -> dict[str, Any]:
    """The plan's data with what `kit workshop show --json` adds: each session's total,
    the planned minutes per day and the overrun warnings."""
    data = to_data(shop)
    data["day_totals"] = shop.day_totals()
    data["warnings"] = shop.warnings()
    for raw, s in zip(data["sessions"], shop.sessions, strict=True):
        raw["total"] = s.total
    return data


def _session_data(s: WorkshopSession) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "day": s.day,
        "start": s.start,
        "slot": s.slot,
        "items": [_item_data(i) for i in s.items],
    }


def _item_data(i: AgendaItem) -> dict[str, Any]:
    out: dict[str, Any] = {"id": i.id, "kind": i.kind}
    if i.kind == PACK:
        out["pack"] = i.pack_id
        out["item" if i.item_id else "module"] = i.item_id or i.module_id
    if i.title:
        out["title"] = i.title
    out["minutes"] = i.minutes
    return out


def dump(shop: Workshop) -> str:
    """The plan file's text."""
    head = "# Training Kit workshop plan (see docs/workshop-plan.md for every field)\n"
    body = yaml.safe_dump(
        to_data(shop), sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return head + body


class _Reader:
    """Field access with one clear sentence for a field of the wrong kind."""

    def __init__(self, data: Any, where: str, keys: set[str]) -> None:
        if not isinstance(data, Mapping):
            raise WorkshopError(_("In the plan, {where} is not a mapping.").format(where=where))
        unknown = sorted(str(k) for k in data if k not in keys)
        if unknown:
            raise WorkshopError(
                _("In the plan, {where} has a field Training Kit does not know: {key}.").format(
                    where=where, key=unknown[0]
                )
            )
        self.data, self.where = data, where

    def text(self, key: str, default: str = "") -> str:
        value = self.data.get(key, default)
        if isinstance(value, dt.date):
            return value.isoformat()
        if value is None:
            return default
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise self.bad(key, _("a text"))
        return str(value)

    def number(self, key: str, default: int | None = None) -> int:
        value = self.data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.bad(key, _("a whole number"))
        return value

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self.bad(key, _("a list"))
        return value

    def bad(self, key: str, kind: str) -> WorkshopError:
        return WorkshopError(
            _("In the plan, {key} of {where} must be {kind}.").format(
                key=key, where=self.where, kind=kind
            )
        )


def load(text: str, content: Content | None = None) -> Imported:
    """The workshop a plan file describes, with one warning per broken reference."""
    try:
        data = strict_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise WorkshopError(
            _("The plan is not valid YAML (line {line}).").format(line=line)
        ) from None
    top = _Reader(data, _("the workshop"), WORKSHOP_KEYS)
    if top.data.get("format") != FORMAT:
        raise WorkshopError(_("This file is not a Training Kit workshop plan."))
    if top.number("version") > VERSION:
        raise WorkshopError(_("The plan was written by a newer Training Kit; update the app."))
    warnings: list[str] = []
    sessions = tuple(
        _session(raw, n, content, warnings) for n, raw in enumerate(top.items("sessions"), 1)
    )
    archived = top.data.get("archived", False)
    if not isinstance(archived, bool):
        raise top.bad("archived", _("true or false"))
    accounts = top.data.get("creates_accounts", False)
    if not isinstance(accounts, bool):
        raise top.bad("creates_accounts", _("true or false"))
    facilitators = top.items("facilitators")
    if not all(isinstance(f, str) for f in facilitators):
        raise top.bad("facilitators", _("a list of names"))
    shop = Workshop(
        id=top.text("id") or new_id(),
        title=top.text("title"),
        starts=top.text("starts"),
        ends=top.text("ends"),
        place=top.text("place"),
        language=top.text("language", "en"),
        facilitators=tuple(str(f) for f in facilitators),
        description=top.text("description"),
        archived=archived,
        creates_accounts=accounts,
        sessions=sessions,
    )
    return Imported(shop, warnings)


def _session(
    raw: Any, number: int, content: Content | None, warnings: list[str]
) -> WorkshopSession:
    where = _("session {number}").format(number=number)
    r = _Reader(raw, where, SESSION_KEYS)
    items = tuple(_item(i, where, n, content, warnings) for n, i in enumerate(r.items("items"), 1))
    return WorkshopSession(
        id=r.text("id") or new_id(),
        title=r.text("title"),
        day=r.number("day", 1),
        start=_start(r.data.get("start", "09:00")),
        slot=r.number("slot", sum(i.minutes for i in items)),
        items=items,
    )


def _start(value: Any) -> str:
    # YAML 1.1 reads an unquoted 10:30 as the sexagesimal number 630 (minutes).
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return clock_text(value)
    return str(value)


def _item(
    raw: Any, session: str, number: int, content: Content | None, warnings: list[str]
) -> AgendaItem:
    where = _("item {number} of {session}").format(number=number, session=session)
    r = _Reader(raw, where, ITEM_KEYS)
    kind = r.text("kind", PACK)
    item = AgendaItem(
        id=r.text("id") or new_id(),
        kind=kind,
        title=r.text("title"),
        minutes=r.number("minutes", 0),
        pack_id=r.text("pack"),
        item_id=r.text("item"),
        module_id=r.text("module"),
    )
    if kind == PACK and not item.pack_id:
        raise WorkshopError(_("In the plan, {where} names no pack.").format(where=where))
    resolved = resolve_item(item, content)
    if resolved.missing:
        warnings.append(
            ngettext(
                "In the plan, {where} refers to {ref}, which is not installed; it is kept "
                "with {minutes} minute. Install the pack to use it.",
                "In the plan, {where} refers to {ref}, which is not installed; it is kept "
                "with {minutes} minutes. Install the pack to use it.",
                item.minutes,
            ).format(
                where=where,
                ref=f"{item.pack_id}/{item.item_id or item.module_id}",
                minutes=item.minutes,
            )
        )
        # The file's title and minutes stay; the flag is not stored.
        return replace(resolved, missing=False)
    return resolved

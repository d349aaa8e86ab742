"""Durations and titles of agenda items from the installed packs.

An item's minutes are the pack's: a lesson imported from a Carpentries lesson has its
teaching + exercise minutes there (kit.core.importers.carpentries); a module lasts its
own minutes, else the sum of its items'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kit.core.library.api import Library


class LibraryContent:
    """`model.Content` over an open Library (titles in `lang` where translated)."""

    def __init__(self, library: Library, lang: str | None = None) -> None:
        self.library = library
        self.lang = lang
        self._packs: dict[str, dict[str, Any] | None] = {}

    def _pack(self, pack_id: str) -> dict[str, Any] | None:
        if pack_id not in self._packs:
            self._packs[pack_id] = self.library.get_pack(pack_id, self.lang)
        return self._packs[pack_id]

    def resolve(self, pack_id: str, item_id: str, module_id: str) -> tuple[str, int] | None:
        pack = self._pack(pack_id)
        if pack is None:
            return None
        for module in pack.get("modules", []):
            if module_id and module.get("id") == module_id:
                items = module.get("items", [])
                minutes = module.get("minutes")
                if not isinstance(minutes, int):
                    minutes = sum(int(i.get("minutes") or 0) for i in items)
                return str(module.get("title") or module_id), minutes
            for item in module.get("items", []):
                if item_id and item.get("id") == item_id:
                    return str(item.get("title") or item_id), int(item.get("minutes") or 0)
        return None

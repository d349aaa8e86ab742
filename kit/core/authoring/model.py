"""The values trainer mode passes around: which editor a file needs, the outline of a
pack (modules and items in order) and a planned change of files. Pure: no file I/O, so
screens may use them directly."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from kit.core import itemtypes
from kit.core.errors import KitError
from kit.core.packformat.yamlio import YamlProblem, load_mapping, split_front_matter
from kit.i18n import _

_MODULE_YAML = re.compile(r"^modules/[^/]+/module\.yaml$")


def file_kind(relpath: str, text: str) -> str:
    """Which editor opens the file: "pack", "module", "quiz", "survey", "markdown", "text"."""
    if relpath == "pack.yaml":
        return "pack"
    if _MODULE_YAML.match(relpath):
        return "module"
    if not relpath.endswith(".md"):
        return "text"
    header, _line, _body, _body_line = split_front_matter(text.replace("\r\n", "\n"))
    if header is not None:
        try:
            itype = load_mapping(header).data.get("type")
        except YamlProblem:
            itype = None
        if itype == itemtypes.QUIZ:
            return "quiz"
        if itype == itemtypes.SURVEY:
            return "survey"
    return "markdown"


@dataclass(frozen=True)
class OutlineItem:
    relpath: str
    title: str
    type: str
    item_id: str


@dataclass(frozen=True)
class OutlineModule:
    dir: str
    relpath: str  # modules/DIR/module.yaml
    title: str
    module_id: str
    items: tuple[OutlineItem, ...]


@dataclass(frozen=True)
class Outline:
    title: str
    pack_id: str
    modules: tuple[OutlineModule, ...]

    def module(self, dir: str) -> OutlineModule:
        for module in self.modules:
            if module.dir == dir:
                return module
        raise KitError(_("The pack has no module folder '{dir}'.").format(dir=dir))

    def item(self, relpath: str) -> tuple[OutlineModule, OutlineItem]:
        for module in self.modules:
            for item in module.items:
                if item.relpath == relpath:
                    return module, item
        raise KitError(_("The pack lists no item file '{rel}'.").format(rel=relpath))


@dataclass(frozen=True)
class FileChange:
    """Files to write (bytes) or delete (None), by path from the source root."""

    writes: Mapping[str, bytes | None]
    label: str  # N_()-marked, shown as "Undo <label>"

"""Every translatable unit of a pack source, file by file, in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.core.errors import KitError
from kit.core.packformat.source import SourceReader
from kit.core.packformat.translations import MODULE_T_KEYS, PACK_T_KEYS
from kit.core.packformat.yamlio import YamlProblem, load_mapping, split_front_matter
from kit.core.packtranslate.units import CutFile, Unit, cut_body, yaml_units
from kit.i18n import _

ITEM_T_KEYS = ("title", "summary")
ITEM_T_LISTS = ("materials",)
MODULE_T_TEXTS = tuple(k for k in ("title", "summary") if k in MODULE_T_KEYS)


@dataclass
class SourceFile:
    """One file of the source and its units. Item files also have their body cut."""

    rel: str
    kind: str  # "pack", "module" or "item"
    units: list[Unit]
    item: dict[str, Any] = field(default_factory=dict)  # items: id and type
    header: dict[str, Any] = field(default_factory=dict)
    body: CutFile | None = None


@dataclass
class SourceText:
    root: Path
    pack_id: str
    language: str
    languages: list[str]
    files: list[SourceFile]
    pack_lines: dict[str, int] = field(default_factory=dict)

    @property
    def units(self) -> list[tuple[SourceFile, Unit]]:
        return [(f, u) for f in self.files for u in f.units]


def read_source_text(root: str | Path) -> SourceText:
    """Read a pack source's texts; a source with errors is refused (KitError)."""
    root = Path(root)
    if not (root / "pack.yaml").is_file():
        raise KitError(_("{path} is not a pack source: it has no pack.yaml.").format(path=root))
    reader = SourceReader(root)
    loaded = reader.load()
    if not loaded.report.ok:
        raise KitError(
            _("The pack source has errors; fix them first (kit pack validate {path}).").format(
                path=root
            )
        )
    pack_doc = _yaml(reader, "pack.yaml")
    files = [
        SourceFile(
            "pack.yaml",
            "pack",
            yaml_units("pack", "pack.yaml", pack_doc[0], pack_doc[1], PACK_T_KEYS),
        )
    ]
    by_module: dict[str, list[str]] = {}
    for rel in reader.item_by_rel:
        by_module.setdefault(rel.split("/")[1], []).append(rel)
    for mdir, module in reader.module_by_dir.items():
        rel = f"modules/{mdir}/module.yaml"
        data, lines = _yaml(reader, rel)
        units = yaml_units(
            f"module/{module['id']}", rel, data, lines, MODULE_T_TEXTS, ("objectives",)
        )
        files.append(SourceFile(rel, "module", units, item={"id": module["id"]}))
        for item_rel in by_module.get(mdir, []):
            files.append(_item_file(reader, item_rel, reader.item_by_rel[item_rel]))
    pack = loaded.pack
    return SourceText(root, pack["id"], pack["language"], list(pack["languages"]), files,
                      pack_doc[1])  # fmt: skip


def _yaml(reader: SourceReader, rel: str) -> tuple[dict[str, Any], dict[str, int]]:
    doc = reader.read_yaml(rel)
    return (doc.data, doc.lines) if doc is not None else ({}, {})


def _item_file(reader: SourceReader, rel: str, item: dict[str, Any]) -> SourceFile:
    text = reader.read_text(rel) or ""
    header_text, header_line, body, body_line = split_front_matter(text)
    try:
        header = load_mapping(header_text or "", first_line=header_line)
    except YamlProblem:  # cannot happen: the source was checked
        header = load_mapping("")
    prefix = f"item/{item['id']}"
    units = yaml_units(prefix, rel, header.data, header.lines, ITEM_T_KEYS, ITEM_T_LISTS)
    cut = cut_body(rel, item["id"], item["type"], body, body_line)
    return SourceFile(
        rel,
        "item",
        units + cut.units,
        item={"id": item["id"], "type": item["type"]},
        header=header.data,
        body=cut,
    )


def cut_translation(file: SourceFile, text: str) -> tuple[dict[str, Any], CutFile] | None:
    """A translated item file cut like its original: (header, body), or None if unreadable."""
    header_text, header_line, body, body_line = split_front_matter(text)
    try:
        header = load_mapping(header_text or "", first_line=header_line)
    except YamlProblem:
        return None
    return header.data, cut_body(file.rel, file.item["id"], file.item["type"], body, body_line)

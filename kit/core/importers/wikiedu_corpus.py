"""Read a Wiki Education Dashboard training folder: libraries, modules and slides.

Every inconsistency (bad YAML, odd keys, missing references) becomes a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.core.importers.common import (
    INVALID,
    ImportReport,
    clean_keys,
    read_yaml_file,
    rel_to,
    text_of,
)

SLIDE_KEYS = {"id", "title", "title_prefix", "summary", "content", "assessment", "translations",
              "button_text", "slug"}  # fmt: skip
MODULE_KEYS = {"name", "id", "slug", "description", "estimated_ttc", "slides", "translations",
               "kind", "settings", "status"}  # fmt: skip
SLIDE_FILE_RE = re.compile(r"^(\d+)-(.+)\.ya?ml$")


@dataclass
class Slide:
    slug: str
    rel: str
    data: dict[str, Any]


@dataclass
class Module:
    slug: str
    rel: str
    data: dict[str, Any]
    slides: list[str] = field(default_factory=list)


@dataclass
class LibraryModule:
    slug: str
    category: str
    name: str
    description: str


@dataclass
class TrainingLibrary:
    slug: str
    rel: str
    data: dict[str, Any]
    modules: list[LibraryModule] = field(default_factory=list)


@dataclass
class Corpus:
    root: Path
    libraries: list[TrainingLibrary] = field(default_factory=list)
    modules: dict[str, Module] = field(default_factory=dict)
    slides: dict[str, Slide] = field(default_factory=dict)


def _mapping(value: Any, rel: str, report: ImportReport) -> dict[str, Any] | None:
    if value is INVALID:
        return None
    if value is None:
        report.warn(rel, "the file is empty; left out")
        return None
    if not isinstance(value, dict):
        report.warn(rel, "not a YAML mapping of 'key: value' lines; left out")
        return None
    return clean_keys(value)


def _yml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def read_corpus(root: Path, report: ImportReport) -> Corpus:
    corpus = Corpus(root)
    for path in _yml_files(root / "slides"):
        _read_slide(corpus, path, report)
    for path in _yml_files(root / "modules"):
        if "archived_modules" in path.relative_to(root / "modules").parts:
            continue  # the Dashboard never loads these
        _read_module(corpus, path, report)
    for path in _yml_files(root / "libraries"):
        _read_library(corpus, path, report)
    if not corpus.libraries:
        report.warn(rel_to(root, root), "no libraries found (libraries/*.yml)")
    return corpus


def _read_slide(corpus: Corpus, path: Path, report: ImportReport) -> None:
    rel = rel_to(path, corpus.root)
    data = _mapping(read_yaml_file(path, corpus.root, report), rel, report)
    if data is None:
        return
    m = SLIDE_FILE_RE.match(path.name)
    slug = text_of(data.get("slug")) or (m.group(2) if m else path.stem)
    for key in sorted(set(data) - SLIDE_KEYS, key=str):
        report.warn(rel, f"field '{key}' is not carried over")
    if slug in corpus.slides:
        report.warn(rel, f"slide '{slug}' is also in {corpus.slides[slug].rel}; the first is used")
        return
    corpus.slides[slug] = Slide(slug, rel, data)


def _read_module(corpus: Corpus, path: Path, report: ImportReport) -> None:
    rel = rel_to(path, corpus.root)
    data = _mapping(read_yaml_file(path, corpus.root, report), rel, report)
    if data is None:
        return
    slug = text_of(data.get("slug")) or path.stem
    for key in sorted(set(data) - MODULE_KEYS, key=str):
        report.warn(rel, f"field '{key}' is not carried over")
    if "settings" in data:
        report.warn(rel, "Dashboard 'settings' (sandbox pages) are not carried over")
    slides = []
    raw = data.get("slides")
    if not isinstance(raw, list):
        report.warn(rel, "the module lists no slides")
        raw = []
    for entry in raw:
        slide = entry.get("slug") if isinstance(entry, dict) else entry
        if isinstance(slide, (str, int)) and not isinstance(slide, bool) and str(slide).strip():
            slides.append(str(slide).strip())
        else:
            report.warn(rel, f"slide entry {entry!r} has no slug; left out")
    corpus.modules[slug] = Module(slug, rel, data, slides)


def _read_library(corpus: Corpus, path: Path, report: ImportReport) -> None:
    rel = rel_to(path, corpus.root)
    data = _mapping(read_yaml_file(path, corpus.root, report), rel, report)
    if data is None:
        return
    library = TrainingLibrary(text_of(data.get("slug")) or path.stem, rel, data)
    categories = data.get("categories")
    if not isinstance(categories, list):
        report.warn(rel, "the library lists no categories of modules")
        categories = []
    for category in categories:
        if not isinstance(category, dict):
            report.warn(rel, f"category {category!r} is not a mapping; left out")
            continue
        entries = category.get("modules")
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict) or not text_of(entry.get("slug")):
                report.warn(rel, f"module entry {entry!r} has no slug; left out")
                continue
            library.modules.append(
                LibraryModule(
                    text_of(entry.get("slug")),
                    text_of(category.get("title")),
                    text_of(entry.get("name")),
                    text_of(entry.get("description")),
                )
            )
    corpus.libraries.append(library)

"""The four steps of translating a pack: extract, update, status, apply."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.core.errors import KitError
from kit.core.packtranslate.apply import Applied, apply_language, existing_translations
from kit.core.packtranslate.catalog import (
    LanguageStatus,
    MergeCounts,
    check_language,
    merge,
    po_languages,
    po_path,
    read_catalog,
    translations_of,
    write_catalog,
)
from kit.core.packtranslate.catalog import status as _status
from kit.core.packtranslate.sourcetext import read_source_text
from kit.i18n import _


@dataclass(frozen=True)
class Extracted:
    lang: str
    path: Path
    units: int
    counts: MergeCounts
    existed: bool  # the PO file was there already and was updated


def extract(src: str | Path, lang: str) -> Extracted:
    """Write translations/LANG.po with every unit of the pack (merging into one that exists;
    a new one starts from the translation files already in translations/LANG/)."""
    source = read_source_text(src)
    lang = lang.replace("_", "-")
    check_language(source, lang)
    path = po_path(source.root, lang)
    existed = path.is_file()
    old = read_catalog(path) if existed else None
    prefill = None if existed else existing_translations(source, lang)
    catalog, counts = merge(source, old, lang, prefill)
    write_catalog(path, catalog, lang)
    return Extracted(lang, path, len(source.units), counts, existed)


def update(src: str | Path, langs: list[str] | None = None) -> list[Extracted]:
    """Merge the current source text into every PO file (or those of `langs`)."""
    source = read_source_text(src)
    have = po_languages(source.root)
    wanted = [x.replace("_", "-") for x in langs] if langs else have
    missing = [x for x in wanted if x not in have]
    if missing or not wanted:
        raise KitError(_no_po(source.root, missing[0] if missing else None))
    out = []
    for lang in wanted:
        path = po_path(source.root, lang)
        catalog, counts = merge(source, read_catalog(path), lang)
        write_catalog(path, catalog, lang)
        out.append(Extracted(lang, path, len(source.units), counts, True))
    return out


def status(src: str | Path) -> list[LanguageStatus]:
    return _status(read_source_text(src))


def apply(src: str | Path, langs: list[str] | None = None) -> list[Applied]:
    """Write each PO file's finished translations into translations/LANG/..."""
    source = read_source_text(src)
    have = po_languages(source.root)
    wanted = [x.replace("_", "-") for x in langs] if langs else have
    missing = [x for x in wanted if x not in have]
    if missing or not wanted:
        raise KitError(_no_po(source.root, missing[0] if missing else None))
    catalogs = {lang: read_catalog(po_path(source.root, lang)) for lang in wanted}
    for lang in wanted:
        check_language(source, lang)
    out = []
    for lang, catalog in catalogs.items():
        done, outdated = translations_of(source, catalog)
        out.append(apply_language(source, lang, done, outdated))
    return out


def _no_po(root: Path, lang: str | None) -> str:
    if lang:
        return _(
            "There is no translations/{lang}.po yet; make it with: kit pack translate extract "
            "{src} --lang {lang}"
        ).format(lang=lang, src=root)
    return _(
        "This pack has no PO files yet; make one with: kit pack translate extract {src} --lang CODE"
    ).format(src=root)

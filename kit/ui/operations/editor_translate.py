"""Translating the open pack source through its PO files, for trainer mode's screens."""

from __future__ import annotations

from pathlib import Path

from kit.core.authoring.translating import (
    DONE,
    NEEDS_CHECK,
    UNTRANSLATED,
    Applied,
    Extracted,
    LanguageStatus,
    TranslationUnit,
    apply_translations,
    languages,
    save_unit,
    source_language,
    start_language,
    units,
)
from kit.ui.context import AppContext
from kit.ui.operations.op import Op


def load_languages(ctx: AppContext, root: Path) -> Op[tuple[str, list[LanguageStatus]]]:
    """(the pack's own language, every language's progress)."""
    return Op(ctx, lambda: (source_language(Path(root)), languages(Path(root))))


def add_language(ctx: AppContext, root: Path, lang: str) -> Op[Extracted]:
    return Op(ctx, lambda: start_language(Path(root), lang))


def load_units(ctx: AppContext, root: Path, lang: str) -> Op[list[TranslationUnit]]:
    return Op(ctx, lambda: units(Path(root), lang))


def save(
    ctx: AppContext, root: Path, lang: str, unit: TranslationUnit, text: str, fuzzy: bool
) -> Op[TranslationUnit]:
    """Write one unit's translation into translations/LANG.po."""
    return Op(ctx, lambda: save_unit(Path(root), lang, unit.context, unit.source, text, fuzzy))


def apply(ctx: AppContext, root: Path, lang: str) -> Op[Applied]:
    """Write the finished translations into translations/LANG/."""
    return Op(ctx, lambda: apply_translations(Path(root), lang))


__all__ = [
    "DONE",
    "NEEDS_CHECK",
    "UNTRANSLATED",
    "Applied",
    "Extracted",
    "LanguageStatus",
    "TranslationUnit",
    "add_language",
    "apply",
    "load_languages",
    "load_units",
    "save",
]

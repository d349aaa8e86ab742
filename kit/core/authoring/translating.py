"""Translating a pack source unit by unit, through the PO files of `kit pack translate`.

Everything goes through translations/LANG.po, the file the command-line workflow
(kit.core.packtranslate) extracts, updates, counts and applies, so `kit pack translate
status` and this module always agree: a language is started with `extract`, one unit's
translation is saved into its PO message (the file written atomically), and `apply`
writes the finished ones into translations/LANG/.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from kit.core.errors import KitError
from kit.core.packtranslate.apply import Applied, existing_translations
from kit.core.packtranslate.catalog import (
    FUZZY,
    LanguageStatus,
    merge,
    po_path,
    read_catalog,
    write_catalog,
)
from kit.core.packtranslate.sourcetext import read_source_text
from kit.core.packtranslate.workflow import Extracted, apply, extract, status
from kit.i18n import _

UNTRANSLATED, NEEDS_CHECK, DONE = "untranslated", "fuzzy", "done"


@dataclass(frozen=True)
class TranslationUnit:
    """One text of the pack and its translation in one language's PO file.

    `fuzzy`: the translation is to be checked (marked fuzzy, or made for an older text).
    `note`: a hint for the translator (keep the Markdown's links and images)."""

    context: str
    file: str
    line: int
    source: str
    translation: str
    fuzzy: bool
    note: str = ""

    @property
    def state(self) -> str:
        if not self.translation:
            return UNTRANSLATED
        return NEEDS_CHECK if self.fuzzy else DONE


def languages(root: Path) -> list[LanguageStatus]:
    """Every language the pack lists or has a PO file for, with translated, fuzzy and
    total units (what `kit pack translate status` prints). A language with translation
    files but no PO file yet is `found`, counted from those files (what starting it keeps)."""
    root = Path(root)
    out = []
    source = None
    for s in status(root):
        if not s.has_file and (root / "translations" / s.lang).is_dir():
            source = source or read_source_text(root)
            kept = existing_translations(source, s.lang).values()
            fuzzy = sum(1 for _text, check in kept if check)
            s = replace(s, translated=len(kept) - fuzzy, fuzzy=fuzzy, found=bool(kept))
        out.append(s)
    return out


def source_language(root: Path) -> str:
    """The language the pack is written in."""
    return read_source_text(Path(root)).language


def start_language(root: Path, lang: str) -> Extracted:
    """`kit pack translate extract ROOT --lang LANG`: write (or update) translations/LANG.po."""
    return extract(Path(root), lang.strip())


def _catalog(root: Path, lang: str) -> Catalog:
    path = po_path(Path(root), lang)
    if not path.is_file():
        raise KitError(
            _("There is no translation into {lang} yet; add the language first.").format(lang=lang)
        )
    return read_catalog(path)


def units(root: Path, lang: str) -> list[TranslationUnit]:
    """The pack's units in reading order, each with its translation into `lang`."""
    source = read_source_text(Path(root))
    by_ctx = {str(m.context): m for m in _catalog(root, lang) if m.id and m.context}
    out = []
    for file, unit in source.units:
        msg = by_ctx.get(unit.context)
        text = str(msg.string) if msg is not None and msg.string else ""
        outdated = msg is not None and msg.id != unit.text
        fuzzy = bool(text) and (outdated or bool(msg is not None and msg.fuzzy))
        note = " ".join(msg.auto_comments) if msg is not None else ""
        out.append(TranslationUnit(unit.context, file.rel, unit.line, unit.text, text, fuzzy, note))
    return out


def save_unit(
    root: Path, lang: str, context: str, source: str, translation: str, fuzzy: bool = False
) -> TranslationUnit:
    """Write one unit's translation (and its fuzzy flag) into translations/LANG.po.

    `source` is the text the translation was made for. When the PO file does not have
    that text for `context` yet (the source changed since), the file is first merged
    with the source, as `kit pack translate update` does."""
    root = Path(root)
    path = po_path(root, lang)
    catalog = _catalog(root, lang)
    msg = _message(catalog, context)
    if msg is None or msg.id != source:
        current = read_source_text(root)
        texts = {u.context: u.text for _f, u in current.units}
        if texts.get(context) != source:
            raise KitError(
                _("This text has changed in the pack since it was shown; open it again.")
            )
        catalog, _counts = merge(current, catalog, lang)
        msg = _message(catalog, context)
        if msg is None:  # merge makes one message per unit
            raise KitError(_("This text is no longer in the pack."))
    msg.string = translation
    flags = set(msg.flags) - {FUZZY}
    if fuzzy and translation:
        flags.add(FUZZY)
    else:
        msg.previous_id = []
    msg.flags = flags
    write_catalog(path, catalog, lang)
    note = " ".join(msg.auto_comments)
    line = msg.locations[0][1] if msg.locations else 0
    file = msg.locations[0][0] if msg.locations else ""
    return TranslationUnit(
        context, file, int(line or 0), source, translation, bool(fuzzy and translation), note
    )


def _message(catalog: Catalog, context: str) -> Message | None:
    for msg in catalog:
        if msg.id and str(msg.context or "") == context:
            return msg
    return None


def apply_translations(root: Path, lang: str) -> Applied:
    """`kit pack translate apply ROOT --lang LANG`: write the finished translations into
    translations/LANG/ (fuzzy ones are left out)."""
    return apply(Path(root), [lang])[0]


__all__ = [
    "DONE",
    "NEEDS_CHECK",
    "UNTRANSLATED",
    "Applied",
    "Extracted",
    "LanguageStatus",
    "TranslationUnit",
    "apply_translations",
    "languages",
    "save_unit",
    "source_language",
    "start_language",
    "units",
]
